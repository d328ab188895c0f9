import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "./api-keys.ts";
import { SEEDED_ACCEPTED_USER, SEEDED_SIGN_INS } from "./seed.ts";
import { call, type RunningApp, signIn, startApp } from "./test-kit.ts";

// API keys for machine clients (R-SDK-09) and seed 004's `POST /api/invites`, over HTTP
// against the reference app on one in-memory PGlite database.

const alex = SEEDED_SIGN_INS.find((s) => s.email === "alex@acme.example")!;
const morgan = SEEDED_SIGN_INS.find((s) => s.email === "morgan@northwind.example")!;

interface KeyView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
interface InviteAnswer {
  token: string;
  invite_url: string;
  invitation_id: string;
  expires_at: string;
  replaced_invitation_id: string | null;
}
interface ErrorAnswer {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

let running: RunningApp;
let base: string;

beforeAll(async () => {
  running = await startApp({ inMemory: true, seed: true });
  base = running.baseUrl;
});
afterAll(async () => {
  await running?.stop();
});

/** Headers of a same-origin page's request, as the admin pages send them. */
const sameOrigin = { origin: "http://localhost:3000" };

async function createKey(cookie: string, name: string) {
  const answer = await call<{ key: string; apiKey: KeyView }>(base, "POST", "/api/keys", {
    cookie,
    headers: sameOrigin,
    body: { name },
  });
  expect(answer.status).toBe(201);
  return answer.body;
}

function bearer(key: string) {
  return { authorization: `Bearer ${key}` };
}

function invite(key: string, body: Record<string, unknown>) {
  return call<InviteAnswer & ErrorAnswer>(base, "POST", "/api/invites", {
    headers: bearer(key),
    body,
  });
}

describe("API keys", () => {
  it("R-SDK-09: an admin's key is shown once, and POST /api/invites with it answers the token and invite URL of seed 004", async () => {
    const cookie = await signIn(base, alex.email, alex.password);
    const { key, apiKey } = await createKey(cookie, "Provisioning script");
    expect(key).toMatch(/^foyer_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey.lastUsedAt).toBeNull();

    // The list shows the key's prefix and name, never the key again.
    const listed = await call<{ keys: KeyView[] }>(base, "GET", "/api/keys", { cookie });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(key);
    expect(listed.body.keys.map((k) => k.name)).toContain("Provisioning script");

    const created = await invite(key, {
      email: "alice@acme.example",
      name: "Alice Smith",
      role_id: "client_user",
      tenant_id: "acme",
      expires_hours: 72,
    });
    expect(created.status).toBe(201);
    expect(created.body.token.length).toBeGreaterThanOrEqual(43);
    // Acme's invite pages live on its own address (seed 004: the client's branded page).
    expect(created.body.invite_url).toBe(
      `https://acme.example.com/accept-invite#token=${created.body.token}`,
    );
    const hours = (Date.parse(created.body.expires_at) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);

    // The token opens the invitee's page: Acme, the role, the pre-filled name.
    const preview = await call<{ email: string; name: string; tenant: { name: string } }>(
      base,
      "POST",
      "/api/foyer/public/invitations/preview",
      { body: { token: created.body.token } },
    );
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      email: "alice@acme.example",
      name: "Alice Smith",
      tenant: { name: "Acme Corp" },
    });

    // The invitation records who made it: the key's creator.
    const got = await call<{ invitation: { invitedBy: { email: string } } }>(
      base,
      "GET",
      `/api/foyer/invitations/${created.body.invitation_id}`,
      { cookie },
    );
    expect(got.body.invitation.invitedBy.email).toBe(alex.email);

    // The use is recorded.
    const after = await call<{ keys: KeyView[] }>(base, "GET", "/api/keys", { cookie });
    const used = after.body.keys.find((k) => k.id === apiKey.id)!;
    expect(used.lastUsedAt).not.toBeNull();
    expect(Date.parse(used.lastUsedAt!)).toBeGreaterThanOrEqual(Date.parse(apiKey.createdAt));
  });

  it("R-SDK-09: the key is not stored in plain text, only its SHA-256 hash", async () => {
    const cookie = await signIn(base, alex.email, alex.password);
    const { key, apiKey } = await createKey(cookie, "Hash check");
    const rows = await sql<Record<string, unknown>>`select * from ref_api_keys`.execute(
      running.reference.db,
    );
    const dump = JSON.stringify(rows.rows);
    expect(dump).not.toContain(key);
    // Not even the secret part after the shown prefix.
    expect(dump).not.toContain(key.slice(apiKey.prefix.length));
    const row = rows.rows.find((r) => r.id === apiKey.id)!;
    expect(row.key_hash).toBe(hashApiKey(key));
  });

