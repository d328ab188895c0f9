import { describe, expect, it } from "vitest";
import { tokenFromLink } from "../../fixtures.ts";
import {
  a,
  accept,
  advance,
  clock,
  code,
  foyer,
  HOUR,
  invite,
  inviteOne,
  useTestFoyer,
} from "../test-setups.ts";

useTestFoyer();

describe("invitation lifecycle", () => {
  it("R-INV-06: expired is derived from expiresAt at read time, no job needed", async () => {
    const { invitation, token } = await inviteOne();
    expect((await foyer.services.getInvitation(a.acmeAdmin, invitation.id)).invitation.status).toBe(
      "pending",
    );
    advance(7 * 24 * HOUR);
    expect((await foyer.services.getInvitation(a.acmeAdmin, invitation.id)).invitation.status).toBe(
      "expired",
    );
    expect(await code(foyer.services.previewInvitation(token))).toBe("INVITATION_EXPIRED");
    const counts = (
      await foyer.services.listInvitations(a.acmeAdmin, { tenantId: "acme", counts: "true" })
    ).counts;
    expect(counts).toMatchObject({ pending: 0, expired: 1, history: 1 });
  });

  it("R-INV-07: resend issues a new token with a fresh window and kills every earlier link", async () => {
    const { invitation, token } = await inviteOne();
    advance(2 * HOUR);
    const first = await foyer.services.resendInvitation(a.acmeAdmin, invitation.id, {
      delivery: "link",
    });
    advance(HOUR);
    const second = await foyer.services.resendInvitation(a.acmeAdmin, invitation.id, {
      delivery: "both",
    });
    expect(await code(foyer.services.previewInvitation(token))).toBe("INVITATION_SUPERSEDED");
    expect(await code(foyer.services.previewInvitation(tokenFromLink(first.link!)))).toBe(
      "INVITATION_SUPERSEDED",
    );
    expect((await foyer.services.previewInvitation(tokenFromLink(second.link!))).email).toBe(
      "ana@acme.com",
    );
    expect(second.invitation.resendCount).toBe(2);
    expect(new Date(second.invitation.expiresAt).getTime() - clock.getTime()).toBe(168 * HOUR);
    expect(
      (await foyer.store.listEmails({ invitationId: invitation.id })).filter(
        (m) => m.status === "queued",
      ),
    ).toHaveLength(1);
  });

  it("R-INV-07: an expired invitation can be resent; accepted and revoked ones cannot", async () => {
    const expired = await inviteOne("old@acme.com");
    advance(8 * 24 * HOUR);
    const resent = await foyer.services.resendInvitation(a.acmeAdmin, expired.invitation.id, {
      delivery: "link",
    });
    expect(resent.invitation.status).toBe("pending");
    await accept(tokenFromLink(resent.link!));
    expect(
      await code(foyer.services.resendInvitation(a.acmeAdmin, expired.invitation.id, {})),
    ).toBe("INVITATION_NOT_RESENDABLE");
    const revoked = await inviteOne("rev@acme.com");
    await foyer.services.revokeInvitation(a.acmeAdmin, revoked.invitation.id);
    expect(
      await code(foyer.services.resendInvitation(a.acmeAdmin, revoked.invitation.id, {})),
    ).toBe("INVITATION_NOT_RESENDABLE");
  });

  it("R-INV-08: revoke is immediate and irreversible; accepted invitations cannot be revoked", async () => {
    const { invitation, token } = await inviteOne();
    const revoked = await foyer.services.revokeInvitation(a.acmeAdmin, invitation.id);
    expect(revoked.invitation).toMatchObject({ status: "revoked", revokedBy: { id: "dana" } });
    expect(await code(foyer.services.previewInvitation(token))).toBe("INVITATION_REVOKED");
    expect(await code(accept(token))).toBe("INVITATION_REVOKED");
    expect(await code(foyer.services.revokeInvitation(a.acmeAdmin, invitation.id))).toBe(
      "INVITATION_NOT_REVOCABLE",
    );
    const used = await inviteOne("used@acme.com");
    await accept(used.token);
    expect(await code(foyer.services.revokeInvitation(a.acmeAdmin, used.invitation.id))).toBe(
      "INVITATION_NOT_REVOCABLE",
    );
  });

  it("R-INV-09: list filters by status, searches by email, sorts, pages by cursor and counts per status", async () => {
    const emails = [
      "alpha@acme.com",
      "bravo@acme.com",
      "charlie@acme.com",
      "delta@acme.com",
      "echo@acme.com",
    ];
    const ids: string[] = [];
    for (const email of emails) {
      ids.push((await inviteOne(email)).invitation.id);
      advance(60_000);
    }
    await foyer.services.revokeInvitation(a.acmeAdmin, ids[1]!);
    await accept(
      (
        await foyer.services.resendInvitation(a.acmeAdmin, ids[2]!, { delivery: "link" })
      ).link!.split("#token=")[1]!,
    );
    const pageOne = await foyer.services.listInvitations(a.acmeAdmin, {
      tenantId: "acme",
      status: "all",
      sort: "sentAt",
      order: "asc",
      limit: 2,
      counts: "true",
    });
    expect(pageOne.counts).toEqual({
      pending: 3,
      accepted: 1,
      expired: 0,
      revoked: 1,
      history: 2,
      all: 5,
    });
    expect(pageOne.items.map((i) => i.email)).toEqual(["alpha@acme.com", "bravo@acme.com"]);
    const pageTwo = await foyer.services.listInvitations(a.acmeAdmin, {
      tenantId: "acme",
      status: "all",
      sort: "sentAt",
      order: "asc",
      limit: 2,
      cursor: pageOne.nextCursor!,
    });
    expect(pageTwo.items.map((i) => i.email)).toEqual(["delta@acme.com", "echo@acme.com"]);
    const pageThree = await foyer.services.listInvitations(a.acmeAdmin, {
      tenantId: "acme",
      status: "all",
      sort: "sentAt",
      order: "asc",
      limit: 2,
      cursor: pageTwo.nextCursor!,
    });
    // charlie was resent last, so by sentAt it comes last.
    expect(pageThree.items.map((i) => i.email)).toEqual(["charlie@acme.com"]);
    expect(pageThree.nextCursor).toBeNull();
    const history = await foyer.services.listInvitations(a.acmeAdmin, {
      tenantId: "acme",
      status: "history",
    });
    expect(history.items.map((i) => [i.email, i.status]).sort()).toEqual([
      ["bravo@acme.com", "revoked"],
      ["charlie@acme.com", "accepted"],
    ]);
    const accepted = history.items.find((i) => i.status === "accepted");
    expect(accepted?.acceptedAt).toBe(clock.toISOString());
    expect(history.items.find((i) => i.status === "revoked")?.revokedBy?.name).toBe("Dana Smith");
    const search = await foyer.services.listInvitations(a.acmeAdmin, {
      tenantId: "acme",
      status: "all",
      q: "HO@ac",
    });
    expect(search.items.map((i) => i.email)).toEqual(["echo@acme.com"]);
    const byExpiry = await foyer.services.listInvitations(a.acmeAdmin, {
      tenantId: "acme",
      status: "pending",
      sort: "expiresAt",
      order: "desc",
    });
    expect(byExpiry.items.map((i) => i.email)).toEqual([
      "echo@acme.com",
      "delta@acme.com",
      "alpha@acme.com",
    ]);
    expect(
      await code(
        foyer.services.listInvitations(a.acmeAdmin, { tenantId: "acme", cursor: "garbage" }),
      ),
    ).toBe("VALIDATION_FAILED");
  });

  it("R-INV-09: an MSP admin lists across all its tenants, with the tenant on each row", async () => {
    await inviteOne("a@acme.com");
    await invite(a.mspAdmin, { tenantId: "globex", emails: ["g@globex.com"] });
    await invite(a.guardianAdmin, {
      tenantId: "guardian",
      roleId: "guardian_standard",
      emails: ["x@guardian.example"],
    });
    const all = await foyer.services.listInvitations(a.mspAdmin, { status: "pending" });
    expect(all.items.map((i) => [i.email, i.tenantName]).sort()).toEqual([
      ["a@acme.com", "Acme Corp"],
      ["g@globex.com", "Globex"],
    ]);
  });

  it("R-INV-14: create, resend, revoke, accept and expire are recorded with actor, time, tenant and source", async () => {
    const one = await inviteOne("one@acme.com");
    advance(HOUR);
    await foyer.services.resendInvitation(a.acmeAdmin, one.invitation.id, { delivery: "email" });
    advance(HOUR);
    await foyer.services.revokeInvitation(a.acmeAdmin, one.invitation.id);
    const two = await inviteOne("two@acme.com");
    await accept(two.token);
    const three = await inviteOne("three@acme.com");
    advance(8 * 24 * HOUR);
    expect(await foyer.services.recordExpirations()).toBe(1);
    expect(await foyer.services.recordExpirations()).toBe(0);
    const events = await foyer.services.listInvitationEvents(a.acmeAdmin, one.invitation.id, {});
    expect(events.items.map((e) => [e.action, e.source, e.actor?.id])).toEqual([
      ["revoked", "manual", "dana"],
      ["resent", "email_invitation", "dana"],
      ["created", "manual", "dana"],
    ]);
    expect(events.items[0]).toMatchObject({ tenantId: "acme", subjectEmail: "one@acme.com" });
    const tenant = await foyer.services.listTenantEvents(a.acmeAdmin, "acme", { limit: 50 });
    const actions = tenant.items.map((e) => e.action);
    expect(actions).toContain("accepted");
    expect(tenant.items.find((e) => e.action === "accepted")?.invitationId).toBe(two.invitation.id);
    expect(tenant.items.find((e) => e.action === "expired")).toMatchObject({
      invitationId: three.invitation.id,
      source: "system",
      actor: null,
    });
    const paged = await foyer.services.listTenantEvents(a.acmeAdmin, "acme", { limit: 2 });
    const next = await foyer.services.listTenantEvents(a.acmeAdmin, "acme", {
      limit: 2,
      cursor: paged.nextCursor!,
    });
    expect(next.items[0]?.id).not.toBe(paged.items[1]?.id);
    expect(new Date(next.items[0]!.at).getTime()).toBeLessThanOrEqual(
      new Date(paged.items[1]!.at).getTime(),
    );
  });
});
