import { ERROR_CODES } from "@foyer/core";
import { beforeAll, describe, expect, it } from "vitest";
import { tokenFromLink } from "../../fixtures.ts";
import { STRONG } from "../test-setups.ts";
import { AFTER, callback, env, errorIn, startAt, useIdentityFoyer } from "./test-kit.ts";

// "Accept with …": a per-email invitation accepted through an identity provider, end to end
// against a real OpenID provider. The provider serves Globex only, the tenant with SSO
// configured, so Globex's invitees accept with it and nobody else is offered it.

useIdentityFoyer((config) => ({ ...config, tenantIds: ["globex"] }));

beforeAll(() => {
  env.provider.accounts.set("gina", {
    email: "gina@globex.example",
    email_verified: true,
    given_name: "Gina",
    family_name: "Globo",
  });
  env.provider.accounts.set("gus", { email: "gus@globex.example", email_verified: false });
});

const actors = () => env.foyer.fixture.actors;

async function invite(email: string, actor = actors().globexAdmin, tenantId = "globex") {
  const result = await env.foyer.services.createInvitations(actor, {
    tenantId,
    emails: [email],
    roleId: "client_user",
    delivery: "link",
  });
  const entry = result.created[0];
  if (!entry?.invitation || !entry.link) {
    throw new Error(`${email} was not invited: ${JSON.stringify(result.skipped)}`);
  }
  return { invitation: entry.invitation, token: tokenFromLink(entry.link), link: entry.link };
}

const start = (token: string, providerId = "dev") =>
  startAt("/public/invitations/identity/start", token, providerId);

/** The whole flow in one browser, as `accountId` at the provider. */
async function acceptAs(token: string, accountId: string) {
  const started = await start(token);
  expect(started.status).toBe(200);
  const returned = await env.provider.signIn(started.body.authorizationUrl ?? "", accountId);
  return { started, returned, done: await callback(returned, started.cookie) };
}

