import type { PasswordHasher } from "@foyer/server";
import { createScryptHasher } from "@foyer/server/node";
import cookieParser from "cookie-parser";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SEEDED_ACCEPTED_USER,
  SEEDED_INACTIVE_USER,
  SEEDED_INVITATIONS,
  SEEDED_SIGN_INS,
} from "./seed.ts";
import { createSessions, SESSION_COOKIE, signCookieValue } from "./sessions.ts";
import {
  call,
  type MailboxEntry,
  type RunningApp,
  runInviteAcceptFlow,
  sessionCookieFrom,
  signIn,
  startApp,
  tokenFromLink,
} from "./test-kit.ts";
import { findUserByEmail, insertUser } from "./users.ts";

// The reference app end to end over HTTP on an ephemeral port, with one in-memory PGlite
// database for the whole file.

const morgan = SEEDED_SIGN_INS.find((s) => s.roleId === "msp_admin")!;
const alex = SEEDED_SIGN_INS.find((s) => s.email.endsWith("@acme.example"))!;
const LOGIN_BUDGET = 25;

// Simulates another sign-up path registering the address while an accept is under way:
// hashing this password is the moment between Foyer's "is it taken?" check and its
// transaction, so the account insert inside the transaction meets a unique violation.
const RACE_PASSWORD = "Racing-Tortoise-58!";
let raceEmail: string | null = null;
let running: RunningApp;

function racingHasher(inner: PasswordHasher): PasswordHasher {
  return {
    async hash(password) {
      if (password === RACE_PASSWORD && raceEmail) {
        await insertUser(running.reference.db, {
          email: raceEmail,
          firstName: "Other",
          lastName: "Signup",
          passwordHash: await inner.hash("Elsewhere-Signup-1!"),
          tenantId: "acme",
          roleId: "client_user",
          emailVerified: true,
        });
      }
      return inner.hash(password);
    },
    verify: (password, hash) => inner.verify(password, hash),
  };
}

beforeAll(async () => {
  running = await startApp({
    inMemory: true,
    seed: true,
    // scrypt as in production, at a lower cost (N=2^14) so the file's many sign-ins stay quick.
    passwordHasher: racingHasher(createScryptHasher({ N: 2 ** 14 })),
    loginRateLimit: { points: LOGIN_BUDGET, durationSeconds: 60 },
  });
  // Deliver the seed's emails so the mailbox holds only what each test sends next.
  await running.reference.foyer.dispatcher.runOnce();
});

afterAll(async () => {
  await running?.stop();
});

