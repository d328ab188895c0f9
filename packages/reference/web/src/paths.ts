/**
 * A return path that stays on this origin: `/admin?tenant=acme` passes; `//evil.example`,
 * `/\evil.example`, `https://…` and `javascript:` do not (null).
 */
export function safeReturnPath(value: string | null | undefined, origin: string): string | null {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return null;
  }
  try {
    const url = new URL(value, origin);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}

/** The sign-in page that comes back to the current page afterwards. */
export function signInUrl(returnTo = `${location.pathname}${location.search}`): string {
  return `/login?next=${encodeURIComponent(returnTo)}`;
}
