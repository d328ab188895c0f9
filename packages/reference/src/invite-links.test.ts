import { createScryptHasher } from "@foyer/server/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEEDED_SIGN_INS } from "./seed.ts";
import {
  call,
  type MailboxEntry,
  type RunningApp,
  sessionCookieFrom,
  signIn,
  startApp,
  tokenFromLink,
} from "./test-kit.ts";
import { findUserByEmail } from "./users.ts";

// Issue 11 through the reference app over HTTP: Acme's seeded invite link, a join, the
// sign-in refused until the address is verified, and the verification from the mailbox
// signing the new member in. One in-memory PGlite database for the file.

const alex = SEEDED_SIGN_INS.find((s) => s.email.endsWith("@acme.example"))!;
const morgan = SEEDED_SIGN_INS.find((s) => s.roleId === "msp_admin")!;
const PASSWORD = "Violet-Harbor-73!";
let running: RunningApp;

beforeAll(async () => {
  running = await startApp({
    inMemory: true,
    seed: true,
    passwordHasher: createScryptHasher({ N: 2 ** 14 }),
  });
  await running.reference.foyer.dispatcher.runOnce();
});

afterAll(async () => {
  await running?.stop();
});

async function acmeLink(cookie: string) {
  const answer = await call<{ link: { url: string; state: string; allowedDomains: string[] } }>(
    running.baseUrl,
    "GET",
    "/api/foyer/tenants/acme/invite-link",
    { cookie },
  );
  expect(answer.status).toBe(200);
  return answer.body.link;
}

async function latestLinkTo(to: string): Promise<string> {
  await running.reference.foyer.dispatcher.runOnce();
  const mailbox = await call<MailboxEntry[]>(running.baseUrl, "GET", "/dev/mailbox");
  const link = mailbox.body.find((m) => m.to === to)?.links.find((l) => l.includes("#token="));
  if (!link) throw new Error(`No email with a link to ${to}`);
  return link;
}

describe("invite links in the reference app", () => {
  it("R-LNK-01 / R-LNK-05: the seed turns Acme's link on for acme.example; Globex's SSO keeps its off", async () => {
    const cookie = await signIn(running.baseUrl, morgan.email, morgan.password);
    const link = await acmeLink(cookie);
    expect(link).toMatchObject({ state: "active", allowedDomains: ["acme.example"] });
    expect(link.url).toMatch(/^https:\/\/acme\.example\.com\/join#token=k1\./);
    const globex = await call<{ error: { message: string } }>(
      running.baseUrl,
      "POST",
      "/api/foyer/tenants/globex/invite-link",
      { cookie, body: { enabled: true, roleId: "client_user" } },
    );
    expect(globex.status).toBe(409);
    expect(globex.body.error.message).toBe("Not available - SSO is configured for this tenant.");
  });

  it("R-LNK-09 / R-LNK-08: a joined account cannot sign in until verified; the email's link verifies and signs in", async () => {
    const cookie = await signIn(running.baseUrl, alex.email, alex.password);
    const token = tokenFromLink((await acmeLink(cookie)).url);
    const email = "new.member@acme.example";
    const preview = await call<{ joinable: boolean; termsUrl: string; signInUrl: string }>(
      running.baseUrl,
      "POST",
      "/api/foyer/public/invite-links/preview",
      { body: { token } },
    );
    expect(preview.body).toMatchObject({
      joinable: true,
      // Built from the configured public base URL, never from the request (R-INV-15).
      termsUrl: expect.stringMatching(/^https?:\/\/[^/]+\/terms$/),
      signInUrl: expect.stringMatching(/^https?:\/\/[^/]+\/login$/),
    });
    const joined = await call<{ user: { id: string }; next: string }>(
      running.baseUrl,
      "POST",
      "/api/foyer/public/invite-links/join",
      {
        body: {
          token,
          firstName: "Nia",
          lastName: "New",
          email,
          password: PASSWORD,
          passwordConfirmation: PASSWORD,
          acceptTerms: true,
        },
      },
    );
    expect(joined.status).toBe(201);
    expect(joined.body.next).toBe("verify_email");
    // No session for an unverified account.
    expect(sessionCookieFrom(joined.headers)).toBeUndefined();
    const user = await findUserByEmail(running.reference.db, email);
    expect(user).toMatchObject({
      tenant_id: "acme",
      role_id: "client_user",
      email_verified: false,
    });

    const refused = await call<{ error: { code: string; details: { resendPath: string } } }>(
      running.baseUrl,
      "POST",
      "/login",
      { body: { email, password: PASSWORD } },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("EMAIL_NOT_VERIFIED");
    expect(sessionCookieFrom(refused.headers)).toBeUndefined();
    const resend = await call<{ accepted: boolean }>(
      running.baseUrl,
      "POST",
      refused.body.error.details.resendPath,
      { body: { email } },
    );
    expect(resend.body).toEqual({ accepted: true });

    const link = await latestLinkTo(email);
    expect(link).toMatch(/^https:\/\/acme\.example\.com\/verify-email#token=/);
    const verified = await call<{ next: string }>(
      running.baseUrl,
      "POST",
      "/api/foyer/public/email-verification/verify",
      { body: { token: tokenFromLink(link) } },
    );
    expect(verified.status).toBe(200);
    expect(verified.body.next).toBe("signed_in");
    const session = sessionCookieFrom(verified.headers);
    const me = await call<{ user: { email: string } }>(running.baseUrl, "GET", "/me", {
      cookie: session,
    });
    expect(me.body.user.email).toBe(email);
    await expect(signIn(running.baseUrl, email, PASSWORD)).resolves.toBeDefined();
  });

  it("R-LNK-07 / R-LNK-03: an address at another domain is refused; after regenerate the old link fails", async () => {
    const cookie = await signIn(running.baseUrl, alex.email, alex.password);
    const oldToken = tokenFromLink((await acmeLink(cookie)).url);
    const body = {
      token: oldToken,
      firstName: "Eve",
      lastName: "Else",
      email: "eve@elsewhere.example",
      password: PASSWORD,
      passwordConfirmation: PASSWORD,
      acceptTerms: true,
    };
    const outside = await call<{ error: { code: string } }>(
      running.baseUrl,
      "POST",
      "/api/foyer/public/invite-links/join",
      { body },
    );
    expect(outside.body.error.code).toBe("EMAIL_DOMAIN_NOT_ALLOWED");
    expect(await findUserByEmail(running.reference.db, body.email)).toBeNull();

    const regenerated = await call<{ link: { url: string } }>(
      running.baseUrl,
      "POST",
      "/api/foyer/tenants/acme/invite-link/regenerate",
      { cookie, body: {} },
    );
    expect(tokenFromLink(regenerated.body.link.url)).not.toBe(oldToken);
    const dead = await call<{ error: { message: string } }>(
      running.baseUrl,
      "POST",
      "/api/foyer/public/invite-links/join",
      { body: { ...body, email: "late@acme.example" } },
    );
    expect(dead.status).toBe(404);
    expect(dead.body.error.message).toBe(
      "This invite link is not valid or has been deactivated. Please contact your administrator.",
    );
  });
});
