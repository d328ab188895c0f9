/**
 * R-SEC-02: where a redirect after sign-in or acceptance may go. `value` is resolved against
 * the app's own origin with the URL parser (the one the browser navigates with) and kept only
 * when the origin is unchanged; the answer is absolute, because a path handed on as a path can
 * change meaning (`/.//evil.example` resolves to the path `//evil.example`, which a browser
 * reads as another host). Backslashes and control characters, which browsers read as "/" or
 * drop, are refused outright; other schemes never pass. Returns null when `value` is not safe.
 * @example sameOriginUrl("/admin?tenant=acme", "https://app.example") // "https://app.example/admin?tenant=acme"
 * @example sameOriginUrl("https:evil.example", "https://app.example") // null
 */
export function sameOriginUrl(value: string | null | undefined, origin: string): string | null {
  if (value === undefined || value === null || value.trim() === "") return null;
  if (/[\\\p{Cc}]/u.test(value)) return null;
  try {
    const base = new URL(origin);
    const url = new URL(value, base);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return url.origin === base.origin ? url.href : null;
  } catch {
    return null;
  }
}
