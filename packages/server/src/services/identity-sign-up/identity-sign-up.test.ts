import { ERROR_CODES } from "@foyer/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestFoyer, type TestFoyer } from "../../fixtures.ts";
import { createOidcSignUp } from "../../oidc.ts";
import { type DevProvider, startDevProvider } from "../../oidc-dev-provider.fixture.ts";
import { createMemoryStore } from "../../store/memory/memory-store.ts";
import { STRONG } from "../test-setups.ts";

// Sign-up through an invite link with an identity provider (R-LNK-06), end to end against a
// real OpenID provider started here: Foyer's start route, the provider's login, the callback.

const REDIRECT = "https://app.example.com/auth/oidc/callback";
const AFTER = "https://app.example.com/welcome";
let provider: DevProvider;
let foyer: TestFoyer;
/** Foyer's clock (the provider keeps real time for its tokens). */
let clock: Date;

beforeAll(async () => {
  provider = await startDevProvider(REDIRECT);
  provider.accounts.set("ana", {
    email: "Ana@Acme.com",
    email_verified: true,
    given_name: "Ana",
    family_name: "Lopez",
  });
  provider.accounts.set("eve", { email: "eve@evil.test", email_verified: true });
  provider.accounts.set("una", { email: "una@acme.com", email_verified: false });
});
afterAll(() => provider.close());

beforeEach(async () => {
  const identitySignUp = createOidcSignUp({
    redirectUri: REDIRECT,
    afterSignUpUrl: AFTER,
    providers: [
      {
        id: "dev",
        name: "Dev SSO",
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        allowInsecureRequests: true,
      },
    ],
  });
  clock = new Date();
  foyer = await createTestFoyer(createMemoryStore(), {
    identitySignUp,
    now: () => new Date(clock),
    hooks: {
      signIn: (user) => ({ "Set-Cookie": `session=${user.id}; Path=/; HttpOnly` }),
    },
  });
});

const admin = () => foyer.fixture.actors.acmeAdmin;

async function enableLink(body: { allowedDomains?: string[]; maxJoins?: number } = {}) {
  const { link } = await foyer.services.updateInviteLink(admin(), "acme", {
    enabled: true,
    roleId: "client_user",
    ...body,
  });
  const token = new URL(link.url ?? "").hash.replace(/^#token=/, "");
  return token;
}

/** POSTs the start route as the join page does; answers the JSON and the state cookie. */
async function start(token: string, providerId = "dev") {
  const response = await foyer.handler(
    new Request("https://app.example.com/public/invite-links/identity/start", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "https://app.example.com" },
      body: JSON.stringify({ token, providerId }),
    }),
  );
  const body = (await response.json()) as {
    authorizationUrl?: string;
    error?: { code: string; message: string; issues?: unknown };
  };
  const setCookie = response.headers.get("set-cookie") ?? "";
  return { status: response.status, body, setCookie, cookie: setCookie.split(";")[0] ?? "" };
}

/** The provider sends the browser back: the callback route with the browser's cookie. */
async function callback(url: URL, cookie: string | null) {
  const response = await foyer.identityCallback(
    new Request(url, { headers: cookie ? { cookie } : {} }),
  );
  return {
    status: response.status,
    location: response.headers.get("location") ?? "",
    cookies: response.headers.getSetCookie(),
  };
}

/** The whole flow in one browser, as `accountId` at the provider. */
async function signUp(token: string, accountId: string) {
  const started = await start(token);
  const returned = await provider.signIn(started.body.authorizationUrl ?? "", accountId);
  return { started, returned, done: await callback(returned, started.cookie) };
}

const errorIn = (location: string) => new URL(location).hash.match(/error=([A-Z_]+)$/)?.[1];

