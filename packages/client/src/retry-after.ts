// Internal: exported for tests only, not from the package index.

/**
 * Reads a `Retry-After` header (RFC 9110): delay-seconds, or an HTTP date. Returns whole
 * seconds from `now` (never negative), or null when the header is missing or unreadable.
 * @example parseRetryAfter("30") // 30
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  // An HTTP date names its day and month; a bare number with a sign is neither form.
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}
