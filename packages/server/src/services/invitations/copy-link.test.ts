import { describe, expect, it } from "vitest";
import {
  createTestFoyer,
  createTestPasswordHasher,
  TEST_TOKEN_SECRET,
  tokenFromLink,
} from "../../fixtures.ts";
import { createFoyer } from "../../foyer.ts";
import { createMemoryStore } from "../../store/memory/memory-store.ts";
import { a, clock, foyer, invite, useTestFoyer } from "../test-setups.ts";

const expectServiceError = (promise: Promise<unknown>, code: string) =>
  expect(promise).rejects.toMatchObject({ code });

useTestFoyer();

describe("copy link again", () => {
  it("R-INV-10: an admin copies a pending invitation's current link again, recomputed and audited", async () => {
    const created = await invite(a.acmeAdmin, { emails: ["ana@acme.com"], delivery: "both" });
    const { invitation, link } = created.created[0]!;
    const copied = await foyer.services.copyInvitationLink(a.acmeAdmin, invitation!.id);
    expect(copied.link).toBe(link);
    expect(copied.invitation.id).toBe(invitation!.id);
    // The email carries the same link: one token per generation.
    await foyer.dispatcher.runOnce();
    expect(foyer.mailbox.latestTo("ana@acme.com")?.links).toEqual([link]);
    const events = await foyer.services.listInvitationEvents(a.acmeAdmin, invitation!.id, {});
    expect(events.items.find((e) => e.action === "invitation_link_copied")).toMatchObject({
      source: "manual",
      actor: { id: a.acmeAdmin.id },
    });
    // After a resend the copy is the new link; the old one is dead.
    const resent = await foyer.services.resendInvitation(a.acmeAdmin, invitation!.id, {});
    const again = await foyer.services.copyInvitationLink(a.acmeAdmin, invitation!.id);
    expect(again.link).not.toBe(link);
    expect(resent.link).toBeNull();
    expect((await foyer.services.previewInvitation(tokenFromLink(again.link))).email).toBe(
      "ana@acme.com",
    );
    await expectServiceError(
      foyer.services.previewInvitation(tokenFromLink(link!)),
      "INVITATION_SUPERSEDED",
    );
  });

  it("R-INV-10: only for pending invitations, only with invitations:create, and never for a link that cannot be recomputed", async () => {
    const created = await invite(a.acmeAdmin, { emails: ["ana@acme.com", "bo@acme.com"] });
    const [ana, bo] = created.created.map((c) => c.invitation!.id);
    await expectServiceError(foyer.services.copyInvitationLink(a.acmeUser, ana!), "FORBIDDEN");
    await expectServiceError(
      foyer.services.copyInvitationLink(a.guardianAdmin, ana!),
      "INVITATION_NOT_FOUND",
    );
    expect((await foyer.services.copyInvitationLink(a.technician, ana!)).link).toContain("#token=");
    await foyer.services.revokeInvitation(a.acmeAdmin, ana!);
    await expectServiceError(
      foyer.services.copyInvitationLink(a.acmeAdmin, ana!),
      "INVITATION_LINK_UNAVAILABLE",
    );
    // A row from before derived tokens: no way to recompute its token.
    await foyer.store.updateInvitation(bo!, { tokenKid: null });
    await expectServiceError(
      foyer.services.copyInvitationLink(a.acmeAdmin, bo!),
      "INVITATION_LINK_UNAVAILABLE",
    );
  });

  it("R-EML-04: a rotated secret keeps old links copyable while the old key stays; without it the link is unavailable", async () => {
    const store = createMemoryStore();
    const NEW = "a-new-token-secret-of-at-least-thirty-two-chars";
    const before = await createTestFoyer(store, { now: () => new Date(clock) });
    const created = await before.services.createInvitations(before.fixture.actors.acmeAdmin, {
      tenantId: "acme",
      roleId: "client_user",
      emails: ["ana@acme.com"],
      delivery: "link",
    });
    const { invitation, link } = created.created[0]!;
    // The same database behind a Foyer whose secrets rotated: k2 is current, k1 kept.
    const options = {
      store,
      publicBaseUrl: "https://app.example.com",
      passwordHasher: createTestPasswordHasher(),
      hooks: { authenticate: () => null, ...before.users.hooks },
      now: () => new Date(clock),
    };
    const withOldKey = createFoyer({
      ...options,
      tokenSecrets: { current: "k2", keys: { k1: TEST_TOKEN_SECRET, k2: NEW } },
    });
    const actor = before.fixture.actors.acmeAdmin;
    expect((await withOldKey.services.copyInvitationLink(actor, invitation!.id)).link).toBe(link);
    const resent = await withOldKey.services.resendInvitation(actor, invitation!.id, {
      delivery: "link",
    });
    expect(tokenFromLink(resent.link!)).toMatch(/^k2\./);
    const withoutOldKey = createFoyer({ ...options, tokenSecrets: NEW });
    await expectServiceError(
      withoutOldKey.services.copyInvitationLink(actor, invitation!.id),
      "INVITATION_LINK_UNAVAILABLE",
    );
  });

  it("R-INV-10: resending a link-only invitation does not email it unless the admin chooses email", async () => {
    const created = await invite(a.acmeAdmin, { emails: ["ana@acme.com"], delivery: "link" });
    const id = created.created[0]!.invitation!.id;
    const resent = await foyer.services.resendInvitation(a.acmeAdmin, id, {});
    expect(resent.link).toContain("#token=");
    expect(resent.invitation.delivery.status).toBe("none");
    await foyer.dispatcher.runOnce();
    expect(foyer.mailbox.messages()).toEqual([]);
    const emailed = await foyer.services.resendInvitation(a.acmeAdmin, id, { delivery: "email" });
    expect(emailed.link).toBeNull();
    await foyer.dispatcher.runOnce();
    expect(foyer.mailbox.messages().map((m) => m.to)).toEqual(["ana@acme.com"]);
  });
});
