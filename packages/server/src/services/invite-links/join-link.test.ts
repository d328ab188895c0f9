import { ERROR_CODES } from "@foyer/core";
import { describe, expect, it } from "vitest";
import { createTestFoyer, tokenFromLink } from "../../fixtures.ts";
import { createMemoryStore } from "../../store/memory/memory-store.ts";
import { a, code, foyer, STRONG, useTestFoyer } from "../test-setups.ts";
import { enableLink, join } from "./test-kit.ts";

useTestFoyer();

const INVALID =
  "This invite link is not valid or has been deactivated. Please contact your administrator.";

async function events(tenantId = "acme") {
  return (await foyer.services.listTenantEvents(a.mspAdmin, tenantId, {})).items;
}

describe("joining", () => {
  it("R-LNK-06: the preview shows branding, role, domains and the host's pages", async () => {
    const local = await createTestFoyer(createMemoryStore(), {
      joinPage: {
        termsUrl: "https://app.example.com/terms",
        privacyUrl: "https://app.example.com/privacy",
        signInUrl: "https://app.example.com/login",
      },
    });
    const { link } = await local.services.updateInviteLink(local.fixture.actors.acmeAdmin, "acme", {
      enabled: true,
      roleId: "client_user",
      allowedDomains: ["acme.com"],
    });
    const preview = await local.services.previewInviteLink(tokenFromLink(link.url ?? ""));
    expect(preview).toEqual({
      joinable: true,
      error: null,
      tenant: {
        name: "Acme Corp",
        logoUrl: "https://acme.example.com/logo.png",
        accentColor: "#4f46e5",
      },
      role: { name: "Client user" },
      allowedDomains: ["acme.com"],
      termsUrl: "https://app.example.com/terms",
      privacyUrl: "https://app.example.com/privacy",
      signInUrl: "https://app.example.com/login",
      identityProviders: [],
    });
    expect(await local.services.previewInviteLink("k1.never-issued")).toMatchObject({
      joinable: false,
      tenant: null,
      error: { code: "INVITE_LINK_INVALID", message: INVALID },
    });
  });

  it("R-LNK-07: the exact errors: invalid link, already registered, outside the domains, terms", async () => {
    expect(ERROR_CODES.INVITE_LINK_INVALID.message).toBe(INVALID);
    const { token } = await enableLink({ allowedDomains: ["acme.com", "guardian.example.com"] });
    const invalid = join("k1.not-a-link-token", "x@acme.com");
    await expect(invalid).rejects.toMatchObject({ code: "INVITE_LINK_INVALID", message: INVALID });
    // Registered on another tenant: the host knows the address.
    const taken = join(token, "GWEN@guardian.example.com");
    await expect(taken).rejects.toMatchObject({
      code: "USER_ALREADY_EXISTS",
      message: "User already registered.",
    });
    const outside = join(token, "x@other.example");
    await expect(outside).rejects.toMatchObject({
      code: "EMAIL_DOMAIN_NOT_ALLOWED",
      message: ERROR_CODES.EMAIL_DOMAIN_NOT_ALLOWED.message,
    });
    await expect(join(token, "x@acme.com", { acceptTerms: false })).rejects.toMatchObject({
      code: "TERMS_NOT_ACCEPTED",
      issues: [{ path: "acceptTerms" }],
    });
    expect(await code(join(token, "x@acme.com", { password: "short" }))).toBe("PASSWORD_TOO_WEAK");
    expect(await code(join(token, "x@acme.com", { passwordConfirmation: `${STRONG}x` }))).toBe(
      "PASSWORD_MISMATCH",
    );
    expect(foyer.users.users.has("x@acme.com")).toBe(false);
  });

  it("R-LNK-08: a join creates exactly one account with the default role, atomically with its membership", async () => {
    const { token } = await enableLink();
    const result = await join(token, "new@acme.com", { firstName: "Nia", lastName: "New" });
    expect(result).toEqual({
      user: { id: expect.any(String), email: "new@acme.com", firstName: "Nia", lastName: "New" },
      tenantId: "acme",
      next: "verify_email",
    });
    const users = [...foyer.users.users.values()].filter((u) => u.email === "new@acme.com");
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({
      tenantId: "acme",
      roleId: "client_user",
      emailVerified: false,
    });
    expect(users[0]?.passwordHash).toMatch(/^pbkdf2\$/);
    expect(await foyer.store.findMembersByEmails(["new@acme.com"])).toEqual([
      expect.objectContaining({
        tenantId: "acme",
        userId: result.user.id,
        roleId: "client_user",
        source: "link",
      }),
    ]);
    expect(await code(join(token, "new@acme.com"))).toBe("USER_ALREADY_EXISTS");
    const joined = (await events()).find((e) => e.action === "joined");
    expect(joined).toMatchObject({
      source: "link",
      subjectEmail: "new@acme.com",
      actor: { id: result.user.id },
      data: { roleId: "client_user", userId: result.user.id, linkGeneration: 1 },
    });
  });

  it("R-LNK-08: a failure inside account creation leaves no account, membership, count or email", async () => {
    let fail = true;
    const local = await createTestFoyer(createMemoryStore(), {
      hooks: {
        authenticate: () => null,
        async createAccount(input, tx) {
          if (fail) throw new Error("the host's user table is down");
          return local.users.hooks.createAccount(input, tx);
        },
      },
    });
    const admin = local.fixture.actors.acmeAdmin;
    const { link } = await local.services.updateInviteLink(admin, "acme", {
      enabled: true,
      roleId: "client_user",
    });
    const token = tokenFromLink(link.url ?? "");
    const body = {
      token,
      firstName: "Fay",
      lastName: "Fail",
      email: "fay@acme.com",
      password: STRONG,
      passwordConfirmation: STRONG,
      acceptTerms: true,
    };
    await expect(local.services.joinWithInviteLink(body)).rejects.toThrow("down");
    expect(local.users.users.has("fay@acme.com")).toBe(false);
    expect(await local.store.findMembersByEmails(["fay@acme.com"])).toEqual([]);
    expect(await local.store.findPendingEmailVerifications("fay@acme.com")).toEqual([]);
    expect((await local.store.getInviteLink("acme"))?.joinCount).toBe(0);
    expect(await local.dispatcher.runOnce()).toBe(0);
    fail = false;
    await expect(local.services.joinWithInviteLink(body)).resolves.toMatchObject({
      tenantId: "acme",
    });
  });

  it("R-LNK-08: joins never touch existing users, including members the host does not list", async () => {
    const { token } = await enableLink({ allowedDomains: [] });
    const dana = foyer.users.users.get(a.acmeAdmin.email);
    expect(await code(join(token, a.acmeAdmin.email))).toBe("USER_ALREADY_EXISTS");
    expect(foyer.users.users.get(a.acmeAdmin.email)).toEqual(dana);
    await foyer.admin.addMember({
      tenantId: "globex",
      userId: "u-member-only",
      email: "member@elsewhere.example",
      roleId: "client_user",
    });
    expect(await code(join(token, "Member@Elsewhere.example"))).toBe("USER_ALREADY_EXISTS");
  });

  it("R-LNK-08: a seat limit counts joins like accepts", async () => {
    const acme = await foyer.store.getTenant("acme");
    if (!acme) throw new Error("no acme");
    // Two actors of Acme are members already.
    await foyer.admin.upsertTenant({ ...acme, seatLimit: 3 });
    const { token } = await enableLink();
    await join(token, "seat@acme.com");
    expect(await code(join(token, "noseat@acme.com"))).toBe("SEAT_LIMIT_REACHED");
  });

  it("R-LNK-07: a cancelled tenant's link is invalid", async () => {
    const { token } = await enableLink();
    const acme = await foyer.store.getTenant("acme");
    if (!acme) throw new Error("no acme");
    await foyer.admin.upsertTenant({ ...acme, status: "cancelled" });
    expect(await code(join(token, "gone@acme.com"))).toBe("INVITE_LINK_INVALID");
    expect((await foyer.services.previewInviteLink(token)).joinable).toBe(false);
  });

  it("R-LNK-01: a token of another purpose opens no link", async () => {
    await enableLink();
    const invitation = await foyer.services.createInvitations(a.acmeAdmin, {
      tenantId: "acme",
      roleId: "client_user",
      emails: ["inv@acme.com"],
      delivery: "link",
    });
    const invitationToken = tokenFromLink(invitation.created[0]?.link ?? "");
    expect(await code(join(invitationToken, "inv@acme.com"))).toBe("INVITE_LINK_INVALID");
  });
});
