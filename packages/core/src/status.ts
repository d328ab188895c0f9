import type { InvitationStatus, StoredInvitationStatus, TenantSettings } from "./schemas.ts";

/**
 * R-INV-06: the status a person sees. `expired` is never stored ahead of time: a pending
 * invitation whose `expiresAt` has passed reads as expired, so no cron job is needed to be
 * correct.
 */
export function deriveStatus(
  stored: StoredInvitationStatus,
  expiresAt: Date | string,
  now: Date = new Date(),
): InvitationStatus {
  switch (stored) {
    case "pending":
      return new Date(expiresAt).getTime() <= now.getTime() ? "expired" : "pending";
    case "accepted":
    case "revoked":
    case "expired":
      return stored;
    default: {
      const exhaustive: never = stored;
      throw new Error(`Unknown invitation status ${String(exhaustive)}`);
    }
  }
}

/** Expiry presets of R-INV-01, in hours. */
export const EXPIRY_PRESET_HOURS = {
  "24h": 24,
  "3d": 72,
  "7d": 168,
  "14d": 336,
  "30d": 720,
} as const;

/** An expiry preset such as `7d`. */
export type ExpiryPreset = keyof typeof EXPIRY_PRESET_HOURS;

/** Presets from shortest to longest. */
export const expiryPresets = Object.keys(EXPIRY_PRESET_HOURS) as ExpiryPreset[];

/** When an invitation sent at `from` with `preset` expires. */
export function expiryFrom(preset: ExpiryPreset, from: Date = new Date()): Date {
  return new Date(from.getTime() + EXPIRY_PRESET_HOURS[preset] * 3_600_000);
}

/** Whether `preset` is no longer than `max`. */
export function isExpiryAllowed(preset: ExpiryPreset, max: ExpiryPreset): boolean {
  return EXPIRY_PRESET_HOURS[preset] <= EXPIRY_PRESET_HOURS[max];
}

/**
 * R-INV-01: the expiry presets a tenant offers, shortest first (never beyond its maximum),
 * and the one preselected: the tenant's default, or its longest allowed preset when the
 * default lies beyond the maximum.
 * @example expiryOptionsFor({ defaultExpiry: "7d", maxExpiry: "14d" }) // { presets: ["24h", "3d", "7d", "14d"], defaultPreset: "7d" }
 */
export function expiryOptionsFor(settings: Pick<TenantSettings, "defaultExpiry" | "maxExpiry">): {
  presets: ExpiryPreset[];
  defaultPreset: ExpiryPreset;
} {
  const presets = expiryPresets.filter((preset) => isExpiryAllowed(preset, settings.maxExpiry));
  const defaultPreset = isExpiryAllowed(settings.defaultExpiry, settings.maxExpiry)
    ? settings.defaultExpiry
    : settings.maxExpiry;
  return { presets, defaultPreset };
}
