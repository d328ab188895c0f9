import { describe, expect, it } from "vitest";
import { deriveStatus, expiryFrom, expiryOptionsFor } from "./status.ts";

describe("deriveStatus", () => {
  const now = new Date("2026-11-22T12:00:00Z");
  it("R-INV-06: a pending invitation past its expiresAt reads as expired, without any job", () => {
    expect(deriveStatus("pending", "2026-11-22T12:00:01Z", now)).toBe("pending");
    expect(deriveStatus("pending", "2026-11-22T12:00:00Z", now)).toBe("expired");
    expect(deriveStatus("pending", new Date("2026-11-01T00:00:00Z"), now)).toBe("expired");
  });

  it("R-INV-06: accepted and revoked stay what they are whatever the time", () => {
    expect(deriveStatus("accepted", "2020-01-01T00:00:00Z", now)).toBe("accepted");
    expect(deriveStatus("revoked", "2099-01-01T00:00:00Z", now)).toBe("revoked");
  });

  it("R-INV-01: presets are 24 hours, 3, 7, 14 and 30 days", () => {
    const from = new Date("2026-11-22T00:00:00Z");
    expect(expiryFrom("24h", from).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(expiryFrom("3d", from).toISOString()).toBe("2026-11-25T00:00:00.000Z");
    expect(expiryFrom("7d", from).toISOString()).toBe("2026-11-29T00:00:00.000Z");
    expect(expiryFrom("14d", from).toISOString()).toBe("2026-12-06T00:00:00.000Z");
    expect(expiryFrom("30d", from).toISOString()).toBe("2026-12-22T00:00:00.000Z");
  });
});

describe("expiryOptionsFor", () => {
  it("R-INV-01: a tenant offers the presets up to its maximum, its default preselected", () => {
    expect(expiryOptionsFor({ defaultExpiry: "7d", maxExpiry: "14d" })).toEqual({
      presets: ["24h", "3d", "7d", "14d"],
      defaultPreset: "7d",
    });
    expect(expiryOptionsFor({ defaultExpiry: "7d", maxExpiry: "30d" }).presets).toHaveLength(5);
  });

  it("R-INV-01: a default beyond the maximum falls back to the longest allowed preset", () => {
    expect(expiryOptionsFor({ defaultExpiry: "30d", maxExpiry: "3d" })).toEqual({
      presets: ["24h", "3d"],
      defaultPreset: "3d",
    });
  });
});
