"use client";
import type { BatchResult, SkipReason } from "@foyer/core";
import type { BulkInviteModalStrings } from "../../localization/bulk-invite-modal.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";

// The order groups are listed in; a `Record` so a new reason in core fails to compile here.
// (Not `SkipReasonSchema.options`: that would pull zod into the modal's bundle.)
const REASON_ORDER: Record<SkipReason, number> = {
  invalid_email: 0,
  duplicate_in_batch: 1,
  already_pending: 2,
  already_member: 3,
  domain_not_allowed: 4,
  seat_limit: 5,
};

/** Skipped addresses grouped by reason, in a fixed order. */
export function groupSkipped(
  skipped: BatchResult["skipped"],
): Array<{ reason: SkipReason; inputs: string[] }> {
  const groups = new Map<SkipReason, string[]>();
  for (const entry of skipped) {
    const list = groups.get(entry.reason) ?? [];
    list.push(entry.email ?? entry.input);
    groups.set(entry.reason, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => REASON_ORDER[a] - REASON_ORDER[b])
    .map(([reason, inputs]) => ({ reason, inputs }));
}

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
  strings: BulkInviteModalStrings;
  format: UseLocalizationResult["formatMessage"];
  headingId: string;
}

const LIST_LIMIT = 50;

/**
 * A batch result (dry run or real): the headline, seats left, and the skipped addresses
 * grouped by reason ("Already pending (2)"). Internal: part of `BulkInviteModal`.
 */
export function BatchSummary({ result, strings, format, headingId }: BatchSummaryProps) {
  const groups = groupSkipped(result.skipped);
  return (
    <div className="foyer-batch-summary">
      <p className="foyer-batch-summary__headline" data-slot="summary-line">
        {summaryLine(result, strings, format)}
      </p>
      {result.seatsLeft !== null && (
        <p className="foyer-hint">{format(strings.seatsLeft, { count: result.seatsLeft })}</p>
      )}
      {result.dryRun && groups.length === 0 && (
        <p className="foyer-hint">{strings.previewNothingSkipped}</p>
      )}
      {groups.length > 0 && (
        <section aria-labelledby={`${headingId}-skipped`} className="foyer-batch-summary__skipped">
          <h3 id={`${headingId}-skipped`} className="foyer-batch-summary__title">
            {strings.skippedTitle}
          </h3>
          {groups.map(({ reason, inputs }) => {
            const groupId = `${headingId}-${reason}`;
            return (
              <div key={reason} className="foyer-batch-summary__group" data-reason={reason}>
                <h4 id={groupId} className="foyer-batch-summary__reason">
                  {format(strings.skippedGroup, {
                    reason: strings.reasons[reason],
                    count: inputs.length,
                  })}
                </h4>
                <ul aria-labelledby={groupId} className="foyer-batch-summary__list">
                  {inputs.slice(0, LIST_LIMIT).map((input, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: inputs repeat (duplicates); the list never reorders
                    <li key={`${index}:${input}`}>{input}</li>
                  ))}
                  {inputs.length > LIST_LIMIT && (
                    <li className="foyer-hint">{`+ ${inputs.length - LIST_LIMIT}`}</li>
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
