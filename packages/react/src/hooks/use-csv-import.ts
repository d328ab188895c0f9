"use client";
import { isValidEmail, markDuplicates, type ParsedAddress } from "@foyer/core/rules";
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
  /** Reads a file; papaparse is loaded on demand here, not up front. */
  readFile: (file: File) => Promise<void>;
  /** Forgets the file. */
  reset: () => void;
}

const HEADER_NAME =
  /^(?:e-?mail|mail|email address|e-mail-adresse|e-?mail-?adresse|address|adresse)$/i;
const HEADER_HINT = /mail/i;
const SAMPLE_ROWS = 50;
/** Header names of name columns, English and German, compared without case and separators. */
const FULL_NAME =
  /^(?:name|fullname|displayname|contactname|person|vollstandigername|anzeigename)$/;
const FIRST_NAME = /^(?:firstname|givenname|forename|first|vorname)$/;
const LAST_NAME = /^(?:lastname|familyname|surname|last|nachname|familienname)$/;

const headerKey = (cell: string) =>
  cell
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");

/** Finds the name columns of a header row (R-INV-02: a CSV's names pre-fill the invitations). */
export function findNameColumns(header: readonly string[], emailColumn: number): CsvNameColumns {
  const find = (pattern: RegExp) => {
    const index = header.findIndex((cell, i) => i !== emailColumn && pattern.test(headerKey(cell)));
    return index < 0 ? null : index;
  };
  return { full: find(FULL_NAME), first: find(FIRST_NAME), last: find(LAST_NAME) };
}

/** A row's name: first and last joined, or else the full-name column; null when empty. */
function nameOf(row: readonly string[], columns: CsvNameColumns): string | null {
  const cell = (index: number | null) => (index === null ? "" : (row[index] ?? "").trim());
  const joined = [cell(columns.first), cell(columns.last)].filter(Boolean).join(" ");
  const name = joined || cell(columns.full);
  return name === "" ? null : name.slice(0, 200);
}

/**
 * R-INV-02: finds the addresses in parsed CSV rows. The header row is optional: the first row
 * is a header when none of its cells is an address but a later row has one. The email column
 * is the one whose header names an email, or else the one with the most addresses. With a
 * header, first/last or full name columns give each address its name.
 * Internal to the package (exported for tests).
 * @example extractCsvEmails([["Name", "Email"], ["Ana", "ana@acme.com"]]).addresses[0]?.name // "Ana"
 */
export function extractCsvEmails(rows: readonly (readonly string[])[]): CsvExtract {
  const nonEmpty = rows.filter((row) => row.some((cell) => cell.trim() !== ""));
  const first = nonEmpty[0] ?? [];
  const firstHasEmail = first.some((cell) => isValidEmail(cell));
  const laterHaveEmail = nonEmpty.slice(1, SAMPLE_ROWS + 1).some((row) => row.some(isValidEmail));
  const firstNamesEmail = first.some((cell) => HEADER_HINT.test(cell));
  const hasHeader = !firstHasEmail && (laterHaveEmail || firstNamesEmail) && nonEmpty.length > 1;

  const body = hasHeader ? nonEmpty.slice(1) : nonEmpty;
  let column = hasHeader ? first.findIndex((cell) => HEADER_NAME.test(cell.trim())) : -1;
  if (column < 0 && hasHeader) column = first.findIndex((cell) => HEADER_HINT.test(cell));
  if (column < 0) column = busiestEmailColumn(body);

  const nameColumns = hasHeader
    ? findNameColumns(first, column)
    : { full: null, first: null, last: null };
  const lines = new Map<readonly string[], number>();
  for (const [index, row] of rows.entries()) lines.set(row, index + 1);
  const inputs = body.map((row) => (row[column] ?? "").trim());
  const judged = markDuplicates(inputs);
  const addresses = judged.map((entry, index) => ({
    ...entry,
    line: lines.get(body[index] ?? []) ?? index + 1,
    name: nameOf(body[index] ?? [], nameColumns),
  }));
  return {
    hasHeader,
    column,
    columnName: hasHeader ? (first[column] ?? null) : null,
    nameColumns,
    addresses: addresses.filter((entry) => entry.input !== ""),
  };
}

function busiestEmailColumn(rows: readonly (readonly string[])[]): number {
  const scores: number[] = [];
  for (const row of rows.slice(0, SAMPLE_ROWS)) {
    row.forEach((cell, index) => {
      const score = isValidEmail(cell) ? 2 : cell.includes("@") ? 1 : 0;
      scores[index] = (scores[index] ?? 0) + score;
    });
  }
  let best = 0;
  scores.forEach((score, index) => {
    if (score > (scores[best] ?? 0)) best = index;
  });
  return best;
}

/**
 * Reads a CSV file of addresses (R-INV-02, R-UI-02). papaparse is imported dynamically when a
 * file arrives, so it never weighs on the first load of a page that shows the modal.
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
      const [{ default: Papa }, text] = await Promise.all([import("papaparse"), file.text()]);
      const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
        skipEmptyLines: "greedy",
      });
      const extract = extractCsvEmails(parsed.data);
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
