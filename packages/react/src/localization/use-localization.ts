"use client";
import { isFoyerError, isFoyerNetworkError } from "@foyer/client";
import { useContext, useMemo } from "react";
import { deepMerge } from "../internal/deep-merge.ts";
import {
  formatMessage as formatWithLocale,
  type MessageValues,
} from "../internal/format-message.ts";
import { FoyerContext } from "../provider/context.ts";
import { de } from "./de.ts";
import { en } from "./en.ts";
import type { DeepPartial, FoyerLocalization, Message } from "./types.ts";

/** How `formatDate` renders a date. */
export type DateStyle = "date" | "dateTime";

/** What `useLocalization` returns. */
export interface UseLocalizationResult {
  /** The merged strings: defaults for the locale < provider < the component's overrides. */
  t: FoyerLocalization;
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

/** The shipped strings for a locale: German for `de…`, English otherwise. */
export function defaultLocalization(locale: string): FoyerLocalization {
  return locale.toLowerCase().split("-")[0] === "de" ? de : en;
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1000],
];

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function relative(locale: string, date: Date, now: Date): string {
  const diff = date.getTime() - now.getTime();
  let format = relativeFormats.get(locale);
  if (!format) {
    // Cached: a virtualized table formats a few dozen times per scroll frame.
    format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    relativeFormats.set(locale, format);
  }
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms || unit === "second") {
      return format.format(Math.round(diff / ms), unit);
    }
  }
  return format.format(0, "second");
}

/**
 * Strings and `Intl` formatters for the provider's locale. `errorMessage` maps a
 * `FoyerError` to `t.errors[code]`, a `FoyerNetworkError` to `t.common.networkError`, and
 * anything else to `t.common.unknownError`.
 * @example
 * const { t, formatMessage } = useLocalization(props.localization);
 * formatMessage(t.invitationsTable.rowActions, { email });
 */
export function useLocalization(overrides?: DeepPartial<FoyerLocalization>): UseLocalizationResult {
  const context = useContext(FoyerContext);
  const locale = context?.locale ?? "en";
  const providerOverrides = context?.localization;
  return useMemo(() => {
    const t = deepMerge<FoyerLocalization>(
      defaultLocalization(locale),
      providerOverrides,
      overrides,
    );
    const dateFormats: Record<DateStyle, Intl.DateTimeFormat> = {
      date: new Intl.DateTimeFormat(locale, { dateStyle: "medium" }),
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }),
    };
    const numberFormat = new Intl.NumberFormat(locale);
    const errorMessage = (error: unknown): string => {
      if (isFoyerNetworkError(error)) return t.common.networkError;
      if (isFoyerError(error)) return t.errors[error.code] ?? t.common.unknownError;
      return t.common.unknownError;
    };
    return {
      t,
      locale,
      formatMessage: (message, values) => formatWithLocale(locale, message, values),
      formatDate: (date, style = "dateTime") => dateFormats[style].format(new Date(date)),
      formatRelative: (date, now = new Date()) => relative(locale, new Date(date), now),
      formatNumber: (value) => numberFormat.format(value),
      errorMessage,
    };
  }, [locale, providerOverrides, overrides]);
}
