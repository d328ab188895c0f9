import { describe, expect, it } from "vitest";
import { CONSTRAINTS, UniqueViolationError } from "../errors.ts";
import type { EmailVerificationRow, InviteLinkRow, Store } from "../types.ts";
import { minutes, NOW, newId, tenantFixture } from "./fixtures.ts";

function linkFixture(tenantId: string, overrides: Partial<InviteLinkRow> = {}): InviteLinkRow {
  return {
    tenantId,
    linkId: newId("lnk"),
    enabled: true,
    roleId: "role_user",
    allowedDomains: ["acme.example"],
    expiresAt: null,
    maxJoins: null,
    generation: 1,
    tokenKid: "k1",
    tokenHash: newId("hash"),
    joinCount: 0,
    generationJoinCount: 0,
    createdAt: minutes(-60),
    updatedAt: minutes(-60),
    regeneratedAt: null,
    updatedById: "user_admin",
    updatedByEmail: "admin@example.com",
    updatedByName: "Ada Admin",
    ...overrides,
  };
}

function verificationFixture(
  overrides: Partial<EmailVerificationRow> & { tenantId: string },
): EmailVerificationRow {
  return {
    id: newId("ver"),
    userId: newId("user"),
    email: `${globalThis.crypto.randomUUID().slice(0, 8)}@example.com`,
    source: "link",
    generation: 1,
    tokenKid: "k1",
    tokenHash: newId("hash"),
    createdAt: minutes(-10),
    expiresAt: minutes(24 * 60),
    lastSentAt: minutes(-10),
    sendCount: 1,
    verifiedAt: null,
    ...overrides,
  };
}

