// A parser for PostgreSQL's text form of `timestamptz` (DateStyle ISO), for the pools Foyer
// makes: every list row carries seven timestamps, and pg's general parser (a regular
// expression per value) was a few per cent of a list request's CPU. Anything but the plain
// form (BC years, years before 100, infinity) goes to `fallback`, pg's own parser.

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Parses `YYYY-MM-DD HH:MM:SS[.ffffff]±HH[:MM[:SS]]` exactly as pg's parser does (milliseconds
 * truncated), and hands anything else to `fallback`.
 */
export function parseTimestamptz(text: string, fallback: (text: string) => unknown): unknown {
  const length = text.length;
  if (
    length < 22 ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 32 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58
  ) {
    return fallback(text);
  }
  const year = digits(text, 0, 4);
  let at = 19;
  let ms = 0;
  if (text.charCodeAt(at) === 46) {
    at += 1;
    let scale = 100;
    while (at < length) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) break;
      ms += digit * scale;
      scale /= 10;
      at += 1;
    }
  }
  const sign = text.charCodeAt(at);
  if ((sign !== 43 && sign !== 45) || year < 100) return fallback(text);
  let offset = digits(text, at + 1, 2) * 3600;
  at += 3;
  for (const unit of [60, 1]) {
    if (at === length) break;
    if (text.charCodeAt(at) !== 58) return fallback(text);
    offset += digits(text, at + 1, 2) * unit;
    at += 3;
  }
  if (at !== length) return fallback(text);
  const time =
    Date.UTC(
      year,
      digits(text, 5, 2) - 1,
      digits(text, 8, 2),
      digits(text, 11, 2),
      digits(text, 14, 2),
      digits(text, 17, 2),
      Math.floor(ms),
    ) -
    (sign === 45 ? -1 : 1) * offset * 1000;
  return Number.isNaN(time) ? fallback(text) : new Date(time);
}