  it("R-SDK-09: Foyer's own routes accept the key as Authorization: Bearer", async () => {
    const cookie = await signIn(base, morgan.email, morgan.password);
    const { key } = await createKey(cookie, "Reporting");
    const context = await call<{ actor: { email: string }; tenants: unknown[] }>(
      base,
      "GET",
      "/api/foyer/context",
      { headers: bearer(key) },
    );
    expect(context.status).toBe(200);
    expect(context.body.actor.email).toBe(morgan.email);
    // The MSP admin's key reaches what the MSP admin reaches: Northwind and its clients.
    expect(context.body.tenants).toHaveLength(3);

    const wrong = await call<ErrorAnswer>(base, "GET", "/api/foyer/context", {
      headers: bearer(`${key.slice(0, -2)}xx`),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("UNAUTHENTICATED");
  });

  it("R-SDK-09: a revoked key is refused, even beside a valid session cookie", async () => {
    const cookie = await signIn(base, alex.email, alex.password);
    const { key, apiKey } = await createKey(cookie, "Short-lived");
    const body = { email: "revoked-key@acme.example", role_id: "client_user", tenant_id: "acme" };
    expect((await invite(key, body)).status).toBe(201);

    // Another admin cannot revoke it: to them the key does not exist.
    const morganCookie = await signIn(base, morgan.email, morgan.password);
    const foreign = await call<ErrorAnswer>(base, "POST", `/api/keys/${apiKey.id}/revoke`, {
      cookie: morganCookie,
      headers: sameOrigin,
      body: {},
    });
    expect(foreign.status).toBe(404);

    const revoked = await call<{ apiKey: KeyView }>(base, "POST", `/api/keys/${apiKey.id}/revoke`, {
      cookie,
      headers: sameOrigin,
      body: {},
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.apiKey.revokedAt).not.toBeNull();

    const refused = await invite(key, { ...body, email: "after-revoke@acme.example" });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("UNAUTHENTICATED");
    // A bad Authorization header is not rescued by the cookie beside it.
    const withCookie = await call<ErrorAnswer>(base, "GET", "/api/foyer/context", {
      cookie,
      headers: bearer(key),
    });
    expect(withCookie.status).toBe(401);
  });

  it("R-SDK-09: a key cannot exceed its creator's permissions, tenants or current role", async () => {
    const cookie = await signIn(base, alex.email, alex.password);
    const { key } = await createKey(cookie, "Scoped");

    // Seed 004: a client admin cannot create MSP staff; in a client tenant those roles do
    // not even exist (R-TEN-05)…
    const msp = await invite(key, {
      email: "tech@acme.example",
      role_id: "msp_technician",
      tenant_id: "acme",
    });
    expect(msp.status).toBe(400);
    expect(msp.body.error.code).toBe("ROLE_NOT_FOUND");
    const northwind = await invite(key, {
      email: "tech@acme.example",
      role_id: "client_user",
      tenant_id: "northwind",
    });
    // …nor reach another tenant, which does not even show as existing.
    expect(northwind.status).toBe(404);
    expect(northwind.body.error.code).toBe("TENANT_NOT_FOUND");

    // The key follows its creator: demoted to a plain user, the key can no longer invite…
    const db = running.reference.db;
    await db
      .updateTable("ref_users")
      .set({ role_id: "client_user" })
      .where("email", "=", alex.email)
      .execute();
    try {
      const demoted = await invite(key, {
        email: "demoted@acme.example",
        role_id: "client_user",
        tenant_id: "acme",
      });
      expect(demoted.status).toBe(403);
      expect(demoted.body.error.code).toBe("FORBIDDEN");
    } finally {
      await db
        .updateTable("ref_users")
        .set({ role_id: "client_admin" })
        .where("email", "=", alex.email)
        .execute();
    }
    // …and deactivated, it authenticates nobody.
    await db
      .updateTable("ref_users")
      .set({ active: false })
      .where("email", "=", alex.email)
      .execute();
    try {
      const inactive = await invite(key, {
        email: "inactive@acme.example",
        role_id: "client_user",
        tenant_id: "acme",
      });
      expect(inactive.status).toBe(401);
    } finally {
      await db
        .updateTable("ref_users")
        .set({ active: true })
        .where("email", "=", alex.email)
        .execute();
    }
  });

  it("R-SDK-09: only a signed-in admin manages keys: not a plain user, not a key, not another site", async () => {
    const userCookie = await signIn(
      base,
      SEEDED_ACCEPTED_USER.email,
      SEEDED_ACCEPTED_USER.password,
    );
    const plain = await call<ErrorAnswer>(base, "POST", "/api/keys", {
      cookie: userCookie,
      headers: sameOrigin,
      body: { name: "Mine" },
    });
    expect(plain.status).toBe(403);
    expect(plain.body.error.code).toBe("FORBIDDEN");

    const anonymous = await call<ErrorAnswer>(base, "GET", "/api/keys");
    expect(anonymous.status).toBe(401);

    const cookie = await signIn(base, alex.email, alex.password);
    const { key } = await createKey(cookie, "Cannot make keys");
    const byKey = await call<ErrorAnswer>(base, "POST", "/api/keys", {
      headers: bearer(key),
      body: { name: "Escalation" },
    });
    expect(byKey.status).toBe(403);

    const crossSite = await call<ErrorAnswer>(base, "POST", "/api/keys", {
      cookie,
      headers: { origin: "https://evil.example" },
      body: { name: "Planted" },
    });
    expect(crossSite.status).toBe(403);
    const names = (await call<{ keys: KeyView[] }>(base, "GET", "/api/keys", { cookie })).body.keys;
    expect(names.map((k) => k.name)).not.toContain("Planted");

    const unnamed = await call<ErrorAnswer>(base, "POST", "/api/keys", {
      cookie,
      headers: sameOrigin,
      body: { name: "  " },
    });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.issues?.[0]?.path).toBe("name");
  });
});

describe("POST /api/invites", () => {
  let key: string;
  beforeAll(async () => {
    const cookie = await signIn(base, morgan.email, morgan.password);
    key = (await createKey(cookie, "Tether automation")).key;
  });

  it("R-SDK-09: re-inviting the same address revokes the old link (seed 004)", async () => {
    const body = {
      email: "bob@acme.example",
      role_id: "client_user",
      tenant_id: "acme",
      expires_hours: 24,
    };
    const first = await invite(key, body);
    expect(first.status).toBe(201);
    const hours = (Date.parse(first.body.expires_at) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    const second = await invite(key, { ...body, expires_hours: 168 });
    expect(second.status).toBe(201);
    expect(second.body.replaced_invitation_id).toBe(first.body.invitation_id);
    expect(second.body.token).not.toBe(first.body.token);

    const old = await call<ErrorAnswer>(base, "POST", "/api/foyer/public/invitations/preview", {
      body: { token: first.body.token },
    });
    expect(old.status).toBe(410);
    const fresh = await call(base, "POST", "/api/foyer/public/invitations/preview", {
      body: { token: second.body.token },
    });
    expect(fresh.status).toBe(200);
  });

  it("R-SDK-09: bad input is refused with the field named and nothing created", async () => {
    const unknownField = await invite(key, {
      email: "x@acme.example",
      role_id: "client_user",
      tenant_id: "acme",
      admin: true,
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.issues?.map((i) => i.path)).toEqual(["admin"]);

    const hours = await invite(key, {
      email: "x@acme.example",
      role_id: "client_user",
      tenant_id: "acme",
      expires_hours: 5,
    });
    expect(hours.status).toBe(400);
    expect(hours.body.error.issues?.[0]?.path).toBe("expires_hours");

    const invalid = await invite(key, {
      email: "not-an-address",
      role_id: "client_user",
      tenant_id: "acme",
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe("VALIDATION_FAILED");
    expect(invalid.body.error.issues?.[0]?.path).toBe("email");

    const member = await invite(key, {
      email: alex.email,
      role_id: "client_user",
      tenant_id: "acme",
    });
    expect(member.status).toBe(409);
    expect(member.body.error.code).toBe("USER_ALREADY_EXISTS");

    const notJson = await call<ErrorAnswer>(base, "POST", "/api/invites", {
      headers: { ...bearer(key), "content-type": "text/plain" },
    });
    expect(notJson.status).toBe(400);

    const anonymous = await call<ErrorAnswer>(base, "POST", "/api/invites", {
      body: { email: "y@acme.example", role_id: "client_user", tenant_id: "acme" },
    });
    expect(anonymous.status).toBe(401);

    const listed = await call<{ items: { email: string }[] }>(
      base,
      "GET",
      "/api/foyer/invitations?tenantId=acme&status=all&limit=100",
      { headers: bearer(key) },
    );
    expect(listed.status).toBe(200);
    const emails = listed.body.items.map((i) => i.email);
    expect(emails).not.toContain("x@acme.example");
    expect(emails).not.toContain("y@acme.example");
  });

  it("R-SDK-09: a cookie-authenticated call from another site is refused", async () => {
    const cookie = await signIn(base, morgan.email, morgan.password);
    const answer = await call<ErrorAnswer>(base, "POST", "/api/invites", {
      cookie,
      headers: { origin: "https://evil.example" },
      body: { email: "csrf@acme.example", role_id: "client_user", tenant_id: "acme" },
    });
    expect(answer.status).toBe(403);
    const same = await call<InviteAnswer>(base, "POST", "/api/invites", {
      cookie,
      headers: sameOrigin,
      body: { email: "csrf@acme.example", role_id: "client_user", tenant_id: "acme" },
    });
    expect(same.status).toBe(201);
  });
});
