"use client";
import { type ReactNode, useId, useState } from "react";
import { cx } from "./cx.ts";

/** Props of `Tooltip`. */
export interface TooltipProps {
  /** What the tooltip says; also the trigger's accessible description. */
  content: ReactNode;
  /** The visible trigger content. */
  children: ReactNode;
  className?: string;
  /** Slot name for `data-slot`. @default "tooltip-trigger" */
  slot?: string;
}

/**
 * A small text tooltip shown on hover and keyboard focus, dismissible with Escape
 * (WCAG 1.4.13). The trigger is focusable and described by the tooltip, so the text is
 * reachable without a mouse. Internal: shared by the table and the modal.
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
      aria-describedby={id}
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
      <span role="tooltip" id={id} className="foyer-tooltip__content" data-slot="tooltip">
        {content}
      </span>
    </span>
  );
}
