import { describe, expect, it } from "vitest";
import { FoyerServiceError } from "../../errors.ts";
import { createTestFoyer, tokenFromLink } from "../../fixtures.ts";
import { createMemoryStore } from "../../store/memory/memory-store.ts";
import {
  a,
  accept,
  advance,
  clock,
  code,
  foyer,
  HOUR,
  inviteOne,
  STRONG,
  useTestFoyer,
} from "../test-setups.ts";

useTestFoyer();

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
      identityProviders: [],
      passwordAllowed: true,
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
