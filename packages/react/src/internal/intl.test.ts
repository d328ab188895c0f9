import { describe, expect, it } from "vitest";
import { dateFormat, numberFormat, pluralRules, relativeTimeFormat } from "./intl.ts";

describe("Intl formatters", () => {
  it("R-UI-07: one formatter per locale and kind is built and shared, each in its locale", () => {
    expect(dateFormat("en", "date")).toBe(dateFormat("en", "date"));
    expect(dateFormat("en", "date")).not.toBe(dateFormat("en", "dateTime"));
    expect(numberFormat("de")).toBe(numberFormat("de"));
    expect(numberFormat("de")).not.toBe(numberFormat("en"));
    expect(relativeTimeFormat("en")).toBe(relativeTimeFormat("en"));
    expect(pluralRules("en")).toBe(pluralRules("en"));

    const at = new Date("2026-11-29T15:04:00Z");
    expect(dateFormat("de", "date").resolvedOptions().locale).toBe("de");
    expect(dateFormat("en", "dateTime").resolvedOptions().timeStyle).toBe("short");
    expect(dateFormat("en", "date").resolvedOptions().timeStyle).toBeUndefined();
    expect(dateFormat("en", "date").format(at)).toContain("2026");
    expect(numberFormat("de").format(12345)).toBe("12.345");
    expect(numberFormat("en").format(12345)).toBe("12,345");
    expect(relativeTimeFormat("en").format(-1, "day")).toBe("yesterday");
    expect(pluralRules("en").select(1)).toBe("one");
  });
});
