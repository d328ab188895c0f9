import { describe, expect, it } from "vitest";
import { tokenFromLink } from "../../fixtures.ts";
import { hashToken } from "../../tokens.ts";
import {
  a,
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

describe("creating invitations", () => {
  it("R-INV-01: one address with role, name, department, teams, message and an expiry preset", async () => {
    const result = await invite(a.acmeAdmin, {
      emails: ["Ana@Acme.com"],
      name: "Ana Lopez",
      department: "Finance",
      teams: ["Payables", "Audit"],
      message: "Welcome aboard <b>Ana</b>",
      expiresIn: "3d",
      delivery: "email",
    });
    const invitation = result.created[0]?.invitation;
    expect(invitation).toMatchObject({
      email: "ana@acme.com",
      name: "Ana Lopez",
      department: "Finance",
      teams: ["Payables", "Audit"],
      message: "Welcome aboard <b>Ana</b>",
      status: "pending",
      role: { id: "client_user", name: "Client user" },
      invitedBy: { id: "dana", name: "Dana Smith" },
      tenantName: "Acme Corp",
    });
    expect(new Date(invitation!.expiresAt).getTime() - clock.getTime()).toBe(72 * HOUR);
  });

  it("R-INV-01: the tenant's default expiry is 7 days and its maximum caps the presets", async () => {
    const { invitation } = await inviteOne();
    expect(new Date(invitation.expiresAt).getTime() - clock.getTime()).toBe(168 * HOUR);
    await foyer.admin.upsertTenant({
      ...(await foyer.store.getTenant("acme"))!,
      settings: { defaultExpiry: "24h", maxExpiry: "14d" },
    });
    expect(await code(invite(a.acmeAdmin, { emails: ["b@acme.com"], expiresIn: "30d" }))).toBe(
      "EXPIRY_NOT_ALLOWED",
    );
    const short = await invite(a.acmeAdmin, { emails: ["c@acme.com"] });
    expect(new Date(short.created[0]!.invitation!.expiresAt).getTime() - clock.getTime()).toBe(
      24 * HOUR,
    );
  });

  it("R-INV-01: a personal message longer than 1,000 characters is refused naming the field", async () => {
    await expect(
      invite(a.acmeAdmin, { emails: ["x@acme.com"], message: "x".repeat(1001) }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "message" }],
    });
  });

  it("R-INV-02: a batch answers per address and never fails as a whole because of bad rows", async () => {
    await inviteOne("pending@acme.com");
    foyer.users.add({ email: "member@acme.com", tenantId: "acme", roleId: "client_user" });
    const result = await invite(a.acmeAdmin, {
      emails: [
        "new1@acme.com",
        "not-an-email",
        "NEW1@acme.com",
        "pending@acme.com",
        "member@acme.com",
        "new2@acme.com",
      ],
    });
    expect(result.created.map((c) => c.email)).toEqual(["new1@acme.com", "new2@acme.com"]);
    expect(result.skipped.map((s) => [s.input, s.reason])).toEqual([
      ["not-an-email", "invalid_email"],
      ["NEW1@acme.com", "duplicate_in_batch"],
      ["pending@acme.com", "already_pending"],
      ["member@acme.com", "already_member"],
    ]);
    for (const s of result.skipped) expect(s.message.length).toBeGreaterThan(10);
  });

  it("R-INV-02: 1,000 addresses go in one batch; 1,001 are refused", async () => {
    const emails = Array.from({ length: 1000 }, (_, i) => `user${i}@acme.com`);
    const result = await invite(a.acmeAdmin, { emails });
    expect(result.created).toHaveLength(1000);
    expect(await code(invite(a.acmeAdmin, { emails: [...emails, "one-more@acme.com"] }))).toBe(
      "VALIDATION_FAILED",
    );
  });

  it("R-INV-02: addresses outside the tenant's allowed domains are skipped with their reason", async () => {
    await foyer.admin.upsertTenant({
      ...(await foyer.store.getTenant("acme"))!,
      settings: { allowedDomains: ["acme.com"] },
    });
    const result = await invite(a.acmeAdmin, { emails: ["ok@acme.com", "eve@evil.example"] });
    expect(result.created.map((c) => c.email)).toEqual(["ok@acme.com"]);
    expect(result.skipped).toMatchObject([
      { input: "eve@evil.example", reason: "domain_not_allowed" },
    ]);
  });

  it("R-INV-03: one open invitation per tenant and address, case-insensitively; skip is the default", async () => {
    const first = await inviteOne("ana@acme.com");
    const again = await invite(a.acmeAdmin, { emails: ["ANA@ACME.COM"] });
    expect(again.created).toHaveLength(0);
    expect(again.skipped[0]?.reason).toBe("already_pending");
    // Another tenant may invite the same address.
    const other = await invite(a.mspAdmin, { tenantId: "globex", emails: ["ana@acme.com"] });
    expect(other.created).toHaveLength(1);
    const list = await foyer.services.listInvitations(a.acmeAdmin, {
      tenantId: "acme",
      status: "pending",
    });
    expect(list.items.map((i) => i.id)).toEqual([first.invitation.id]);
  });

  it("R-INV-03: replace revokes the pending invitation and issues a new one", async () => {
    const first = await inviteOne("ana@acme.com");
    const result = await invite(a.acmeAdmin, { emails: ["ana@acme.com"], ifPending: "replace" });
    expect(result.created[0]?.replacedId).toBe(first.invitation.id);
    expect(await code(foyer.services.previewInvitation(first.token))).toBe("INVITATION_REVOKED");
    const fresh = tokenFromLink(result.created[0]!.link!);
    expect((await foyer.services.previewInvitation(fresh)).email).toBe("ana@acme.com");
    const pending = await foyer.services.listInvitations(a.acmeAdmin, {
      tenantId: "acme",
      status: "pending",
    });
    expect(pending.items).toHaveLength(1);
  });

  it("R-INV-03: an expired invitation does not block a new one and is settled as expired", async () => {
    const first = await inviteOne("ana@acme.com");
    advance(8 * 24 * HOUR);
    const result = await invite(a.acmeAdmin, { emails: ["ana@acme.com"] });
    expect(result.created).toHaveLength(1);
    const old = await foyer.services.getInvitation(a.acmeAdmin, first.invitation.id);
    expect(old.invitation.status).toBe("expired");
  });

  it("R-INV-04: an address that belongs to a user, active or inactive, is refused with a reason", async () => {
    foyer.users.add({ email: "active@acme.com", tenantId: "acme", roleId: "client_user" });
    foyer.users.add({
      email: "gone@acme.com",
      tenantId: "acme",
      roleId: "client_user",
      active: false,
    });
    const result = await invite(a.acmeAdmin, { emails: ["active@acme.com", "Gone@Acme.com"] });
    expect(result.created).toHaveLength(0);
    // A deactivated user is refused too, with its own reason (not "Already a member").
    expect(result.skipped.map((s) => s.reason)).toEqual(["already_member", "deactivated_user"]);
    expect(result.skipped[0]?.message).toMatch(/already belongs to a user/);
    expect(result.skipped[1]?.message).toMatch(/deactivated user/);
  });

  it("R-INV-02: names per address (a CSV's name columns) pre-fill each invitation; `name` fills the rest", async () => {
    const result = await invite(a.acmeAdmin, {
      emails: ["Ana@Acme.com", "ben@acme.com", "cy@acme.com"],
      names: { "Ana@Acme.com": "Ana Lima", "ben@acme.com": "Ben Ode" },
      name: "Someone",
    });
    expect(result.created.map((c) => [c.email, c.invitation?.name])).toEqual([
      ["ana@acme.com", "Ana Lima"],
      ["ben@acme.com", "Ben Ode"],
      ["cy@acme.com", "Someone"],
    ]);
  });

  it("R-INV-05: members plus pending invitations never exceed the seat limit, and the answer says what is left", async () => {
    // Globex: seat limit 5, one member (its admin).
    const result = await invite(a.globexAdmin, {
      tenantId: "globex",
      emails: [
        "g1@globex.com",
        "g2@globex.com",
        "g3@globex.com",
        "g4@globex.com",
        "g5@globex.com",
        "g6@globex.com",
      ],
    });
    expect(result.created).toHaveLength(4);
    expect(result.skipped.map((s) => [s.email, s.reason])).toEqual([
      ["g5@globex.com", "seat_limit"],
      ["g6@globex.com", "seat_limit"],
    ]);
    expect(result.skipped[0]?.message).toMatch(/4 of 5 seats left/);
    expect(result.seatsLeft).toBe(0);
    // Revoking frees a seat.
    await foyer.services.revokeInvitation(a.globexAdmin, result.created[0]!.invitation!.id);
    const again = await invite(a.globexAdmin, {
      tenantId: "globex",
      emails: ["g5@globex.com", "g6@globex.com"],
    });
    expect(again.created.map((c) => c.email)).toEqual(["g5@globex.com"]);
    expect(again.skipped[0]?.message).toMatch(/1 of 5 seats left/);
  });

  it("R-INV-16: a dry run reports what would be created and skipped, and writes nothing", async () => {
    await inviteOne("pending@acme.com");
    const preview = await invite(a.acmeAdmin, {
      emails: ["new@acme.com", "pending@acme.com", "bad"],
      dryRun: true,
      delivery: "email",
    });
    expect(preview.dryRun).toBe(true);
    expect(preview.created).toEqual([
      { email: "new@acme.com", invitation: null, link: null, replacedId: null },
    ]);
    expect(preview.skipped.map((s) => s.reason)).toEqual(["already_pending", "invalid_email"]);
    const list = await foyer.services.listInvitations(a.acmeAdmin, {
      tenantId: "acme",
      status: "all",
      counts: "true",
    });
    expect(list.counts?.all).toBe(1);
    expect(await foyer.store.listEmails({})).toHaveLength(0);
  });

  it("R-INV-10: the plaintext link comes back once, only when asked for, and never from reads", async () => {
    const email = await invite(a.acmeAdmin, { emails: ["e@acme.com"], delivery: "email" });
    expect(email.created[0]?.link).toBeNull();
    const both = await invite(a.acmeAdmin, { emails: ["b@acme.com"], delivery: "both" });
    expect(both.created[0]?.link).toMatch(/^https:\/\/acme\.example\.com\/accept-invite#token=/);
    const linkOnly = await invite(a.acmeAdmin, { emails: ["l@acme.com"], delivery: "link" });
    expect(linkOnly.created[0]?.invitation?.delivery.status).toBe("none");
    const emails = await foyer.store.listEmails({});
    expect(emails.map((m) => m.to).sort()).toEqual(["b@acme.com", "e@acme.com"]);
    const list = await foyer.services.listInvitations(a.acmeAdmin, {
      tenantId: "acme",
      status: "all",
    });
    const token = tokenFromLink(both.created[0]!.link!);
    expect(JSON.stringify(list)).not.toContain(token);
    expect(
      JSON.stringify(
        await foyer.services.getInvitation(a.acmeAdmin, both.created[0]!.invitation!.id),
      ),
    ).not.toContain(token);
  });

  it("R-INV-11: tokens carry 256 bits, URL-safe, and only their hash is stored", async () => {
    const { token, invitation } = await inviteOne();
    expect(token).toMatch(/^k1\.[A-Za-z0-9_-]{43}$/);
    const stored = await foyer.store.findToken(await hashToken(token));
    expect(stored?.invitationId).toBe(invitation.id);
    expect(await foyer.store.findToken(token)).toBeNull();
    const row = await foyer.store.getInvitation(invitation.id);
    const audit = await foyer.store.listAuditEvents({ invitationId: invitation.id, limit: 10 });
    expect(JSON.stringify([row, audit])).not.toContain(token);
    const tokens = new Set(
      (
        await invite(a.acmeAdmin, {
          emails: Array.from({ length: 50 }, (_, i) => `t${i}@acme.com`),
        })
      ).created.map((c) => tokenFromLink(c.link!)),
    );
    expect(tokens.size).toBe(50);
  });

  it("R-INV-15: links come from the tenant's invite base URL, else the configured public URL", async () => {
    const acme = await inviteOne();
    expect(acme.link.startsWith("https://acme.example.com/accept-invite#token=")).toBe(true);
    const guardian = await invite(a.guardianAdmin, {
      tenantId: "guardian",
      roleId: "guardian_standard",
      emails: ["g@guardian.example"],
    });
    expect(
      guardian.created[0]?.link?.startsWith("https://app.example.com/accept-invite#token="),
    ).toBe(true);
  });
});
