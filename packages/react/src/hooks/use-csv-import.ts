"use client";
import type { ParsedAddress } from "@foyer/core/rules";
import { useCallback, useRef, useState } from "react";
import { countAddresses, type EmailChipCounts } from "./use-email-chips.ts";

/** One address read from a CSV file. */
export interface CsvAddress extends ParsedAddress {
  /** The line of the file it came from, counting from 1 (the header, if any, is line 1). */
  line: number;
  /** The person's name from the file's name column(s), or null. */
  name: string | null;
}

/** Where a CSV file keeps names: one full-name column, or first and last name columns. */
export interface CsvNameColumns {
  full: number | null;
  first: number | null;
  last: number | null;
}

/** What was found in a CSV file. */
export interface CsvExtract {
  /** Whether the first row was taken as a header. */
  hasHeader: boolean;
  /** Index of the column holding the addresses. */
  column: number;
  /** The column's header text, when there is a header. */
  columnName: string | null;
  /** The name columns found in the header (none without a header). */
  nameColumns: CsvNameColumns;
  /** Every address of the column, judged by core's `markDuplicates`, with its name. */
  addresses: CsvAddress[];
}

/** The state of a CSV import, as a union. */
export type CsvImportState =
  | { status: "idle" }
  | { status: "reading"; fileName: string }
  | {
      status: "ready";
      fileName: string;
      extract: CsvExtract;
      counts: EmailChipCounts;
      validEmails: string[];
    }
  | { status: "empty"; fileName: string }
  | { status: "error"; fileName: string; error: unknown };

/** What `useCsvImport` returns. */
export interface CsvImport {
  state: CsvImportState;
  /** Reads a file; the CSV reader (papaparse) is loaded on demand here, not up front. */
  readFile: (file: File) => Promise<void>;
  /** Forgets the file. */
  reset: () => void;
}

/**
 * Reads a CSV file of addresses (R-INV-02, R-UI-02). The reader (papaparse and the column
 * detection) is imported dynamically when a file arrives, so it never weighs on the first load
 * of a page that shows the modal.
 * @example
 * const csv = useCsvImport();
 * <input type="file" accept=".csv" onChange={(e) => e.target.files?.[0] && csv.readFile(e.target.files[0])} />
 */
export function useCsvImport(): CsvImport {
  const [state, setState] = useState<CsvImportState>({ status: "idle" });
  // A later file wins over a slower earlier one.
  const generation = useRef(0);

  const readFile = useCallback(async (file: File) => {
    const current = ++generation.current;
    setState({ status: "reading", fileName: file.name });
    try {
      const [{ readCsv }, text] = await Promise.all([
        import("../internal/csv-read.ts"),
        file.text(),
      ]);
      const extract = readCsv(text);
      if (current !== generation.current) return;
      if (extract.addresses.length === 0) {
        setState({ status: "empty", fileName: file.name });
        return;
      }
      const counts = countAddresses(extract.addresses);
      const validEmails = extract.addresses.flatMap((entry) =>
        entry.state === "valid" && entry.email ? [entry.email] : [],
      );
      setState({ status: "ready", fileName: file.name, extract, counts, validEmails });
    } catch (error) {
      if (current === generation.current) setState({ status: "error", fileName: file.name, error });
    }
  }, []);

  const reset = useCallback(() => {
    generation.current++;
    setState({ status: "idle" });
  }, []);

  return { state, readFile, reset };
}
