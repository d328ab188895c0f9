"use client";
import { Content, Overlay, Portal } from "@radix-ui/react-dialog";
import type { ComponentPropsWithoutRef, ReactNode } from "react";
import { cx } from "./cx.ts";
import { useFoyerRootProps } from "./use-root-props.ts";

/** Props of `DialogLayer`. Internal. */
export interface DialogLayerProps extends Omit<ComponentPropsWithoutRef<typeof Content>, "title"> {
  /** Added to the overlay's classes. */
  overlayClassName?: string | undefined;
  children: ReactNode;
}

/**
 * Radix Dialog's portal, overlay and content, styled by Foyer: the overlay is the scrim
 * (`foyer-dialog-overlay`), the content a `foyer-root` box that carries the provider's theme and
 * variables, because the portal takes it out of the component's tree. Both fade in and out
 * in 150 ms (none with reduced motion); Radix keeps them mounted until the fade ends.
 * Internal: every Foyer dialog (bulk invite, confirmations) is built on it.
 */
export function DialogLayer({
  overlayClassName,
  className,
  style,
  children,
  onOpenAutoFocus,
  ...contentProps
}: DialogLayerProps) {
  const rootProps = useFoyerRootProps();
  return (
    <Portal>
      <Overlay
        className={cx("foyer-dialog-overlay", overlayClassName)}
        data-foyer-theme={rootProps["data-foyer-theme"]}
        data-slot="overlay"
      />
      <Content
        // Focus starts on the element marked `data-foyer-autofocus` (the address field),
        // else Radix's first focusable element.
        onOpenAutoFocus={
          onOpenAutoFocus ??
          ((event) => {
            const target = (event.currentTarget as HTMLElement | null)?.querySelector<HTMLElement>(
              "[data-foyer-autofocus]",
            );
            if (!target) return;
            event.preventDefault();
            target.focus();
          })
        }
        {...contentProps}
        {...rootProps}
        // The caller's style adds to the theme's variables instead of replacing them.
        style={style ? { ...rootProps.style, ...style } : rootProps.style}
        className={cx("foyer-root foyer-dialog", className)}
      >
        {children}
      </Content>
    </Portal>
  );
}
