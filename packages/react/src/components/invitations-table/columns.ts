import type { Invitation } from "@foyer/core/rules";
import type { CSSProperties } from "react";
import type { InvitationsTab } from "../../hooks/use-invitations-table.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";

/** A column of the invitations table. Internal to InvitationsTable. */
export type ColumnId =
  | "select"
  | "email"
  | "tenant"
  | "role"
  | "invitedBy"
  | "sent"
  | "expires"
  | "status"
  | "closed"
  | "delivery"
  | "actions";

/**
 * The columns of a tab, in order. History has no expiry: it shows when each invitation was
 * closed (accepted, expired or revoked) beside its status. The tenant column follows Email.
 */
export function columnsFor(tab: InvitationsTab, withTenant: boolean): ColumnId[] {
  const lead: ColumnId[] = withTenant ? ["select", "email", "tenant"] : ["select", "email"];
  return tab === "pending"
    ? [...lead, "role", "invitedBy", "sent", "expires", "status", "delivery", "actions"]
    : [...lead, "role", "invitedBy", "sent", "status", "closed", "delivery", "actions"];
}

/** Rows whose text sizes the columns: the first page, so widths settle and then stay. */
const SAMPLE = 50;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const longest = (values: Iterable<string>) => {
  let max = 0;
  for (const value of values) max = Math.max(max, [...value].length);
  return max;
};
/**
 * The width of a column, in `ch` plus the cell's 12 px padding each side: its content (words
 * take about 0.85ch a letter: `ch` is the width of "0", wider than the average letter) or its
 * bold header, whichever is wider, within bounds.
 */
const width = (content: number, header: number, min: number, max: number, perLetter = 0.85) =>
  `calc(${clamp(Math.max(Math.ceil(content * perLetter), header), min, max)}ch + 24px)`;

/**
 * Column widths that follow the content: the longest tenant, role and inviter name of the
 * first rows and the longest status, delivery and time wording of the locale, each within
 * bounds. Email takes the rest, never less than `--foyer-email-min` (the table scrolls
 * sideways, Email staying in place, when the container is narrower than all columns need).
 * Returned as CSS variables for the table. Internal to InvitationsTable.
 */
export function columnWidths(
  rows: readonly Invitation[],
  withTenant: boolean,
  l10n: UseLocalizationResult<"invitationsTable">,
): CSSProperties {
  const s = l10n.t.invitationsTable;
  const sample = rows.slice(0, SAMPLE);
  const none = l10n.t.common.none;
  const header = (text: string) => [...text].length;
  const hour = 3_600_000;
  const now = new Date();
  // The longest relative times a row shows often: "59 minutes ago", "in 23 hours".
  const times = longest(
    [-0.98, -23, 23, 6 * 24].map((hours) =>
      l10n.formatRelative(new Date(now.getTime() + hours * hour), now),
    ),
  );
  // Sortable headers carry an arrow: 2ch more.
  const timeHeader = longest([s.columns.sent, s.columns.expires, s.columns.closed]) + 2;
  return {
    "--foyer-col-tenant": withTenant
      ? width(longest(sample.map((row) => row.tenantName)), header(s.columns.tenant), 8, 22)
      : "0px",
    "--foyer-col-role": width(
      longest(sample.map((row) => row.role.name)),
      header(s.columns.role),
      6,
      16,
    ),
    "--foyer-col-inviter": width(
      longest(sample.map((row) => row.invitedBy?.name ?? row.invitedBy?.email ?? none)),
      header(s.columns.invitedBy),
      8,
      18,
    ),
    // Times hold digits, each a full `ch`.
    "--foyer-col-time": width(times, timeHeader, 9, 16, 0.95),
    // Badges: 12 px bold text (about 0.9 of a body letter) and 8 px padding each side.
    "--foyer-col-status": width(
      Math.ceil(longest(Object.values(s.status)) * 0.9) + 3,
      header(s.columns.status),
      7,
      14,
    ),
    // The icon and its gap take about 3ch.
    "--foyer-col-delivery": width(
      longest(Object.values(s.delivery)) + 3,
      header(s.columns.delivery),
      7,
      18,
    ),
  } as CSSProperties;
}
