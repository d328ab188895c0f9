"use client";
import { type DragEvent, useId, useState } from "react";
import type { CsvAddress, CsvImport } from "../../hooks/use-csv-import.ts";
import { cx } from "../../internal/cx.ts";
import type { SlotClassNames } from "../../internal/slots.ts";
import type { BulkInviteModalStrings } from "../../localization/bulk-invite-modal.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import type { BulkInviteModalSlot } from "./slots.ts";

/** Rows of the preview table: the first ones, then invalid ones further down. */
const PREVIEW_FIRST = 10;
const PREVIEW_MAX = 25;

/** Props of `CsvDropZone`. Internal: part of `BulkInviteModal`. */
export interface CsvDropZoneProps {
  csv: CsvImport;
  strings: BulkInviteModalStrings;
  format: UseLocalizationResult["formatMessage"];
  invalid: boolean;
  errorId: string | undefined;
  disabled: boolean;
  classNames: SlotClassNames<BulkInviteModalSlot> | undefined;
}

/** The first rows plus the invalid and repeated ones after them, so problems are visible. */
export function previewRows(addresses: readonly CsvAddress[]): CsvAddress[] {
  const rows = addresses.slice(0, PREVIEW_FIRST);
  for (const entry of addresses.slice(PREVIEW_FIRST)) {
    if (rows.length >= PREVIEW_MAX) break;
    if (entry.state !== "valid") rows.push(entry);
  }
  return rows;
}

/**
 * "Upload CSV": a drop zone and a file chooser, then a preview of the first rows with
 * invalid ones marked and the counts (R-INV-02). Internal: part of `BulkInviteModal`.
 */
export function CsvDropZone({
  csv,
  strings,
  format,
  invalid,
  errorId,
  disabled,
  classNames,
}: CsvDropZoneProps) {
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const { state } = csv;

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) void csv.readFile(file);
  };

  if (state.status === "ready") {
    const { extract, counts } = state;
    const rows = previewRows(extract.addresses);
    const invalidCount = counts.invalid;
    return (
      <div className={cx("foyer-bulk-invite__csv", classNames?.csvPreview)} data-slot="csv-preview">
        <div className="foyer-bulk-invite__csv-head">
          <p className="foyer-bulk-invite__file">
            {format(strings.csvFile, { name: state.fileName })}
          </p>
          <button
            type="button"
            className="foyer-button foyer-button--ghost foyer-button--small"
            onClick={csv.reset}
            disabled={disabled}
          >
            {strings.csvRemove}
          </button>
        </div>
        <p
          id={`${id}-count`}
          className="foyer-bulk-invite__count"
          data-state={invalidCount > 0 ? "invalid" : "valid"}
        >
          {format(strings.csvCount, { count: counts.total })}
          {`, ${format(strings.csvInvalid, { count: invalidCount })}`}
          {counts.duplicate > 0 &&
            ` · ${format(strings.csvDuplicates, { count: counts.duplicate })}`}
        </p>
        <div className="foyer-bulk-invite__table-wrap">
          <table className="foyer-bulk-invite__table">
            <caption className="foyer-sr-only">
              {format(strings.csvPreviewCaption, {
                shown: rows.length,
                total: extract.addresses.length,
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{strings.csvRow}</th>
                <th scope="col">{strings.csvEmail}</th>
                <th scope="col">{strings.csvState}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.line} data-state={row.state}>
                  <td className="foyer-bulk-invite__num">{row.line}</td>
                  <td>{row.input}</td>
                  <td>
                    {row.state === "valid"
                      ? strings.csvValid
                      : row.state === "invalid"
                        ? strings.chipInvalid
                        : strings.chipDuplicate}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {rows.length < extract.addresses.length && (
          <p className="foyer-hint">
            {format(strings.csvPreviewCaption, {
              shown: rows.length,
              total: extract.addresses.length,
            })}
          </p>
        )}
      </div>
    );
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse only; the file input inside is the keyboard and screen-reader path
    <div
      className={cx("foyer-dropzone", classNames?.dropZone)}
      data-slot="drop-zone"
      data-state={dragging ? "dragging" : state.status}
      data-invalid={invalid || undefined}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p id={`${id}-title`} className="foyer-dropzone__title">
        {strings.dropZone}
      </p>
      <p id={`${id}-hint`} className="foyer-hint">
        {strings.dropZoneHint}
      </p>
      <label className="foyer-button foyer-dropzone__choose">
        {strings.chooseFile}
        <input
          type="file"
          accept=".csv,text/csv,text/plain"
          className="foyer-sr-only"
          disabled={disabled}
          aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(" ")}
          aria-invalid={invalid || undefined}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void csv.readFile(file);
            event.target.value = "";
          }}
        />
      </label>
      <div role="status" className="foyer-dropzone__status">
        {state.status === "reading" && strings.csvReading}
        {state.status === "empty" && strings.csvEmpty}
        {state.status === "error" && format(strings.csvError, { name: state.fileName })}
      </div>
    </div>
  );
}
