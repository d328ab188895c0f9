import type { Actor, CreateInvitationsBody } from "@foyer/core";
import { beforeEach, describe, expect, it } from "vitest";
import { FoyerServiceError } from "../errors.ts";
import { createTestFoyer, type TestFoyer, tokenFromLink } from "../fixtures.ts";
import { createMemoryStore } from "../store/memory/memory-store.ts";
import { hashToken } from "../tokens.ts";

const HOUR = 3_600_000;
const STRONG = "Tr1cky-Lantern!";

let clock: Date;
let foyer: TestFoyer;
let a: TestFoyer["fixture"]["actors"];

beforeEach(async () => {
  clock = new Date("2026-11-01T09:00:00.000Z");
  foyer = await createTestFoyer(createMemoryStore(), { now: () => new Date(clock) });
  a = foyer.fixture.actors;
});

function advance(ms: number) {
  clock = new Date(clock.getTime() + ms);
}

async function invite(actor: Actor, body: Partial<CreateInvitationsBody> & { emails: string[] }) {
  return foyer.services.createInvitations(actor, {
    tenantId: "acme",
    roleId: "client_user",
    delivery: "link",
    ...body,
  });
}

async function inviteOne(email = "ana@acme.com", actor: Actor = a.acmeAdmin) {
  const result = await invite(actor, { emails: [email] });
  const entry = result.created[0];
  if (!entry?.invitation || !entry.link) throw new Error("not created");
  return { invitation: entry.invitation, token: tokenFromLink(entry.link), link: entry.link };
}

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FoyerServiceError) return error.code;
    throw error;
  }
  return "RESOLVED";
}

const accept = (token: string, password = STRONG) =>
  foyer.services.acceptInvitation({
    token,
    firstName: "Ana",
    lastName: "Lopez",
    password,
    passwordConfirmation: password,
  });

