import { describe, expect, it } from "vitest";
import type { Store } from "../types.ts";
import { emailFixture, invitationFixture, minutes } from "./fixtures.ts";

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
  });
}
