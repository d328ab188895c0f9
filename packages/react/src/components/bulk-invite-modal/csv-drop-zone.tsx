"use client";
import type { ParsedAddress, SkipReason } from "@foyer/core/rules";
import { type DragEvent, useId, useState } from "react";
import type { CsvImport } from "../../hooks/use-csv-import.ts";
import { cx } from "../../internal/cx.ts";
import type { SlotClassNames } from "../../internal/slots.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import { CsvPreview } from "./csv-preview.tsx";
import type { BulkInviteModalSlot } from "./slots.ts";

/** Props of `CsvDropZone`. Internal: part of `BulkInviteModal`. */
export interface CsvDropZoneProps {
  csv: CsvImport;
  verdictFor: (entry: ParsedAddress) => SkipReason | null;
  checked: boolean;
  l10n: UseLocalizationResult<"bulkInviteModal">;
  invalid: boolean;
  errorId: string | undefined;
  classNames: SlotClassNames<BulkInviteModalSlot> | undefined;
}

/**
 * "Upload CSV": a drop zone and a file chooser; once a file is read, its preview (R-INV-02).
 * Internal: part of `BulkInviteModal`.
 */
export function CsvDropZone({
  csv,
  verdictFor,
  checked,
  l10n,
  invalid,
  errorId,
  classNames,
}: CsvDropZoneProps) {
  const id = useId();
  const s = l10n.t.bulkInviteModal;
  const [dragging, setDragging] = useState(false);
  const { state } = csv;

  if (state.status === "ready") {
    return (
      <CsvPreview
        csv={csv}
        state={state}
        verdictFor={verdictFor}
        checked={checked}
        l10n={l10n}
        classNames={classNames}
      />
    );
  }

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void csv.readFile(file);
  };

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
        {s.dropZone}
      </p>
      <p id={`${id}-hint`} className="foyer-hint">
        {s.dropZoneHint}
      </p>
      <label className="foyer-button foyer-dropzone__choose">
        {s.chooseFile}
        <input
          type="file"
          accept=".csv,text/csv,text/plain"
          className="foyer-sr-only"
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
        {state.status === "reading" && s.csvReading}
        {state.status === "empty" && s.csvEmpty}
        {state.status === "error" && l10n.formatMessage(s.csvError, { name: state.fileName })}
      </div>
    </div>
  );
}
