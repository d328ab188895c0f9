import { describe, expect, it } from "vitest";
import type { Store } from "../types.ts";
import { emailFixture, invitationFixture, minutes, NOW } from "./fixtures.ts";

/** The email outbox. */
export function describeOutbox(store: () => Store): void {
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

    it("R-EML-05: lockDeliveries answers each email with its invitation, in email id order, and leaves out emails without one", async () => {
      const a = invitationFixture({ tenantId: "ten_a", email: "a@example.com" });
      const b = invitationFixture({ tenantId: "ten_a", email: "b@example.com" });
      await store().insertInvitations([a, b]);
      const toA = emailFixture({ tenantId: "ten_a", invitationId: a.id });
      const toB = emailFixture({ tenantId: "ten_a", invitationId: b.id });
      const orphan = emailFixture({ tenantId: "ten_a", invitationId: null });
      const missing = emailFixture({ tenantId: "ten_a", invitationId: "inv_missing" });
      await store().enqueueEmails([toA, toB, orphan]);
      const locked = await store().transaction((tx) =>
        tx.lockDeliveries([toB, orphan, missing, toA]),
      );
      const expected = [
        { email: toA, invitation: a },
        { email: toB, invitation: b },
      ].sort((x, y) => (x.email.id < y.email.id ? -1 : 1));
      expect(locked).toEqual(expected);
      expect(await store().transaction((tx) => tx.lockDeliveries([]))).toEqual([]);
    });

    it("R-EML-05: lockDeliveries skips an email whose invitation another transaction holds, without waiting", async () => {
      if (store().kind !== "postgres") return; // single-connection stores run one transaction at a time
      const held = invitationFixture({ tenantId: "ten_a", email: "held@example.com" });
      const free = invitationFixture({ tenantId: "ten_a", email: "free@example.com" });
      await store().insertInvitations([held, free]);
      const toHeld = emailFixture({ tenantId: "ten_a", invitationId: held.id });
      const toFree = emailFixture({ tenantId: "ten_a", invitationId: free.id });
      await store().enqueueEmails([toHeld, toFree]);
      let holding!: () => void;
      const locked = new Promise<void>((resolve) => {
        holding = resolve;
      });
      let release!: () => void;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      const holder = store().transaction(async (tx) => {
        await tx.lockInvitation(held.id);
        holding();
        await released;
      });
      await locked;
      const answered = await store().transaction((tx) => tx.lockDeliveries([toHeld, toFree]));
      release();
      await holder;
      expect(answered).toEqual([{ email: toFree, invitation: free }]);
    });

    it("R-EML-02: recordDeliveries writes the delivery state of emails and invitations and nothing else", async () => {
      const invitation = invitationFixture({
        tenantId: "ten_a",
        deliveryStatus: "queued",
        deliveryUpdatedAt: NOW,
      });
      await store().insertInvitations([invitation]);
      const sent = emailFixture({ tenantId: "ten_a", invitationId: invitation.id });
      const retried = emailFixture({ tenantId: "ten_a" });
      const untouched = emailFixture({ tenantId: "ten_a" });
      await store().enqueueEmails([sent, retried, untouched]);
      await store().transaction(async (tx) => {
        await tx.lockDeliveries([sent]);
        await tx.recordDeliveries(
          [
            {
              id: sent.id,
              status: "sent",
              attempts: 1,
              nextAttemptAt: sent.nextAttemptAt,
              lastError: null,
              sentAt: minutes(1),
              leaseUntil: null,
            },
            {
              id: retried.id,
              status: "queued",
              attempts: 2,
              nextAttemptAt: minutes(30),
              lastError: "421 try later",
              sentAt: null,
              leaseUntil: null,
            },
          ],
          [
            {
              id: invitation.id,
              deliveryStatus: "sent",
              deliveryError: null,
              deliveryUpdatedAt: minutes(1),
              deliveryAttempts: 1,
              deliveryLastAttemptAt: minutes(1),
            },
          ],
        );
        await tx.recordDeliveries([], []);
      });
      const rows = await store().listEmails({});
      expect(rows.find((row) => row.id === sent.id)).toEqual({
        ...sent,
        status: "sent",
        attempts: 1,
        sentAt: minutes(1),
      });
      expect(rows.find((row) => row.id === retried.id)).toEqual({
        ...retried,
        attempts: 2,
        nextAttemptAt: minutes(30),
        lastError: "421 try later",
      });
      expect(rows.find((row) => row.id === untouched.id)).toEqual(untouched);
      expect(await store().getInvitation(invitation.id)).toEqual({
        ...invitation,
        deliveryStatus: "sent",
        deliveryUpdatedAt: minutes(1),
        deliveryAttempts: 1,
        deliveryLastAttemptAt: minutes(1),
      });
    });
  });
}
