"use client";
import { ConfirmDialog } from "../../internal/confirm-dialog.tsx";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import type { Confirmation } from "./use-row-actions.ts";

/** Props of `RevokeDialog`. Internal to InvitationsTable. */
export interface RevokeDialogProps {
  open: boolean;
  /** What to ask about (kept while the dialog fades out). */
  confirmation: Confirmation | null;
  onConfirm: () => void;
  onCancel: () => void;
  /** Where focus goes when the dialog closes (the "⋯" button or the bulk Revoke button). */
  returnFocusTo: () => HTMLElement | null;
  l10n: UseLocalizationResult<"invitationsTable">;
  className: string | undefined;
}

/**
 * "Revoke invitation to ana@acme.com? The link stops working immediately. This can't be
 * undone." with Cancel and a red Revoke, or the same for the selection. Internal to
 * InvitationsTable.
 */
export function RevokeDialog({
  open,
  confirmation,
  onConfirm,
  onCancel,
  returnFocusTo,
  l10n,
  className,
}: RevokeDialogProps) {
  const s = l10n.t.invitationsTable;
  const many = confirmation?.kind === "many";
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) onCancel();
      }}
      title={
        confirmation?.kind === "many"
          ? l10n.formatMessage(s.revokeManyTitle, { count: confirmation.count })
          : l10n.formatMessage(s.revokeTitle, {
              email: confirmation?.kind === "one" ? confirmation.invitation.email : "",
            })
      }
      description={many ? s.revokeManyDescription : s.revokeDescription}
      cancelLabel={l10n.t.common.cancel}
      confirmLabel={s.revokeConfirm}
      onConfirm={onConfirm}
      returnFocusTo={returnFocusTo}
      className={className}
    />
  );
}
