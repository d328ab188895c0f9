import { describe, expect, it } from "vitest";
import { extractCsvEmails } from "./csv-read.ts";

describe("extractCsvEmails", () => {
  it("R-INV-02: takes the first row as a header when it names the email column", () => {
    const extract = extractCsvEmails([
      ["Name", "E-Mail", "Team"],
      ["Ana", "ana@acme.com", "Ops"],
      ["Ben", "", "Ops"],
      ["Cy", "cy@acme", "Dev"],
    ]);
    expect(extract.hasHeader).toBe(true);
    expect(extract.column).toBe(1);
    expect(extract.columnName).toBe("E-Mail");
    expect(extract.addresses.map((a) => [a.line, a.input, a.state])).toEqual([
      [2, "ana@acme.com", "valid"],
      [4, "cy@acme", "invalid"],
    ]);
  });

  it("R-INV-02: without a header, the column with the most addresses wins and the first row is data", () => {
    const extract = extractCsvEmails([
      ["Ana", "ana@acme.com", "note with @ sign"],
      ["Ben", "ben@acme.com", "x"],
      ["Ana again", "ANA@acme.com", "y"],
    ]);
    expect(extract.hasHeader).toBe(false);
    expect(extract.column).toBe(1);
    expect(extract.addresses.map((a) => a.state)).toEqual(["valid", "valid", "duplicate"]);
  });

  it("R-INV-02: a header with an unusual name is still detected when later rows hold addresses", () => {
    const extract = extractCsvEmails([
      ["Who", "Contact"],
      ["Ana", "ana@acme.com"],
    ]);
    expect(extract.hasHeader).toBe(true);
    expect(extract.column).toBe(1);
    expect(extract.addresses).toHaveLength(1);
  });
});
