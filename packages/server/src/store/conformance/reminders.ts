import type { Tenant } from "@foyer/core";
import { describe, expect, it } from "vitest";
import type { InvitationRow, Store } from "../types.ts";
import { invitationFixture, minutes, NOW, tenantFixture } from "./fixtures.ts";

const HOURS = 60;

/** A tenant with reminders on, `leadHours` before expiry. */
function remindingTenant(leadHours: number, overrides: Partial<Tenant> = {}): Tenant {
  const tenant = tenantFixture(overrides);
  return {
    ...tenant,
    settings: { ...tenant.settings, reminderEnabled: true, reminderLeadHours: leadHours },
  };
}

/** A pending invitation whose email went out five days ago, expiring `inHours` from NOW. */
function sentInvitation(
  tenantId: string,
  inHours: number,
  overrides: Partial<InvitationRow> = {},
): InvitationRow {
  return invitationFixture({
    tenantId,
    sentAt: minutes(-5 * 24 * HOURS),
    createdAt: minutes(-5 * 24 * HOURS),
    expiresAt: minutes(inHours * HOURS),
    deliveryStatus: "sent",
    ...overrides,
  });
}

/** The reminder claim of the sweep (R-INV-17). */
export function describeReminders(store: () => Store): void {
  describe("reminders", () => {
    it("R-INV-17: claimDueReminders marks and answers only the invitations due, oldest expiry first, up to the limit", async () => {
      const on = remindingTenant(48);
      const off = tenantFixture();
      const cancelled = remindingTenant(48, { status: "cancelled" });
      const short = remindingTenant(6);
      for (const tenant of [on, off, cancelled, short]) await store().upsertTenant(tenant);
      const soonest = sentInvitation(on.id, 2);
      const later = sentInvitation(on.id, 47);
      const inShortLead = sentInvitation(short.id, 5);
      const notDue = [
        sentInvitation(on.id, 49),
        sentInvitation(short.id, 7),
        sentInvitation(on.id, -1),
        sentInvitation(on.id, 24, { status: "revoked", revokedAt: minutes(-60) }),
        sentInvitation(on.id, 24, { status: "accepted", acceptedAt: minutes(-60) }),
        sentInvitation(on.id, 24, { status: "expired", expiredRecordedAt: minutes(-1) }),
        sentInvitation(on.id, 24, { reminderSentAt: minutes(-60) }),
        sentInvitation(on.id, 24, { deliveryStatus: "none" }),
        sentInvitation(on.id, 24, { deliveryStatus: "failed", deliveryError: "550" }),
        sentInvitation(on.id, 24, { deliveryStatus: "queued" }),
        // Sent an hour ago for 24 hours: the reminder point lies before the sending.
        sentInvitation(on.id, 23, { sentAt: minutes(-HOURS), createdAt: minutes(-HOURS) }),
        sentInvitation(off.id, 24),
        sentInvitation(cancelled.id, 24),
      ];
      await store().insertInvitations([later, ...notDue, inShortLead, soonest]);

      const first = await store().transaction((tx) => tx.claimDueReminders(NOW, 2));
      expect(first).toEqual([
        { ...soonest, reminderSentAt: NOW },
        { ...inShortLead, reminderSentAt: NOW },
      ]);
      const rest = await store().transaction((tx) => tx.claimDueReminders(NOW, 10));
      expect(rest.map((row) => row.id)).toEqual([later.id]);
      expect(await store().transaction((tx) => tx.claimDueReminders(NOW, 10))).toEqual([]);

      expect((await store().getInvitation(later.id))?.reminderSentAt).toEqual(NOW);
      for (const row of notDue) {
        expect(await store().getInvitation(row.id)).toEqual(row);
      }
    });

    it("R-INV-17: a claim rolled back with its transaction leaves the invitation due", async () => {
      const tenant = remindingTenant(48);
      await store().upsertTenant(tenant);
      const due = sentInvitation(tenant.id, 24);
      await store().insertInvitations([due]);
      const failed = store().transaction(async (tx) => {
        expect(await tx.claimDueReminders(NOW, 10)).toHaveLength(1);
        throw new Error("boom");
      });
      await expect(failed).rejects.toThrow("boom");
      expect((await store().getInvitation(due.id))?.reminderSentAt).toBeNull();
      expect(await store().transaction((tx) => tx.claimDueReminders(NOW, 10))).toHaveLength(1);
    });

    it("R-INV-17: concurrent claims never claim one invitation twice, and skip one another transaction holds", async () => {
      const tenant = remindingTenant(48);
      await store().upsertTenant(tenant);
      const due = Array.from({ length: 6 }, (_, i) => sentInvitation(tenant.id, 10 + i));
      await store().insertInvitations(due);
      const claimBoth = () =>
        Promise.all([
          store().transaction((tx) => tx.claimDueReminders(NOW, 3)),
          store().transaction((tx) => tx.claimDueReminders(NOW, 3)),
        ]);
      if (store().kind === "postgres") {
        let held!: () => void;
        const holding = new Promise<void>((resolve) => {
          held = resolve;
        });
        let release!: () => void;
        const released = new Promise<void>((resolve) => {
          release = resolve;
        });
        // A revoke (say) holds the soonest invitation's lock.
        const holder = store().transaction(async (tx) => {
          await tx.lockInvitation(due[0]!.id);
          held();
          await released;
        });
        await holding;
        const [a, b] = await claimBoth();
        const ids = [...a, ...b].map((row) => row.id);
        // SKIP LOCKED: the held row is skipped, not waited for, and no row is claimed twice.
        expect(ids.sort()).toEqual(
          due
            .slice(1)
            .map((row) => row.id)
            .sort(),
        );
        release();
        await holder;
        const after = await store().transaction((tx) => tx.claimDueReminders(NOW, 10));
        expect(after.map((row) => row.id)).toEqual([due[0]!.id]);
      } else {
        // The single-connection stores run one transaction at a time.
        const [a, b] = await claimBoth();
        const ids = [...a, ...b].map((row) => row.id);
        expect(ids.sort()).toEqual(due.map((row) => row.id).sort());
      }
      expect(await store().transaction((tx) => tx.claimDueReminders(NOW, 10))).toEqual([]);
    });
  });
}
