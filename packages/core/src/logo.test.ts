import { describe, expect, it } from "vitest";
import { isLogoUrl, MAX_LOGO_URL_LENGTH } from "./logo.ts";

describe("isLogoUrl", () => {
  it("R-TEN-01: takes an https URL, a path the host serves, or an image data URL", () => {
    expect(isLogoUrl("https://cdn.acme.example/logo.svg")).toBe(true);
    expect(isLogoUrl("/logos/acme.svg")).toBe(true);
    expect(isLogoUrl("data:image/svg+xml;base64,PHN2Zy8+")).toBe(true);
    expect(isLogoUrl("data:image/png;base64,iVBORw0KGgo=")).toBe(true);
  });

  it("R-TEN-01: refuses other schemes, other origins by protocol-relative paths, and odd data", () => {
    for (const value of [
      "",
      "http://acme.example/logo.png",
      "javascript:alert(1)",
      "//evil.example/logo.png",
      "/\\evil.example/logo.png",
      "/logo .png",
      "data:text/html;base64,PGI+",
      "data:image/svg+xml,<svg onload=alert(1)>",
      "https://user:secret@acme.example/logo.png",
      "logo.png",
      `/${"a".repeat(MAX_LOGO_URL_LENGTH)}`,
    ]) {
      expect(isLogoUrl(value), value.slice(0, 40)).toBe(false);
    }
  });
});
