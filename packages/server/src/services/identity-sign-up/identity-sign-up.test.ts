import { ERROR_CODES } from "@foyer/core";
import { describe, expect, it } from "vitest";
import { tokenFromLink } from "../../fixtures.ts";
import { STRONG } from "../test-setups.ts";
import { AFTER, callback, env, errorIn, startAt, useIdentityFoyer } from "./test-kit.ts";

// Sign-up through an invite link with an identity provider (R-LNK-06), end to end against a
// real OpenID provider started here: Foyer's start route, the provider's login, the callback.

useIdentityFoyer();

const admin = () => env.foyer.fixture.actors.acmeAdmin;

async function enableLink(body: { allowedDomains?: string[]; maxJoins?: number } = {}) {
  const { link } = await env.foyer.services.updateInviteLink(admin(), "acme", {
    enabled: true,
    roleId: "client_user",
    ...body,
  });
  const token = new URL(link.url ?? "").hash.replace(/^#token=/, "");
  return token;
}

/** POSTs the join page's start route. */
const start = (token: string, providerId = "dev") =>
  startAt("/public/invite-links/identity/start", token, providerId);

/** The whole flow in one browser, as `accountId` at the provider. */
async function signUp(token: string, accountId: string) {
  const started = await start(token);
  const returned = await env.provider.signIn(started.body.authorizationUrl ?? "", accountId);
  return { started, returned, done: await callback(returned, started.cookie) };
}

describe("sign-up with an identity provider", () => {
  it("R-LNK-06: the join preview lists the configured providers", async () => {
    const token = await enableLink();
    const preview = await env.foyer.services.previewInviteLink(token);
    expect(preview.identityProviders).toEqual([{ id: "dev", name: "Dev SSO" }]);
  });

  it("R-LNK-06/08: a verified identity joins: verified account without a password, default role, membership, audit with the provider", async () => {
    const token = await enableLink();
    const { started, done } = await signUp(token, "ana");
    expect(started.status).toBe(200);
    const authorization = new URL(started.body.authorizationUrl ?? "");
    expect(authorization.origin).toBe(env.provider.issuer);
    expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorization.searchParams.get("nonce")).toMatch(/^.{20,}$/);
    expect(started.setCookie).toMatch(
      /^foyer_oidc_state=j\.[\w-]{43}; Path=\/; Max-Age=600; HttpOnly; SameSite=Lax; Secure$/,
    );

    expect(done.status).toBe(303);
    expect(done.location).toBe(AFTER);
    const user = env.foyer.users.users.get("ana@acme.com");
    expect(user).toMatchObject({
      tenantId: "acme",
      roleId: "client_user",
      passwordHash: null,
      emailVerified: true,
      identity: { providerId: "dev", issuer: env.provider.issuer, subject: "ana" },
    });
    expect(done.cookies).toContain(`session=${user?.id}; Path=/; HttpOnly`);
    expect(done.cookies.some((c) => c.startsWith("foyer_oidc_state=; "))).toBe(true);
    const members = await env.foyer.store.findMembersByEmails(["ana@acme.com"]);
    expect(members).toMatchObject([
      { tenantId: "acme", roleId: "client_user", source: "link", status: "active" },
    ]);
    const { items } = await env.foyer.services.listTenantEvents(admin(), "acme", {});
    expect(items.filter((event) => event.action === "joined")).toMatchObject([
      {
        source: "link",
        subjectEmail: "ana@acme.com",
        actor: { name: "Ana Lopez" },
        data: { provider: "dev", roleId: "client_user", userId: user?.id, joinNumber: 1 },
      },
    ]);
    // The provider verified the address: no verification email.
    expect((await env.foyer.store.listEmails({})).filter((e) => e.kind === "verification")).toEqual(
      [],
    );
    const { link } = await env.foyer.services.getInviteLink(admin(), "acme");
    expect(link.joinCount).toBe(1);
  });

  it("R-LNK-06: a replayed callback is refused: the state works once", async () => {
    const token = await enableLink();
    const { started, returned, done } = await signUp(token, "ana");
    expect(done.location).toBe(AFTER);
    const replay = await callback(returned, started.cookie);
    expect(replay.status).toBe(303);
    expect(errorIn(replay.location)).toBe("IDENTITY_SIGN_UP_FAILED");
    expect(replay.location).toBe("https://app.example.com/join#error=IDENTITY_SIGN_UP_FAILED");
  });

  it("R-LNK-06: a state swapped into another browser, missing its cookie or tampered with is refused", async () => {
    const token = await enableLink();
    const victim = await start(token);
    const attacker = await start(token);
    const attackerReturn = await env.provider.signIn(attacker.body.authorizationUrl ?? "", "ana");
    // The attacker's callback URL opened in the victim's browser (login CSRF).
    const swapped = await callback(attackerReturn, victim.cookie);
    expect(errorIn(swapped.location)).toBe("IDENTITY_SIGN_UP_FAILED");
    expect((await callback(attackerReturn, null)).location).toMatch(
      /error=IDENTITY_SIGN_UP_FAILED$/,
    );
    const tampered = new URL(attackerReturn);
    tampered.searchParams.set("state", "x".repeat(43));
    expect(errorIn((await callback(tampered, `foyer_oidc_state=${"x".repeat(43)}`)).location)).toBe(
      "IDENTITY_SIGN_UP_FAILED",
    );
    expect(env.foyer.users.users.has("ana@acme.com")).toBe(false);
    // The refusals took nothing from the rightful browser's flow.
    expect((await callback(attackerReturn, attacker.cookie)).location).toBe(AFTER);
    expect(env.foyer.users.users.get("ana@acme.com")?.identity?.subject).toBe("ana");
  });

  it("R-LNK-06: a flow not finished within ten minutes is refused", async () => {
    const token = await enableLink();
    const started = await start(token);
    const returned = await env.provider.signIn(started.body.authorizationUrl ?? "", "ana");
    env.clock = new Date(env.clock.getTime() + 10 * 60_000);
    const late = await callback(returned, started.cookie);
    expect(errorIn(late.location)).toBe("IDENTITY_SIGN_UP_FAILED");
    expect(env.foyer.users.users.has("ana@acme.com")).toBe(false);
  });

  it("R-LNK-06/09: an identity whose email the provider did not verify must verify it before signing in", async () => {
    const token = await enableLink();
    const { done } = await signUp(token, "una");
    // Back to the same link's join page, on its "check your email" step; not signed in.
    expect(done.location).toBe(
      `https://app.example.com/join#token=${token}&verify_email=una%40acme.com`,
    );
    expect(done.cookies.some((c) => c.startsWith("session="))).toBe(false);
    expect(env.foyer.users.users.get("una@acme.com")).toMatchObject({
      passwordHash: null,
      emailVerified: false,
      identity: { providerId: "dev", subject: "una" },
    });
    await env.foyer.dispatcher.runOnce();
    const email = env.foyer.mailbox.latestTo("una@acme.com");
    expect(email?.subject).toBe("Verify your email address for Acme Corp");
    const link = email?.links.find((l) => l.includes("/verify-email#token=")) ?? "";
    const verifyToken = tokenFromLink(link);
    const verified = await env.foyer.services.verifyEmail(verifyToken);
    expect(verified.user.email).toBe("una@acme.com");
    expect(env.foyer.users.users.get("una@acme.com")?.emailVerified).toBe(true);
  });

  it("R-LNK-06: Entra's xms_edov vouches for an address without email_verified; no claim at all does not", async () => {
    const token = await enableLink();
    expect((await signUp(token, "ed")).done.location).toBe(AFTER);
    expect(env.foyer.users.users.get("ed@acme.com")?.emailVerified).toBe(true);
    const { done } = await signUp(token, "nil");
    expect(done.location).toContain("&verify_email=nil%40acme.com");
    expect(env.foyer.users.users.get("nil@acme.com")?.emailVerified).toBe(false);
  });

  it("R-LNK-04/07: an address outside the link's domains is refused with its message", async () => {
    const token = await enableLink({ allowedDomains: ["acme.com"] });
    const started = await start(token);
    const returned = await env.provider.signIn(started.body.authorizationUrl ?? "", "eve");
    const outcome = await env.foyer.services.completeIdentityFlow({
      callbackUrl: returned.href,
      stateCookie: started.cookie.replace("foyer_oidc_state=", ""),
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: "EMAIL_DOMAIN_NOT_ALLOWED",
        message: ERROR_CODES.EMAIL_DOMAIN_NOT_ALLOWED.message,
      },
    });
    expect(env.foyer.users.users.has("eve@evil.test")).toBe(false);
    expect(await env.foyer.store.findMembersByEmails(["eve@evil.test"])).toEqual([]);
  });

  it("R-LNK-07: a disabled or regenerated link refuses with the exact text, at the start and at the callback", async () => {
    const token = await enableLink();
    const started = await start(token);
    const returned = await env.provider.signIn(started.body.authorizationUrl ?? "", "ana");
    await env.foyer.services.updateInviteLink(admin(), "acme", { enabled: false });
    const done = await callback(returned, started.cookie);
    expect(errorIn(done.location)).toBe("INVITE_LINK_INVALID");
    expect(env.foyer.users.users.has("ana@acme.com")).toBe(false);

    const refused = await start(token);
    expect(refused.status).toBe(404);
    expect(refused.body.error).toEqual({
      code: "INVITE_LINK_INVALID",
      message:
        "This invite link is not valid or has been deactivated. Please contact your administrator.",
    });
    expect(refused.setCookie).toBe("");

    // Regenerated between the start and the callback: the flow was bound to the old token.
    const again = await enableLink();
    const flow = await start(again);
    const back = await env.provider.signIn(flow.body.authorizationUrl ?? "", "ana");
    await env.foyer.services.regenerateInviteLink(admin(), "acme");
    const late = await callback(back, flow.cookie);
    expect(late.location).toBe("https://app.example.com/join#error=INVITE_LINK_INVALID");
    expect(env.foyer.users.users.has("ana@acme.com")).toBe(false);
  });

  it('R-LNK-07: an address registered on any tenant gets "User already registered."', async () => {
    const token = await enableLink();
    env.foyer.users.add({ email: "ana@acme.com", tenantId: "globex", roleId: "client_user" });
    const started = await start(token);
    const returned = await env.provider.signIn(started.body.authorizationUrl ?? "", "ana");
    const outcome = await env.foyer.services.completeIdentityFlow({
      callbackUrl: returned.href,
      stateCookie: started.cookie.replace("foyer_oidc_state=", ""),
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: "USER_ALREADY_EXISTS", message: "User already registered." },
    });
    expect(await env.foyer.store.findMembersByEmails(["ana@acme.com"])).toEqual([]);
  });

  it("R-LNK-10: the join limit counts identity joins with password joins", async () => {
    const token = await enableLink({ maxJoins: 1 });
    await env.foyer.services.joinWithInviteLink({
      token,
      firstName: "Jo",
      lastName: "Iner",
      email: "jo@acme.com",
      password: STRONG,
      passwordConfirmation: STRONG,
      acceptTerms: true,
    });
    const refused = await start(token);
    expect(refused.body.error?.code).toBe("INVITE_LINK_INVALID");
  });

  it("R-LNK-06: an unknown provider is refused naming the field", async () => {
    const token = await enableLink();
    const refused = await start(token, "nope");
    expect(refused.status).toBe(404);
    expect(refused.body.error).toMatchObject({
      code: "IDENTITY_PROVIDER_NOT_FOUND",
      issues: [{ path: "providerId", message: expect.stringContaining("nope") }],
    });
  });
});