describe("tenancy and permissions", () => {
  it("R-TEN-01: an MSP admin's scope is its tenant and its children; a client admin's only its own", async () => {
    const msp = await foyer.services.getContext(a.mspAdmin);
    expect(msp.tenants.map((t) => t.tenant.id).sort()).toEqual(["acme", "globex", "northwind"]);
    const client = await foyer.services.getContext(a.acmeAdmin);
    expect(client.tenants.map((t) => t.tenant.id)).toEqual(["acme"]);
    expect(client.tenants[0]?.tenant).toMatchObject({
      name: "Acme Corp",
      logoUrl: "https://acme.example.com/logo.png",
      accentColor: "#4f46e5",
      inviteBaseUrl: "https://acme.example.com",
    });
    const globex = msp.tenants.find((t) => t.tenant.id === "globex")?.tenant;
    expect(globex).toMatchObject({ ssoEnabled: true, seatLimit: 5, status: "active" });
  });

  it("R-TEN-01: a tenant's logo must be https and its accent colour a CSS hex colour", async () => {
    await expect(
      foyer.admin.upsertTenant({ id: "x", name: "X", logoUrl: "http://x.example.com/l.png" }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "logoUrl" }] });
    await expect(
      foyer.admin.upsertTenant({ id: "x", name: "X", accentColor: "red; background:url(x)" }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "accentColor" }] });
  });

  it("R-TEN-01: a cancelled tenant's invitations stop working and it takes no new ones", async () => {
    const { token } = await inviteOne();
    await foyer.admin.upsertTenant({
      ...(await foyer.store.getTenant("acme"))!,
      status: "cancelled",
    });
    expect(await code(foyer.services.previewInvitation(token))).toBe("TENANT_INACTIVE");
    expect(await code(accept(token))).toBe("TENANT_INACTIVE");
    expect(await code(invite(a.mspAdmin, { emails: ["new@acme.com"] }))).toBe("TENANT_INACTIVE");
  });

  it("R-TEN-02: roles are the host's data, offered per tenant tree", async () => {
    const acme = await foyer.services.listTenantRoles(a.mspAdmin, "acme");
    expect(acme.roles.map((r) => r.role.id)).toEqual([
      "msp_admin",
      "msp_technician",
      "client_admin",
      "client_user",
    ]);
    const guardian = await foyer.services.listTenantRoles(a.guardianAdmin, "guardian");
    expect(guardian.roles.map((r) => r.role.id)).toEqual(["guardian_admin", "guardian_standard"]);
  });

  it("R-TEN-03: every admin call needs its permission and stays inside the actor's scope", async () => {
    const { invitation } = await inviteOne();
    expect(await code(invite(a.acmeUser, { emails: ["x@acme.com"] }))).toBe("FORBIDDEN");
    expect(await code(foyer.services.listInvitations(a.acmeUser, { tenantId: "acme" }))).toBe(
      "FORBIDDEN",
    );
    expect(await code(foyer.services.revokeInvitation(a.technician, invitation.id))).toBe(
      "FORBIDDEN",
    );
    // Another tenant's data answers 404, so its existence does not leak.
    expect(await code(foyer.services.listInvitations(a.globexAdmin, { tenantId: "acme" }))).toBe(
      "TENANT_NOT_FOUND",
    );
    expect(await code(foyer.services.getInvitation(a.globexAdmin, invitation.id))).toBe(
      "INVITATION_NOT_FOUND",
    );
    expect(await code(foyer.services.revokeInvitation(a.guardianAdmin, invitation.id))).toBe(
      "INVITATION_NOT_FOUND",
    );
    expect(await code(foyer.services.resendInvitation(a.guardianAdmin, invitation.id, {}))).toBe(
      "INVITATION_NOT_FOUND",
    );
    expect(await code(foyer.services.listInvitationEvents(a.globexAdmin, invitation.id, {}))).toBe(
      "INVITATION_NOT_FOUND",
    );
    expect(await code(invite(a.globexAdmin, { emails: ["x@acme.com"] }))).toBe("TENANT_NOT_FOUND");
    // The MSP admin reaches its child tenant.
    const ok = await foyer.services.revokeInvitation(a.mspAdmin, invitation.id);
    expect(ok.invitation.status).toBe("revoked");
  });

  it("R-TEN-04: an inviter grants only roles up to its own rank, and MSP staff roles only as MSP staff", async () => {
    expect(
      await code(invite(a.acmeAdmin, { emails: ["x@acme.com"], roleId: "msp_technician" })),
    ).toBe("ROLE_NOT_GRANTABLE");
    expect(await code(invite(a.technician, { emails: ["x@acme.com"], roleId: "msp_admin" }))).toBe(
      "ROLE_NOT_GRANTABLE",
    );
    const ok = await invite(a.acmeAdmin, { emails: ["x@acme.com"], roleId: "client_admin" });
    expect(ok.created).toHaveLength(1);
    const roles = await foyer.services.listTenantRoles(a.acmeAdmin, "acme");
    expect(roles.roles.filter((r) => r.grantable).map((r) => r.role.id)).toEqual([
      "client_admin",
      "client_user",
    ]);
    expect(
      await code(invite(a.acmeAdmin, { emails: ["x2@acme.com"], roleId: "guardian_admin" })),
    ).toBe("ROLE_NOT_FOUND");
  });
});

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
    expect(result.skipped.map((s) => s.reason)).toEqual(["already_member", "already_member"]);
    expect(result.skipped[0]?.message).toMatch(/already belongs to a user/);
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
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
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

