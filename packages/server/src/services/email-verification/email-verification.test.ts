import { describe, expect, it } from "vitest";
import { createTestFoyer, tokenFromLink } from "../../fixtures.ts";
import { createMemoryStore } from "../../store/memory/memory-store.ts";
import { hashToken } from "../../tokens.ts";
import { enableLink, join, verificationTokenFor } from "../invite-links/test-kit.ts";
import { a, accept, advance, code, foyer, HOUR, inviteOne, useTestFoyer } from "../test-setups.ts";

useTestFoyer();

const verified = (email: string) => foyer.users.users.get(email)?.emailVerified;

describe("email verification", () => {
  it("R-LNK-09: a joined account stays unverified until the link of its email is used, once", async () => {
    const { token } = await enableLink();
    const joined = await join(token, "vera@acme.com", { firstName: "Vera" });
    expect(joined.next).toBe("verify_email");
    expect(verified("vera@acme.com")).toBe(false);

    await foyer.dispatcher.runOnce();
    const email = foyer.mailbox.latestTo("vera@acme.com");
    expect(email?.subject).toBe("Verify your email address for Acme Corp");
    expect(email?.text).toContain("Hi Vera,");
    const link = email?.links.find((l) => l.includes("/verify-email#token="));
    expect(link).toMatch(/^https:\/\/acme\.example\.com\/verify-email#token=k1\./);
    const verifyToken = tokenFromLink(link ?? "");
    // Only the hash is stored.
    const [row] = await foyer.store.findPendingEmailVerifications("vera@acme.com");
    expect(row?.tokenHash).toBe(await hashToken(verifyToken));
    expect(JSON.stringify(row)).not.toContain(verifyToken.split(".")[1]);

    await expect(foyer.services.verifyEmail(verifyToken)).resolves.toEqual({
      user: { id: joined.user.id, email: "vera@acme.com" },
      tenantId: "acme",
      next: "sign_in",
    });
    expect(verified("vera@acme.com")).toBe(true);
    expect(await code(foyer.services.verifyEmail(verifyToken))).toBe("VERIFICATION_LINK_USED");
    const trail = (await foyer.services.listTenantEvents(a.acmeAdmin, "acme", {})).items;
    expect(trail.find((e) => e.action === "email_verified")).toMatchObject({
      source: "link",
      subjectEmail: "vera@acme.com",
    });
  });

  it("R-LNK-09: a verification link expires after a day, and unknown tokens open nothing", async () => {
    const { token } = await enableLink();
    await join(token, "slow@acme.com");
    const verifyToken = await verificationTokenFor("slow@acme.com");
    advance(24 * HOUR);
    expect(await code(foyer.services.verifyEmail(verifyToken))).toBe("VERIFICATION_LINK_EXPIRED");
    expect(await code(foyer.services.verifyEmail("k1.unknown"))).toBe("VERIFICATION_LINK_INVALID");
    expect(verified("slow@acme.com")).toBe(false);
  });

  it("R-LNK-09: resend is throttled, answers the same for unknown addresses, and retires the old link", async () => {
    const { token } = await enableLink();
    await join(token, "re@acme.com");
    const firstToken = await verificationTokenFor("re@acme.com");
    const count = () => foyer.mailbox.messages().filter((m) => m.to === "re@acme.com").length;

    // Within a minute of the first email: the same answer, no email.
    await expect(foyer.services.resendVerificationEmail({ email: "RE@acme.com" })).resolves.toEqual(
      { accepted: true },
    );
    await foyer.dispatcher.runOnce();
    expect(count()).toBe(1);

    advance(61_000);
    await foyer.services.resendVerificationEmail({ email: "re@acme.com" });
    const secondToken = await verificationTokenFor("re@acme.com");
    expect(count()).toBe(2);
    expect(secondToken).not.toBe(firstToken);
    expect(await code(foyer.services.verifyEmail(firstToken))).toBe("VERIFICATION_LINK_INVALID");

    // The wait doubles: a minute later is too soon, two minutes is not.
    advance(61_000);
    await foyer.services.resendVerificationEmail({ email: "re@acme.com" });
    await foyer.dispatcher.runOnce();
    expect(count()).toBe(2);
    advance(60_000);
    await foyer.services.resendVerificationEmail({ email: "re@acme.com" });
    await foyer.dispatcher.runOnce();
    expect(count()).toBe(3);

    // Unknown and already verified addresses: the same answer, nothing sent.
    const before = foyer.mailbox.messages().length;
    await expect(
      foyer.services.resendVerificationEmail({ email: "nobody@acme.com" }),
    ).resolves.toEqual({ accepted: true });
    await expect(
      foyer.services.resendVerificationEmail({ email: a.acmeAdmin.email }),
    ).resolves.toEqual({ accepted: true });
    await foyer.dispatcher.runOnce();
    expect(foyer.mailbox.messages()).toHaveLength(before);
    expect(await code(foyer.services.resendVerificationEmail({ email: "not an address" }))).toBe(
      "VALIDATION_FAILED",
    );
  });

  it("R-LNK-09: a failing host leaves the token usable; two verifications verify once", async () => {
    let fail = true;
    const local = await createTestFoyer(createMemoryStore(), {
      hooks: {
        authenticate: () => null,
        createAccount: (input, tx) => local.users.hooks.createAccount(input, tx),
        async markEmailVerified(user, tx) {
          if (fail) throw new Error("host down");
          return local.users.hooks.markEmailVerified(user, tx);
        },
      },
    });
    const { link } = await local.services.updateInviteLink(local.fixture.actors.acmeAdmin, "acme", {
      enabled: true,
      roleId: "client_user",
    });
    await local.services.joinWithInviteLink({
      token: tokenFromLink(link.url ?? ""),
      firstName: "Hal",
      lastName: "Host",
      email: "hal@acme.com",
      password: "Tr1cky-Lantern!",
      passwordConfirmation: "Tr1cky-Lantern!",
      acceptTerms: true,
    });
    await local.dispatcher.runOnce();
    const verifyLink = local.mailbox.latestTo("hal@acme.com")?.links[0] ?? "";
    const verifyToken = tokenFromLink(verifyLink);
    await expect(local.services.verifyEmail(verifyToken)).rejects.toThrow("host down");
    expect(local.users.users.get("hal@acme.com")?.emailVerified).toBe(false);
    fail = false;
    const results = await Promise.allSettled([
      local.services.verifyEmail(verifyToken),
      local.services.verifyEmail(verifyToken),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({
      reason: { code: "VERIFICATION_LINK_USED" },
    });
    expect(local.users.users.get("hal@acme.com")?.emailVerified).toBe(true);
  });
});

describe("verification of per-email accepts", () => {
  it("R-INV-12: by default an accepted invitee signs in at once, with no verification email", async () => {
    const { token } = await inviteOne("plain@acme.com");
    await expect(accept(token)).resolves.toMatchObject({ next: "signed_in" });
    expect(verified("plain@acme.com")).toBe(true);
    expect(await foyer.store.findPendingEmailVerifications("plain@acme.com")).toEqual([]);
  });

  it("R-INV-12: with verifyInvitedEmails the invitee verifies first, through the same email", async () => {
    const local = await createTestFoyer(createMemoryStore(), { verifyInvitedEmails: true });
    const created = await local.services.createInvitations(local.fixture.actors.acmeAdmin, {
      tenantId: "acme",
      roleId: "client_user",
      emails: ["strict@acme.com"],
      delivery: "link",
    });
    const result = await local.services.acceptInvitation({
      token: tokenFromLink(created.created[0]?.link ?? ""),
      firstName: "Stu",
      lastName: "Strict",
      password: "Tr1cky-Lantern!",
      passwordConfirmation: "Tr1cky-Lantern!",
    });
    expect(result.next).toBe("verify_email");
    expect(local.users.users.get("strict@acme.com")?.emailVerified).toBe(false);
    await local.dispatcher.runOnce();
    const link = local.mailbox
      .latestTo("strict@acme.com")
      ?.links.find((l) => l.includes("/verify-email#token="));
    await local.services.verifyEmail(tokenFromLink(link ?? ""));
    expect(local.users.users.get("strict@acme.com")?.emailVerified).toBe(true);
  });
});