describe("sign-up with an identity provider", () => {
  it("R-LNK-06: the join preview lists the configured providers", async () => {
    const token = await enableLink();
    const preview = await foyer.services.previewInviteLink(token);
    expect(preview.identityProviders).toEqual([{ id: "dev", name: "Dev SSO" }]);
  });

  it("R-LNK-06/08: a verified identity joins: verified account without a password, default role, membership, audit with the provider", async () => {
    const token = await enableLink();
    const { started, done } = await signUp(token, "ana");
    expect(started.status).toBe(200);
    const authorization = new URL(started.body.authorizationUrl ?? "");
    expect(authorization.origin).toBe(provider.issuer);
    expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorization.searchParams.get("nonce")).toMatch(/^.{20,}$/);
    expect(started.setCookie).toMatch(
      /^foyer_oidc_state=[\w-]{43}; Path=\/; Max-Age=600; HttpOnly; SameSite=Lax; Secure$/,
    );

    expect(done.status).toBe(303);
    expect(done.location).toBe(AFTER);
    const user = foyer.users.users.get("ana@acme.com");
    expect(user).toMatchObject({
      tenantId: "acme",
      roleId: "client_user",
      passwordHash: null,
      emailVerified: true,
      identity: { providerId: "dev", issuer: provider.issuer, subject: "ana" },
    });
    expect(done.cookies).toContain(`session=${user?.id}; Path=/; HttpOnly`);
    expect(done.cookies.some((c) => c.startsWith("foyer_oidc_state=; "))).toBe(true);
    const members = await foyer.store.findMembersByEmails(["ana@acme.com"]);
    expect(members).toMatchObject([
      { tenantId: "acme", roleId: "client_user", source: "link", status: "active" },
    ]);
    const { items } = await foyer.services.listTenantEvents(admin(), "acme", {});
    expect(items.filter((event) => event.action === "joined")).toMatchObject([
      {
        source: "link",
        subjectEmail: "ana@acme.com",
        actor: { name: "Ana Lopez" },
        data: { provider: "dev", roleId: "client_user", userId: user?.id, joinNumber: 1 },
      },
    ]);
    // The provider verified the address: no verification email.
    expect((await foyer.store.listEmails({})).filter((e) => e.kind === "verification")).toEqual([]);
    const { link } = await foyer.services.getInviteLink(admin(), "acme");
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
    const attackerReturn = await provider.signIn(attacker.body.authorizationUrl ?? "", "ana");
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
    expect(foyer.users.users.has("ana@acme.com")).toBe(false);
    // The refusals took nothing from the rightful browser's flow.
    expect((await callback(attackerReturn, attacker.cookie)).location).toBe(AFTER);
    expect(foyer.users.users.get("ana@acme.com")?.identity?.subject).toBe("ana");
  });

  it("R-LNK-06: a flow not finished within ten minutes is refused", async () => {
    const token = await enableLink();
    const started = await start(token);
    const returned = await provider.signIn(started.body.authorizationUrl ?? "", "ana");
    clock = new Date(clock.getTime() + 10 * 60_000);
    const late = await callback(returned, started.cookie);
    expect(errorIn(late.location)).toBe("IDENTITY_SIGN_UP_FAILED");
    expect(foyer.users.users.has("ana@acme.com")).toBe(false);
  });

  it("R-LNK-06: an identity whose email the provider did not verify is refused", async () => {
    const token = await enableLink();
    const { done } = await signUp(token, "una");
    expect(errorIn(done.location)).toBe("IDENTITY_EMAIL_NOT_VERIFIED");
    // Back to the same link's join page, to sign up with a password instead.
    expect(done.location).toBe(
      `https://app.example.com/join#token=${token}&error=IDENTITY_EMAIL_NOT_VERIFIED`,
    );
    expect(foyer.users.users.has("una@acme.com")).toBe(false);
  });

  it("R-LNK-04/07: an address outside the link's domains is refused with its message", async () => {
    const token = await enableLink({ allowedDomains: ["acme.com"] });
    const started = await start(token);
    const returned = await provider.signIn(started.body.authorizationUrl ?? "", "eve");
    const outcome = await foyer.services.completeIdentityJoin({
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
    expect(foyer.users.users.has("eve@evil.test")).toBe(false);
    expect(await foyer.store.findMembersByEmails(["eve@evil.test"])).toEqual([]);
  });

  it("R-LNK-07: a disabled or regenerated link refuses with the exact text, at the start and at the callback", async () => {
    const token = await enableLink();
    const started = await start(token);
    const returned = await provider.signIn(started.body.authorizationUrl ?? "", "ana");
    await foyer.services.updateInviteLink(admin(), "acme", { enabled: false });
    const done = await callback(returned, started.cookie);
    expect(errorIn(done.location)).toBe("INVITE_LINK_INVALID");
    expect(foyer.users.users.has("ana@acme.com")).toBe(false);

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
    const back = await provider.signIn(flow.body.authorizationUrl ?? "", "ana");
    await foyer.services.regenerateInviteLink(admin(), "acme");
    const late = await callback(back, flow.cookie);
    expect(late.location).toBe("https://app.example.com/join#error=INVITE_LINK_INVALID");
    expect(foyer.users.users.has("ana@acme.com")).toBe(false);
  });

  it('R-LNK-07: an address registered on any tenant gets "User already registered."', async () => {
    const token = await enableLink();
    foyer.users.add({ email: "ana@acme.com", tenantId: "globex", roleId: "client_user" });
    const started = await start(token);
    const returned = await provider.signIn(started.body.authorizationUrl ?? "", "ana");
    const outcome = await foyer.services.completeIdentityJoin({
      callbackUrl: returned.href,
      stateCookie: started.cookie.replace("foyer_oidc_state=", ""),
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: "USER_ALREADY_EXISTS", message: "User already registered." },
    });
    expect(await foyer.store.findMembersByEmails(["ana@acme.com"])).toEqual([]);
  });

  it("R-LNK-10: the join limit counts identity joins with password joins", async () => {
    const token = await enableLink({ maxJoins: 1 });
    await foyer.services.joinWithInviteLink({
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