describe("accepting an invitation with an identity provider", () => {
  it("R-INV-12/R-TEN-01: an SSO tenant's invitation offers its provider and no password; others offer neither", async () => {
    const globex = await invite("gina@globex.example");
    expect(await env.foyer.services.previewInvitation(globex.token)).toMatchObject({
      email: "gina@globex.example",
      identityProviders: [{ id: "dev", name: "Dev SSO" }],
      passwordAllowed: false,
    });
    const acme = await invite("ana@acme.com", actors().acmeAdmin, "acme");
    expect(await env.foyer.services.previewInvitation(acme.token)).toMatchObject({
      identityProviders: [],
      passwordAllowed: true,
    });
    // The provider is not offered where it does not serve, even when asked for by name.
    const refused = await start(acme.token);
    expect(refused.status).toBe(404);
    expect(refused.body.error).toMatchObject({
      code: "IDENTITY_PROVIDER_NOT_FOUND",
      issues: [{ path: "providerId" }],
    });
  });

  it("R-INV-12: on an SSO tenant a password accept is refused with SSO_REQUIRED and creates nothing", async () => {
    const { token } = await invite("gina@globex.example");
    const refused = env.foyer.services.acceptInvitation({
      token,
      firstName: "Gina",
      lastName: "Globo",
      password: STRONG,
      passwordConfirmation: STRONG,
    });
    await expect(refused).rejects.toMatchObject({
      code: "SSO_REQUIRED",
      status: 403,
      message: ERROR_CODES.SSO_REQUIRED.message,
    });
    expect(env.foyer.users.users.has("gina@globex.example")).toBe(false);
  });

  it("R-INV-12/R-INV-14: the invited address, verified by the provider, accepts: account without password, membership, signed in, audited with the provider", async () => {
    const { token, invitation } = await invite("gina@globex.example");
    const { started, done } = await acceptAs(token, "gina");
    expect(started.setCookie).toMatch(/^foyer_oidc_state=a\.[\w-]{43}; .*HttpOnly; SameSite=Lax/);
    expect(done.status).toBe(303);
    expect(done.location).toBe(AFTER);
    const user = env.foyer.users.users.get("gina@globex.example");
    expect(user).toMatchObject({
      tenantId: "globex",
      roleId: "client_user",
      passwordHash: null,
      emailVerified: true,
      identity: { providerId: "dev", issuer: env.provider.issuer, subject: "gina" },
    });
    expect(done.cookies).toContain(`session=${user?.id}; Path=/; HttpOnly`);
    expect(await env.foyer.store.findMembersByEmails(["gina@globex.example"])).toMatchObject([
      { tenantId: "globex", roleId: "client_user", source: "email_invitation", status: "active" },
    ]);
    const { items } = await env.foyer.services.listInvitationEvents(
      actors().globexAdmin,
      invitation.id,
      {},
    );
    expect(items.find((event) => event.action === "accepted")).toMatchObject({
      source: "email_invitation",
      actor: { name: "Gina Globo" },
      data: { provider: "dev", userId: user?.id },
    });
    // The invitation is used: its link opens nothing any more.
    await expect(env.foyer.services.previewInvitation(token)).rejects.toMatchObject({
      code: "INVITATION_ALREADY_USED",
    });
  });

  it("R-INV-12: a provider account for another address is refused and the invitation stays open", async () => {
    const { token, link } = await invite("gina@globex.example");
    const { done } = await acceptAs(token, "eve");
    expect(errorIn(done.location)).toBe("IDENTITY_EMAIL_MISMATCH");
    // Back to the invitation's own page (on the app's site), to sign in with the right account.
    expect(done.location).toBe(
      `https://app.example.com/accept-invite#token=${token}&error=IDENTITY_EMAIL_MISMATCH`,
    );
    expect(link).toContain(`#token=${token}`);
    expect(env.foyer.users.users.has("eve@evil.test")).toBe(false);
    expect(env.foyer.users.users.has("gina@globex.example")).toBe(false);
    expect(await env.foyer.services.previewInvitation(token)).toMatchObject({
      email: "gina@globex.example",
    });
    // The right account then accepts the same invitation.
    expect((await acceptAs(token, "gina")).done.location).toBe(AFTER);
  });

  it("R-INV-12: an address the provider did not verify cannot accept", async () => {
    const { token } = await invite("gus@globex.example");
    const { done } = await acceptAs(token, "gus");
    expect(errorIn(done.location)).toBe("IDENTITY_EMAIL_NOT_VERIFIED");
    expect(env.foyer.users.users.has("gus@globex.example")).toBe(false);
  });

  it("R-INV-13: an invitation revoked between the start and the callback opens nothing", async () => {
    const { token, invitation } = await invite("gina@globex.example");
    const started = await start(token);
    const returned = await env.provider.signIn(started.body.authorizationUrl ?? "", "gina");
    await env.foyer.services.revokeInvitation(actors().globexAdmin, invitation.id);
    const done = await callback(returned, started.cookie);
    expect(errorIn(done.location)).toBe("INVITATION_REVOKED");
    expect(env.foyer.users.users.has("gina@globex.example")).toBe(false);
  });

  it("R-INV-12: a replayed or cookie-less callback is refused and leads back to the accept page", async () => {
    const { token } = await invite("gina@globex.example");
    const { started, returned, done } = await acceptAs(token, "gina");
    expect(done.location).toBe(AFTER);
    const replay = await callback(returned, started.cookie);
    expect(replay.location).toBe(
      "https://app.example.com/accept-invite#error=IDENTITY_SIGN_UP_FAILED",
    );
    const other = await invite("gus@globex.example");
    const flow = await start(other.token);
    const back = await env.provider.signIn(flow.body.authorizationUrl ?? "", "gus");
    expect(errorIn((await callback(back, null)).location)).toBe("IDENTITY_SIGN_UP_FAILED");
  });

  it("R-INV-13: a start with a dead token answers as the accept page does", async () => {
    const { token, invitation } = await invite("gina@globex.example");
    await env.foyer.services.revokeInvitation(actors().globexAdmin, invitation.id);
    const refused = await start(token);
    expect(refused.status).toBe(ERROR_CODES.INVITATION_REVOKED.status);
    expect(refused.body.error?.code).toBe("INVITATION_REVOKED");
    expect(refused.setCookie).toBe("");
    expect((await start("k1.never-issued")).body.error?.code).toBe("TOKEN_INVALID");
  });
});
