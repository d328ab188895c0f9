"use client";
import { Close, Description, Root, Title } from "@radix-ui/react-dialog";
import { type ReactNode, useRef } from "react";
import { DialogLayer } from "./dialog-layer.tsx";

/** Props of `ConfirmDialog`. Internal. */
export interface ConfirmDialogProps {
  open: boolean;
  /** Asked with `false` on Cancel and Escape; the caller closes by changing `open`. */
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  cancelLabel: string;
  confirmLabel: string;
  onConfirm: () => void;
  /** `danger` paints the confirm button red (revoke, discard). @default "danger" */
  tone?: "danger" | "primary";
  /**
   * Where focus goes when the dialog closes, when that element is still in the page; else
   * Radix returns it to what had it before (the element that opened the dialog).
   */
  returnFocusTo?: (() => HTMLElement | null) | undefined;
  className?: string | undefined;
}

/**
 * A confirmation as an `alertdialog` on Radix Dialog: focus starts on Cancel (the safe
 * choice), Escape cancels, a click beside it does nothing (it needs an answer), and focus
 * returns to what opened it. Works nested inside another Foyer dialog.
 * Internal: the revoke and discard confirmations.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  cancelLabel,
  confirmLabel,
  onConfirm,
  tone = "danger",
  returnFocusTo,
  className,
}: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Root open={open} onOpenChange={onOpenChange}>
      <DialogLayer
        role="alertdialog"
        className={className}
        data-slot="dialog"
        onPointerDownOutside={(event) => event.preventDefault()}
        onOpenAutoFocus={(event) => {
          event.preventDefault();
          cancelRef.current?.focus();
        }}
        onCloseAutoFocus={(event) => {
          const target = returnFocusTo?.();
          if (!target?.isConnected) return;
          event.preventDefault();
          target.focus();
        }}
      >
        <Title className="foyer-dialog__title">{title}</Title>
        <Description className="foyer-dialog__description">{description}</Description>
        <div className="foyer-dialog__footer">
          <Close asChild>
            <button ref={cancelRef} type="button" className="foyer-button">
              {cancelLabel}
            </button>
          </Close>
          <button
            type="button"
            className={`foyer-button foyer-button--${tone}`}
            data-slot="confirm"
            onClick={onConfirm}
          >
            {confirmLabel}
          </button>
        </div>
      </DialogLayer>
    </Root>
  );
}
