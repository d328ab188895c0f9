import {
  deriveStatus,
  type InvitationFilter,
  type InvitationStatus,
  type Role,
  type Tenant,
} from "@foyer/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withTenantDefaults } from "../foyer.ts";
import { CONSTRAINTS, UniqueViolationError } from "./errors.ts";
import { newInvitationRow } from "./new-invitation-row.ts";
import type {
  AuditRow,
  IdempotencyRow,
  InvitationListQuery,
  InvitationRow,
  MemberRow,
  OutboxRow,
  Store,
  TokenRow,
} from "./types.ts";

/** What a store's test file hands the conformance suite. */
export interface StoreHarness {
  /** The store under test; read again after every `reset`, which may replace it. */
  store: Store;
  /** Empties the store (or replaces it) so the next test starts fresh. */
  reset(): Promise<void>;
  /** Releases everything `setup` opened. */
  close(): Promise<void>;
}

// Fixtures. Times are fixed so expectations never depend on the clock; ids are random so
// the suite can run against a database shared with other runs.

const NOW = new Date("2026-11-22T12:00:00.000Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const newId = (prefix: string) => `${prefix}_${globalThis.crypto.randomUUID()}`;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const byKey = (a: { time: number; id: string }, b: { time: number; id: string }) =>
  a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function tenantFixture(overrides: Partial<Tenant> = {}): Tenant {
  return withTenantDefaults({ id: newId("ten"), name: "Acme", ...overrides });
}

/** The inviter of fixture invitations. */
const ADMIN = { id: "user_admin", email: "admin@example.com", name: "Ada Admin" };

function invitationFixture(
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

function tokenFixture(invitationId: string, overrides: Partial<TokenRow> = {}): TokenRow {
  return {
    hash: newId("hash"),
    invitationId,
    createdAt: minutes(-60),
    supersededAt: null,
    ...overrides,
  };
}

function emailFixture(overrides: Partial<OutboxRow> & { tenantId: string }): OutboxRow {
  return {
    id: newId("mail"),
    invitationId: null,
    kind: "invitation",
    to: "someone@example.com",
    subject: "You are invited",
    html: "<p>Join us</p>",
    text: "Join us",
    status: "queued",
    attempts: 0,
    nextAttemptAt: minutes(-1),
    lastError: null,
    createdAt: minutes(-1),
    sentAt: null,
    ...overrides,
  };
}

function auditFixture(overrides: Partial<AuditRow> & { tenantId: string }): AuditRow {
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

function memberFixture(overrides: Partial<MemberRow> & { tenantId: string }): MemberRow {
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

const FILTERS: InvitationFilter[] = ["pending", "accepted", "expired", "revoked", "history", "all"];

function matches(row: InvitationRow, filter: InvitationFilter): boolean {
  const status: InvitationStatus = deriveStatus(row.status, row.expiresAt, NOW);
  if (filter === "all") return true;
  if (filter === "history") return status !== "pending";
  return status === filter;
}

/** The list as the specification orders it, computed without any store. */
function expectedIds(
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
async function pageThrough(
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
function listDataset(tenantId: string, otherTenantId: string): InvitationRow[] {
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

/**
 * The store conformance suite (R-SDK-04): one set of behaviours every store must show.
 * Each test gets a freshly reset store.
 * @example
 * describeStoreConformance("memory", async () => memoryHarness());
 */
export function describeStoreConformance(name: string, setup: () => Promise<StoreHarness>): void {
  describe(`${name}: store conformance`, () => {
    let harness: StoreHarness | undefined;
    const store = (): Store => {
      if (!harness) throw new Error("store setup failed");
      return harness.store;
    };

    beforeAll(async () => {
      harness = await setup();
    });
    beforeEach(async () => {
      await harness?.reset();
    });
    afterAll(async () => {
      await harness?.close();
    });

    describe("tenants, roles and members", () => {
      it("R-SDK-04: a tenant round-trips, a second upsert updates it, and children are listed", async () => {
        const parent = tenantFixture({ name: "MSP", seatLimit: 10 });
        const child = tenantFixture({
          parentId: parent.id,
          name: "Client",
          logoUrl: "https://cdn.example.com/logo.png",
          accentColor: "#0a7",
          inviteBaseUrl: "https://client.example.com",
          ssoEnabled: true,
          seatLimit: 0,
          settings: {
            defaultExpiry: "3d",
            maxExpiry: "14d",
            reminderEnabled: true,
            requireEmailVerification: true,
            allowedDomains: ["example.com", "xn--bcher-kva.example"],
          },
        });
        await store().upsertTenant(parent);
        await store().upsertTenant(child);
        expect(await store().getTenant(child.id)).toEqual(child);
        expect(await store().getTenant("missing")).toBeNull();

        await store().upsertTenant({ ...parent, status: "cancelled", seatLimit: null });
        expect(await store().getTenant(parent.id)).toEqual({
          ...parent,
          status: "cancelled",
          seatLimit: null,
        });
        expect(await store().listChildTenants(parent.id)).toEqual([child]);
        expect(await store().listChildTenants(child.id)).toEqual([]);
      });

      it("R-SDK-04: roles round-trip with their permissions, highest rank first", async () => {
        const admin: Role = {
          id: newId("role"),
          name: "Admin",
          description: "Everything",
          rank: 100,
          permissions: ["invitations:read", "invitations:create", "invite_links:manage"],
          mspStaff: true,
          tenantId: null,
        };
        const user: Role = {
          id: newId("role"),
          name: "User",
          description: null,
          rank: 10,
          permissions: [],
          mspStaff: false,
          tenantId: "ten_1",
        };
        await store().upsertRole(user);
        await store().upsertRole(admin);
        expect(await store().listRoles()).toEqual([admin, user]);
        await store().upsertRole({ ...user, rank: 200, name: "Renamed" });
        expect(await store().listRoles()).toEqual([{ ...user, rank: 200, name: "Renamed" }, admin]);
      });

      it("R-INV-04: findMembersByEmails matches addresses case-insensitively in every tenant", async () => {
        const a = memberFixture({ tenantId: "ten_a", email: "dana@example.com" });
        const b = memberFixture({
          tenantId: "ten_b",
          email: "dana@example.com",
          status: "inactive",
        });
        const other = memberFixture({ tenantId: "ten_a", email: "erin@example.com" });
        for (const member of [a, b, other]) await store().insertMember(member);

        const found = await store().findMembersByEmails(["DANA@Example.com", "nobody@example.com"]);
        expect(found.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
        expect(found.find((m) => m.id === b.id)).toEqual(b);
        expect(await store().findMembersByEmails([])).toEqual([]);
      });

      it("R-INV-05: countActiveMembers counts only the tenant's active members", async () => {
        await store().insertMember(memberFixture({ tenantId: "ten_a" }));
        await store().insertMember(memberFixture({ tenantId: "ten_a" }));
        await store().insertMember(memberFixture({ tenantId: "ten_a", status: "inactive" }));
        await store().insertMember(memberFixture({ tenantId: "ten_b" }));
        expect(await store().countActiveMembers("ten_a")).toBe(2);
        expect(await store().countActiveMembers("ten_none")).toBe(0);
      });

      it("a user is a member of a tenant once: a second membership throws UniqueViolationError", async () => {
        const member = memberFixture({ tenantId: "ten_a" });
        await store().insertMember(member);
        const again = store().insertMember({ ...member, id: newId("mem") });
        await expect(again).rejects.toBeInstanceOf(UniqueViolationError);
        await expect(again).rejects.toMatchObject({ constraint: CONSTRAINTS.memberTenantUser });
        await store().insertMember({ ...member, id: newId("mem"), tenantId: "ten_b" });
        expect(await store().findMembersByEmails([member.email])).toHaveLength(2);
      });
    });

    describe("invitations", () => {
      it("R-SDK-04: an invitation round-trips every field, and updateInvitation patches only what it names", async () => {
        const row = invitationFixture({
          tenantId: "ten_a",
          name: "Dana Doe",
          department: "Ops",
          teams: ["blue", "red"],
          message: "Welcome aboard",
          acceptedAt: minutes(1),
          acceptedUserId: "user_dana",
          revokedAt: minutes(2),
          revokedById: "user_admin",
          revokedByEmail: "admin@example.com",
          revokedByName: null,
          resendCount: 2,
          deliveryStatus: "failed",
          deliveryError: "550 mailbox unavailable",
          deliveryUpdatedAt: minutes(3),
          reminderSentAt: minutes(4),
          expiredRecordedAt: minutes(5),
          status: "accepted",
        });
        await store().insertInvitations([row]);
        expect(await store().getInvitation(row.id)).toEqual(row);
        expect(await store().getInvitation("missing")).toBeNull();

        await store().updateInvitation(row.id, {
          teams: ["green"],
          deliveryStatus: "sent",
          deliveryError: null,
          resendCount: 3,
        });
        expect(await store().getInvitation(row.id)).toEqual({
          ...row,
          teams: ["green"],
          deliveryStatus: "sent",
          deliveryError: null,
          resendCount: 3,
        });
      });

      it("R-INV-03: the partial unique index refuses a second pending invitation for the same tenant and address in another case, and allows one after the first is revoked", async () => {
        const first = invitationFixture({ tenantId: "ten_a", email: "dana@example.com" });
        await store().insertInvitations([first]);

        const second = invitationFixture({ tenantId: "ten_a", email: "DANA@example.com" });
        const refused = store().insertInvitations([second]);
        await expect(refused).rejects.toBeInstanceOf(UniqueViolationError);
        await expect(refused).rejects.toMatchObject({ constraint: CONSTRAINTS.pendingInvitation });

        // Another tenant has its own slot; a non-pending row takes none.
        await store().insertInvitations([
          invitationFixture({ tenantId: "ten_b", email: "dana@example.com" }),
          invitationFixture({ tenantId: "ten_a", email: "dana@example.com", status: "accepted" }),
        ]);

        await store().updateInvitation(first.id, { status: "revoked", revokedAt: NOW });
        await store().insertInvitations([second]);
        expect((await store().getInvitation(second.id))?.status).toBe("pending");

        // Turning the revoked row back to pending would make two.
        await expect(
          store().updateInvitation(first.id, { status: "pending" }),
        ).rejects.toMatchObject({ constraint: CONSTRAINTS.pendingInvitation });
        expect((await store().getInvitation(first.id))?.status).toBe("revoked");
      });

      it("R-INV-03: a batch with one refused row inserts none of its rows", async () => {
        await store().insertInvitations([
          invitationFixture({ tenantId: "ten_a", email: "dana@example.com" }),
        ]);
        const fresh = invitationFixture({ tenantId: "ten_a", email: "erin@example.com" });
        const clash = invitationFixture({ tenantId: "ten_a", email: "Dana@example.com" });
        await expect(store().insertInvitations([fresh, clash])).rejects.toBeInstanceOf(
          UniqueViolationError,
        );
        expect(await store().getInvitation(fresh.id)).toBeNull();
        await store().insertInvitations([fresh]);
      });

      it("R-INV-03: after a caught UniqueViolationError a transaction goes on and commits its other writes", async () => {
        const first = invitationFixture({ tenantId: "ten_a", email: "dana@example.com" });
        const clash = invitationFixture({ tenantId: "ten_a", email: "dana@example.com" });
        const token = tokenFixture(first.id);
        const caught = await store().transaction(async (tx) => {
          await tx.insertInvitations([first]);
          let error: unknown;
          try {
            await tx.insertInvitations([clash]);
          } catch (thrown) {
            error = thrown;
          }
          await tx.insertTokens([token]);
          return error;
        });
        expect(caught).toBeInstanceOf(UniqueViolationError);
        expect(await store().getInvitation(first.id)).toEqual(first);
        expect(await store().getInvitation(clash.id)).toBeNull();
        expect(await store().findToken(token.hash)).toEqual(token);
      });

      it("R-INV-03: findOpenInvitations answers stored-pending rows (expired by time too) by address, case-insensitively", async () => {
        const live = invitationFixture({ tenantId: "ten_a", email: "dana@example.com" });
        const lapsed = invitationFixture({
          tenantId: "ten_a",
          email: "erin@example.com",
          expiresAt: minutes(-1),
        });
        const accepted = invitationFixture({
          tenantId: "ten_a",
          email: "fay@example.com",
          status: "accepted",
        });
        const elsewhere = invitationFixture({ tenantId: "ten_b", email: "dana@example.com" });
        await store().insertInvitations([live, lapsed, accepted, elsewhere]);

        const found = await store().findOpenInvitations("ten_a", [
          "DANA@example.com",
          "erin@example.com",
          "fay@example.com",
          "gus@example.com",
        ]);
        expect(found.map((row) => row.id).sort()).toEqual([live.id, lapsed.id].sort());
        expect(await store().findOpenInvitations("ten_a", [])).toEqual([]);
      });

      it("R-INV-05: countPendingInvitations counts the tenant's pending rows that have not expired", async () => {
        await store().insertInvitations([
          invitationFixture({ tenantId: "ten_a" }),
          invitationFixture({ tenantId: "ten_a" }),
          invitationFixture({ tenantId: "ten_a", expiresAt: NOW }),
          invitationFixture({ tenantId: "ten_a", status: "accepted" }),
          invitationFixture({ tenantId: "ten_b" }),
        ]);
        expect(await store().countPendingInvitations("ten_a", NOW)).toBe(2);
      });

      it("R-INV-02: a 2,500-row batch stores every invitation, token, email and audit row", async () => {
        const invitations = Array.from({ length: 2_500 }, (_, i) =>
          invitationFixture({ tenantId: "ten_big", email: `bulk${i}@example.com` }),
        );
        await store().transaction(async (tx) => {
          await tx.insertInvitations(invitations);
          await tx.insertTokens(invitations.map((row) => tokenFixture(row.id)));
          await tx.enqueueEmails(
            invitations.map((row) =>
              emailFixture({ tenantId: "ten_big", invitationId: row.id, to: row.email }),
            ),
          );
          await tx.insertAuditEvents(
            invitations.map((row) => auditFixture({ tenantId: "ten_big", invitationId: row.id })),
          );
        });
        const counts = await store().countInvitations(["ten_big"], undefined, NOW);
        expect(counts.pending).toBe(2_500);
        expect(await store().countPendingInvitations("ten_big", NOW)).toBe(2_500);
        expect(await store().listEmails({})).toHaveLength(2_500);
        expect(
          await store().listAuditEvents({ tenantIds: ["ten_big"], limit: 5_000 }),
        ).toHaveLength(2_500);
        const last = invitations.at(-1)!;
        expect(await store().findOpenInvitations("ten_big", [last.email])).toEqual([last]);
      });

      it("R-INV-06: findUnrecordedExpired answers pending rows past expiry whose expiry is unrecorded, oldest first, up to the limit", async () => {
        const oldest = invitationFixture({ tenantId: "ten_a", expiresAt: minutes(-30) });
        const older = invitationFixture({ tenantId: "ten_b", expiresAt: minutes(-20) });
        const justNow = invitationFixture({ tenantId: "ten_a", expiresAt: NOW });
        await store().insertInvitations([
          justNow,
          older,
          oldest,
          invitationFixture({
            tenantId: "ten_a",
            expiresAt: minutes(-40),
            expiredRecordedAt: minutes(-39),
          }),
          invitationFixture({ tenantId: "ten_a", expiresAt: minutes(1) }),
          invitationFixture({ tenantId: "ten_a", expiresAt: minutes(-50), status: "revoked" }),
          invitationFixture({ tenantId: "ten_a", expiresAt: minutes(-50), status: "accepted" }),
        ]);
        const due = await store().findUnrecordedExpired(NOW, 10);
        expect(due.map((row) => row.id)).toEqual([oldest.id, older.id, justNow.id]);
        expect((await store().findUnrecordedExpired(NOW, 2)).map((row) => row.id)).toEqual([
          oldest.id,
          older.id,
        ]);
        await store().updateInvitation(oldest.id, { expiredRecordedAt: NOW });
        expect((await store().findUnrecordedExpired(NOW, 10)).map((row) => row.id)).toEqual([
          older.id,
          justNow.id,
        ]);
      });

      it("rows handed out are copies: changing them changes nothing stored", async () => {
        const row = invitationFixture({ tenantId: "ten_a", teams: ["blue"] });
        await store().insertInvitations([row]);
        row.teams.push("mutated-after-insert");
        const read = await store().getInvitation(row.id);
        expect(read?.teams).toEqual(["blue"]);
        read?.teams.push("mutated-after-read");
        read?.sentAt.setTime(0);
        const again = await store().getInvitation(row.id);
        expect(again?.teams).toEqual(["blue"]);
        expect(again?.sentAt).toEqual(row.sentAt);
      });
    });

    describe("tokens", () => {
      it("R-INV-11: token hashes are unique, and findToken answers the stored row", async () => {
        const a = invitationFixture({ tenantId: "ten_a" });
        const b = invitationFixture({ tenantId: "ten_a" });
        await store().insertInvitations([a, b]);
        const token = tokenFixture(a.id);
        await store().insertTokens([token]);
        expect(await store().findToken(token.hash)).toEqual(token);
        expect(await store().findToken("unknown-hash")).toBeNull();

        const duplicate = store().insertTokens([tokenFixture(b.id, { hash: token.hash })]);
        await expect(duplicate).rejects.toBeInstanceOf(UniqueViolationError);
        await expect(duplicate).rejects.toMatchObject({ constraint: CONSTRAINTS.tokenHash });
        expect((await store().findToken(token.hash))?.invitationId).toBe(a.id);
      });

      it("R-INV-07: supersedeTokens retires every live token of one invitation and no other", async () => {
        const a = invitationFixture({ tenantId: "ten_a" });
        const b = invitationFixture({ tenantId: "ten_a" });
        await store().insertInvitations([a, b]);
        const retiredEarlier = tokenFixture(a.id, { supersededAt: minutes(-30) });
        const live1 = tokenFixture(a.id);
        const live2 = tokenFixture(a.id);
        const otherInvitation = tokenFixture(b.id);
        await store().insertTokens([retiredEarlier, live1, live2, otherInvitation]);

        await store().supersedeTokens(a.id, NOW);
        expect((await store().findToken(live1.hash))?.supersededAt).toEqual(NOW);
        expect((await store().findToken(live2.hash))?.supersededAt).toEqual(NOW);
        expect((await store().findToken(retiredEarlier.hash))?.supersededAt).toEqual(minutes(-30));
        expect((await store().findToken(otherInvitation.hash))?.supersededAt).toBeNull();
      });
    });

    describe("transactions and locks", () => {
      it("R-EML-02: a throw inside transaction leaves nothing behind (invitations, tokens, outbox, audit, tenant changes)", async () => {
        const tenant = tenantFixture({ name: "Before" });
        await store().upsertTenant(tenant);
        const invitation = invitationFixture({ tenantId: tenant.id, email: "dana@example.com" });
        const token = tokenFixture(invitation.id);
        const email = emailFixture({ tenantId: tenant.id, invitationId: invitation.id });
        const audit = auditFixture({ tenantId: tenant.id, invitationId: invitation.id });

        const failed = store().transaction(async (tx) => {
          await tx.upsertTenant({ ...tenant, name: "After" });
          await tx.insertInvitations([invitation]);
          await tx.insertTokens([token]);
          await tx.enqueueEmails([email]);
          await tx.insertAuditEvents([audit]);
          await tx.insertMember(memberFixture({ tenantId: tenant.id }));
          expect(await tx.getInvitation(invitation.id)).toEqual(invitation);
          throw new Error("boom");
        });
        await expect(failed).rejects.toThrow("boom");

        expect(await store().getTenant(tenant.id)).toEqual(tenant);
        expect(await store().getInvitation(invitation.id)).toBeNull();
        expect(await store().findToken(token.hash)).toBeNull();
        expect(await store().listEmails({})).toEqual([]);
        expect(await store().listAuditEvents({ tenantIds: [tenant.id], limit: 10 })).toEqual([]);
        expect(await store().countActiveMembers(tenant.id)).toBe(0);
        // The pending slot the failed transaction took is free again.
        await store().insertInvitations([{ ...invitation, id: newId("inv") }]);
      });

      it("a transaction answers what its function returns, and its writes are visible after commit", async () => {
        const invitation = invitationFixture({ tenantId: "ten_a" });
        const answer = await store().transaction(async (tx) => {
          await tx.insertInvitations([invitation]);
          return "committed";
        });
        expect(answer).toBe("committed");
        expect(await store().getInvitation(invitation.id)).toEqual(invitation);
      });

      it("R-INV-05: lockTenant makes a second transaction wait until the first commits", async () => {
        const tenant = tenantFixture({ name: "Before" });
        await store().upsertTenant(tenant);
        const events: string[] = [];
        let firstLocked!: () => void;
        const locked = new Promise<void>((resolve) => {
          firstLocked = resolve;
        });

        const first = store().transaction(async (tx) => {
          expect((await tx.lockTenant(tenant.id))?.name).toBe("Before");
          events.push("first locked");
          firstLocked();
          await sleep(150);
          await tx.upsertTenant({ ...tenant, name: "After" });
          events.push("first done");
        });
        await locked;
        const second = store().transaction(async (tx) => {
          const seen = await tx.lockTenant(tenant.id);
          events.push(`second locked and saw ${seen?.name}`);
        });
        await Promise.all([first, second]);
        expect(events).toEqual(["first locked", "first done", "second locked and saw After"]);
        expect(await store().transaction((tx) => tx.lockTenant("missing"))).toBeNull();
      });

      it("R-INV-12: lockInvitation makes a concurrent accept wait and see the first accept", async () => {
        const invitation = invitationFixture({ tenantId: "ten_a" });
        await store().insertInvitations([invitation]);
        let firstLocked!: () => void;
        const locked = new Promise<void>((resolve) => {
          firstLocked = resolve;
        });
        const accept = (onLocked: () => void) =>
          store().transaction(async (tx) => {
            const row = await tx.lockInvitation(invitation.id);
            onLocked();
            if (row?.status !== "pending") return "already used";
            await sleep(100);
            await tx.updateInvitation(invitation.id, { status: "accepted", acceptedAt: NOW });
            return "accepted";
          });
        const first = accept(firstLocked);
        await locked;
        const second = accept(() => {});
        expect(await Promise.all([first, second])).toEqual(["accepted", "already used"]);
        expect(await store().transaction((tx) => tx.lockInvitation("missing"))).toBeNull();
      });

      it("R-EML-02: claimDueEmails answers queued rows that are due, oldest first, up to the limit", async () => {
        const oldest = emailFixture({ tenantId: "ten_a", nextAttemptAt: minutes(-30) });
        const older = emailFixture({ tenantId: "ten_a", nextAttemptAt: minutes(-20) });
        const dueNow = emailFixture({ tenantId: "ten_a", nextAttemptAt: NOW });
        await store().enqueueEmails([
          dueNow,
          older,
          oldest,
          emailFixture({ tenantId: "ten_a", nextAttemptAt: minutes(1) }),
          emailFixture({ tenantId: "ten_a", status: "sent", sentAt: minutes(-5) }),
          emailFixture({ tenantId: "ten_a", status: "failed", lastError: "550" }),
        ]);
        const claimed = await store().transaction((tx) => tx.claimDueEmails(NOW, 10));
        expect(claimed.map((row) => row.id)).toEqual([oldest.id, older.id, dueNow.id]);
        expect(claimed[0]).toEqual(oldest);
        const firstTwo = await store().transaction((tx) => tx.claimDueEmails(NOW, 2));
        expect(firstTwo.map((row) => row.id)).toEqual([oldest.id, older.id]);
      });

      it("R-EML-02: concurrent claimDueEmails in two transactions never claim the same row", async () => {
        const due = Array.from({ length: 4 }, (_, i) =>
          emailFixture({ tenantId: "ten_a", nextAttemptAt: minutes(-10 + i) }),
        );
        await store().enqueueEmails(due);
        const events: string[] = [];
        let firstClaimed!: () => void;
        const claimed = new Promise<void>((resolve) => {
          firstClaimed = resolve;
        });
        // The first worker holds its claim for a while, then leases the rows (as the
        // dispatcher does) before committing.
        const first = store().transaction(async (tx) => {
          const rows = await tx.claimDueEmails(NOW, 2);
          events.push("first claimed");
          firstClaimed();
          await sleep(150);
          for (const row of rows) {
            await tx.updateEmail(row.id, { attempts: 1, nextAttemptAt: minutes(60) });
          }
          events.push("first done");
          return rows.map((row) => row.id);
        });
        await claimed;
        const second = store().transaction(async (tx) => {
          const rows = await tx.claimDueEmails(NOW, 10);
          events.push("second claimed");
          return rows.map((row) => row.id);
        });
        const [a, b] = await Promise.all([first, second]);
        // PostgreSQL skips the locked rows instead of waiting (FOR UPDATE SKIP LOCKED), so
        // instances share the work; the single-connection stores run one transaction at a time.
        expect(events).toEqual(
          store().kind === "postgres"
            ? ["first claimed", "second claimed", "first done"]
            : ["first claimed", "first done", "second claimed"],
        );
        expect(a).toHaveLength(2);
        expect(b).toHaveLength(2);
        expect(a.filter((id) => b.includes(id))).toEqual([]);
        expect([...a, ...b].sort()).toEqual(due.map((row) => row.id).sort());
      });
    });

    describe("outbox", () => {
      it("R-EML-02: emails round-trip, updateEmail patches, listEmails filters by invitation in creation order", async () => {
        const invitation = invitationFixture({ tenantId: "ten_a" });
        await store().insertInvitations([invitation]);
        const second = emailFixture({
          tenantId: "ten_a",
          invitationId: invitation.id,
          kind: "reminder",
          createdAt: minutes(-1),
        });
        const first = emailFixture({
          tenantId: "ten_a",
          invitationId: invitation.id,
          createdAt: minutes(-2),
        });
        const unrelated = emailFixture({ tenantId: "ten_a" });
        await store().enqueueEmails([second, first, unrelated]);

        expect(await store().listEmails({ invitationId: invitation.id })).toEqual([first, second]);
        expect(await store().listEmails({})).toHaveLength(3);

        await store().updateEmail(first.id, {
          status: "failed",
          attempts: 5,
          lastError: "421 try later",
          nextAttemptAt: minutes(30),
        });
        const [updated] = await store().listEmails({ invitationId: invitation.id });
        expect(updated).toEqual({
          ...first,
          status: "failed",
          attempts: 5,
          lastError: "421 try later",
          nextAttemptAt: minutes(30),
        });
      });
    });

    describe("listing and counting (R-INV-09)", () => {
      let rows: InvitationRow[] = [];
      const tenantA = "ten_list_a";
      const tenantB = "ten_list_b";
      const base = {
        tenantIds: [tenantA],
        sort: "sentAt" as const,
        order: "desc" as const,
        limit: 4,
      };

      beforeEach(async () => {
        rows = listDataset(tenantA, tenantB);
        await store().insertInvitations(rows);
      });
      const rowsOf = (tenantId: string) => rows.filter((row) => row.tenantId === tenantId);

      it("R-INV-06: each status filter answers exactly its rows, pending rows past expiry counting as expired", async () => {
        for (const filter of FILTERS) {
          const page = await store().listInvitations({ ...base, filter, limit: 100, now: NOW });
          expect(
            page.map((row) => row.id),
            filter,
          ).toEqual(expectedIds(rowsOf(tenantA), { filter, sort: "sentAt", order: "desc" }));
        }
        const expired = await store().listInvitations({
          ...base,
          filter: "expired",
          limit: 100,
          now: NOW,
        });
        expect(expired.filter((row) => row.status === "pending")).toHaveLength(6);
      });

      it("R-INV-09: cursor pages sorted by sentAt or expiresAt, ascending or descending, visit every row exactly once in order", async () => {
        for (const sort of ["sentAt", "expiresAt"] as const) {
          for (const order of ["asc", "desc"] as const) {
            for (const filter of ["all", "pending", "history"] as const) {
              const ids = await pageThrough(store(), { ...base, filter, sort, order, limit: 3 });
              expect(ids, `${filter} ${sort} ${order}`).toEqual(
                expectedIds(rowsOf(tenantA), { filter, sort, order }),
              );
              expect(new Set(ids).size).toBe(ids.length);
            }
          }
        }
      });

      it("R-INV-09: search is a case-insensitive substring of the email and takes % and _ literally", async () => {
        const percent = invitationFixture({ tenantId: tenantA, email: "100%sure@example.com" });
        await store().insertInvitations([percent]);
        rows.push(percent);
        const search = async (text: string) =>
          (
            await store().listInvitations({
              ...base,
              filter: "all",
              search: text,
              limit: 100,
              now: NOW,
            })
          ).map((row) => row.id);

        expect(await search("PERSON0")).toEqual(
          expectedIds(rowsOf(tenantA), {
            filter: "all",
            search: "person0",
            sort: "sentAt",
            order: "desc",
          }),
        );
        expect(await search("_ops")).toEqual(
          expectedIds(rowsOf(tenantA), {
            filter: "all",
            search: "_ops",
            sort: "sentAt",
            order: "desc",
          }),
        );
        expect(await search("_ops")).toHaveLength(11);
        expect(await search("%")).toEqual([percent.id]);
        expect(await search("n_1")).toEqual([]);
        const pending = await pageThrough(store(), { ...base, filter: "pending", search: "OPS" });
        expect(pending).toEqual(
          expectedIds(rowsOf(tenantA), {
            filter: "pending",
            search: "ops",
            sort: "sentAt",
            order: "desc",
          }),
        );
      });

      it("R-INV-09: a list across several tenants pages through the rows of those tenants only", async () => {
        for (const order of ["asc", "desc"] as const) {
          const ids = await pageThrough(store(), {
            ...base,
            tenantIds: [tenantA, tenantB],
            filter: "all",
            order,
            limit: 5,
          });
          expect(ids).toEqual(expectedIds(rows, { filter: "all", sort: "sentAt", order }));
        }
        const onlyB = await pageThrough(store(), { ...base, tenantIds: [tenantB], filter: "all" });
        expect(onlyB.sort()).toEqual(
          rowsOf(tenantB)
            .map((row) => row.id)
            .sort(),
        );
        expect(
          await store().listInvitations({ ...base, tenantIds: [], filter: "all", now: NOW }),
        ).toEqual([]);
      });

      it("R-INV-09: countInvitations answers every status count in one call, with and without search", async () => {
        const expected = (tenantIds: string[], search?: string) => {
          const scoped = rows.filter((row) => tenantIds.includes(row.tenantId));
          return Object.fromEntries(
            FILTERS.map((filter) => [
              filter,
              expectedIds(scoped, { filter, search, sort: "sentAt", order: "asc" }).length,
            ]),
          );
        };
        const counts = await store().countInvitations([tenantA], undefined, NOW);
        expect(counts).toEqual(expected([tenantA]));
        expect(counts).toEqual({
          pending: 10,
          accepted: 7,
          expired: 9,
          revoked: 6,
          history: 22,
          all: 32,
        });
        expect(await store().countInvitations([tenantA, tenantB], undefined, NOW)).toEqual(
          expected([tenantA, tenantB]),
        );
        expect(await store().countInvitations([tenantA], "_OPS", NOW)).toEqual(
          expected([tenantA], "_ops"),
        );
        expect(await store().countInvitations([], undefined, NOW)).toEqual({
          pending: 0,
          accepted: 0,
          expired: 0,
          revoked: 0,
          history: 0,
          all: 0,
        });
      });
    });

    describe("audit trail", () => {
      it("R-INV-14: audit events list newest first, filter by tenant or invitation, and page with a cursor", async () => {
        const invitationId = newId("inv");
        const events = [
          auditFixture({
            tenantId: "ten_a",
            invitationId,
            at: minutes(-50),
            action: "created",
            data: { batch: 1 },
          }),
          auditFixture({ tenantId: "ten_a", invitationId, at: minutes(-40), action: "resent" }),
          auditFixture({ tenantId: "ten_a", at: minutes(-30), action: "joined", source: "link" }),
          auditFixture({ tenantId: "ten_a", at: minutes(-30), action: "joined", source: "link" }),
          auditFixture({
            tenantId: "ten_a",
            invitationId,
            at: minutes(-30),
            action: "revoked",
            actorId: null,
            actorEmail: null,
            actorName: null,
          }),
          auditFixture({
            tenantId: "ten_b",
            at: minutes(-10),
            action: "expired",
            source: "system",
          }),
          auditFixture({
            tenantId: "ten_a",
            at: minutes(-5),
            action: "accepted",
            data: { nested: { ok: true }, list: [1, 2] },
          }),
        ];
        await store().insertAuditEvents(events);
        const newestFirst = (list: AuditRow[]) =>
          [...list].sort(
            (a, b) =>
              -byKey({ time: a.at.getTime(), id: a.id }, { time: b.at.getTime(), id: b.id }),
          );
        const tenantA = newestFirst(events.filter((event) => event.tenantId === "ten_a"));

        expect(await store().listAuditEvents({ tenantIds: ["ten_a"], limit: 50 })).toEqual(tenantA);
        const paged: AuditRow[] = [];
        let before: { at: Date; id: string } | undefined;
        for (;;) {
          const page = await store().listAuditEvents({ tenantIds: ["ten_a"], limit: 2, before });
          paged.push(...page);
          const last = page.at(-1);
          if (page.length < 2 || !last) break;
          before = { at: last.at, id: last.id };
        }
        expect(paged.map((event) => event.id)).toEqual(tenantA.map((event) => event.id));

        expect(
          (await store().listAuditEvents({ invitationId, limit: 50 })).map((event) => event.action),
        ).toEqual(["revoked", "resent", "created"]);
        expect(await store().listAuditEvents({ tenantIds: ["ten_a", "ten_b"], limit: 1 })).toEqual([
          events[6],
        ]);
        expect(await store().listAuditEvents({ tenantIds: [], limit: 10 })).toEqual([]);
      });
    });

    describe("idempotency keys (R-SDK-08)", () => {
      const claim = (key: string, requestHash = "hash-1"): IdempotencyRow => ({
        key,
        requestHash,
        state: "in_progress",
        status: null,
        body: null,
        createdAt: NOW,
      });

      it("R-SDK-08: a key is claimed once; later claims answer the stored row; complete stores the answer; release frees the key", async () => {
        const key = newId("idem");
        expect(await store().claimIdempotencyKey(claim(key))).toBeNull();
        expect(await store().claimIdempotencyKey(claim(key, "hash-2"))).toEqual(claim(key));

        await store().completeIdempotencyKey(key, 201, '{"created":1}');
        expect(await store().claimIdempotencyKey(claim(key))).toEqual({
          ...claim(key),
          state: "done",
          status: 201,
          body: '{"created":1}',
        });

        await store().releaseIdempotencyKey(key);
        expect(await store().claimIdempotencyKey(claim(key, "hash-3"))).toBeNull();
        expect(await store().claimIdempotencyKey(claim(key))).toMatchObject({
          requestHash: "hash-3",
        });
      });

      it("R-SDK-08: of two concurrent claims of one key exactly one wins", async () => {
        const key = newId("idem");
        const results = await Promise.all([
          store().claimIdempotencyKey(claim(key, "first")),
          store().claimIdempotencyKey(claim(key, "second")),
        ]);
        expect(results.filter((result) => result === null)).toHaveLength(1);
        const loser = results.find((result) => result !== null);
        expect(["first", "second"]).toContain(loser?.requestHash);
        expect(loser?.state).toBe("in_progress");
      });
    });
  });
}
