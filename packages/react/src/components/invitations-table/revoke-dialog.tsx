"use client";
import { cx } from "../../internal/cx.ts";
import { Dialog, DialogDescription, DialogTitle } from "../../internal/dialog.tsx";
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
 * The revoke confirmation, a native modal `alertdialog`: focus starts on Cancel (the safe
 * choice), Escape cancels, a click beside it does nothing, and focus returns to what opened
 * it.
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
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      role="alertdialog"
      returnFocus={returnFocusTo}
      className="foyer-dialog-overlay"
    >
      <div
        {...rootProps}
        className={cx("foyer-root foyer-dialog", className)}
        data-slot="dialog"
        data-state={open ? "open" : "closed"}
      >
        <DialogTitle className="foyer-dialog__title">{title}</DialogTitle>
        <DialogDescription className="foyer-dialog__description">{description}</DialogDescription>
        <div className="foyer-dialog__footer">
          <button
            type="button"
            className="foyer-button"
            data-foyer-autofocus=""
            onClick={() => onOpenChange(false)}
          >
            {cancelLabel}
          </button>
          <button
            type="button"
            className="foyer-button foyer-button--danger"
            data-slot="confirm"
            onClick={onConfirm}
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
