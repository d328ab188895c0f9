// `Intl` formatters, one per locale and kind for the whole page. Building one loads locale
// data and costs far more than formatting with it, so every component and every row shares
// these, and each is built the first time something is formatted with it, not on mount.

const cache = new Map<string, unknown>();

function cached<T>(key: string, build: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (format === undefined) {
    format = build();
    cache.set(key, format);
  }
  return format;
}

/** Dates in the locale's medium style; `dateTime` adds the short time. */
export function dateFormat(locale: string, style: "date" | "dateTime"): Intl.DateTimeFormat {
  return cached(
    `date:${style}:${locale}`,
    () =>
      new Intl.DateTimeFormat(
        locale,
        style === "date" ? { dateStyle: "medium" } : { dateStyle: "medium", timeStyle: "short" },
      ),
  );
}

/** Numbers in the locale's format. */
export function numberFormat(locale: string): Intl.NumberFormat {
  return cached(`number:${locale}`, () => new Intl.NumberFormat(locale));
}

/** "3 hours ago", "yesterday", "in 6 days". */
export function relativeTimeFormat(locale: string): Intl.RelativeTimeFormat {
  return cached(
    `relative:${locale}`,
    () => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }),
  );
}

/** The locale's cardinal plural rules. */
export function pluralRules(locale: string): Intl.PluralRules {
  return cached(`plural:${locale}`, () => new Intl.PluralRules(locale));
}
