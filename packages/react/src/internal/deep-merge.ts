import type { DeepPartial } from "../localization/types.ts";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Merges overrides into a base object, depth first; `undefined` leaves the base value.
 * Internal: localization merging (defaults < provider < component prop).
 */
export function deepMerge<T extends object>(
  base: T,
  ...overrides: Array<DeepPartial<T> | undefined>
): T {
  let result: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const override of overrides) {
    if (!override) continue;
    const next: Record<string, unknown> = { ...result };
    for (const [key, value] of Object.entries(override)) {
      if (value === undefined) continue;
      const current = next[key];
      next[key] =
        isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
    }
    result = next;
  }
  return result as T;
}