describe("accepting", () => {
  it("R-INV-12: the preview shows tenant branding, role, inviter and the email, and nothing secret", async () => {
    const { token } = await inviteOne();
    const preview = await foyer.services.previewInvitation(token);
    expect(preview).toEqual({
      email: "ana@acme.com",
      name: null,
      expiresAt: expect.any(String),
      tenant: {
        name: "Acme Corp",
        logoUrl: "https://acme.example.com/logo.png",
        accentColor: "#4f46e5",
      },
      role: { name: "Client user" },
      invitedBy: { name: "Dana Smith" },
    });
  });

  it("R-INV-12: accept creates the account, the membership, marks the invitation accepted and signs in", async () => {
    const { invitation, token } = await inviteOne();
    const result = await accept(token);
    expect(result).toMatchObject({
      user: { email: "ana@acme.com", firstName: "Ana", lastName: "Lopez" },
      tenantId: "acme",
      next: "signed_in",
    });
    const user = foyer.users.users.get("ana@acme.com");
    expect(user?.id).toBe(result.user.id);
    expect(user?.passwordHash).toMatch(/^pbkdf2\$/);
    expect(user?.passwordHash).not.toContain(STRONG);
    expect((await foyer.store.findMembersByEmails(["ana@acme.com"]))[0]).toMatchObject({
      tenantId: "acme",
      roleId: "client_user",
    });
    expect(
      (await foyer.services.getInvitation(a.acmeAdmin, invitation.id)).invitation,
    ).toMatchObject({
      status: "accepted",
      acceptedUserId: result.user.id,
    });
  });

  it("R-INV-12: where the tenant asks for it, the invitee verifies the email before signing in", async () => {
    await foyer.admin.upsertTenant({
      ...(await foyer.store.getTenant("acme"))!,
      settings: { requireEmailVerification: true },
    });
    const { token } = await inviteOne();
    expect((await accept(token)).next).toBe("verify_email");
  });

  it("R-INV-13: invalid, expired, revoked, used and resent-away links each answer their own code", async () => {
    expect(await code(foyer.services.previewInvitation("x".repeat(43)))).toBe("TOKEN_INVALID");
    const used = await inviteOne("used@acme.com");
    await accept(used.token);
    expect(await code(accept(used.token))).toBe("INVITATION_ALREADY_USED");
    expect(await code(foyer.services.previewInvitation(used.token))).toBe(
      "INVITATION_ALREADY_USED",
    );
    const resent = await inviteOne("resent@acme.com");
    await foyer.services.resendInvitation(a.acmeAdmin, resent.invitation.id, {});
    expect(await code(accept(resent.token))).toBe("INVITATION_SUPERSEDED");
    const revoked = await inviteOne("revoked@acme.com");
    await foyer.services.revokeInvitation(a.acmeAdmin, revoked.invitation.id);
    expect(await code(accept(revoked.token))).toBe("INVITATION_REVOKED");
    const expired = await inviteOne("expired@acme.com");
    advance(8 * 24 * HOUR);
    expect(await code(accept(expired.token))).toBe("INVITATION_EXPIRED");
  });

  it("R-INV-18: opening a link never consumes it; only the submit accepts", async () => {
    const { token, invitation } = await inviteOne();
    for (let i = 0; i < 3; i += 1) await foyer.services.previewInvitation(token);
    expect((await foyer.services.getInvitation(a.acmeAdmin, invitation.id)).invitation.status).toBe(
      "pending",
    );
    expect((await accept(token)).user.email).toBe("ana@acme.com");
  });

  it("R-PWD-01: a weak password is refused with every failed rule; a mismatch names the confirmation", async () => {
    const { token, invitation } = await inviteOne();
    const weak = await accept(token, "password").catch((e: unknown) => e);
    expect(weak).toBeInstanceOf(FoyerServiceError);
    expect((weak as FoyerServiceError).code).toBe("PASSWORD_TOO_WEAK");
    expect((weak as FoyerServiceError).details?.failedRules).toEqual([
      "uppercase",
      "digit",
      "symbol",
      "notCommon",
    ]);
    const common = await accept(token, "Password123!").catch((e: unknown) => e);
    expect((common as FoyerServiceError).details?.failedRules).toEqual(["notCommon"]);
    const mismatch = await foyer.services
      .acceptInvitation({
        token,
        firstName: "A",
        lastName: "B",
        password: STRONG,
        passwordConfirmation: `${STRONG}x`,
      })
      .catch((e: unknown) => e);
    expect(mismatch).toMatchObject({
      code: "PASSWORD_MISMATCH",
      issues: [{ path: "passwordConfirmation" }],
    });
    expect((await foyer.services.getInvitation(a.acmeAdmin, invitation.id)).invitation.status).toBe(
      "pending",
    );
  });

  it("R-INV-04: an invitee whose address became a user meanwhile is refused at accept", async () => {
    const { token } = await inviteOne();
    foyer.users.add({ email: "ana@acme.com", tenantId: "guardian", roleId: "guardian_standard" });
    expect(await code(accept(token))).toBe("USER_ALREADY_EXISTS");
  });

  it("R-SDK-03: a failing createAccount hook leaves the invitation pending and nothing written", async () => {
    const failing = await createTestFoyer(createMemoryStore(), {
      now: () => new Date(clock),
      hooks: {
        authenticate: () => null,
        createAccount: async () => {
          throw new Error("host database down");
        },
      },
    });
    const created = await failing.services.createInvitations(failing.fixture.actors.acmeAdmin, {
      tenantId: "acme",
      roleId: "client_user",
      emails: ["ana@acme.com"],
      delivery: "link",
    });
    const token = tokenFromLink(created.created[0]!.link!);
    await expect(
      failing.services.acceptInvitation({
        token,
        firstName: "A",
        lastName: "B",
        password: STRONG,
        passwordConfirmation: STRONG,
      }),
    ).rejects.toThrow("host database down");
    expect((await failing.services.previewInvitation(token)).email).toBe("ana@acme.com");
    expect(await failing.store.findMembersByEmails(["ana@acme.com"])).toEqual([]);
  });

  it("R-SDK-03: onEvent receives every audit record after commit", async () => {
    const seen: string[] = [];
    const withEvents = await createTestFoyer(createMemoryStore(), {
      hooks: {
        authenticate: () => null,
        createAccount: async () => ({ id: "u1" }),
        onEvent: (e) => void seen.push(e.action),
      },
    });
    const created = await withEvents.services.createInvitations(
      withEvents.fixture.actors.acmeAdmin,
      {
        tenantId: "acme",
        roleId: "client_user",
        emails: ["ana@acme.com"],
        delivery: "link",
      },
    );
    await withEvents.services.revokeInvitation(
      withEvents.fixture.actors.acmeAdmin,
      created.created[0]!.invitation!.id,
    );
    expect(seen).toEqual(["created", "revoked"]);
  });
});

