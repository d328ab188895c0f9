// Core's zod-free limits module: the invitee page does not carry the schema library for one
// regex (20 KB budget).
import { HEX_COLOR_PATTERN } from "@foyer/core/rules";

/** Near-black foreground used on light accents; matches the token default of `styles.css`. */
export const DARK_FOREGROUND = "#0b0b0f";
/** White foreground used on dark accents. */
export const LIGHT_FOREGROUND = "#ffffff";

/** Tenant branding resolved for the page: the accent and the text colour readable on it. */
export interface TenantBranding {
  /** The tenant's accent, normalised to `#rrggbb`. */
  accent: string;
  /** White or near-black, whichever contrasts more with the accent (WCAG 2.x). */
  accentForeground: string;
  /** Contrast ratio of `accentForeground` on `accent`. */
  contrast: number;
}

/** Whether a value is a CSS hex colour (`#abc` or `#aabbcc`), as core's `HexColorSchema`. */
export function isHexColor(value: string): boolean {
  return HEX_COLOR_PATTERN.test(value);
}

function expandHex(hex: string): string {
  const body = hex.slice(1);
  const full =
    body.length === 3
      ? body
          .split("")
          .map((c) => c + c)
          .join("")
      : body;
  return `#${full.toLowerCase()}`;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2.x relative luminance of a `#rgb`/`#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const full = expandHex(hex);
  const r = Number.parseInt(full.slice(1, 3), 16);
  const g = Number.parseInt(full.slice(3, 5), 16);
  const b = Number.parseInt(full.slice(5, 7), 16);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2.x contrast ratio between two hex colours (1 to 21). Internal to the package. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  const [hi, lo] = la >= lb ? [la, lb] : [lb, la];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * R-UI-06: resolves a tenant's accent into CSS-ready colours, picking white or near-black
 * text, whichever reads better on it. Returns null when the value is missing or not a CSS hex
 * colour: the preview's accent is tenant data, so it is never written into styles unchecked.
 * @example tenantBranding("#ffcc00") // { accent: "#ffcc00", accentForeground: "#0b0b0f", … }
 */
export function tenantBranding(accentColor: string | null | undefined): TenantBranding | null {
  if (accentColor == null || !isHexColor(accentColor)) return null;
  const accent = expandHex(accentColor);
  const onLight = contrastRatio(accent, LIGHT_FOREGROUND);
  const onDark = contrastRatio(accent, DARK_FOREGROUND);
  return onLight >= onDark
    ? { accent, accentForeground: LIGHT_FOREGROUND, contrast: onLight }
    : { accent, accentForeground: DARK_FOREGROUND, contrast: onDark };
}

/** Up to two initials of a name, for a logo placeholder ("Acme Corp" becomes "AC"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = words.slice(0, 2).map((word) => [...word][0] ?? "");
  return letters.join("").toUpperCase();
}