async function snapshot(): Promise<string> {
  const { db } = running.reference;
  const tables = [
    "ref_users",
    "foyer_tenants",
    "foyer_roles",
    "foyer_members",
    "foyer_invitations",
    "foyer_invitation_tokens",
    "foyer_outbox",
    "foyer_audit_events",
  ];
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) {
    const result = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table)} order by 1`.execute(db);
    dump[table] = result.rows;
  }
  return JSON.stringify(dump);
}

describe("seed", () => {
  it("R-TEN-02: seeds the demo catalogs and Acme invitations in every state", async () => {
    const { foyer } = running.reference;
    const roles = (await foyer.store.listRoles()).map((r) => r.name).sort();
    expect(roles).toEqual(
      [
        "Admin",
        "Client admin",
        "Client user",
        "MSP admin",
        "MSP technician",
        "Read-Only",
        "Standard",
        "SuperAdmin",
        "TenantAdmin",
        "VPN User",
      ].sort(),
    );
    const acme = await foyer.store.getTenant("acme");
    expect(acme).toMatchObject({
      parentId: "northwind",
      accentColor: "#4f46e5",
      inviteBaseUrl: "https://acme.example.com",
    });
    // The demo serves Acme's logo itself (web/public): no image from another host.
    expect(acme?.logoUrl).toBe("/assets/demo/acme-logo.svg");
    expect(await foyer.store.getTenant("globex")).toMatchObject({ ssoEnabled: true, seatLimit: 5 });

    const cookie = await signIn(running.baseUrl, morgan.email, morgan.password);
    const page = await call<{ items: { email: string; status: string }[] }>(
      running.baseUrl,
      "GET",
      "/api/foyer/invitations?tenantId=acme&status=all&limit=100",
      { cookie },
    );
    const statusOf = (email: string) => page.body.items.find((i) => i.email === email)?.status;
    for (const [status, emails] of Object.entries(SEEDED_INVITATIONS)) {
      for (const email of emails) expect(statusOf(email), email).toBe(status);
    }
  });

  it("R-TEN-04: a seeded client admin may grant up to client_admin, never MSP staff roles", async () => {
    const cookie = await signIn(running.baseUrl, alex.email, alex.password);
    const roles = await call<{ roles: { role: { id: string }; grantable: boolean }[] }>(
      running.baseUrl,
      "GET",
      "/api/foyer/tenants/acme/roles",
      { cookie },
    );
    expect(roles.status).toBe(200);
    const grantable = Object.fromEntries(roles.body.roles.map((r) => [r.role.id, r.grantable]));
    // MSP staff roles are not in a client tenant's catalogue at all (R-TEN-05).
    expect(grantable).toEqual({ client_admin: true, client_user: true });
  });

  it("a second run of the seed changes nothing", async () => {
    const before = await snapshot();
    const result = await running.reference.seed();
    expect(result.created).toEqual({ users: 0, members: 0, invitations: 0 });
    expect(await snapshot()).toBe(before);
  });
});

describe("invitation flow over HTTP", () => {
  it("R-INV-12, R-SDK-03: an admin invites, the invitee previews, accepts, is signed in and signs in again", async () => {
    await runInviteAcceptFlow(running, {
      adminEmail: alex.email,
      adminPassword: alex.password,
      tenantId: "acme",
      roleId: "client_user",
      inviteeEmail: "nora.quinn@acme.example",
      linkBase: "https://acme.example.com",
    });
  });

  it("R-INV-15: a tenant without its own invite base URL gets links on the app's public URL", async () => {
    const cookie = await signIn(running.baseUrl, morgan.email, morgan.password);
    const created = await call<{ created: { link: string | null }[] }>(
      running.baseUrl,
      "POST",
      "/api/foyer/invitations",
      {
        cookie,
        // The app's own origin (another one is refused outright, R-SEC-01), with forwarded
        // headers naming another host: links follow the configured URL only.
        headers: {
          "x-forwarded-host": "evil.example",
          "x-forwarded-proto": "https",
          origin: "http://localhost:3000",
        },
        body: {
          tenantId: "northwind",
          emails: ["tech@northwind.example"],
          roleId: "msp_technician",
          delivery: "link",
        },
      },
    );
    expect(created.status).toBe(200);
    expect(
      created.body.created[0]?.link?.startsWith("http://localhost:3000/accept-invite#token="),
    ).toBe(true);
  });

  it("R-INV-04: addresses of deactivated users are refused, whether Foyer or only the host knows them", async () => {
    const { db } = running.reference;
    // Deactivated in the host app only: Foyer learns it through findUsersByEmails.
    await insertUser(db, {
      email: "gone.quiet@acme.example",
      firstName: "Gone",
      lastName: "Quiet",
      passwordHash: "unusable",
      tenantId: "acme",
      roleId: "client_user",
      emailVerified: true,
      active: false,
    });
    const cookie = await signIn(running.baseUrl, alex.email, alex.password);
    const answer = await call<{ created: unknown[]; skipped: { email: string; reason: string }[] }>(
      running.baseUrl,
      "POST",
      "/api/foyer/invitations",
      {
        cookie,
        body: {
          tenantId: "acme",
          emails: [SEEDED_INACTIVE_USER.email, "GONE.QUIET@acme.example"],
          roleId: "client_user",
        },
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.created).toEqual([]);
    expect(answer.body.skipped.map((s) => [s.email, s.reason])).toEqual([
      [SEEDED_INACTIVE_USER.email, "deactivated_user"],
      ["gone.quiet@acme.example", "deactivated_user"],
    ]);
  });

  it("R-INV-12: when account creation fails inside the accept, neither the account nor the acceptance stays", async () => {
    const { baseUrl, reference } = running;
    const email = "race.condition@acme.example";
    const cookie = await signIn(baseUrl, alex.email, alex.password);
    const created = await call<{ created: { link: string }[] }>(
      baseUrl,
      "POST",
      "/api/foyer/invitations",
      {
        cookie,
        body: { tenantId: "acme", emails: [email], roleId: "client_user", delivery: "link" },
      },
    );
    const token = tokenFromLink(created.body.created[0]!.link);

    raceEmail = email;
    const accept = (password: string) =>
      call<{ error?: { code: string }; next?: string }>(
        baseUrl,
        "POST",
        "/api/foyer/public/invitations/accept",
        {
          body: {
            token,
            firstName: "Rae",
            lastName: "Condon",
            password,
            passwordConfirmation: password,
          },
        },
      );
    const failed = await accept(RACE_PASSWORD);
    raceEmail = null;
    expect(failed.status).toBe(409);
    expect(failed.body.error?.code).toBe("USER_ALREADY_EXISTS");
    expect(sessionCookieFrom(failed.headers)).toBeUndefined();

    // Only the other sign-up's account exists; Foyer recorded no member and no acceptance.
    const users = await sql<{
      first_name: string;
    }>`select first_name from ref_users where lower(email) = ${email}`.execute(reference.db);
    expect(users.rows).toEqual([{ first_name: "Other" }]);
    expect(await reference.foyer.store.findMembersByEmails([email])).toEqual([]);
    const preview = await call(baseUrl, "POST", "/api/foyer/public/invitations/preview", {
      body: { token },
    });
    expect(preview.status).toBe(200);

    // With the address free again, the same invitation is still good for exactly one account.
    await sql`delete from ref_users where lower(email) = ${email}`.execute(reference.db);
    const retried = await accept("Steady-Tortoise-58!");
    expect(retried.status).toBe(200);
    expect(retried.body.next).toBe("signed_in");
  });

  it("R-TEN-03: a plain user's session is refused by admin endpoints, and no session is refused too", async () => {
    const chris = await signIn(
      running.baseUrl,
      SEEDED_ACCEPTED_USER.email,
      SEEDED_ACCEPTED_USER.password,
    );
    const asUser = await call<{ error: { code: string } }>(
      running.baseUrl,
      "GET",
      "/api/foyer/invitations",
      {
        cookie: chris,
      },
    );
    expect(asUser.status).toBe(403);
    expect(asUser.body.error.code).toBe("FORBIDDEN");
    const anonymous = await call<{ error: { code: string } }>(
      running.baseUrl,
      "GET",
      "/api/foyer/invitations",
    );
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("UNAUTHENTICATED");
  });
});

describe("sessions and sign-in", () => {
  it("session cookies are HttpOnly, SameSite=Lax, Path=/, signed, and not Secure over http", async () => {
    const answer = await call(running.baseUrl, "POST", "/login", {
      body: { email: alex.email, password: alex.password },
    });
    const header = answer.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    const attributes = header.split(";").map((part) => part.trim().toLowerCase());
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
    expect(attributes).not.toContain("secure");
    // cookie-parser accepts the signature the app writes, and nothing else.
    const value = decodeURIComponent(header.split(";")[0]!.slice(SESSION_COOKIE.length + 1));
    const secret = "test-secret-of-the-reference-app";
    expect(cookieParser.signedCookie(value, secret)).not.toBe(false);
    expect(cookieParser.signedCookie(value, "another-secret-entirely")).toBe(false);
  });

  it("sessions of an https app carry Secure", async () => {
    const sessions = createSessions({
      db: running.reference.db,
      secret: "test-secret-of-the-reference-app",
      secure: true,
    });
    const user = await findUserByEmail(running.reference.db, alex.email);
    const header = await sessions.create(user!.id);
    expect(header.split(";").map((p) => p.trim())).toContain("Secure");
  });

  it("a forged or unsigned session cookie does not authenticate", async () => {
    const forged = `${SESSION_COOKIE}=${encodeURIComponent(signCookieValue("made-up-session", "guessed-secret"))}`;
    const unsigned = `${SESSION_COOKIE}=made-up-session`;
    for (const cookie of [forged, unsigned]) {
      expect((await call(running.baseUrl, "GET", "/me", { cookie })).status).toBe(401);
      expect((await call(running.baseUrl, "GET", "/api/foyer/context", { cookie })).status).toBe(
        401,
      );
    }
  });

  it("sign-out ends the session on the server: the old cookie no longer works", async () => {
    const cookie = await signIn(running.baseUrl, morgan.email, morgan.password);
    expect((await call(running.baseUrl, "GET", "/api/foyer/context", { cookie })).status).toBe(200);
    // JSON, like every state change (R-SEC-01).
    const out = await call(running.baseUrl, "POST", "/logout", { cookie, body: {} });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^foyer_ref_session=;.*Max-Age=0/);
    expect((await call(running.baseUrl, "GET", "/me", { cookie })).status).toBe(401);
    expect((await call(running.baseUrl, "GET", "/api/foyer/context", { cookie })).status).toBe(401);
  });

  it("R-INV-04: one address under any spelling: sign-in works with either, a new invitation is refused", async () => {
    const { baseUrl } = running;
    await runInviteAcceptFlow(running, {
      adminEmail: alex.email,
      adminPassword: alex.password,
      tenantId: "acme",
      roleId: "client_user",
      inviteeEmail: "max@xn--bcher-kva.de",
      linkBase: "https://acme.example.com",
    });
    for (const spelling of ["Max@Bücher.de", "max@bücher.de", " MAX@XN--BCHER-KVA.DE "]) {
      const login = await call(baseUrl, "POST", "/login", {
        body: { email: spelling, password: "Violet-Harbor-73!" },
      });
      expect(login.status, spelling).toBe(200);
    }
    const cookie = await signIn(baseUrl, alex.email, alex.password);
    const again = await call<{ created: unknown[]; skipped: { email: string; reason: string }[] }>(
      baseUrl,
      "POST",
      "/api/foyer/invitations",
      { cookie, body: { tenantId: "acme", emails: ["Max@Bücher.de"], roleId: "client_user" } },
    );
    expect(again.status).toBe(200);
    expect(again.body.created).toEqual([]);
    expect(again.body.skipped.map((s) => [s.email, s.reason])).toEqual([
      ["max@xn--bcher-kva.de", "already_member"],
    ]);
  });

  it("a deactivated user can neither sign in nor keep using a session", async () => {
    const { baseUrl, reference } = running;
    const flow = await runInviteAcceptFlow(running, {
      adminEmail: alex.email,
      adminPassword: alex.password,
      tenantId: "acme",
      roleId: "client_admin",
      inviteeEmail: "leaving.soon@acme.example",
      linkBase: "https://acme.example.com",
    });
    await sql`update ref_users set active = false where id = ${flow.userId}`.execute(reference.db);
    expect((await call(baseUrl, "GET", "/me", { cookie: flow.userCookie })).status).toBe(401);
    expect(
      (await call(baseUrl, "GET", "/api/foyer/context", { cookie: flow.userCookie })).status,
    ).toBe(401);
    const login = await call<{ error: { code: string } }>(baseUrl, "POST", "/login", {
      body: { email: "leaving.soon@acme.example", password: "Violet-Harbor-73!" },
    });
    expect(login.status).toBe(401);
  });

  it("a wrong password answers 401 in the error shape, the same as an unknown address", async () => {
    const wrong = await call(running.baseUrl, "POST", "/login", {
      body: { email: alex.email, password: "Not-The-Password-1!" },
    });
    const unknown = await call(running.baseUrl, "POST", "/login", {
      body: { email: "nobody@acme.example", password: "Not-The-Password-1!" },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({
      error: { code: "UNAUTHENTICATED", message: "The email or password is not correct." },
    });
    expect(unknown.body).toEqual(wrong.body);
    expect(sessionCookieFrom(wrong.headers)).toBeUndefined();
  });

  it("R-SDK-06: /login refuses bad input with a 4xx naming the field, and oversized bodies", async () => {
    const missing = await call<{ error: { code: string; issues: { path: string }[] } }>(
      running.baseUrl,
      "POST",
      "/login",
      { body: { email: alex.email } },
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe("VALIDATION_FAILED");
    expect(missing.body.error.issues.map((i) => i.path)).toEqual(["password"]);

    const malformed = await fetch(`${running.baseUrl}/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe(
      "MALFORMED_JSON",
    );

    const huge = await call<{ error: { code: string } }>(running.baseUrl, "POST", "/login", {
      body: { email: alex.email, password: "x".repeat(64 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("PAYLOAD_TOO_LARGE");

    const form = await fetch(`${running.baseUrl}/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=a&password=b",
    });
    expect(form.status).toBe(415);
  });
});

describe("documents, mailbox and headers", () => {
  it("R-SDK-05: /openapi.json answers a document listing /invitations on the Foyer mount", async () => {
    const doc = await call<{
      openapi: string;
      servers: { url: string }[];
      paths: Record<string, unknown>;
    }>(running.baseUrl, "GET", "/openapi.json");
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.servers[0]?.url).toBe("http://localhost:3000/api/foyer");
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(["/invitations", "/public/invitations/accept"]),
    );
  });

  it("R-EML-03: the dev mailbox lists messages newest first with their links and serves the HTML part", async () => {
    const cookie = await signIn(running.baseUrl, alex.email, alex.password);
    for (const email of ["first.inline@acme.example", "second.inline@acme.example"]) {
      await call(running.baseUrl, "POST", "/api/foyer/invitations", {
        cookie,
        body: { tenantId: "acme", emails: [email], roleId: "client_user" },
      });
      await running.reference.foyer.dispatcher.runOnce();
    }
    const list = await call<MailboxEntry[]>(running.baseUrl, "GET", "/dev/mailbox");
    expect(list.body[0]?.to).toBe("second.inline@acme.example");
    expect(list.body[1]?.to).toBe("first.inline@acme.example");
    expect(Date.parse(list.body[0]!.sentAt)).toBeGreaterThanOrEqual(
      Date.parse(list.body[1]!.sentAt),
    );
    expect(
      list.body[0]?.links.some((l) =>
        l.startsWith("https://acme.example.com/accept-invite#token="),
      ),
    ).toBe(true);
    const html = await fetch(
      `${running.baseUrl}/dev/mailbox/${encodeURIComponent(list.body[0]!.id)}`,
    );
    expect(html.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await html.text()).toBe(list.body[0]?.html);
    const missing = await call<{ error: { code: string } }>(
      running.baseUrl,
      "GET",
      "/dev/mailbox/nope",
    );
    expect(missing.status).toBe(404);
  });

  it("every response carries Referrer-Policy: no-referrer and no X-Powered-By", async () => {
    const answers = await Promise.all([
      fetch(`${running.baseUrl}/`),
      fetch(`${running.baseUrl}/openapi.json`),
      fetch(`${running.baseUrl}/me`),
      fetch(`${running.baseUrl}/no-such-page`),
      fetch(`${running.baseUrl}/api/foyer/invitations`),
      fetch(`${running.baseUrl}/dev/mailbox`),
    ]);
    for (const answer of answers) {
      expect(answer.headers.get("referrer-policy"), answer.url).toBe("no-referrer");
      expect(answer.headers.get("x-powered-by"), answer.url).toBeNull();
    }
    expect(answers[3]?.status).toBe(404);
  });

  it("the home page says where the API, the OpenAPI document and the mailbox are, with the sign-ins", async () => {
    const page = await (await fetch(`${running.baseUrl}/`)).text();
    expect(page).toContain("http://localhost:3000/api/foyer");
    expect(page).toContain("/openapi.json");
    expect(page).toContain("/dev/mailbox");
    for (const s of SEEDED_SIGN_INS) expect(page).toContain(s.email);
  });
});

describe("rate limits", () => {
  it("R-SDK-07: sign-in attempts beyond the budget answer 429 with Retry-After", async () => {
    // Every attempt counts, even one refused for its shape (so guessing costs no hashing).
    const attempt = () => call(running.baseUrl, "POST", "/login", { body: { email: "x" } });
    let answer = await attempt();
    expect(answer.status).toBe(400);
    for (let i = 0; i < LOGIN_BUDGET && answer.status !== 429; i += 1) answer = await attempt();
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(answer.body).toMatchObject({ error: { code: "RATE_LIMITED" } });
  });
});
