"use client";
import type { BulkInvite } from "../../hooks/use-bulk-invite.ts";
import { cx } from "../../internal/cx.ts";
import type { SlotClassNames } from "../../internal/slots.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import { BatchSummary } from "./batch-summary.tsx";
import type { BulkInviteModalSlot } from "./slots.ts";

/** Props of `PreviewView`. Internal: part of `BulkInviteModal`. */
export interface PreviewViewProps {
  invite: BulkInvite;
  l10n: UseLocalizationResult<"bulkInviteModal">;
  headingId: string;
  focusRef: (node: HTMLElement | null) => void;
  classNames: SlotClassNames<BulkInviteModalSlot> | undefined;
}

/**
 * R-INV-16: the dry run of the batch, "9 would be sent · 3 would be skipped" with the skipped
 * addresses grouped by reason; "Checking…" until the server answered, or why it could not.
 * Internal: part of `BulkInviteModal`.
 */
export function PreviewView({ invite, l10n, headingId, focusRef, classNames }: PreviewViewProps) {
  const s = l10n.t.bulkInviteModal;
  const { preview, check } = invite;
  return (
    <section
      aria-labelledby={headingId}
      aria-busy={preview === null || undefined}
      className={cx("foyer-bulk-invite__results", classNames?.results)}
      data-slot="results"
    >
      <h3 id={headingId} className="foyer-bulk-invite__heading" tabIndex={-1} ref={focusRef}>
        {s.previewTitle}
      </h3>
      {preview ? (
        <BatchSummary result={preview} l10n={l10n} headingId={`${headingId}-summary`} />
      ) : check.status === "error" ? (
        <div role="alert" className="foyer-alert">
          <p>{l10n.formatMessage(s.checkFailed, { reason: l10n.errorMessage(check.error) })}</p>
          <button
            type="button"
            className="foyer-button foyer-button--small"
            onClick={check.refetch}
          >
            {s.retry}
          </button>
        </div>
      ) : (
        <p className="foyer-hint">{s.previewing}</p>
      )}
    </section>
  );
}
