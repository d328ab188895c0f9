import { describe, expect, it } from "vitest";
import { CONSTRAINTS, UniqueViolationError } from "../errors.ts";
import type { Store } from "../types.ts";
import { invitationFixture, minutes, NOW, tokenFixture } from "./fixtures.ts";

/** Token hashes: unique, found by hash, retired. */
export function describeTokens(store: () => Store): void {
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
}
