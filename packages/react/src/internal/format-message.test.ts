import { describe, expect, it } from "vitest";
import { formatMessage } from "./format-message.ts";

describe("formatMessage", () => {
  it("R-UI-07: fills {{name}} placeholders and formats numbers for the locale", () => {
    expect(formatMessage("en", "Invitation to {{email}} revoked.", { email: "ana@acme.com" })).toBe(
      "Invitation to ana@acme.com revoked.",
    );
    expect(formatMessage("de", "{{count}} Adressen", { count: 1234 })).toBe("1.234 Adressen");
    expect(formatMessage("en", "{{count}} addresses", { count: 1234 })).toBe("1,234 addresses");
  });

  it("R-UI-07: picks the plural form with Intl.PluralRules", () => {
    const message = { one: "{{count}} invitation", other: "{{count}} invitations" };
    expect(formatMessage("en", message, { count: 1 })).toBe("1 invitation");
    expect(formatMessage("en", message, { count: 0 })).toBe("0 invitations");
    expect(
      formatMessage(
        "de",
        { one: "{{count}} Einladung", other: "{{count}} Einladungen" },
        { count: 2 },
      ),
    ).toBe("2 Einladungen");
    // Languages with more forms use them when the message has them.
    const polish = {
      one: "{{count}} plik",
      few: "{{count}} pliki",
      many: "{{count}} plików",
      other: "{{count}} pliku",
    };
    expect(formatMessage("pl", polish, { count: 3 })).toBe("3 pliki");
    expect(formatMessage("pl", polish, { count: 5 })).toBe("5 plików");
  });

  it("R-UI-07: leaves an unknown placeholder visible instead of dropping it", () => {
    expect(formatMessage("en", "Hello {{name}}", {})).toBe("Hello {{name}}");
  });
});
