// Where a tenant logo may come from (R-TEN-01, R-UI-06): a URL the host serves, or the image
// itself as a data URL. zod-free: the invitee's page checks the preview's value with it before
// it loads anything, and `LogoUrlSchema` checks tenants with it on the server.

/** Longest logo URL accepted; data URLs of a small SVG or PNG fit well below it. */
export const MAX_LOGO_URL_LENGTH = 65_536;

const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;

/**
 * Whether `value` is a logo URL Foyer loads:
 * - an absolute `https:` URL (a CDN, the host's own site);
 * - a path on the page's own origin, such as `/logos/acme.svg` (what a host serves itself;
 *   never protocol-relative `//other.example`);
 * - a base64 `data:image/…` URL (png, jpeg, gif, webp, avif or svg+xml).
 * Anything else (`http:`, `javascript:`, other data types) is refused.
 * @example isLogoUrl("/logos/acme.svg") // true
 * @example isLogoUrl("http://acme.example/logo.png") // false
 */
export function isLogoUrl(value: string): boolean {
  if (value.length === 0 || value.length > MAX_LOGO_URL_LENGTH) return false;
  if (value.startsWith("data:")) return DATA_IMAGE.test(value);
  // Backslashes and control characters read as "/" in some browsers (`/\\evil.example`).
  if (/[\\\s\p{Cc}]/u.test(value)) return false;
  if (value.startsWith("/")) return !value.startsWith("//");
  try {
    const url = new URL(value);
    return (
      url.protocol === "https:" && url.hostname !== "" && url.username === "" && url.password === ""
    );
  } catch {
    return false;
  }
}
