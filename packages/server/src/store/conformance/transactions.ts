import { describe, expect, it } from "vitest";
import type { Store } from "../types.ts";
import {
  auditFixture,
  emailFixture,
  invitationFixture,
  memberFixture,
  minutes,
  NOW,
  newId,
  sleep,
  tenantFixture,
  tokenFixture,
} from "./fixtures.ts";

/** Transactions and row locks: all or nothing, and who waits for whom. */
export function describeTransactions(store: () => Store): void {
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

    it("R-EML-05: claimDueEmails leases queued rows that are due, oldest first, up to the limit, until the lease runs out", async () => {
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
        emailFixture({ tenantId: "ten_a", status: "cancelled", lastError: "revoked" }),
      ]);
      const firstTwo = await store().claimDueEmails(NOW, 2, minutes(2));
      expect(firstTwo.map((row) => row.id)).toEqual([oldest.id, older.id]);
      expect(firstTwo[0]).toEqual({ ...oldest, leaseUntil: minutes(2) });
      // Leased rows are not due again while the lease holds…
      const rest = await store().claimDueEmails(NOW, 10, minutes(2));
      expect(rest.map((row) => row.id)).toEqual([dueNow.id]);
      expect(await store().claimDueEmails(minutes(1), 10, minutes(3))).toEqual([
        expect.objectContaining({ nextAttemptAt: minutes(1) }),
      ]);
      // …and are again once it has run out (the instance holding them died).
      const later = await store().claimDueEmails(minutes(2), 10, minutes(4));
      expect(later.map((row) => row.id)).toEqual([oldest.id, older.id, dueNow.id]);
    });

    it("R-EML-05: concurrent claims never lease the same row, and skip a row another transaction holds", async () => {
      const due = Array.from({ length: 5 }, (_, i) =>
        emailFixture({ tenantId: "ten_a", nextAttemptAt: minutes(-10 + i) }),
      );
      await store().enqueueEmails(due);
      let held!: () => void;
      const holding = new Promise<void>((resolve) => {
        held = resolve;
      });
      let release!: () => void;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      // A delivery transaction holds the oldest row's lock.
      const holder = store().transaction(async (tx) => {
        await tx.lockEmail(due[0]!.id);
        held();
        await released;
      });
      if (store().kind === "postgres") {
        await holding;
        const [a, b] = await Promise.all([
          store().claimDueEmails(NOW, 2, minutes(5)),
          store().claimDueEmails(NOW, 2, minutes(5)),
        ]);
        const ids = [...a, ...b].map((row) => row.id);
        // SKIP LOCKED: the held row is skipped, not waited for, and no row is leased twice.
        expect(ids).not.toContain(due[0]!.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.sort()).toEqual(
          due
            .slice(1)
            .map((row) => row.id)
            .sort(),
        );
        release();
        await holder;
      } else {
        // The single-connection stores run one transaction at a time.
        release();
        await holder;
        const [a, b] = await Promise.all([
          store().claimDueEmails(NOW, 2, minutes(5)),
          store().claimDueEmails(NOW, 2, minutes(5)),
        ]);
        const ids = [...a, ...b].map((row) => row.id);
        expect(new Set(ids).size).toBe(4);
      }
    });

    it("R-EML-05: cancelQueuedEmails cancels only the invitation's queued emails and counts them", async () => {
      const invitation = invitationFixture({ tenantId: "ten_a" });
      await store().insertInvitations([invitation]);
      const queued = emailFixture({ tenantId: "ten_a", invitationId: invitation.id });
      const sent = emailFixture({
        tenantId: "ten_a",
        invitationId: invitation.id,
        status: "sent",
        sentAt: minutes(-1),
      });
      const other = emailFixture({ tenantId: "ten_a" });
      await store().enqueueEmails([queued, sent, other]);
      const cancelled = await store().transaction(async (tx) => {
        await tx.lockInvitation(invitation.id);
        return tx.cancelQueuedEmails(invitation.id, "Invitation revoked");
      });
      expect(cancelled).toBe(1);
      const rows = await store().listEmails({});
      expect(rows.find((row) => row.id === queued.id)).toMatchObject({
        status: "cancelled",
        lastError: "Invitation revoked",
      });
      expect(rows.find((row) => row.id === sent.id)?.status).toBe("sent");
      expect(rows.find((row) => row.id === other.id)?.status).toBe("queued");
      expect(await store().cancelQueuedEmails(invitation.id, "again")).toBe(0);
      expect(await store().transaction((tx) => tx.lockEmail("missing"))).toBeNull();
    });
  });
}
