import { describe, expect, it } from "vitest";
import {
  displayNameOf,
  emailKey,
  normalizeDomain,
  normalizeEmail,
  parseDomainList,
  parseEmailList,
} from "./emails.ts";

describe("parseEmailList", () => {
  it("R-INV-02: splits on commas, semicolons, whitespace and newlines, normalised, order kept", () => {
    const parsed = parseEmailList(
      "Ana@Acme.com, bob@acme.com;carl@acme.com\n dora@acme.com\teve@acme.com",
    );
    expect(parsed.map((p) => p.email)).toEqual([
      "ana@acme.com",
      "bob@acme.com",
      "carl@acme.com",
      "dora@acme.com",
      "eve@acme.com",
    ]);
    expect(parsed.every((p) => p.state === "valid")).toBe(true);
  });

  it("R-INV-02: reports duplicates case-insensitively and invalid entries instead of dropping them", () => {
    const parsed = parseEmailList("ana@acme.com, not-an-email, ANA@acme.com, @acme.com, x@y");
    expect(parsed.map((p) => [p.input, p.state])).toEqual([
      ["ana@acme.com", "valid"],
      ["not-an-email", "invalid"],
      ["ANA@acme.com", "duplicate"],
      ["@acme.com", "invalid"],
      ["x@y", "invalid"],
    ]);
  });

  it("R-INV-02: keeps pasted `Name <address>` entries whole", () => {
    const parsed = parseEmailList(
      'Ana Lopez <ana@acme.com>, "Bob B" <bob@acme.com>; carl@acme.com',
    );
    expect(parsed.map((p) => p.email)).toEqual(["ana@acme.com", "bob@acme.com", "carl@acme.com"]);
  });

  it("ignores empty separators", () => {
    expect(parseEmailList(" ,;\n\n ,")).toEqual([]);
  });
});

describe("normalizeEmail", () => {
  it("lower-cases, strips mailto: and punycodes international domains", () => {
    expect(normalizeEmail(" mailto:Ana@Acme.COM ")).toBe("ana@acme.com");
    expect(normalizeEmail("jörg@bücher.de")).toBeNull();
    expect(normalizeEmail("joerg@bücher.de")).toBe("joerg@xn--bcher-kva.de");
  });

  it("refuses addresses that are not deliverable shapes", () => {
    for (const bad of [
      "a@b",
      "a..b@acme.com",
      ".a@acme.com",
      "a@-acme.com",
      "a@acme..com",
      "a b@acme.com",
      `${"x".repeat(65)}@acme.com`,
      "a@acme.c",
    ]) {
      expect(normalizeEmail(bad), bad).toBeNull();
    }
    expect(normalizeEmail("first.last+tag@sub.acme.co.uk")).toBe("first.last+tag@sub.acme.co.uk");
  });
});

describe("emailKey", () => {
  it("R-INV-04: every spelling of one address gives one key, the punycode form", () => {
    for (const spelling of [
      "max@bücher.de",
      "Max@Bücher.de",
      " MAX@BÜCHER.DE ",
      "max@xn--bcher-kva.de",
      "Max <max@bücher.de>",
    ]) {
      expect(emailKey(spelling), spelling).toBe("max@xn--bcher-kva.de");
    }
    expect(emailKey("  Not An Address ")).toBe("not an address");
  });
});

describe("domains", () => {
  it("R-LNK-04: normalises domain lists to lower case and punycode, reporting bad entries", () => {
    expect(normalizeDomain("@Acme.COM")).toBe("acme.com");
    expect(parseDomainList("acme.com, Bücher.de\nacme.com, not a domain")).toEqual({
      domains: ["acme.com", "xn--bcher-kva.de"],
      invalid: ["not", "a", "domain"],
    });
  });
});

describe("displayNameOf", () => {
  it("R-INV-02: reads the name of a `Name <address>` entry, and nothing from a bare address", () => {
    expect(displayNameOf("Ana Smith <ana@acme.com>")).toBe("Ana Smith");
    expect(displayNameOf('"Smith, Ana" <ana@acme.com>')).toBe("Smith, Ana");
    expect(displayNameOf("<ana@acme.com>")).toBeNull();
    expect(displayNameOf("ana@acme.com")).toBeNull();
  });
});
