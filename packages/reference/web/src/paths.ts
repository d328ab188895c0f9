import { sameOriginUrl } from "@foyer/core/rules";

/**
 * Where to go back to after signing in (R-SEC-02): core's one rule for redirects, which keeps
 * a value only when it resolves to this app's own origin and answers it absolute.
 * @example safeReturnUrl("/admin?tenant=acme", "https://app.example") // "https://app.example/admin?tenant=acme"
 */
export const safeReturnUrl = sameOriginUrl;

/** The sign-in page that comes back to the current page afterwards. */
export function signInUrl(returnTo = `${location.pathname}${location.search}`): string {
  return `/login?next=${encodeURIComponent(returnTo)}`;
}
