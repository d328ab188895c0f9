import type { Message } from "../localization/types.ts";
import { numberFormat, pluralRules } from "./intl.ts";

/** Values substituted into `{{name}}` placeholders. */
export type MessageValues = Record<string, string | number>;

/**
 * Fills `{{name}}` placeholders of a message. For plural messages the form is chosen by
 * `values.count` with `Intl.PluralRules` for `locale`, falling back to `other`. Numbers are
 * formatted for the locale; an unknown placeholder stays visible so a missing value is
 * noticed in review rather than silently dropped.
 * @example formatMessage("en", { one: "{{count}} file", other: "{{count}} files" }, { count: 2 })
 */
export function formatMessage(
  locale: string,
  message: Message,
  values: MessageValues = {},
): string {
  let template: string;
  if (typeof message === "string") {
    template = message;
  } else {
    const count = typeof values.count === "number" ? values.count : Number(values.count ?? 0);
    const form = pluralRules(locale).select(count);
    template = message[form] ?? message.other;
  }
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, key: string) => {
    const value = values[key];
    if (value === undefined) return match;
    return typeof value === "number" ? numberFormat(locale).format(value) : value;
  });
}
