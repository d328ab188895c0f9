import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Actor, type RouteDef, type RouteName, routes } from "@foyer/core";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { foyerExpress } from "../express.ts";
import { createTestFoyer, type TestFoyer, tokenFromLink } from "../fixtures.ts";
import { createMemoryStore } from "../store/memory/memory-store.ts";
import type { FoyerOptions } from "../types.ts";
import { createMemoryRateLimiter } from "./rate-limit.ts";
import { createRecordingLogger } from "./test-doubles.ts";

const DAY = 86_400_000;
const STRONG = "Tr1cky-Lantern!";
const routeNames = Object.keys(routes) as RouteName[];

interface AppOptions {
  /** The host mounted `express.json()` before Foyer. */
  jsonFirst?: boolean;
  trustProxy?: boolean;
  appTrustsProxy?: boolean;
  foyer?: Partial<Omit<FoyerOptions, "store">>;
}

let server: Server | undefined;

afterEach(async () => {
  if (!server) return;
  server.closeAllConnections();
  server.close();
  await once(server, "close");
  server = undefined;
});

/** A host app as a developer writes it: its own routes, Foyer mounted under a path. */
async function startApp(options: AppOptions = {}) {
  let clock = new Date("2026-11-01T09:00:00.000Z");
  const logger = createRecordingLogger();
  const foyer: TestFoyer = await createTestFoyer(createMemoryStore(), {
    now: () => new Date(clock),
    logger,
    ...options.foyer,
  });

  const app = express();
  if (options.appTrustsProxy) app.set("trust proxy", true);
  if (options.jsonFirst) app.use(express.json());
  app.get("/health", (_req, res) => {
    res.json({ ok: true });
  });
  app.use(
    "/api/foyer",
    foyerExpress(foyer, options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
  );

  server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  async function api(
    method: string,
    path: string,
    init: {
      actor?: Actor | null;
      json?: unknown;
      raw?: BodyInit;
      headers?: Record<string, string>;
    } = {},
  ) {
    const headers = new Headers(init.headers);
    if (init.actor) headers.set("authorization", `Bearer ${init.actor.id}`);
    let body = init.raw;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers.set("content-type", "application/json");
    }
    const response = await fetch(`${origin}/api/foyer${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body, duplex: "half" }),
    } as RequestInit);
    const text = await response.text();
    // Foyer answers JSON; express.json()'s own refusals (before Foyer runs) are HTML.
    const isJson = response.headers.get("content-type")?.startsWith("application/json");
    return {
      status: response.status,
      headers: response.headers,
      body: isJson ? JSON.parse(text) : { html: text },
      text,
    };
  }

  const a = foyer.fixture.actors;

  /** Invites one address into Acme as Acme's admin, asking for the link. */
  async function inviteOne(email: string, actor: Actor = a.acmeAdmin, tenantId = "acme") {
    const { status, body } = await api("POST", "/invitations", {
      actor,
      json: { tenantId, emails: [email], roleId: "client_user", delivery: "link" },
    });
    expect(status).toBe(200);
    const entry = body.created[0];
    return {
      id: entry.invitation.id as string,
      link: entry.link as string,
      token: tokenFromLink(entry.link),
    };
  }

  const acceptBody = (token: string) => ({
    token,
    firstName: "Ana",
    lastName: "Lopez",
    password: STRONG,
    passwordConfirmation: STRONG,
  });

  return {
    foyer,
    api,
    origin,
    a,
    logger,
    inviteOne,
    acceptBody,
    advance: (ms: number) => {
      clock = new Date(clock.getTime() + ms);
    },
  };
}

describe("foyerExpress in a host Express 5 app", () => {
  it("R-SDK-03: mounts under a path in a few lines, next to the host's own routes", async () => {
    const { api, origin, a } = await startApp();
    const context = await api("GET", "/context", { actor: a.acmeAdmin });
    expect(context.status).toBe(200);
    expect(context.body.actor.id).toBe(a.acmeAdmin.id);
    expect(context.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(context.headers.get("connection")).not.toBe("close");
    expect(await (await fetch(`${origin}/health`)).json()).toEqual({ ok: true });
    const unknown = await api("GET", "/no-such-thing");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("NOT_FOUND");
    const doc = await api("GET", "/openapi.json");
    expect(Object.keys(doc.body.paths)).toContain("/invitations");
  });

  it("R-TEN-03: an admin of one tenant gets 403 or 404 for every call on another tenant's invitations", async () => {
    const { api, a, inviteOne } = await startApp();
    const target = await inviteOne("victim@acme.com");
    const before = await api("GET", `/invitations/${target.id}`, { actor: a.acmeAdmin });
    for (const outsider of [a.guardianAdmin, a.globexAdmin]) {
      const calls = [
        api("GET", "/invitations?tenantId=acme&status=all", { actor: outsider }),
        api("GET", `/invitations/${target.id}`, { actor: outsider }),
        api("GET", `/invitations/${target.id}/events`, { actor: outsider }),
        api("GET", "/tenants/acme/events", { actor: outsider }),
        api("GET", "/tenants/acme/roles", { actor: outsider }),
        api("POST", `/invitations/${target.id}/resend`, { actor: outsider, json: {} }),
        api("POST", `/invitations/${target.id}/revoke`, { actor: outsider, json: {} }),
        api("POST", "/invitations", {
          actor: outsider,
          json: { tenantId: "acme", emails: ["x@acme.com"], roleId: "client_user" },
        }),
      ];
      for (const { status, body, text } of await Promise.all(calls)) {
        expect([403, 404], text).toContain(status);
        expect(body.error.code).toMatch(/FORBIDDEN|NOT_FOUND/);
        expect(text).not.toContain("victim@acme.com");
      }
    }
    const after = await api("GET", `/invitations/${target.id}`, { actor: a.acmeAdmin });
    expect(after.body).toEqual(before.body);
    const list = await api("GET", "/invitations?tenantId=acme&status=all", { actor: a.acmeAdmin });
    expect(list.body.items).toHaveLength(1);
  });

  it("R-TEN-03: the MSP admin reaches a child tenant's invitations", async () => {
    const { api, a, inviteOne } = await startApp();
    const target = await inviteOne("child@acme.com");
    const got = await api("GET", `/invitations/${target.id}`, { actor: a.mspAdmin });
    expect(got.status).toBe(200);
  });

  it("R-TEN-04: an inviter cannot grant a role above its own rank, nor MSP staff roles", async () => {
    const { api, a } = await startApp();
    for (const [actor, roleId] of [
      [a.acmeAdmin, "msp_admin"],
      [a.acmeAdmin, "msp_technician"],
      [a.technician, "msp_admin"],
    ] as const) {
      const { status, body } = await api("POST", "/invitations", {
        actor,
        json: { tenantId: "acme", emails: ["climber@acme.com"], roleId },
      });
      expect(status, `${actor.id} → ${roleId}`).toBe(403);
      expect(body.error.code).toBe("ROLE_NOT_GRANTABLE");
    }
    const list = await api("GET", "/invitations?tenantId=acme&status=all", { actor: a.acmeAdmin });
    expect(list.body.items).toEqual([]);
    const roles = await api("GET", "/tenants/acme/roles", { actor: a.acmeAdmin });
    const grantable = Object.fromEntries(
      roles.body.roles.map((entry: { role: { id: string }; grantable: boolean }) => [
        entry.role.id,
        entry.grantable,
      ]),
    );
    expect(grantable.client_admin).toBe(true);
    expect(grantable.msp_admin).toBeFalsy();
  });

  it("R-SDK-06: mass-assigned fields are rejected with VALIDATION_FAILED and change nothing", async () => {
    const { api, a, inviteOne } = await startApp();
    const create = await api("POST", "/invitations", {
      actor: a.acmeAdmin,
      json: {
        tenantId: "acme",
        emails: ["mass@acme.com"],
        roleId: "client_user",
        status: "accepted",
        token: "chosen-token",
        expiresAt: "2099-01-01T00:00:00.000Z",
        invitedBy: { id: "someone-else" },
      },
    });
    expect(create.status).toBe(400);
    expect(create.body.error.code).toBe("VALIDATION_FAILED");
    const paths = create.body.error.issues.map((issue: { path: string }) => issue.path);
    expect(paths.sort()).toEqual(["expiresAt", "invitedBy", "status", "token"]);

    const target = await inviteOne("keep@acme.com");
    const before = await api("GET", `/invitations/${target.id}`, { actor: a.acmeAdmin });
    const forged = {
      tenantId: "guardian",
      status: "accepted",
      token: "chosen",
      expiresAt: "2099-01-01T00:00:00.000Z",
    };
    for (const action of ["resend", "revoke"]) {
      const { status, body } = await api("POST", `/invitations/${target.id}/${action}`, {
        actor: a.acmeAdmin,
        json: forged,
      });
      expect(status, action).toBe(400);
      expect(body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(
        Object.keys(forged).sort(),
      );
    }
    const after = await api("GET", `/invitations/${target.id}`, { actor: a.acmeAdmin });
    expect(after.body).toEqual(before.body);
    const list = await api("GET", "/invitations?tenantId=acme&status=all", { actor: a.acmeAdmin });
    expect(list.body.items.map((item: { email: string }) => item.email)).toEqual(["keep@acme.com"]);
  });

  it("R-INV-13: used, expired, revoked and resent-away tokens each get their own code; unknown ones TOKEN_INVALID", async () => {
    const { api, a, inviteOne, acceptBody, advance } = await startApp();
    const accept = (token: string) =>
      api("POST", "/public/invitations/accept", { json: acceptBody(token) });
    const preview = (token: string) =>
      api("POST", "/public/invitations/preview", { json: { token } });

    const used = await inviteOne("used@acme.com");
    expect((await accept(used.token)).status).toBe(200);
    const resent = await inviteOne("resent@acme.com");
    expect(
      (await api("POST", `/invitations/${resent.id}/resend`, { actor: a.acmeAdmin, json: {} }))
        .status,
    ).toBe(200);
    const revoked = await inviteOne("revoked@acme.com");
    expect(
      (await api("POST", `/invitations/${revoked.id}/revoke`, { actor: a.acmeAdmin })).status,
    ).toBe(200);
    const expired = await inviteOne("expired@acme.com");
    advance(8 * DAY);

    const cases: Array<[string, string, number]> = [
      [used.token, "INVITATION_ALREADY_USED", 410],
      [resent.token, "INVITATION_SUPERSEDED", 410],
      [revoked.token, "INVITATION_REVOKED", 410],
      [expired.token, "INVITATION_EXPIRED", 410],
      ["x".repeat(43), "TOKEN_INVALID", 404],
    ];
    for (const [token, code, status] of cases) {
      for (const answer of [await accept(token), await preview(token)]) {
        expect(answer.status, code).toBe(status);
        expect(answer.body.error.code).toBe(code);
        expect(answer.headers.get("referrer-policy")).toBe("no-referrer");
      }
    }
  });

  it("R-INV-12: accept through Express signs the invitee in with every Set-Cookie of the host", async () => {
    const { api, a, foyer, acceptBody } = await startApp({
      foyer: {
        hooks: {
          authenticate: () => null,
          createAccount: async () => ({ id: "new-user" }),
          signIn: (user) => [
            ["Set-Cookie", `session=${user.id}; HttpOnly; Path=/; SameSite=Lax`],
            ["Set-Cookie", "csrf=abc; Path=/"],
          ],
        },
      },
    });
    // This host's authenticate lets nobody in, so the invitation is made by a service call.
    const created = await foyer.services.createInvitations(a.acmeAdmin, {
      tenantId: "acme",
      emails: ["cookie@acme.com"],
      roleId: "client_user",
      delivery: "link",
    });
    const token = tokenFromLink(created.created[0]?.link ?? "");
    const { status, body, headers } = await api("POST", "/public/invitations/accept", {
      json: acceptBody(token),
    });
    expect(status).toBe(200);
    expect(body.next).toBe("signed_in");
    expect(headers.getSetCookie()).toEqual([
      "session=new-user; HttpOnly; Path=/; SameSite=Lax",
      "csrf=abc; Path=/",
    ]);
  });

  it("R-SDK-06: malformed, oversized and non-JSON bodies get 4xx through Express", async () => {
    const { api, a } = await startApp();
    const malformed = await api("POST", "/invitations", {
      actor: a.acmeAdmin,
      raw: '{"tenantId": "acme", "emails": [',
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("MALFORMED_JSON");
    const oversized = await api("POST", "/invitations", {
      actor: a.acmeAdmin,
      json: {
        tenantId: "acme",
        emails: ["a@acme.com"],
        roleId: "client_user",
        message: "x".repeat(300_000),
      },
    });
    expect(oversized.status).toBe(413);
    expect(oversized.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    // The unread rest of the body is not drained: the connection closes after the answer.
    expect(oversized.headers.get("connection")).toBe("close");
    let sent = 0;
    const chunked = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 400_000) return controller.close();
        sent += 16_384;
        controller.enqueue(new TextEncoder().encode(" ".repeat(16_384)));
      },
    });
    const streamed = await api("POST", "/public/invitations/preview", {
      raw: chunked,
      headers: { "content-type": "application/json" },
    });
    expect(streamed.status).toBe(413);
    const text = await api("POST", "/public/invitations/preview", {
      raw: "token=abc",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(text.status).toBe(415);
    // The server still answers normally after refusing bodies.
    expect((await api("GET", "/context", { actor: a.acmeAdmin })).status).toBe(200);
  });

  it("R-SDK-06: with express.json() mounted before Foyer, bodies are re-read and still checked", async () => {
    const { api, a } = await startApp({ jsonFirst: true, foyer: { maxBodyBytes: 4096 } });
    const created = await api("POST", "/invitations", {
      actor: a.acmeAdmin,
      json: { tenantId: "acme", emails: ["parsed@acme.com"], roleId: "client_user" },
    });
    expect(created.status).toBe(200);
    expect(created.body.created[0].email).toBe("parsed@acme.com");
    const overFoyerLimit = await api("POST", "/invitations", {
      actor: a.acmeAdmin,
      json: {
        tenantId: "acme",
        emails: ["a@acme.com"],
        roleId: "client_user",
        message: "x".repeat(8000),
      },
    });
    expect(overFoyerLimit.status).toBe(413);
    expect(overFoyerLimit.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    const invalid = await api("POST", "/invitations", {
      actor: a.acmeAdmin,
      json: { tenantId: "acme", emails: [], roleId: "client_user", status: "accepted" },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      "emails",
      "status",
    ]);
    // express.json() refuses these itself, before Foyer runs: still a 4xx, never a 500.
    const malformed = await api("POST", "/invitations", {
      actor: a.acmeAdmin,
      raw: "{nope",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    const overExpressLimit = await api("POST", "/invitations", {
      actor: a.acmeAdmin,
      raw: JSON.stringify({ message: "x".repeat(200_000) }),
      headers: { "content-type": "application/json" },
    });
    expect(overExpressLimit.status).toBe(413);
    // Bodies express.json() does not parse reach Foyer as a stream and get Foyer's answer.
    const form = await api("POST", "/invitations", {
      actor: a.acmeAdmin,
      raw: "tenantId=acme",
      headers: { "content-type": "text/plain" },
    });
    expect(form.status).toBe(415);
    const emptyRevoke = await api(
      "POST",
      `/invitations/${created.body.created[0].invitation.id}/revoke`,
      {
        actor: a.acmeAdmin,
      },
    );
    expect(emptyRevoke.status).toBe(200);
  });

  it("R-SDK-08: an idempotent retry of a create returns the first answer and creates nothing twice", async () => {
    const { api, a, foyer } = await startApp();
    const request = {
      actor: a.acmeAdmin,
      json: {
        tenantId: "acme",
        emails: ["once@acme.com", "twice@acme.com"],
        roleId: "client_user",
      },
      headers: { "idempotency-key": "batch-2026-11-01-a" },
    };
    const first = await api("POST", "/invitations", request);
    const retry = await api("POST", "/invitations", request);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotency-replayed")).toBe("true");
    const list = await api("GET", "/invitations?tenantId=acme&status=all", { actor: a.acmeAdmin });
    expect(list.body.items).toHaveLength(2);
    expect(await foyer.store.listEmails({})).toHaveLength(2);
    const reused = await api("POST", "/invitations", {
      ...request,
      json: { ...request.json, emails: ["other@acme.com"] },
    });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("R-INV-11: tokens never appear in API URLs or logs; preview and accept take them in the body", async () => {
    const { api, a, inviteOne, acceptBody, logger } = await startApp();
    for (const name of routeNames) {
      const route: RouteDef = routes[name];
      expect(route.path).not.toMatch(/token/i);
    }
    const { token } = await inviteOne("private@acme.com");
    const inQuery = await api("POST", `/public/invitations/preview?token=${token}`, { json: {} });
    expect(inQuery.status).toBe(400);
    expect(inQuery.body.error.issues[0].path).toBe("token");
    expect((await api("GET", `/public/invitations/preview?token=${token}`)).status).toBe(405);
    expect((await api("POST", "/public/invitations/preview", { json: { token } })).status).toBe(
      200,
    );
    expect(
      (await api("POST", "/public/invitations/accept", { json: acceptBody(token) })).status,
    ).toBe(200);
    await api("POST", "/public/invitations/accept", { json: acceptBody(token) });
    const page = await api("GET", "/invitations?tenantId=acme&status=all", { actor: a.acmeAdmin });
    expect(page.text).not.toContain(token);
    expect(JSON.stringify(logger.lines)).not.toContain(token);
    expect(JSON.stringify(logger.lines)).not.toContain(STRONG);
  });

  it("R-INV-15: forwarded and origin headers never shape the links Foyer builds", async () => {
    const { api, a } = await startApp({ appTrustsProxy: true });
    const { body } = await api("POST", "/invitations", {
      actor: a.acmeAdmin,
      json: { tenantId: "acme", emails: ["fwd@acme.com"], roleId: "client_user", delivery: "link" },
      headers: {
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "http",
        origin: "https://evil.example",
      },
    });
    expect(body.created[0].link).toMatch(/^https:\/\/acme\.example\.com\/accept-invite#token=/);
  });

  it("R-SDK-07: public endpoints answer 429 with Retry-After through Express, keyed by client address", async () => {
    const { api } = await startApp({
      foyer: {
        rateLimiter: createMemoryRateLimiter({ public: { points: 2, durationSeconds: 60 } }),
      },
    });
    const preview = () =>
      api("POST", "/public/invitations/preview", { json: { token: "x".repeat(43) } });
    expect((await preview()).status).toBe(404);
    expect((await preview()).status).toBe(404);
    const refused = await preview();
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("R-SDK-07: behind a trusted proxy each forwarded client has its own budget; trustProxy: false ignores it", async () => {
    const limiter = () => createMemoryRateLimiter({ public: { points: 1, durationSeconds: 60 } });
    const preview = (api: Awaited<ReturnType<typeof startApp>>["api"], client: string) =>
      api("POST", "/public/invitations/preview", {
        json: { token: "x".repeat(43) },
        headers: { "x-forwarded-for": client },
      });
    const proxied = await startApp({ appTrustsProxy: true, foyer: { rateLimiter: limiter() } });
    expect((await preview(proxied.api, "203.0.113.1")).status).toBe(404);
    expect((await preview(proxied.api, "203.0.113.2")).status).toBe(404);
    expect((await preview(proxied.api, "203.0.113.1")).status).toBe(429);
    server?.closeAllConnections();
    server?.close();
    const direct = await startApp({
      appTrustsProxy: true,
      trustProxy: false,
      foyer: { rateLimiter: limiter() },
    });
    expect((await preview(direct.api, "203.0.113.1")).status).toBe(404);
    expect((await preview(direct.api, "203.0.113.2")).status).toBe(429);
  });

  it("R-SDK-07: invitation creation is rate limited per actor through Express", async () => {
    const { api, a } = await startApp({
      foyer: {
        rateLimiter: createMemoryRateLimiter({ create: { points: 1, durationSeconds: 60 } }),
      },
    });
    const create = (actor: Actor, email: string) =>
      api("POST", "/invitations", {
        actor,
        json: { tenantId: "acme", emails: [email], roleId: "client_user" },
      });
    expect((await create(a.acmeAdmin, "r1@acme.com")).status).toBe(200);
    const refused = await create(a.acmeAdmin, "r2@acme.com");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await create(a.mspAdmin, "r3@acme.com")).status).toBe(200);
  });

  it("R-SDK-06: odd input to the real services never produces a 500", async () => {
    const { api, a, inviteOne, logger } = await startApp();
    const { id } = await inviteOne("fuzz@acme.com");
    const statuses: Array<[string, number]> = [];
    const record = async (label: string, answer: Promise<{ status: number }>) => {
      statuses.push([label, (await answer).status]);
    };
    const weirdStrings = [
      "",
      " ",
      "\ud800",
      "a".repeat(5000),
      "../../etc/passwd",
      "' or 1=1 --",
      "%00",
      "\u202e",
      "😀@😀.com",
      "a@b",
      "UPPER@ACME.COM",
      "x@xn--80ak6aa92e.com",
    ];
    for (const value of weirdStrings) {
      await record(
        `create ${value.slice(0, 20)}`,
        api("POST", "/invitations", {
          actor: a.acmeAdmin,
          json: {
            tenantId: value || "acme",
            emails: [value, `${value}@acme.com`],
            roleId: value || "r",
          },
        }),
      );
      await record(
        `create-emails ${value.slice(0, 20)}`,
        api("POST", "/invitations", {
          actor: a.mspAdmin,
          json: {
            tenantId: "acme",
            emails: [value, value, `${value}@acme.com`],
            roleId: "client_user",
            name: value.slice(0, 200),
            department: value.slice(0, 200),
            teams: value ? [value.slice(0, 100)] : [],
          },
        }),
      );
      // A lone surrogate has no UTF-8 form: send the bytes of one (invalid UTF-8) instead.
      const encoded = value === "\ud800" ? "%ED%A0%80" : encodeURIComponent(value);
      if (encoded) {
        for (const path of [
          `/invitations/${encoded}`,
          `/invitations/${encoded}/events`,
          `/tenants/${encoded}/roles`,
          `/tenants/${encoded}/events`,
        ]) {
          await record(`get ${path.slice(0, 40)}`, api("GET", path, { actor: a.mspAdmin }));
        }
        await record(
          "resend",
          api("POST", `/invitations/${encoded}/resend`, { actor: a.acmeAdmin, json: {} }),
        );
        await record(
          "revoke",
          api("POST", `/invitations/${encoded}/revoke`, { actor: a.acmeAdmin }),
        );
      }
      await record(
        `list q ${value.slice(0, 20)}`,
        api("GET", `/invitations?q=${encoded}&status=all`, { actor: a.mspAdmin }),
      );
      await record(
        `list cursor ${value.slice(0, 20)}`,
        api("GET", `/invitations?cursor=${encoded}&tenantId=acme`, { actor: a.acmeAdmin }),
      );
      await record(
        `events cursor ${value.slice(0, 20)}`,
        api("GET", `/invitations/${id}/events?cursor=${encoded}`, { actor: a.acmeAdmin }),
      );
      await record(
        `tenant events cursor ${value.slice(0, 20)}`,
        api("GET", `/tenants/acme/events?cursor=${encoded}`, { actor: a.acmeAdmin }),
      );
      await record(
        `preview ${value.slice(0, 20)}`,
        api("POST", "/public/invitations/preview", { json: { token: value } }),
      );
      await record(
        `accept ${value.slice(0, 20)}`,
        api("POST", "/public/invitations/accept", {
          json: {
            token: value,
            firstName: value,
            lastName: value,
            password: value,
            passwordConfirmation: value,
          },
        }),
      );
    }
    for (const cursor of [
      "eyJ9",
      "bnVsbA",
      "W10",
      "eyJ2YWx1ZSI6MX0",
      "eyJ2YWx1ZSI6Im5vcGUiLCJpZCI6MX0",
      "e30",
      "!!!!",
    ]) {
      await record(
        `list cursor ${cursor}`,
        api("GET", `/invitations?cursor=${cursor}&tenantId=acme`, { actor: a.acmeAdmin }),
      );
      await record(
        `events cursor ${cursor}`,
        api("GET", `/tenants/acme/events?cursor=${cursor}`, { actor: a.acmeAdmin }),
      );
    }
    expect(statuses.length).toBeGreaterThan(150);
    expect(statuses.filter(([, status]) => status >= 500)).toEqual([]);
    expect(logger.lines.filter((line) => line.level === "error")).toEqual([]);
  });
});
