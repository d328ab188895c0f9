import { describe, expect, it } from "vitest";
import { CONSTRAINTS, UniqueViolationError } from "../errors.ts";
import type { Store } from "../types.ts";
import {
  auditFixture,
  emailFixture,
  invitationFixture,
  minutes,
  NOW,
  tokenFixture,
} from "./fixtures.ts";

/** Invitation rows: round trips, the pending constraint, batches and lookups. */
export function describeInvitations(store: () => Store): void {
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
      await expect(store().updateInvitation(first.id, { status: "pending" })).rejects.toMatchObject(
        { constraint: CONSTRAINTS.pendingInvitation },
      );
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
      expect(await store().listAuditEvents({ tenantIds: ["ten_big"], limit: 5_000 })).toHaveLength(
        2_500,
      );
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
}
