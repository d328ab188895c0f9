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
/** A width in `ch` of text plus the cell's 12 px padding each side. */
const width = (ch: number) => `calc(${ch}ch + 24px)`;

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
  const tenant = longest(sample.map((row) => row.tenantName));
  const role = longest(sample.map((row) => row.role.name));
  const inviter = longest(sample.map((row) => row.invitedBy?.name ?? row.invitedBy?.email ?? none));
  const hour = 3_600_000;
  const now = new Date();
  const times = [
    l10n.formatRelative(new Date(now.getTime() - 23 * hour), now),
    l10n.formatRelative(new Date(now.getTime() + 23 * hour), now),
  ];
  // Headers: sortable ones carry an arrow (2ch more).
  const time = Math.max(
    longest(times),
    longest([s.columns.sent, s.columns.expires, s.columns.closed]) + 2,
  );
  return {
    "--foyer-col-tenant": withTenant
      ? width(clamp(Math.max(tenant, [...s.columns.tenant].length), 8, 24))
      : "0px",
    "--foyer-col-role": width(clamp(Math.max(role, [...s.columns.role].length), 6, 18)),
    "--foyer-col-inviter": width(clamp(Math.max(inviter, [...s.columns.invitedBy].length), 8, 20)),
    "--foyer-col-time": width(clamp(time, 10, 18)),
    // Badges are 12 px text with 8 px padding: about 0.9ch per letter and 2ch more.
    "--foyer-col-status": width(
      clamp(Math.ceil(longest(Object.values(s.status)) * 0.9) + 2, 8, 16),
    ),
    "--foyer-col-delivery": width(clamp(longest(Object.values(s.delivery)) + 3, 8, 20)),
  } as CSSProperties;
}
