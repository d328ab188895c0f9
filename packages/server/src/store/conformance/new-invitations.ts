import { describe, expect, it } from "vitest";
import { CONSTRAINTS, UniqueViolationError } from "../errors.ts";
import type { NewInvitationRows, Store } from "../types.ts";
import {
  auditFixture,
  emailFixture,
  invitationFixture,
  memberFixture,
  minutes,
  NOW,
  tenantFixture,
  tokenFixture,
} from "./fixtures.ts";

/** New invitations with their rows, and each of them with the rows it needs for a new one. */
function newRows(tenantId: string, emails: string[]): NewInvitationRows {
  const invitations = emails.map((email) => invitationFixture({ tenantId, email }));
  return {
    invitations,
    tokens: invitations.map((row) => tokenFixture(row.id)),
    emails: invitations.map((row) =>
      emailFixture({ tenantId, invitationId: row.id, to: row.email }),
    ),
    audit: invitations.map((row) =>
      auditFixture({ tenantId, invitationId: row.id, subjectEmail: row.email }),
    ),
  };
}

/** What creating invitations reads and writes together: checkInvitees, insertNewInvitations. */
export function describeNewInvitations(store: () => Store): void {
  describe("new invitations", () => {
    it("R-INV-01: insertNewInvitations stores invitations, token hashes, queued emails and audit records together, and counts them", async () => {
      const batch = newRows("ten_a", ["dana@example.com", "erin@example.com"]);
      await store().transaction((tx) => tx.insertNewInvitations(batch));
      for (const [index, row] of batch.invitations.entries()) {
        expect(await store().getInvitation(row.id)).toEqual(row);
        expect(await store().findToken(batch.tokens[index]!.hash)).toEqual(batch.tokens[index]);
        expect(await store().listEmails({ invitationId: row.id })).toEqual([batch.emails[index]]);
        expect(await store().listAuditEvents({ invitationId: row.id, limit: 5 })).toEqual([
          batch.audit[index],
        ]);
      }
      expect((await store().countInvitations(["ten_a"], undefined, NOW)).pending).toBe(2);
      // Outside a transaction it is a transaction of its own; empty parts are fine.
      const alone = newRows("ten_a", ["fay@example.com"]);
      await store().insertNewInvitations({ ...alone, emails: [], audit: [] });
      expect(await store().getInvitation(alone.invitations[0]!.id)).toEqual(alone.invitations[0]);
      expect(await store().countPendingInvitations("ten_a", NOW)).toBe(3);
    });

    it("R-INV-03: insertNewInvitations with a clash stores none of its rows and names the constraint", async () => {
      await store().insertInvitations([
        invitationFixture({ tenantId: "ten_a", email: "dana@example.com" }),
      ]);
      const batch = newRows("ten_a", ["erin@example.com", "Dana@example.com"]);
      const refused = store().transaction((tx) => tx.insertNewInvitations(batch));
      await expect(refused).rejects.toBeInstanceOf(UniqueViolationError);
      await expect(refused).rejects.toMatchObject({ constraint: CONSTRAINTS.pendingInvitation });
      expect(await store().getInvitation(batch.invitations[0]!.id)).toBeNull();
      expect(await store().findToken(batch.tokens[0]!.hash)).toBeNull();
      expect(await store().listEmails({ invitationId: batch.invitations[0]!.id })).toEqual([]);
      expect(await store().listAuditEvents({ tenantIds: ["ten_a"], limit: 5 })).toEqual([]);
      expect(await store().countPendingInvitations("ten_a", NOW)).toBe(1);
    });

    it("R-INV-04: checkInvitees answers the tenant's stored-pending rows and every tenant's members for the addresses, case-insensitively", async () => {
      for (const id of ["ten_a", "ten_b"]) await store().upsertTenant(tenantFixture({ id }));
      const live = invitationFixture({ tenantId: "ten_a", email: "dana@example.com" });
      const lapsed = invitationFixture({
        tenantId: "ten_a",
        email: "erin@example.com",
        expiresAt: minutes(-1),
      });
      await store().insertInvitations([
        live,
        lapsed,
        invitationFixture({ tenantId: "ten_a", email: "fay@example.com", status: "accepted" }),
        invitationFixture({ tenantId: "ten_b", email: "dana@example.com" }),
      ]);
      const member = memberFixture({ tenantId: "ten_b", email: "gus@example.com" });
      const inactive = memberFixture({
        tenantId: "ten_a",
        email: "hal@example.com",
        status: "inactive",
      });
      await store().insertMember(member);
      await store().insertMember(inactive);
      await store().insertMember(memberFixture({ tenantId: "ten_a", email: "ivy@example.com" }));

      const check = await store().checkInvitees(
        "ten_a",
        [
          "DANA@example.com",
          "erin@example.com",
          "fay@example.com",
          "Gus@example.com",
          "hal@example.com",
        ],
        null,
      );
      expect(check.open.map((row) => row.id).sort()).toEqual([live.id, lapsed.id].sort());
      expect(check.open.find((row) => row.id === live.id)).toEqual(live);
      expect(check.members.map((row) => row.id).sort()).toEqual([member.id, inactive.id].sort());
      expect(check.members.find((row) => row.id === member.id)).toEqual(member);
      expect(check.seatsTaken).toBeNull();
      // One address (the single invitation's own statement) answers the same way.
      const one = await store().checkInvitees(
        "ten_a",
        ["DANA@example.com", "dana@EXAMPLE.com"],
        null,
      );
      expect(one.open).toEqual([live]);
      expect(one.members).toEqual([]);
      const oneMember = await store().checkInvitees("ten_a", ["Gus@example.com"], NOW);
      expect(oneMember.open).toEqual([]);
      expect(oneMember.members).toEqual([member]);
      expect(await store().checkInvitees("ten_a", [], null)).toEqual({
        open: [],
        members: [],
        seatsTaken: null,
      });
    });

    it("R-INV-05: checkInvitees with a time answers the seats taken then: active members and unexpired pending rows, this transaction's writes included", async () => {
      await store().upsertTenant(tenantFixture({ id: "ten_a" }));
      await store().insertInvitations([
        invitationFixture({ tenantId: "ten_a" }),
        invitationFixture({ tenantId: "ten_a", expiresAt: NOW }),
        invitationFixture({ tenantId: "ten_a", status: "revoked" }),
        invitationFixture({ tenantId: "ten_b" }),
      ]);
      await store().insertMember(memberFixture({ tenantId: "ten_a", email: "ivy@example.com" }));
      await store().insertMember(
        memberFixture({ tenantId: "ten_a", email: "jo@example.com", status: "inactive" }),
      );
      expect((await store().checkInvitees("ten_a", [], NOW)).seatsTaken).toBe(2);
      const inside = await store().transaction(async (tx) => {
        await tx.insertNewInvitations(newRows("ten_a", ["kim@example.com", "lu@example.com"]));
        return tx.checkInvitees("ten_a", ["kim@example.com"], NOW);
      });
      expect(inside.seatsTaken).toBe(4);
      expect(inside.open.map((row) => row.email)).toEqual(["kim@example.com"]);
    });
  });
}
