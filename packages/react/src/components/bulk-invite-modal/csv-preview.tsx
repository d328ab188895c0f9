"use client";
import type { ParsedAddress, SkipReason } from "@foyer/core/rules";
import { useId } from "react";
import type { CsvAddress, CsvImport, CsvImportState } from "../../hooks/use-csv-import.ts";
import { cx } from "../../internal/cx.ts";
import type { SlotClassNames } from "../../internal/slots.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import type { BulkInviteModalSlot } from "./slots.ts";

/** Rows of the preview table: the first ones, then the ones to be skipped further down. */
const PREVIEW_FIRST = 10;
const PREVIEW_MAX = 25;

/** The first rows plus the skipped ones after them, so problems are visible. */
export function previewRows(
  addresses: readonly CsvAddress[],
  verdictFor: (entry: ParsedAddress) => SkipReason | null,
): CsvAddress[] {
  const rows = addresses.slice(0, PREVIEW_FIRST);
  for (const entry of addresses.slice(PREVIEW_FIRST)) {
    if (rows.length >= PREVIEW_MAX) break;
    if (verdictFor(entry) !== null) rows.push(entry);
  }
  return rows;
}

/** Props of `CsvPreview`. Internal: part of `BulkInviteModal`. */
export interface CsvPreviewProps {
  csv: CsvImport;
  state: Extract<CsvImportState, { status: "ready" }>;
  verdictFor: (entry: ParsedAddress) => SkipReason | null;
  /** Whether the server's dry run of the file is in (rows then read "Will be invited"). */
  checked: boolean;
  l10n: UseLocalizationResult<"bulkInviteModal">;
  classNames: SlotClassNames<BulkInviteModalSlot> | undefined;
}

/**
 * An uploaded CSV: "248 addresses, 3 invalid" and a table of the first rows with each row's
 * name and what will happen to it (the reason it will be skipped, from the browser or the
 * server's dry run). Internal: part of `BulkInviteModal`.
 */
export function CsvPreview({ csv, state, verdictFor, checked, l10n, classNames }: CsvPreviewProps) {
  const id = useId();
  const s = l10n.t.bulkInviteModal;
  const format = l10n.formatMessage;
  const { extract, counts } = state;
  const rows = previewRows(extract.addresses, verdictFor);
  const withNames = extract.addresses.some((entry) => entry.name !== null);
  const caption = format(s.csvPreviewCaption, {
    shown: rows.length,
    total: extract.addresses.length,
  });
  return (
    <div className={cx("foyer-bulk-invite__csv", classNames?.csvPreview)} data-slot="csv-preview">
      <div className="foyer-bulk-invite__csv-head">
        <p className="foyer-bulk-invite__file">{format(s.csvFile, { name: state.fileName })}</p>
        <button
          type="button"
          className="foyer-button foyer-button--ghost foyer-button--small"
          onClick={csv.reset}
        >
          {s.csvRemove}
        </button>
      </div>
      <p
        id={`${id}-count`}
        className="foyer-bulk-invite__count"
        data-state={counts.invalid > 0 ? "invalid" : "valid"}
      >
        {format(s.csvCount, { count: counts.total })}
        {`, ${format(s.csvInvalid, { count: counts.invalid })}`}
        {counts.duplicate > 0 && ` · ${format(s.csvDuplicates, { count: counts.duplicate })}`}
      </p>
      {/* Five rows or more scroll inside it: keyboard users reach it with Tab and scroll
          it with the arrows (WCAG 2.1.1), and hear what it holds. */}
      <section
        className="foyer-bulk-invite__table-wrap"
        aria-label={caption}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard
        tabIndex={0}
      >
        <table className="foyer-bulk-invite__table">
          <caption className="foyer-sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{s.csvRow}</th>
              <th scope="col">{s.csvEmail}</th>
              {withNames && <th scope="col">{s.csvName}</th>}
              <th scope="col">{s.csvState}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const verdict = verdictFor(row);
              const state = row.state !== "valid" ? row.state : verdict ? "skipped" : "valid";
              const text =
                row.state === "invalid"
                  ? s.chipInvalid
                  : row.state === "duplicate"
                    ? s.chipDuplicate
                    : verdict
                      ? s.reasons[verdict]
                      : checked
                        ? s.csvWillInvite
                        : s.csvValid;
              return (
                <tr key={row.line} data-state={state} data-reason={verdict ?? undefined}>
                  <td className="foyer-bulk-invite__num">{row.line}</td>
                  <td>{row.input}</td>
                  {withNames && <td>{row.name ?? ""}</td>}
                  <td>{text}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {rows.length < extract.addresses.length && <p className="foyer-hint">{caption}</p>}
    </div>
  );
}
