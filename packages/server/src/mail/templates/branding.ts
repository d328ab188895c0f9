import type { EmailTenant } from "../email-input.ts";

/** The tenant's branding as an email uses it (R-EML-01). */
export interface EmailBranding {
  /** An absolute image URL, or null for none (the tenant's name is shown instead). */
  logoUrl: string | null;
  /** The button's background and the card's top rule: the tenant's accent colour. */
  accent: string;
  /** The button's text colour: whichever of light and dark reads best on the accent. */
  onAccent: string;
  /** Links in running text: the accent when it reads well on white, else a standard blue. */
  link: string;
  /** True when the tenant gave an accent colour. */
  branded: boolean;
}

/** Foyer's own colours where a tenant gives none. */
export const DEFAULT_ACCENT = "#111827";
const LIGHT = "#ffffff";
const DARK = "#111827";
const BLACK = "#000000";
const LINK_BLUE = "#1d4ed8";
/** WCAG AA for normal text. */
const MIN_CONTRAST = 4.5;

/** `#abc` as `#aabbcc`, lower case; null for anything that is not a hex colour. */
export function normalizeHex(value: string | null): string | null {
  if (value === null) return null;
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!match?.[1]) return null;
  const hex = match[1].toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((ch) => ch + ch).join("") : hex}`;
}

/** Relative luminance of a `#rrggbb` colour (WCAG 2). */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.040_45 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

/**
 * The text colour for a background: white or Foyer's dark grey, whichever contrasts more;
 * where neither reaches 4.5:1 (mid tones), white or black, one of which always does.
 */
export function textOn(background: string): string {
  const light = contrastRatio(background, LIGHT);
  const dark = contrastRatio(background, DARK);
  if (Math.max(light, dark) >= MIN_CONTRAST) return light >= dark ? LIGHT : DARK;
  return light >= contrastRatio(background, BLACK) ? LIGHT : BLACK;
}

/**
 * The logo as an email can load it: an https or data URL as given, a path on the host's
 * origin resolved against `assetBaseUrl`; null for anything else.
 */
export function emailLogoUrl(logoUrl: string | null, assetBaseUrl: string): string | null {
  if (!logoUrl) return null;
  if (logoUrl.startsWith("data:image/") || logoUrl.startsWith("https://")) return logoUrl;
  if (logoUrl.startsWith("/") && !logoUrl.startsWith("//")) {
    try {
      return new URL(logoUrl, assetBaseUrl).href;
    } catch {
      return null;
    }
  }
  return null;
}

/** The branding of a tenant's emails. */
export function emailBranding(tenant: EmailTenant, assetBaseUrl: string): EmailBranding {
  const given = normalizeHex(tenant.accentColor);
  const accent = given ?? DEFAULT_ACCENT;
  return {
    logoUrl: emailLogoUrl(tenant.logoUrl, assetBaseUrl),
    accent,
    onAccent: textOn(accent),
    link: contrastRatio(accent, LIGHT) >= MIN_CONTRAST ? accent : LINK_BLUE,
    branded: given !== null,
  };
}
