import { HexColorSchema } from "@foyer/core";
import { describe, expect, it } from "vitest";
import { contrastRatio, initialsOf, isHexColor, tenantBranding } from "./tenant-branding.ts";

describe("tenantBranding", () => {
  it("R-UI-06: picks white text on a dark accent and near-black on a light one, each readable (4.5:1)", () => {
    const dark = tenantBranding("#4f46e5");
    expect(dark).toMatchObject({ accent: "#4f46e5", accentForeground: "#ffffff" });
    expect(dark?.contrast).toBeGreaterThanOrEqual(4.5);
    const light = tenantBranding("#fc0");
    expect(light).toMatchObject({ accent: "#ffcc00", accentForeground: "#0b0b0f" });
    expect(light?.contrast).toBeGreaterThanOrEqual(4.5);
    // A mid tone where white fails 4.5:1 must get the dark foreground.
    expect(contrastRatio("#f97316", "#ffffff")).toBeLessThan(4.5);
    expect(tenantBranding("#f97316")?.accentForeground).toBe("#0b0b0f");
  });

  it("R-UI-06: ignores an accent that is not a CSS hex colour, so tenant data never reaches a style unchecked", () => {
    expect(tenantBranding(null)).toBeNull();
    expect(tenantBranding("red; background: url(x)")).toBeNull();
    expect(tenantBranding("#12345")).toBeNull();
  });

  it("R-UI-04: makes initials for a logo placeholder", () => {
    expect(initialsOf("Acme Corp")).toBe("AC");
    expect(initialsOf("globex")).toBe("G");
    expect(initialsOf("Ärzte ohne Grenzen")).toBe("ÄO");
  });

  it("R-UI-06: the zod-free colour check agrees with core's schema", () => {
    for (const value of [
      "#abc",
      "#AABBCC",
      "#abcd",
      "#12345",
      "abc",
      "#ggg",
      "#abcabc ",
      "red",
      "",
    ]) {
      expect(isHexColor(value), value).toBe(HexColorSchema.safeParse(value).success);
    }
  });
});
