/**
 * Where to go back to after signing in (R-SEC-02): `value` resolved against this app's own
 * origin with the URL parser (the one the browser navigates with), kept only when the
 * origin is unchanged, and answered as an absolute URL. Absolute, because a path handed on
 * as a path can change meaning: `/.//evil.example` resolves to the path `//evil.example`,
 * which a browser would read as another host. Backslashes, tabs, newlines, percent-encoding
 * and user-info tricks need no rules of their own: the parser reads them as the browser does,
 * and the origin comparison decides.
 * @example safeReturnUrl("/admin?tenant=acme", "https://app.example") // "https://app.example/admin?tenant=acme"
 * @example safeReturnUrl("/.//evil.example", "https://app.example") // "https://app.example//evil.example"
 * @example safeReturnUrl("https:evil.example", "https://app.example") // null
 */
export function safeReturnUrl(value: string | null | undefined, origin: string): string | null {
  if (!value) return null;
  try {
    const base = new URL(origin);
    const url = new URL(value, base);
    return url.origin === base.origin ? url.href : null;
  } catch {
    return null;
  }
}

/** The sign-in page that comes back to the current page afterwards. */
export function signInUrl(returnTo = `${location.pathname}${location.search}`): string {
  return `/login?next=${encodeURIComponent(returnTo)}`;
}
