"use client";
import { type ReactNode, useId, useState } from "react";
import { cx } from "./cx.ts";

/** Props of `Tooltip`. */
export interface TooltipProps {
  /**
   * What the tooltip says; also the trigger's accessible description. A function is called
   * only when the tooltip shows (a table has two or three per row: formatting every exact
   * date up front was work for tooltips nobody opened).
   */
  content: ReactNode | (() => ReactNode);
  /** The visible trigger content. */
  children: ReactNode;
  className?: string | undefined;
  /** Slot name for `data-slot`. @default "tooltip-trigger" */
  slot?: string | undefined;
}

/**
 * A small text tooltip shown on hover and keyboard focus, dismissible with Escape
 * (WCAG 1.4.13). The trigger is focusable and, while the tooltip shows, described by it, so
 * the text is reachable without a mouse. The tooltip exists only while it shows (as Radix
 * does): a table has two or three per row, and building their text for every row was a large
 * part of its first render. Internal: used by the table.
 */
export function Tooltip({ content, children, className, slot = "tooltip-trigger" }: TooltipProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover and focus only reveal text
    <span
      className={cx("foyer-tooltip", className)}
      data-slot={slot}
      data-state={open ? "open" : "closed"}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: focus must reveal the tooltip (WCAG 1.4.13)
      tabIndex={0}
      aria-describedby={open ? id : undefined}
      onPointerEnter={() => setOpen(true)}
      onPointerLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
        }
      }}
    >
      {children}
      {open && (
        <span role="tooltip" id={id} className="foyer-tooltip__content" data-slot="tooltip">
          {typeof content === "function" ? content() : content}
        </span>
      )}
    </span>
  );
}
