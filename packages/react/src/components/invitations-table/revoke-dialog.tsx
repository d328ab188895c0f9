"use client";
import * as Dialog from "@radix-ui/react-dialog";
import { cx } from "../../internal/cx.ts";
import { useFoyerRootProps } from "../../internal/use-root-props.ts";

/** Props of `RevokeDialog`. Internal to InvitationsTable. */
export interface RevokeDialogProps {
  open: boolean;
  title: string;
  description: string;
  cancelLabel: string;
  confirmLabel: string;
  onConfirm: () => void;
  onOpenChange: (open: boolean) => void;
  /** Where focus goes when the dialog closes (the "⋯" button or the bulk Revoke button). */
  returnFocusTo: () => HTMLElement | null;
  className?: string | undefined;
}

/**
 * The revoke confirmation, on Radix Dialog: focus starts on Cancel (the safe choice),
 * Escape cancels, and focus returns to what opened it.
 */
export function RevokeDialog({
  open,
  title,
  description,
  cancelLabel,
  confirmLabel,
  onConfirm,
  onOpenChange,
  returnFocusTo,
  className,
}: RevokeDialogProps) {
  const rootProps = useFoyerRootProps();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="foyer-dialog-overlay" />
        <Dialog.Content
          {...rootProps}
          role="alertdialog"
          className={cx("foyer-root foyer-dialog", className)}
          data-slot="dialog"
          onCloseAutoFocus={(event) => {
            const target = returnFocusTo();
            if (target?.isConnected) {
              event.preventDefault();
              target.focus();
            }
          }}
        >
          <Dialog.Title className="foyer-dialog__title">{title}</Dialog.Title>
          <Dialog.Description className="foyer-dialog__description">
            {description}
          </Dialog.Description>
          <div className="foyer-dialog__footer">
            <Dialog.Close asChild>
              <button type="button" className="foyer-button">
                {cancelLabel}
              </button>
            </Dialog.Close>
            <button
              type="button"
              className="foyer-button foyer-button--danger"
              data-slot="confirm"
              onClick={onConfirm}
            >
              {confirmLabel}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