/** Invite links, their domains and email verifications. */
export function describeInviteLinks(store: () => Store): void {
  describe("invite links", () => {
    it("R-LNK-01: one link per tenant, found by tenant and by its current token hash only", async () => {
      const tenant = tenantFixture();
      await store().upsertTenant(tenant);
      const link = linkFixture(tenant.id, { allowedDomains: ["a.example", "xn--bcher-kva.de"] });
      await store().insertInviteLink(link);
      expect(await store().getInviteLink(tenant.id)).toEqual(link);
      expect(await store().findInviteLinkByHash(link.tokenHash)).toEqual(link);

      const second = store().insertInviteLink(linkFixture(tenant.id));
      await expect(second).rejects.toBeInstanceOf(UniqueViolationError);
      await expect(second).rejects.toMatchObject({ constraint: CONSTRAINTS.inviteLinkTenant });

      // R-LNK-03: a new generation replaces the hash; the old one finds nothing any more.
      const nextHash = newId("hash");
      await store().updateInviteLink(tenant.id, {
        generation: 2,
        tokenHash: nextHash,
        generationJoinCount: 0,
        regeneratedAt: NOW,
        expiresAt: null,
        roleId: null,
      });
      expect(await store().findInviteLinkByHash(link.tokenHash)).toBeNull();
      expect(await store().findInviteLinkByHash(nextHash)).toMatchObject({
        tenantId: tenant.id,
        linkId: link.linkId,
        generation: 2,
        regeneratedAt: NOW,
        roleId: null,
        allowedDomains: ["a.example", "xn--bcher-kva.de"],
      });
    });

    it("R-LNK-03: a token hash belongs to one link", async () => {
      const a = tenantFixture();
      const b = tenantFixture();
      await store().upsertTenant(a);
      await store().upsertTenant(b);
      const link = linkFixture(a.id);
      await store().insertInviteLink(link);
      const clash = store().insertInviteLink(linkFixture(b.id, { tokenHash: link.tokenHash }));
      await expect(clash).rejects.toMatchObject({ constraint: CONSTRAINTS.inviteLinkToken });
      expect(await store().getInviteLink(b.id)).toBeNull();
    });

    it("R-LNK-10: lockInviteLink reads the row inside a transaction and counts persist with it", async () => {
      const tenant = tenantFixture();
      await store().upsertTenant(tenant);
      await store().insertInviteLink(linkFixture(tenant.id, { maxJoins: 2 }));
      await store().transaction(async (tx) => {
        const locked = await tx.lockInviteLink(tenant.id);
        expect(locked?.maxJoins).toBe(2);
        await tx.updateInviteLink(tenant.id, { joinCount: 1, generationJoinCount: 1 });
      });
      await expect(
        store().transaction(async (tx) => {
          await tx.updateInviteLink(tenant.id, { joinCount: 2, generationJoinCount: 2 });
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      expect(await store().getInviteLink(tenant.id)).toMatchObject({
        joinCount: 1,
        generationJoinCount: 1,
      });
      expect(await store().transaction((tx) => tx.lockInviteLink(newId("ten")))).toBeNull();
    });

    it("R-LNK-04: a domain is held by one tenant per scope; a refused replace keeps the old set", async () => {
      const msp = tenantFixture();
      await store().upsertTenant(msp);
      const acme = tenantFixture({ parentId: msp.id });
      const globex = tenantFixture({ parentId: msp.id });
      const other = tenantFixture();
      for (const t of [acme, globex, other]) await store().upsertTenant(t);

      await store().replaceLinkDomains(acme.id, msp.id, ["acme.example", "shared.example"]);
      // Another scope may hold the same domain.
      await store().replaceLinkDomains(other.id, other.id, ["shared.example"]);
      expect(
        (await store().findLinkDomains(msp.id, ["shared.example", "none.example"])).map(
          (row) => row.tenantId,
        ),
      ).toEqual([acme.id]);

      await store().replaceLinkDomains(globex.id, msp.id, ["globex.example"]);
      const clash = store().transaction(async (tx) => {
        await expect(
          tx.replaceLinkDomains(globex.id, msp.id, ["globex2.example", "shared.example"]),
        ).rejects.toMatchObject({ constraint: CONSTRAINTS.linkDomain });
        // The transaction stays usable after the refused write.
        return tx.findLinkDomains(msp.id, ["globex.example", "globex2.example"]);
      });
      expect((await clash).map((row) => row.domain)).toEqual(["globex.example"]);

      // Replacing frees what the tenant dropped.
      await store().replaceLinkDomains(acme.id, msp.id, ["acme.example"]);
      await store().replaceLinkDomains(globex.id, msp.id, ["shared.example"]);
      expect(
        (await store().findLinkDomains(msp.id, ["shared.example"])).map((row) => row.tenantId),
      ).toEqual([globex.id]);
      await store().replaceLinkDomains(globex.id, msp.id, []);
      expect(await store().findLinkDomains(msp.id, ["shared.example"])).toEqual([]);
    });
  });

  describe("email verifications", () => {
    it("R-LNK-09: one row per account, found by current hash and pending address", async () => {
      const tenantId = newId("ten");
      const row = verificationFixture({ tenantId, email: `${newId("ana")}@acme.example` });
      await store().insertEmailVerification(row);
      expect(await store().findEmailVerificationByHash(row.tokenHash)).toEqual(row);
      expect(await store().findPendingEmailVerifications(row.email.toUpperCase())).toEqual([row]);

      const twice = store().insertEmailVerification(
        verificationFixture({ tenantId, userId: row.userId }),
      );
      await expect(twice).rejects.toMatchObject({
        constraint: CONSTRAINTS.emailVerificationUser,
      });

      const nextHash = newId("hash");
      await store().transaction(async (tx) => {
        expect((await tx.lockEmailVerification(row.id))?.generation).toBe(1);
        await tx.updateEmailVerification(row.id, {
          generation: 2,
          tokenHash: nextHash,
          sendCount: 2,
        });
      });
      expect(await store().findEmailVerificationByHash(row.tokenHash)).toBeNull();
      expect((await store().findEmailVerificationByHash(nextHash))?.sendCount).toBe(2);

      await store().updateEmailVerification(row.id, { verifiedAt: NOW });
      expect(await store().findPendingEmailVerifications(row.email)).toEqual([]);
      expect((await store().findEmailVerificationByHash(nextHash))?.verifiedAt).toEqual(NOW);
    });
  });
}
