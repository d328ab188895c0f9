/** Longest address SMTP allows (RFC 5321 path limit minus the brackets). */
export const MAX_EMAIL_LENGTH = 254;

const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * Normalises one email domain: trimmed, lower case, internationalised labels as punycode
 * (`bücher.de` becomes `xn--bcher-kva.de`). Returns null when it is not a usable domain.
 */
export function normalizeDomain(input: string): string | null {
  const raw = input.trim().replace(/^@/, "").replace(/\.$/, "").toLowerCase();
  if (raw.length === 0 || raw.length > 253 || /[\s/\\?#@:[\]]/.test(raw)) return null;
  let ascii: string;
  try {
    ascii = new URL(`http://${raw}`).hostname;
  } catch {
    return null;
  }
  const labels = ascii.split(".");
  if (labels.length < 2) return null;
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) return null;
  if (!TLD.test(labels[labels.length - 1] ?? "")) return null;
  return ascii;
}

/**
 * Normalises one address as a person would type or paste it: trims, accepts
 * `Ana Smith <ana@acme.com>` and `mailto:`, lower-cases, punycodes the domain.
 * Returns null when the address is not valid.
 */
export function normalizeEmail(input: string): string | null {
  let raw = input.trim();
  const angle = /<([^<>]*)>\s*$/.exec(raw);
  if (angle?.[1] !== undefined) raw = angle[1].trim();
  raw = raw.replace(/^mailto:/i, "").replace(/^["']|["']$/g, "");
  const at = raw.lastIndexOf("@");
  if (at <= 0 || at === raw.length - 1) return null;
  const local = raw.slice(0, at).toLowerCase();
  if (local.length > 64 || !LOCAL_PART.test(local)) return null;
  const domain = normalizeDomain(raw.slice(at + 1));
  if (domain === null) return null;
  const email = `${local}@${domain}`;
  return email.length <= MAX_EMAIL_LENGTH ? email : null;
}

/**
 * The one form under which an address is stored and compared, wherever Foyer or its host keeps
 * one (members, host users, invitations, sign-in): `normalizeEmail`'s result, so
 * `Max@Bücher.de` and `max@xn--bcher-kva.de` are one address. Text that is not a valid
 * address falls back to trimmed lower case, so a lookup with it still finds nothing else.
 * @example emailKey(" Max@Bücher.de ") // "max@xn--bcher-kva.de"
 */
export function emailKey(input: string): string {
  return normalizeEmail(input) ?? input.trim().toLowerCase();
}

/** Whether the text is a valid address (after normalisation). */
export function isValidEmail(input: string): boolean {
  return normalizeEmail(input) !== null;
}

/** The domain part of a normalised address. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1);
}

/** One address found in free text, with what is wrong with it, if anything. */
export interface ParsedAddress {
  /** The text as it appeared. */
  input: string;
  /** The normalised address, or null when invalid. */
  email: string | null;
  /** `valid`, `invalid`, or `duplicate` (an earlier entry has the same address). */
  state: "valid" | "invalid" | "duplicate";
}

/**
 * R-INV-02: splits free text into addresses. Separators are commas, semicolons, whitespace
 * and newlines; `Name <address>` entries stay whole. Addresses are normalised, duplicates
 * (case-insensitive) reported rather than dropped, order kept.
 */
export function parseEmailList(text: string): ParsedAddress[] {
  const tokens: string[] = [];
  for (const segment of text.split(/[,;\n\r]+/)) {
    const trimmed = segment.trim();
    if (trimmed === "") continue;
    if (/<[^<>]*>/.test(trimmed)) {
      for (const match of trimmed.matchAll(/[^<>]*<[^<>]*>|[^\s<>]+/g)) {
        const value = match[0].trim();
        if (value !== "") tokens.push(value);
      }
    } else {
      tokens.push(...trimmed.split(/\s+/).filter((t) => t !== ""));
    }
  }
  return markDuplicates(tokens);
}

/** Normalises a list of raw addresses and marks invalid ones and repeats. */
export function markDuplicates(inputs: readonly string[]): ParsedAddress[] {
  const seen = new Set<string>();
  return inputs.map((input) => {
    const email = normalizeEmail(input);
    if (email === null) return { input, email: null, state: "invalid" };
    if (seen.has(email)) return { input, email, state: "duplicate" };
    seen.add(email);
    return { input, email, state: "valid" };
  });
}

/**
 * Parses a comma- or newline-separated list of domains (R-LNK-04): normalised, unique.
 * Returns the good ones and the entries that are not domains.
 */
export function parseDomainList(text: string): { domains: string[]; invalid: string[] } {
  const domains: string[] = [];
  const invalid: string[] = [];
  for (const entry of text.split(/[\s,;]+/)) {
    if (entry === "") continue;
    const domain = normalizeDomain(entry);
    if (domain === null) invalid.push(entry);
    else if (!domains.includes(domain)) domains.push(domain);
  }
  return { domains, invalid };
}

/**
 * The display name of an entry typed as `Ana Smith <ana@acme.com>` (quotes removed), or null
 * when the entry is a bare address.
 * @example displayNameOf('"Smith, Ana" <ana@acme.com>') // "Smith, Ana"
 */
export function displayNameOf(input: string): string | null {
  const match = /^(.*?)<[^<>]*>\s*$/.exec(input.trim());
  const name = match?.[1]
    ?.trim()
    .replace(/^["']|["']$/g, "")
    .trim();
  return name ? name : null;
}
