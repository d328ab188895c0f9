import { isValidEmail, markDuplicates } from "@foyer/core/rules";
import Papa from "papaparse";
import type { CsvExtract, CsvNameColumns } from "../hooks/use-csv-import.ts";

// The CSV reader of `useCsvImport`: papaparse and the column detection, in a chunk of their
// own that the hook imports when a file arrives. Internal.

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
 * Internal (exported for tests).
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

/** Parses a CSV file's text (a byte order mark is dropped) and finds its addresses. */
export function readCsv(text: string): CsvExtract {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  return extractCsvEmails(parsed.data);
}
