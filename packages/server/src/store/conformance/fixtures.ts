import {
  deriveStatus,
  type InvitationFilter,
  type InvitationStatus,
  type Tenant,
} from "@foyer/core";
import { withTenantDefaults } from "../../foyer.ts";
import { newInvitationRow } from "../new-invitation-row.ts";
import type {
  AuditRow,
  InvitationListQuery,
  InvitationRow,
  MemberRow,
  OutboxRow,
  Store,
  TokenRow,
} from "../types.ts";

// Fixtures of the store conformance suite, shared by its behaviour groups. Times are fixed so expectations never depend on the clock; ids are random so
// the suite can run against a database shared with other runs.

export const NOW = new Date("2026-11-22T12:00:00.000Z");
export const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
export const newId = (prefix: string) => `${prefix}_${globalThis.crypto.randomUUID()}`;
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const byKey = (a: { time: number; id: string }, b: { time: number; id: string }) =>
  a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function tenantFixture(overrides: Partial<Tenant> = {}): Tenant {
  return withTenantDefaults({ id: newId("ten"), name: "Acme", ...overrides });
}

/** The inviter of fixture invitations. */
export const ADMIN = { id: "user_admin", email: "admin@example.com", name: "Ada Admin" };

export function invitationFixture(
  overrides: Partial<InvitationRow> & { tenantId: string },
): InvitationRow {
  return newInvitationRow(
    {
      id: newId("inv"),
      email: `${globalThis.crypto.randomUUID().slice(0, 8)}@example.com`,
      roleId: "role_user",
      createdAt: minutes(-60),
      sentAt: minutes(-60),
      expiresAt: minutes(7 * 24 * 60),
      deliveryStatus: "queued",
      ...overrides,
    },
    ADMIN,
  );
}

export function tokenFixture(invitationId: string, overrides: Partial<TokenRow> = {}): TokenRow {
  return {
    hash: newId("hash"),
    invitationId,
    createdAt: minutes(-60),
    supersededAt: null,
    ...overrides,
  };
}

export function emailFixture(overrides: Partial<OutboxRow> & { tenantId: string }): OutboxRow {
  return {
    id: newId("mail"),
    invitationId: null,
    kind: "invitation",
    to: "someone@example.com",
    data: { generation: 1 },
    status: "queued",
    attempts: 0,
    nextAttemptAt: minutes(-1),
    lastError: null,
    createdAt: minutes(-1),
    sentAt: null,
    leaseUntil: null,
    ...overrides,
  };
}

export function auditFixture(overrides: Partial<AuditRow> & { tenantId: string }): AuditRow {
  return {
    id: newId("aud"),
    invitationId: null,
    action: "created",
    source: "email_invitation",
    actorId: "user_admin",
    actorEmail: "admin@example.com",
    actorName: "Ada Admin",
    subjectEmail: "someone@example.com",
    at: minutes(-5),
    data: {},
    ...overrides,
  };
}

export function memberFixture(overrides: Partial<MemberRow> & { tenantId: string }): MemberRow {
  return {
    id: newId("mem"),
    userId: newId("user"),
    email: "member@example.com",
    roleId: "role_user",
    status: "active",
    source: "email_invitation",
    createdAt: minutes(-100),
    ...overrides,
  };
}

export const FILTERS: InvitationFilter[] = [
  "pending",
  "accepted",
  "expired",
  "revoked",
  "history",
  "all",
];

export function matches(row: InvitationRow, filter: InvitationFilter): boolean {
  const status: InvitationStatus = deriveStatus(row.status, row.expiresAt, NOW);
  if (filter === "all") return true;
  if (filter === "history") return status !== "pending";
  return status === filter;
}

/** The list as the specification orders it, computed without any store. */
export function expectedIds(
  rows: InvitationRow[],
  query: Pick<InvitationListQuery, "filter" | "search" | "sort" | "order">,
): string[] {
  const search = query.search?.toLowerCase();
  const direction = query.order === "asc" ? 1 : -1;
  return rows
    .filter((row) => matches(row, query.filter) && (!search || row.email.includes(search)))
    .sort(
      (a, b) =>
        direction *
        byKey(
          { time: a[query.sort].getTime(), id: a.id },
          { time: b[query.sort].getTime(), id: b.id },
        ),
    )
    .map((row) => row.id);
}

/** Follows `after` cursors until a short page; answers every id in the order received. */
export async function pageThrough(
  store: Store,
  query: Omit<InvitationListQuery, "after" | "now">,
): Promise<string[]> {
  const ids: string[] = [];
  let after: InvitationListQuery["after"];
  for (let pages = 0; pages < 1_000; pages += 1) {
    const page = await store.listInvitations({ ...query, after, now: NOW });
    ids.push(...page.map((row) => row.id));
    const last = page.at(-1);
    if (page.length < query.limit || !last) return ids;
    after = { value: last[query.sort], id: last.id };
  }
  throw new Error("pagination did not end");
}

/**
 * 32 invitations in one tenant, 5 in another: every stored status, pending rows past their
 * expiry, and shared `sentAt` / `expiresAt` values so the id tie-break matters.
 */
export function listDataset(tenantId: string, otherTenantId: string): InvitationRow[] {
  const rows: InvitationRow[] = [];
  const plan: { status: InvitationRow["status"]; expired: boolean; count: number }[] = [
    { status: "pending", expired: false, count: 10 },
    { status: "pending", expired: true, count: 6 },
    { status: "expired", expired: true, count: 3 },
    { status: "accepted", expired: false, count: 7 },
    { status: "revoked", expired: true, count: 6 },
  ];
  let n = 0;
  for (const { status, expired, count } of plan) {
    for (let i = 0; i < count; i += 1, n += 1) {
      const sentAt = minutes(-600 - (n % 5) * 60);
      rows.push(
        invitationFixture({
          tenantId,
          email: `person${String(n).padStart(2, "0")}${n % 3 === 0 ? "_ops" : ""}@example.com`,
          status,
          sentAt,
          createdAt: sentAt,
          expiresAt: expired ? minutes(-(n % 4) * 30) : minutes(60 + (n % 4) * 30),
        }),
      );
    }
  }
  for (let i = 0; i < 5; i += 1) {
    rows.push(
      invitationFixture({
        tenantId: otherTenantId,
        email: `person0${i}@example.com`,
        sentAt: minutes(-i),
      }),
    );
  }
  return rows;
}
