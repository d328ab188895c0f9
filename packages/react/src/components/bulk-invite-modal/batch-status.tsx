"use client";
import type { BulkInvite } from "../../hooks/use-bulk-invite.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";

/** Props of `BatchStatus`. Internal: part of `BulkInviteModal`. */
export interface BatchStatusProps {
  invite: BulkInvite;
  l10n: UseLocalizationResult<"bulkInviteModal">;
}

/**
 * Under the addresses, what the server's dry run says about them (R-INV-16): "Checking…",
 * then "3 invitations would be sent · 2 would be skipped", or why it could not check, with
 * Retry. Internal: part of `BulkInviteModal`.
 */
export function BatchStatus({ invite, l10n }: BatchStatusProps) {
  const s = l10n.t.bulkInviteModal;
  const { check } = invite;
  if (check.status === "idle") return null;
  if (check.status === "error") {
    return (
      <div className="foyer-bulk-invite__check" data-state="error">
        <p>{l10n.formatMessage(s.checkFailed, { reason: l10n.errorMessage(check.error) })}</p>
        <button
          type="button"
          className="foyer-button foyer-button--ghost foyer-button--small"
          onClick={check.refetch}
        >
          {s.retry}
        </button>
      </div>
    );
  }
  const result = invite.checked;
  return (
    <div className="foyer-bulk-invite__check" data-state={check.status} data-slot="check">
      <p>
        {check.status === "checking" || !result
          ? s.checking
          : `${l10n.formatMessage(s.previewCreated, { count: result.created.length })} · ${l10n.formatMessage(s.previewSkipped, { count: result.skipped.length })}`}
      </p>
    </div>
  );
}
