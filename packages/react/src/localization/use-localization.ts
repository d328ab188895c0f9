"use client";
import { isFoyerError, isFoyerNetworkError } from "@foyer/client";
import { useContext, useMemo, useState } from "react";
import { deepMerge } from "../internal/deep-merge.ts";
import {
  formatMessage as formatWithLocale,
  type MessageValues,
} from "../internal/format-message.ts";
import { dateFormat, numberFormat, relativeTimeFormat } from "../internal/intl.ts";
import { FoyerContext } from "../provider/context.ts";
import { commonEn } from "./common.ts";
import { errorsEn } from "./errors.ts";
import type {
  DeepPartial,
  FoyerLocalization,
  LocalizationNamespace,
  LocalizedStrings,
  Message,
} from "./types.ts";

/** How `formatDate` renders a date. */
export type DateStyle = "date" | "dateTime";

/**
 * What `useLocalization` returns for a component that asked for the namespaces `N`.
 * @example function Header({ l10n }: { l10n: UseLocalizationResult<"acceptInvitePage"> }) {}
 */
export interface UseLocalizationResult<N extends LocalizationNamespace = never> {
  /**
   * The merged strings of the requested namespaces plus `common` and `errors`: English
   * defaults < provider `localization` < the component's overrides.
   */
  t: LocalizedStrings<N>;
  /** The active BCP 47 locale. */
  locale: string;
  /** Fills `{{name}}` placeholders; plural messages pick their form by `values.count`. */
  formatMessage: (message: Message, values?: MessageValues) => string;
  /** A date, or date and time, in the locale's medium style. @default style "dateTime" */
  formatDate: (date: Date | string, style?: DateStyle) => string;
  /** Relative to now ("3 hours ago", "in 6 days", "vor 2 Tagen"). */
  formatRelative: (date: Date | string, now?: Date) => string;
  /** A number in the locale's format. */
  formatNumber: (value: number) => string;
  /** What a person reads for any thrown value: by error code, network, or generic. */
  errorMessage: (error: unknown) => string;
}

/** Each unit, its length, and from when it is used if not from one whole of it. */
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number, number?]> = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  // From 59.5 minutes (and seconds), which the unit below would round to "60 minutes".
  ["hour", 3_600_000, 3_570_000],
  ["minute", 60_000, 59_500],
];

function relative(locale: string, date: Date, now: Date): string {
  const diff = date.getTime() - now.getTime();
  // The largest unit the time has reached; under a minute, seconds.
  const [unit, ms] = UNITS.find(([, ms, from = ms]) => Math.abs(diff) >= from) ?? ["second", 1000];
  return relativeTimeFormat(locale).format(Math.round(diff / ms), unit);
}

/** Only the namespaces a component reads, so `t` holds what its type says. */
function pick(
  source: DeepPartial<FoyerLocalization> | undefined,
  keys: ReadonlyArray<keyof FoyerLocalization>,
): DeepPartial<FoyerLocalization> | undefined {
  if (!source) return undefined;
  const picked: Record<string, unknown> = {};
  for (const key of keys) {
    if (source[key] !== undefined) picked[key] = source[key];
  }
  return picked as DeepPartial<FoyerLocalization>;
}

/**
 * Strings and `Intl` formatters for one component. `defaults` names the component's own
 * namespaces with their English strings; the English `common` and `errors` always come along.
 * So a component ships only its own strings, and another language is what the host passes
 * as `localization` (e.g. `de`), on the provider or the component. Merge order: `defaults` <
 * provider `localization` < `overrides`. The locale drives dates, numbers and plural rules,
 * never the choice of strings.
 *
 * `defaults` are shipped constants and are read on the first render, so an inline object is
 * fine; strings that change go through `overrides` or the provider.
 *
 * `errorMessage` maps a `FoyerError` to `t.errors[code]` (a 429 that gave `Retry-After` to
 * `t.common.rateLimitedRetryIn`), a `FoyerNetworkError` to `t.common.networkError`, and
 * anything else to `t.common.unknownError`.
 * @example
 * const { t, formatMessage } = useLocalization(
 *   { invitationsTable: invitationsTableEn },
 *   props.localization,
 * );
 * formatMessage(t.invitationsTable.rowActions, { email });
 */
export function useLocalization<N extends LocalizationNamespace = never>(
  defaults?: Pick<FoyerLocalization, N>,
  // NoInfer: the namespaces come from `defaults`; a `localization` prop typed with every
  // namespace must not widen them.
  overrides?: NoInfer<DeepPartial<LocalizedStrings<N>>>,
): UseLocalizationResult<N> {
  const context = useContext(FoyerContext);
  const locale = context?.locale ?? "en";
  const providerOverrides = context?.localization;
  const [base] = useState<Partial<FoyerLocalization>>(() => ({
    ...defaults,
    common: commonEn,
    errors: errorsEn,
  }));
  return useMemo(() => {
    const keys = Object.keys(base) as Array<keyof FoyerLocalization>;
    // The cast is sound: `base` holds exactly `N`, `common` and `errors`, each complete, and
    // the overrides are cut to those keys.
    const t = deepMerge(
      base,
      pick(providerOverrides, keys),
      pick(overrides, keys),
    ) as LocalizedStrings<N>;
    const errorMessage = (error: unknown): string => {
      if (isFoyerNetworkError(error)) return t.common.networkError;
      if (isFoyerError(error)) {
        // R-SDK-07: a 429 that said how long to wait says so ("try again in 12 s").
        if (error.code === "RATE_LIMITED" && error.retryAfter !== null && error.retryAfter > 0) {
          return formatWithLocale(locale, t.common.rateLimitedRetryIn, {
            seconds: error.retryAfter,
          });
        }
        return t.errors[error.code] ?? t.common.unknownError;
      }
      return t.common.unknownError;
    };
    return {
      t,
      locale,
      formatMessage: (message, values) => formatWithLocale(locale, message, values),
      formatDate: (date, style = "dateTime") => dateFormat(locale, style).format(new Date(date)),
      formatRelative: (date, now = new Date()) => relative(locale, new Date(date), now),
      formatNumber: (value) => numberFormat(locale).format(value),
      errorMessage,
    };
  }, [base, locale, providerOverrides, overrides]);
}
