import { sameOriginUrl } from "@foyer/core/rules";
import { describe, expect, it } from "vitest";
import { safeReturnUrl } from "./paths.ts";

const ORIGIN = "http://localhost:3000";

// Values of `?next=` (after URLSearchParams decoded the query once) that browsers, or a path
// handed on unchanged, would read as another host or scheme. Each one must stay on the app.
const BYPASSES: readonly string[] = [
  "//evil.example",
  "//evil.example/phish",
  "///evil.example",
  "/\\evil.example",
  "\\/evil.example",
  "\\\\evil.example",
  "/.//evil.example",
  "/./\\evil.example",
  "/..//evil.example",
  "/../..//evil.example",
  "/.//127.0.0.1:3999/phish",
  "/%2F%2Fevil.example",
  "/%2f/evil.example",
  "%2F%2Fevil.example",
  "/%5Cevil.example",
  "/%5C%5Cevil.example",
  "%5C%5Cevil.example",
  "https:evil.example",
  "https:/evil.example",
  "https://evil.example",
  "HTTPS://evil.example",
  "ftp://evil.example",
  "java\tscript:alert(1)",
  "javascript:alert(1)",
  "jav\nascript:alert(1)",
  "\tjavascript:alert(1)",
  "ht\ttps://evil.example",
  "ht\ntps://evil.example",
  "h\rttps://evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  " //evil.example",
  "\u0000//evil.example",
  "//localhost:3000@evil.example",
  "//user:pass@evil.example",
  "http://localhost:3000@evil.example",
  "http://localhost:3000:pass@evil.example/",
  "https://evil.example\\@localhost:3000",
  "//evil.example\\@localhost:3000",
  "http://localhost:3000.evil.example",
  "http://localhost:3001/admin",
  "https://localhost:3000/admin",
  "data:text/html,<script>alert(1)</script>",
  "//%65vil.example",
  "//evil%2Eexample",
  "/ /evil.example",
];

/** Where a browser goes when a page calls `location.assign(value)` on ORIGIN. */
function destination(value: string): URL {
  return new URL(value, ORIGIN);
}

describe("safeReturnUrl", () => {
  it.each(BYPASSES.map((value) => [JSON.stringify(value), value] as const))(
    "R-SEC-02: %s never leads off the app's origin",
    (_label, value) => {
      const result = safeReturnUrl(value, ORIGIN);
      if (result !== null) expect(destination(result).origin).toBe(ORIGIN);
      // Also when the value arrives in the query string, encoded or not.
      for (const query of [`next=${encodeURIComponent(value)}`, `next=${value}`]) {
        const next = new URLSearchParams(query).get("next");
        const fromQuery = safeReturnUrl(next, ORIGIN);
        if (fromQuery !== null) expect(destination(fromQuery).origin).toBe(ORIGIN);
      }
    },
  );

  it("R-SEC-02: the known open-redirect paths of the sign-in page are refused or kept on the app", () => {
    // Before the fix these came back as `//evil.example`, which a browser reads as a host.
    for (const value of ["/.//evil.example", "/..//evil.example", "/./\\evil.example"]) {
      const result = safeReturnUrl(value, ORIGIN);
      expect(result === null || result.startsWith(`${ORIGIN}/`), value).toBe(true);
      expect(result ?? "", value).not.toMatch(/^\/\//);
    }
  });

  it("keeps a path, its query and its fragment on this origin", () => {
    expect(safeReturnUrl("/admin?tenant=acme#x", ORIGIN)).toBe(`${ORIGIN}/admin?tenant=acme#x`);
    expect(safeReturnUrl("/admin", ORIGIN)).toBe(`${ORIGIN}/admin`);
    expect(safeReturnUrl(`${ORIGIN}/admin`, ORIGIN)).toBe(`${ORIGIN}/admin`);
    expect(safeReturnUrl("", ORIGIN)).toBeNull();
    expect(safeReturnUrl(null, ORIGIN)).toBeNull();
    expect(safeReturnUrl(undefined, ORIGIN)).toBeNull();
  });
});

describe("sameOriginUrl (AcceptInvitePage's redirectTo)", () => {
  it.each(BYPASSES.map((value) => [JSON.stringify(value), value] as const))(
    "R-SEC-02: a redirect after acceptance to %s never leads off the app's origin",
    (_label, value) => {
      const result = sameOriginUrl(value, ORIGIN);
      if (result !== null) expect(destination(result).origin).toBe(ORIGIN);
    },
  );
});
