import { deriveStatus } from "@foyer/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestFoyer, type TestFoyer, tokenFromLink } from "../fixtures.ts";
import type { StoreHarness } from "../store/conformance/describe-store-conformance.ts";

const STRONG = "Tr1cky-Lantern!";

/**
 * The service-level half of the store conformance suite: the races a store's constraints and
 * locks must decide (one account per token, seat limits, one pending invitation per
 * address, resend against accept). Run by the same short test file per store as
 * `describeStoreConformance`.
 */
export function describeServiceConformance(name: string, setup: () => Promise<StoreHarness>): void {
  describe(`${name}: service conformance under concurrency`, () => {
    let harness: StoreHarness;
    let foyer: TestFoyer;

    beforeAll(async () => {
      harness = await setup();
    });
    afterAll(() => harness.close());
    beforeEach(async () => {
      await harness.reset();
      foyer = await createTestFoyer(harness.store);
    });

    it("R-INV-12: two concurrent accepts of one token create exactly one account", async () => {
      const { acmeAdmin } = foyer.fixture.actors;
      const created = await foyer.services.createInvitations(acmeAdmin, {
        tenantId: "acme",
        roleId: "client_user",
        emails: ["race@acme.com"],
        delivery: "link",
      });
      const token = tokenFromLink(created.created[0]!.link!);
      let accounts = 0;
      const hooks = foyer.users;
      const body = {
        token,
        firstName: "Ray",
        lastName: "Race",
        password: STRONG,
        passwordConfirmation: STRONG,
      };
      const results = await Promise.allSettled([
        foyer.services.acceptInvitation(body),
        foyer.services.acceptInvitation(body),
      ]);
      accounts = [...hooks.users.values()].filter((u) => u.email === "race@acme.com").length;
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r) => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({
        code: expect.stringMatching(/^(INVITATION_ALREADY_USED|USER_ALREADY_EXISTS)$/),
      });
      expect(accounts).toBe(1);
      expect(await foyer.store.findMembersByEmails(["race@acme.com"])).toHaveLength(1);
    });

    it("R-LNK-10: 50 concurrent joins against a limit of 5 create exactly 5 accounts", async () => {
      const { acmeAdmin } = foyer.fixture.actors;
      const { link } = await foyer.services.updateInviteLink(acmeAdmin, "acme", {
        enabled: true,
        roleId: "client_user",
        maxJoins: 5,
      });
      const token = tokenFromLink(link.url ?? "");
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          foyer.services.joinWithInviteLink({
            token,
            firstName: "Rush",
            lastName: `No${i}`,
            email: `rush${i}@acme.com`,
            password: STRONG,
            passwordConfirmation: STRONG,
            acceptTerms: true,
          }),
        ),
      );
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(5);
      expect(lost).toHaveLength(45);
      for (const loss of lost) expect(loss.reason).toMatchObject({ code: "INVITE_LINK_INVALID" });
      const emails = Array.from({ length: 50 }, (_, i) => `rush${i}@acme.com`);
      expect(await foyer.store.findMembersByEmails(emails)).toHaveLength(5);
      expect(
        [...foyer.users.users.values()].filter((u) => u.email.startsWith("rush")),
      ).toHaveLength(5);
      expect(await foyer.store.getInviteLink("acme")).toMatchObject({
        joinCount: 5,
        generationJoinCount: 5,
      });
    });

    it("R-INV-05: concurrent batches against a seat limit never exceed it", async () => {
      // Globex: seat limit 5 with one member; four batches of three race for four seats.
      const { globexAdmin } = foyer.fixture.actors;
      const batches = Array.from({ length: 4 }, (_, b) =>
        foyer.services.createInvitations(globexAdmin, {
          tenantId: "globex",
          roleId: "client_user",
          emails: [0, 1, 2].map((i) => `b${b}u${i}@globex.com`),
          delivery: "link",
        }),
      );
      const results = await Promise.all(batches);
      const created = results.reduce((sum, r) => sum + r.created.length, 0);
      const seatSkips = results.reduce(
        (sum, r) => sum + r.skipped.filter((s) => s.reason === "seat_limit").length,
        0,
      );
      expect(created).toBe(4);
      expect(seatSkips).toBe(8);
      const now = new Date();
      const taken =
        (await foyer.store.countActiveMembers("globex")) +
        (await foyer.store.countPendingInvitations("globex", now));
      expect(taken).toBe(5);
    });

    it("R-INV-03: concurrent replace-pending leaves exactly one pending invitation", async () => {
      const { acmeAdmin } = foyer.fixture.actors;
      const body = {
        tenantId: "acme",
        roleId: "client_user",
        emails: ["dup@acme.com"],
        ifPending: "replace" as const,
        delivery: "link" as const,
      };
      await foyer.services.createInvitations(acmeAdmin, body);
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, () => foyer.services.createInvitations(acmeAdmin, body)),
      );
      expect(results.every((r) => r.status === "fulfilled")).toBe(true);
      const pending = await foyer.services.listInvitations(acmeAdmin, {
        tenantId: "acme",
        status: "pending",
        q: "dup@",
        counts: "true",
      });
      expect(pending.items).toHaveLength(1);
      expect(pending.counts?.revoked).toBe(5);
      const live = await foyer.store.findOpenInvitations("acme", ["dup@acme.com"]);
      expect(live).toHaveLength(1);
    });

    it("R-INV-07: a resend racing an accept leaves either the acceptance or the new token, never both", async () => {
      const { acmeAdmin } = foyer.fixture.actors;
      const created = await foyer.services.createInvitations(acmeAdmin, {
        tenantId: "acme",
        roleId: "client_user",
        emails: ["both@acme.com"],
        delivery: "link",
      });
      const invitation = created.created[0]!.invitation!;
      const token = tokenFromLink(created.created[0]!.link!);
      const [accepted, resent] = await Promise.allSettled([
        foyer.services.acceptInvitation({
          token,
          firstName: "B",
          lastName: "O",
          password: STRONG,
          passwordConfirmation: STRONG,
        }),
        foyer.services.resendInvitation(acmeAdmin, invitation.id, { delivery: "link" }),
      ]);
      const final = (await foyer.services.getInvitation(acmeAdmin, invitation.id)).invitation;
      if (accepted.status === "fulfilled") {
        expect(resent.status).toBe("rejected");
        expect(final.status).toBe("accepted");
      } else {
        expect(resent.status).toBe("fulfilled");
        expect(final.status).toBe("pending");
        expect(accepted.reason).toMatchObject({ code: "INVITATION_SUPERSEDED" });
      }
    });

    it("R-INV-09: after concurrent creates, replaces, resends, revokes, accepts and the expiry sweep, the tab counts equal a full count", async () => {
      // A clock the test moves: the sweep later settles what has lapsed by then.
      let clock = Date.now();
      await harness.reset();
      foyer = await createTestFoyer(harness.store, { now: () => new Date(clock) });
      const { acmeAdmin, mspAdmin } = foyer.fixture.actors;
      const first = await foyer.services.createInvitations(acmeAdmin, {
        tenantId: "acme",
        roleId: "client_user",
        emails: Array.from({ length: 12 }, (_, i) => `r${i}@acme.com`),
        delivery: "link",
      });
      const made = first.created.map((c) => ({
        id: c.invitation!.id,
        token: tokenFromLink(c.link!),
      }));
      const accept = (token: string) =>
        foyer.services.acceptInvitation({
          token,
          firstName: "R",
          lastName: "Ace",
          password: STRONG,
          passwordConfirmation: STRONG,
        });
      // Everything at once: some calls lose their race, and the counts must not care.
      await Promise.allSettled([
        ...[0, 1, 2].map((i) =>
          foyer.services.createInvitations(acmeAdmin, {
            tenantId: "acme",
            roleId: "client_user",
            emails: [`new${i}@acme.com`, "r0@acme.com", `shared@acme.com`],
            ifPending: "replace",
            delivery: "link",
          }),
        ),
        foyer.services.createInvitations(mspAdmin, {
          tenantId: "globex",
          roleId: "client_user",
          emails: ["g0@globex.com", "g1@globex.com"],
          delivery: "link",
        }),
        ...made.slice(1, 5).map(({ token }) => accept(token)),
        ...made.slice(3, 7).map(({ id }) => foyer.services.revokeInvitation(acmeAdmin, id)),
        ...made
          .slice(6, 9)
          .map(({ id }) => foyer.services.resendInvitation(acmeAdmin, id, { delivery: "link" })),
        accept(made[8]!.token),
      ]);
      const fullCount = async (at: Date) => {
        const counts = { pending: 0, accepted: 0, expired: 0, revoked: 0, history: 0, all: 0 };
        for (const tenantId of ["northwind", "acme", "globex"]) {
          const page = await foyer.store.listInvitations({
            tenantIds: [tenantId],
            filter: "all",
            sort: "sentAt",
            order: "desc",
            limit: 10_000,
            now: at,
          });
          for (const row of page) {
            const status = deriveStatus(row.status, row.expiresAt, at);
            counts[status] += 1;
            counts.all += 1;
            if (status !== "pending") counts.history += 1;
          }
        }
        return counts;
      };
      const tabs = async () =>
        (await foyer.services.listInvitations(mspAdmin, { counts: "true", limit: 1 })).counts;
      const before = await fullCount(new Date(clock));
      expect(before.all).toBeGreaterThanOrEqual(16);
      expect(await tabs()).toEqual(before);
      // Past every expiry: first lapsed by time only, then settled by a sweep racing an accept.
      clock += 400 * 24 * 60 * 60 * 1000;
      const lapsed = await fullCount(new Date(clock));
      expect(lapsed.pending).toBe(0);
      expect(await tabs()).toEqual(lapsed);
      await Promise.allSettled([
        foyer.services.recordExpirations(3),
        foyer.services.recordExpirations(3),
        foyer.services.recordExpirations(),
        accept(made[11]!.token),
      ]);
      expect(await tabs()).toEqual(await fullCount(new Date(clock)));
      expect(await foyer.store.countPendingInvitations("acme", new Date(clock))).toBe(0);
    });
    it("R-INV-17: sweeps running at once remind each due invitation exactly once, racing revokes", async () => {
      let clock = Date.now();
      await harness.reset();
      foyer = await createTestFoyer(harness.store, { now: () => new Date(clock) });
      const { acmeAdmin } = foyer.fixture.actors;
      const acme = await foyer.store.getTenant("acme");
      await foyer.admin.upsertTenant({
        ...acme!,
        settings: { ...acme!.settings, reminderEnabled: true },
      });
      const created = await foyer.services.createInvitations(acmeAdmin, {
        tenantId: "acme",
        roleId: "client_user",
        emails: Array.from({ length: 40 }, (_, i) => `remind${i}@acme.com`),
      });
      const ids = created.created.map((entry) => entry.invitation!.id);
      expect(await foyer.dispatcher.runOnce()).toBe(40);
      clock += 6 * 24 * 60 * 60 * 1000;
      const revoked = ids.slice(0, 5);
      const results = await Promise.all([
        foyer.services.sendReminders(7),
        foyer.services.sendReminders(),
        foyer.services.sendReminders(),
        ...revoked.map((id) => foyer.services.revokeInvitation(acmeAdmin, id).then(() => 0)),
      ]);
      const swept = results.slice(0, 3).reduce((sum, n) => sum + n, 0);
      expect(await foyer.services.sendReminders()).toBe(0);

      const reminders = (await foyer.store.listEmails({})).filter((e) => e.kind === "reminder");
      const events = (
        await foyer.store.listAuditEvents({ tenantIds: ["acme"], limit: 500 })
      ).filter((event) => event.action === "reminded");
      expect(reminders).toHaveLength(swept);
      expect(events).toHaveLength(swept);
      expect(new Set(reminders.map((e) => e.invitationId)).size).toBe(swept);
      expect(new Set(events.map((e) => e.invitationId)).size).toBe(swept);
      // Every invitation still pending was reminded; a revoked one only if the sweep came first.
      for (const id of ids.slice(5)) {
        expect(reminders.some((e) => e.invitationId === id)).toBe(true);
      }
      expect(swept).toBeGreaterThanOrEqual(35);

      await foyer.dispatcher.runOnce();
      const after = (await foyer.store.listEmails({})).filter((e) => e.kind === "reminder");
      for (const email of after) {
        const revokedOne = revoked.includes(email.invitationId!);
        expect(email.status).toBe(revokedOne ? "cancelled" : "sent");
      }
      const delivered = foyer.mailbox.messages().filter((m) => after.some((e) => e.id === m.id));
      expect(delivered).toHaveLength(35);
    });
  });
}
