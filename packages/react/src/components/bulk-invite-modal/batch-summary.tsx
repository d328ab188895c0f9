"use client";
import { type BatchResult, groupSkipped } from "@foyer/core/rules";
import type { BulkInviteModalStrings } from "../../localization/bulk-invite-modal.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";

/** The headline of a result: "9 invited · 3 skipped" (or the dry run's wording). */
export function summaryLine(
  result: BatchResult,
  strings: BulkInviteModalStrings,
  format: UseLocalizationResult["formatMessage"],
): string {
  const created = result.created.length;
  const skipped = result.skipped.length;
  if (result.dryRun) {
    return `${format(strings.previewCreated, { count: created })} · ${format(strings.previewSkipped, { count: skipped })}`;
  }
  return `${format(strings.resultInvited, { count: created })} · ${format(strings.resultSkipped, { count: skipped })}`;
}

/** Props of `BatchSummary`. Internal: part of `BulkInviteModal`. */
export interface BatchSummaryProps {
  result: BatchResult;
  l10n: UseLocalizationResult<"bulkInviteModal">;
  headingId: string;
}

const LIST_LIMIT = 50;

/**
 * A batch result (dry run or real): the headline, seats left, and the skipped addresses
 * grouped by reason in core's order ("Already pending (2)"). Internal: part of
 * `BulkInviteModal`.
 */
export function BatchSummary({ result, l10n, headingId }: BatchSummaryProps) {
  const s = l10n.t.bulkInviteModal;
  const format = l10n.formatMessage;
  const groups = groupSkipped(result.skipped);
  return (
    <div className="foyer-batch-summary">
      <p className="foyer-batch-summary__headline" data-slot="summary-line">
        {summaryLine(result, s, format)}
      </p>
      {result.seatsLeft !== null && (
        <p className="foyer-hint">{format(s.seatsLeft, { count: result.seatsLeft })}</p>
      )}
      {result.dryRun && groups.length === 0 && (
        <p className="foyer-hint">{s.previewNothingSkipped}</p>
      )}
      {groups.length > 0 && (
        <section aria-labelledby={`${headingId}-skipped`} className="foyer-batch-summary__skipped">
          <h3 id={`${headingId}-skipped`} className="foyer-batch-summary__title">
            {s.skippedTitle}
          </h3>
          {groups.map(({ reason, entries }) => {
            const groupId = `${headingId}-${reason}`;
            return (
              <div key={reason} className="foyer-batch-summary__group" data-reason={reason}>
                <h4 id={groupId} className="foyer-batch-summary__reason">
                  {format(s.skippedGroup, { reason: s.reasons[reason], count: entries.length })}
                </h4>
                <ul aria-labelledby={groupId} className="foyer-batch-summary__list">
                  {entries.slice(0, LIST_LIMIT).map((entry, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: inputs repeat (duplicates); the list never reorders
                    <li key={`${index}:${entry.input}`}>{entry.email ?? entry.input}</li>
                  ))}
                  {entries.length > LIST_LIMIT && (
                    <li className="foyer-hint">{`+ ${entries.length - LIST_LIMIT}`}</li>
                  )}
                </ul>
              </div>
            );
          })}
        </section>
      )}
    </div>
  );
}
