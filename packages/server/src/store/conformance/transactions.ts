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
}