describe("email outbox", () => {
  it("R-EML-02: the email is queued with the change and the dispatcher records delivery per invitation", async () => {
    const created = await invite(a.acmeAdmin, {
      emails: ["ana@acme.com"],
      delivery: "email",
      message: "Hi <script>",
    });
    const id = created.created[0]!.invitation!.id;
    expect((await foyer.services.getInvitation(a.acmeAdmin, id)).invitation.delivery.status).toBe(
      "queued",
    );
    expect(await foyer.dispatcher.runOnce()).toBe(1);
    const mail = foyer.mailbox.latestTo("ana@acme.com");
    expect(mail?.subject).toBe("Dana Smith invited you to join Acme Corp");
    expect(mail?.html).toContain("Hi &lt;script&gt;");
    expect(mail?.html).not.toContain("<script>");
    expect(mail?.text).toContain("as Client user");
    expect(mail?.links[0]).toMatch(
      /^https:\/\/acme\.example\.com\/accept-invite#token=[A-Za-z0-9_-]{43}$/,
    );
    expect((await foyer.services.previewInvitation(tokenFromLink(mail!.links[0]!))).email).toBe(
      "ana@acme.com",
    );
    expect((await foyer.services.getInvitation(a.acmeAdmin, id)).invitation.delivery.status).toBe(
      "sent",
    );
    expect(await foyer.dispatcher.runOnce()).toBe(0);
  });

  it("R-EML-02: a failing mailer loses nothing: the email retries with back-off and reports its reason", async () => {
    let fail = true;
    const flaky = await createTestFoyer(createMemoryStore(), {
      now: () => new Date(clock),
      mailer: {
        async send() {
          if (fail) throw new Error("452 mailbox full");
        },
      },
    });
    const created = await flaky.services.createInvitations(flaky.fixture.actors.acmeAdmin, {
      tenantId: "acme",
      roleId: "client_user",
      emails: ["ana@acme.com"],
    });
    const id = created.created[0]!.invitation!.id;
    expect(await flaky.dispatcher.runOnce()).toBe(1);
    const afterFailure = (await flaky.services.getInvitation(flaky.fixture.actors.acmeAdmin, id))
      .invitation.delivery;
    expect(afterFailure).toMatchObject({ status: "queued", error: "452 mailbox full" });
    expect(await flaky.dispatcher.runOnce()).toBe(0);
    advance(31_000);
    fail = false;
    expect(await flaky.dispatcher.runOnce()).toBe(1);
    expect(
      (await flaky.services.getInvitation(flaky.fixture.actors.acmeAdmin, id)).invitation.delivery
        .status,
    ).toBe("sent");
  });

  it("R-EML-02: a revoked invitation's queued email is never sent", async () => {
    const created = await invite(a.acmeAdmin, { emails: ["ana@acme.com"], delivery: "email" });
    await foyer.services.revokeInvitation(a.acmeAdmin, created.created[0]!.invitation!.id);
    expect(await foyer.dispatcher.runOnce()).toBe(0);
    expect(foyer.mailbox.messages()).toHaveLength(0);
  });
});
