import { type RouteDef, type RouteName, routes } from "@foyer/core";
import { describe, expect, it } from "vitest";
import { FoyerServiceError } from "../errors.ts";
import { createMemoryStore } from "../store/memory/memory-store.ts";
import type { FoyerHooks, FoyerServices, RateLimiter } from "../types.ts";
import { createFoyerHandler } from "./handler.ts";
import { createMemoryRateLimiter } from "./rate-limit.ts";
import { createFakeServices, createRecordingLogger, testActor } from "./test-doubles.ts";

const ORIGIN = "https://foyer.test";
const routeNames = Object.keys(routes) as RouteName[];
const CREATE_BODY = { tenantId: "acme", emails: ["new@acme.example.com"], roleId: "client_user" };

interface SetupOptions {
  override?: Partial<FoyerServices>;
  rateLimiter?: RateLimiter | null;
  maxBodyBytes?: number;
  basePath?: string;
  signIn?: FoyerHooks["signIn"];
}

function setup(options: SetupOptions = {}) {
  const { services, calls } = createFakeServices(options.override);
  const logger = createRecordingLogger();
  const store = createMemoryStore();
  let authenticated = 0;
  const handler = createFoyerHandler({
    services,
    hooks: {
      authenticate(request) {
        authenticated += 1;
        const id = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
        return id?.startsWith("actor-") ? { ...testActor, id } : null;
      },
      ...(options.signIn ? { signIn: options.signIn } : {}),
    },
    store,
    rateLimiter: options.rateLimiter ?? null,
    logger,
    maxBodyBytes: options.maxBodyBytes ?? 4096,
    ...(options.basePath ? { basePath: options.basePath } : {}),
  });

  /** Sends a request; `json` is serialised, `raw` sent as is. Admin calls default to actor-1. */
  async function send(
    method: string,
    path: string,
    init: {
      json?: unknown;
      raw?: BodyInit;
      headers?: Record<string, string>;
      actor?: string | null;
      clientAddress?: string;
    } = {},
  ) {
    const headers = new Headers(init.headers);
    const actor = init.actor === undefined ? "actor-1" : init.actor;
    if (actor) headers.set("authorization", `Bearer ${actor}`);
    let body: BodyInit | undefined = init.raw;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
    const request = new Request(`${ORIGIN}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body, duplex: "half" }),
    } as RequestInit);
    const response = await handler(
      request,
      init.clientAddress ? { clientAddress: init.clientAddress } : {},
    );
    const text = await response.text();
    return { response, status: response.status, body: JSON.parse(text), text };
  }

  return { send, calls, logger, store, authCount: () => authenticated };
}

/** A stream of `total` bytes of JSON-ish filler, sent without a Content-Length. */
function streamOf(total: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) {
        controller.close();
        return;
      }
      const size = Math.min(1024, total - sent);
      sent += size;
      controller.enqueue(new TextEncoder().encode(" ".repeat(size)));
    },
  });
}

describe("createFoyerHandler: routing", () => {
  it("R-SDK-06: an unknown path answers 404 NOT_FOUND with the JSON error shape and safe headers", async () => {
    const { send } = setup();
    const { status, body, response } = await send("GET", "/nope");
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("R-SDK-06: a known path with another method answers 405 METHOD_NOT_ALLOWED with Allow", async () => {
    const { send, calls } = setup();
    const deleted = await send("DELETE", "/invitations");
    expect(deleted.status).toBe(405);
    expect(deleted.body.error.code).toBe("METHOD_NOT_ALLOWED");
    expect(deleted.response.headers.get("allow")).toBe("GET, POST");
    const get = await send("GET", "/public/invitations/accept");
    expect(get.status).toBe(405);
    expect(get.response.headers.get("allow")).toBe("POST");
    expect(calls).toEqual([]);
  });

  it("R-SDK-03: every route of core's table is reachable and answers its success status", async () => {
    const { send, calls } = setup();
    const bodies: Partial<Record<RouteName, unknown>> = {
      createInvitations: CREATE_BODY,
      previewInvitation: { token: "t" },
      acceptInvitation: {
        token: "t",
        firstName: "A",
        lastName: "B",
        password: "Secret-123!",
        passwordConfirmation: "Secret-123!",
      },
    };
    for (const name of routeNames) {
      const route: RouteDef = routes[name];
      const path = route.path.replace(/\{\w+\}/g, "x1");
      const { status } = await send(
        route.method,
        path,
        route.method === "POST" ? { json: bodies[name] ?? {} } : {},
      );
      expect(status, name).toBe(route.status);
    }
    expect(calls.map((call) => call.method)).toEqual(routeNames);
  });

  it("R-SDK-03: basePath is stripped, and paths outside it are unknown", async () => {
    const { send } = setup({ basePath: "/api/foyer/" });
    expect((await send("GET", "/api/foyer/context")).status).toBe(200);
    expect((await send("GET", "/context")).status).toBe(404);
    expect((await send("GET", "/api/foyerx/context")).status).toBe(404);
  });

  it("R-SDK-06: path parameters are percent-decoded; bad encoding answers 400 naming the parameter", async () => {
    const { send, calls } = setup();
    expect((await send("GET", "/invitations/a%2Fb%20c")).status).toBe(200);
    expect(calls.at(-1)).toEqual({ method: "getInvitation", args: ["a/b c"] });
    const bad = await send("GET", "/invitations/%E0%A4%A/events");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    expect(bad.body.error.issues[0].path).toBe("invitationId");
    const nul = await send("GET", "/invitations/a%00b");
    expect(nul.status).toBe(400);
    expect(nul.body.error.issues[0].message).toContain("invitationId");
  });

  it("R-SDK-06: an empty path segment matches no route", async () => {
    const { send } = setup();
    expect((await send("POST", "/invitations//resend", { json: {} })).status).toBe(404);
    expect((await send("GET", "/invitations/")).status).toBe(404);
  });
});

describe("createFoyerHandler: request bodies", () => {
  it("R-SDK-06: a non-JSON body answers 415 UNSUPPORTED_MEDIA_TYPE", async () => {
    const { send, calls } = setup();
    const text = await send("POST", "/invitations", {
      raw: JSON.stringify(CREATE_BODY),
      headers: { "content-type": "text/plain" },
    });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const latin1 = await send("POST", "/invitations", {
      raw: JSON.stringify(CREATE_BODY),
      headers: { "content-type": "application/json; charset=iso-8859-1" },
    });
    expect(latin1.status).toBe(415);
    const missing = await send("POST", "/invitations", { raw: JSON.stringify(CREATE_BODY) });
    expect(missing.status).toBe(415);
    expect(calls).toEqual([]);
  });

  it("R-SDK-06: JSON with a charset parameter and an upper-case type is accepted", async () => {
    const { send } = setup();
    const ok = await send("POST", "/invitations", {
      json: CREATE_BODY,
      headers: { "content-type": "Application/JSON; charset=UTF-8" },
    });
    expect(ok.status).toBe(200);
  });

  it("R-SDK-06: an empty body counts as {} whatever its Content-Type", async () => {
    const { send, calls } = setup();
    const revoked = await send("POST", "/invitations/inv-1/revoke", {
      raw: "",
      headers: { "content-type": "text/plain" },
    });
    expect(revoked.status).toBe(200);
    expect(calls).toEqual([{ method: "revokeInvitation", args: ["inv-1"] }]);
    const resend = await send("POST", "/invitations/inv-1/resend");
    expect(resend.status).toBe(200);
    expect(calls.at(-1)?.args[1]).toEqual({ delivery: "email" });
  });

  it("R-SDK-06: a body over maxBodyBytes answers 413 when Content-Length says so", async () => {
    const { send, calls } = setup({ maxBodyBytes: 100 });
    const big = await send("POST", "/invitations", {
      json: { ...CREATE_BODY, message: "x".repeat(200) },
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(calls).toEqual([]);
  });

  it("R-SDK-06: a body over maxBodyBytes answers 413 when Content-Length is absent", async () => {
    const { send, calls } = setup({ maxBodyBytes: 2048 });
    const streamed = await send("POST", "/invitations", {
      raw: streamOf(1_000_000),
      headers: { "content-type": "application/json" },
    });
    expect(streamed.status).toBe(413);
    expect(calls).toEqual([]);
  });

  it("R-SDK-06: a body over maxBodyBytes answers 413 when Content-Length lies", async () => {
    const { send, calls } = setup({ maxBodyBytes: 2048 });
    const lying = await send("POST", "/invitations", {
      raw: JSON.stringify({ ...CREATE_BODY, message: "x".repeat(5000) }),
      headers: { "content-type": "application/json", "content-length": "20" },
    });
    expect(lying.status).toBe(413);
    expect(calls).toEqual([]);
  });

  it("R-SDK-06: a body exactly at maxBodyBytes is read", async () => {
    const json = JSON.stringify(CREATE_BODY);
    const { send } = setup({ maxBodyBytes: new TextEncoder().encode(json).byteLength });
    const ok = await send("POST", "/invitations", {
      raw: json,
      headers: { "content-type": "application/json" },
    });
    expect(ok.status).toBe(200);
  });

  it("R-SDK-06: broken JSON and invalid UTF-8 answer 400 MALFORMED_JSON", async () => {
    const { send, calls } = setup();
    const broken = await send("POST", "/invitations", {
      raw: '{"emails": [',
      headers: { "content-type": "application/json" },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe("MALFORMED_JSON");
    const bytes = await send("POST", "/public/invitations/preview", {
      raw: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      headers: { "content-type": "application/json" },
    });
    expect(bytes.status).toBe(400);
    expect(bytes.body.error.code).toBe("MALFORMED_JSON");
    expect(calls).toEqual([]);
  });

  it("R-SDK-06: VALIDATION_FAILED names each field (emails, roleId) in issues", async () => {
    const { send, calls } = setup();
    const { status, body } = await send("POST", "/invitations", {
      json: { tenantId: "acme", roleId: 7 },
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe("VALIDATION_FAILED");
    const byPath = Object.fromEntries(
      body.error.issues.map((issue: { path: string; message: string }) => [
        issue.path,
        issue.message,
      ]),
    );
    expect(byPath.emails).toContain("emails");
    expect(byPath.roleId).toContain("roleId");
    expect(calls).toEqual([]);
  });

  it("R-SDK-06: mass-assigned fields (status, token) in a create body are rejected by name", async () => {
    const { send, calls } = setup();
    const { status, body } = await send("POST", "/invitations", {
      json: { ...CREATE_BODY, status: "accepted", token: "chosen" },
    });
    expect(status).toBe(400);
    expect(body.error.issues).toEqual(
      expect.arrayContaining([
        { path: "status", message: expect.stringContaining("status") },
        { path: "token", message: expect.stringContaining("token") },
      ]),
    );
    expect(calls).toEqual([]);
  });

  it("R-SDK-06: a body that is not an object (array, null, number, string) answers 400", async () => {
    const { send } = setup();
    for (const raw of ["[]", "null", "42", '"x"', "true"]) {
      const { status, body } = await send("POST", "/public/invitations/preview", {
        raw,
        headers: { "content-type": "application/json" },
      });
      expect(status, raw).toBe(400);
      expect(body.error.code).toBe("VALIDATION_FAILED");
    }
  });

  it("R-SDK-06: __proto__ and NUL characters in a body are refused, not used", async () => {
    const { send, calls } = setup();
    const proto = await send("POST", "/public/invitations/preview", {
      raw: '{"token":"t","__proto__":{"isAdmin":true}}',
      headers: { "content-type": "application/json" },
    });
    expect(proto.status).toBe(400);
    expect(proto.body.error.issues[0].path).toBe("__proto__");
    const nul = await send("POST", "/public/invitations/preview", { json: { token: "a\u0000b" } });
    expect(nul.status).toBe(400);
    expect(nul.body.error.issues[0]).toEqual({
      path: "token",
      message: "token must not contain NUL characters.",
    });
    expect(calls).toEqual([]);
  });

  it("R-SDK-06: a deeply nested body answers 400 without exhausting the stack", async () => {
    const { send } = setup({ maxBodyBytes: 1_000_000 });
    const depth = 200_000;
    const nested = await send("POST", "/invitations", {
      raw: `{"emails":${"[".repeat(depth)}${"]".repeat(depth)}}`,
      headers: { "content-type": "application/json" },
    });
    expect(nested.status).toBe(400);
    expect(nested.body.error.code).toBe("VALIDATION_FAILED");
  });
});

describe("createFoyerHandler: query strings", () => {
  it("R-SDK-06: query values are validated by the route's schema, naming the field", async () => {
    const { send, calls } = setup();
    const ok = await send("GET", "/invitations?status=all&limit=20&q=ann");
    expect(ok.status).toBe(200);
    expect(calls[0]?.args[0]).toEqual({
      status: "all",
      limit: 20,
      q: "ann",
      sort: "sentAt",
      order: "desc",
    });
    const bad = await send("GET", "/invitations?limit=abc&status=nope");
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      "limit",
      "status",
    ]);
  });

  it("R-SDK-06: unknown, repeated and __proto__ query keys answer 400", async () => {
    const { send, calls } = setup();
    const unknown = await send("GET", "/tenants/acme/events?foo=1");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0].path).toBe("foo");
    const repeated = await send("GET", "/invitations?status=all&status=pending");
    expect(repeated.status).toBe(400);
    expect(repeated.body.error.issues[0].path).toBe("status");
    const proto = await send("GET", "/invitations?__proto__=x");
    expect(proto.status).toBe(400);
    expect(calls).toEqual([]);
  });
});

describe("createFoyerHandler: authentication and headers", () => {
  it("R-TEN-03: every admin route answers 401 UNAUTHENTICATED without an actor", async () => {
    const { send, calls } = setup();
    for (const name of routeNames) {
      const route: RouteDef = routes[name];
      if (route.access !== "admin") continue;
      const path = route.path.replace(/\{\w+\}/g, "x1");
      const { status, body } = await send(route.method, path, {
        actor: null,
        ...(route.method === "POST" ? { json: {} } : {}),
      });
      expect(status, name).toBe(401);
      expect(body.error.code).toBe("UNAUTHENTICATED");
    }
    expect(calls).toEqual([]);
  });

  it("R-INV-11: public routes never call authenticate and send Referrer-Policy: no-referrer", async () => {
    const { send, authCount } = setup();
    const preview = await send("POST", "/public/invitations/preview", {
      json: { token: "t" },
      actor: null,
    });
    expect(preview.status).toBe(200);
    expect(preview.response.headers.get("referrer-policy")).toBe("no-referrer");
    const invalid = await send("POST", "/public/invitations/preview", { json: {}, actor: null });
    expect(invalid.status).toBe(400);
    expect(invalid.response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(authCount()).toBe(0);
    const admin = await send("GET", "/context");
    expect(admin.response.headers.get("referrer-policy")).toBeNull();
  });
});

describe("createFoyerHandler: errors", () => {
  it("R-SDK-06: a FoyerServiceError answers its status and body", async () => {
    const { send } = setup({
      override: {
        async getInvitation() {
          throw new FoyerServiceError("INVITATION_NOT_FOUND");
        },
      },
    });
    const { status, body } = await send("GET", "/invitations/inv-404");
    expect(status).toBe(404);
    expect(body.error.code).toBe("INVITATION_NOT_FOUND");
  });

  it("R-INV-11: an unexpected error answers 500 INTERNAL and logs method and route only", async () => {
    const { send, logger } = setup({
      override: {
        async previewInvitation(token) {
          throw new Error(`database said no about ${token}`);
        },
      },
    });
    const { status, body } = await send("POST", "/public/invitations/preview", {
      json: { token: "secret-token-value" },
    });
    expect(status).toBe(500);
    expect(body).toEqual({
      error: { code: "INTERNAL", message: "Something went wrong on our side." },
    });
    expect(logger.lines).toEqual([
      {
        level: "error",
        message: "Foyer request failed",
        data: { method: "POST", route: "previewInvitation" },
      },
    ]);
    expect(JSON.stringify(logger.lines)).not.toContain("secret-token-value");
  });
});

describe("createFoyerHandler: rate limits", () => {
  it("R-SDK-07: public routes are limited per client address with 429 and Retry-After", async () => {
    const { send, calls } = setup({
      rateLimiter: createMemoryRateLimiter({ public: { points: 2, durationSeconds: 60 } }),
    });
    const preview = (clientAddress: string) =>
      send("POST", "/public/invitations/preview", { json: { token: "t" }, clientAddress });
    expect((await preview("10.0.0.1")).status).toBe(200);
    expect((await preview("10.0.0.1")).status).toBe(200);
    const refused = await preview("10.0.0.1");
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    const retryAfter = Number(refused.response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.response.headers.get("referrer-policy")).toBe("no-referrer");
    expect((await preview("10.0.0.2")).status).toBe(200);
    expect(calls).toHaveLength(3);
  });

  it("R-SDK-07: creation is limited per actor, not per address", async () => {
    const { send } = setup({
      rateLimiter: createMemoryRateLimiter({ create: { points: 1, durationSeconds: 60 } }),
    });
    const create = (actor: string, clientAddress: string) =>
      send("POST", "/invitations", { json: CREATE_BODY, actor, clientAddress });
    expect((await create("actor-1", "10.0.0.1")).status).toBe(200);
    const refused = await create("actor-1", "10.0.0.9");
    expect(refused.status).toBe(429);
    expect(refused.response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await create("actor-2", "10.0.0.1")).status).toBe(200);
    expect((await send("GET", "/invitations")).status).toBe(200);
  });
});

describe("createFoyerHandler: Idempotency-Key", () => {
  const withKey = (key: string, json: unknown = CREATE_BODY, actor = "actor-1") => ({
    json,
    actor,
    headers: { "idempotency-key": key },
  });

  it("R-SDK-08: a retry with the same key replays the first answer and runs the service once", async () => {
    const { send, calls } = setup();
    const first = await send("POST", "/invitations", withKey("k-1"));
    const second = await send("POST", "/invitations", withKey("k-1", { ...CREATE_BODY }));
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.response.headers.get("idempotency-replayed")).toBe("true");
    expect(first.response.headers.get("idempotency-replayed")).toBeNull();
    expect(calls.filter((call) => call.method === "createInvitations")).toHaveLength(1);
  });

  it("R-SDK-08: key order does not change the request hash", async () => {
    const { send, calls } = setup();
    await send("POST", "/invitations", withKey("k-order", CREATE_BODY));
    const reordered = await send(
      "POST",
      "/invitations",
      withKey("k-order", { roleId: "client_user", emails: CREATE_BODY.emails, tenantId: "acme" }),
    );
    expect(reordered.status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it("R-SDK-08: the same key with another body answers 422 IDEMPOTENCY_KEY_REUSED", async () => {
    const { send, calls } = setup();
    await send("POST", "/invitations", withKey("k-2"));
    const other = await send(
      "POST",
      "/invitations",
      withKey("k-2", { ...CREATE_BODY, emails: ["other@acme.example.com"] }),
    );
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(calls).toHaveLength(1);
  });

  it("R-SDK-08: keys are scoped per actor and per route", async () => {
    const { send, calls } = setup();
    await send("POST", "/invitations", withKey("shared"));
    expect(
      (await send("POST", "/invitations", withKey("shared", CREATE_BODY, "actor-2"))).status,
    ).toBe(200);
    const resend = await send("POST", "/invitations/inv-1/resend", withKey("shared", {}));
    expect(resend.status).toBe(200);
    expect(calls.map((call) => call.method)).toEqual([
      "createInvitations",
      "createInvitations",
      "resendInvitation",
    ]);
  });

  it("R-SDK-08: a request still running answers 409 IDEMPOTENCY_IN_PROGRESS", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { send } = setup({
      override: {
        async createInvitations() {
          await gate;
          return { dryRun: false, created: [], skipped: [], seatsLeft: null };
        },
      },
    });
    const first = send("POST", "/invitations", withKey("k-slow"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await send("POST", "/invitations", withKey("k-slow"));
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("IDEMPOTENCY_IN_PROGRESS");
    release();
    expect((await first).status).toBe(200);
  });

  it("R-SDK-08: a key left in progress by a crashed instance is taken over once stale", async () => {
    const { send, store, calls } = setup();
    await store.claimIdempotencyKey({
      key: "actor-1:createInvitations:k-stale",
      requestHash: "whatever",
      state: "in_progress",
      status: null,
      body: null,
      createdAt: new Date(Date.now() - 10 * 60_000),
    });
    const answer = await send("POST", "/invitations", withKey("k-stale"));
    expect(answer.status).toBe(200);
    expect(calls).toHaveLength(1);
    expect(
      (await send("POST", "/invitations", withKey("k-stale"))).response.headers.get(
        "idempotency-replayed",
      ),
    ).toBe("true");
    expect(calls).toHaveLength(1);
  });

  it("R-SDK-08: a 4xx answer is kept and replayed; a thrown error releases the key", async () => {
    let attempts = 0;
    const { send } = setup({
      override: {
        async createInvitations() {
          attempts += 1;
          if (attempts === 1) throw new Error("connection reset");
          throw new FoyerServiceError("SEAT_LIMIT_REACHED");
        },
      },
    });
    expect((await send("POST", "/invitations", withKey("k-err"))).status).toBe(500);
    const refused = await send("POST", "/invitations", withKey("k-err"));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("SEAT_LIMIT_REACHED");
    const replay = await send("POST", "/invitations", withKey("k-err"));
    expect(replay.body).toEqual(refused.body);
    expect(replay.response.headers.get("idempotency-replayed")).toBe("true");
    expect(attempts).toBe(2);
  });

  it("R-INV-11: a replay never carries the plaintext link, which is not stored", async () => {
    const { send, store } = setup();
    const first = await send(
      "POST",
      "/invitations",
      withKey("k-link", { ...CREATE_BODY, delivery: "link" }),
    );
    expect(first.body.created[0].link).toMatch(/#token=secret-1$/);
    const replay = await send(
      "POST",
      "/invitations",
      withKey("k-link", { ...CREATE_BODY, delivery: "link" }),
    );
    expect(replay.body.created[0].link).toBeNull();
    expect(replay.body.created[0].invitation).toEqual(first.body.created[0].invitation);
    const stored = await store.claimIdempotencyKey({
      key: "actor-1:createInvitations:k-link",
      requestHash: "",
      state: "in_progress",
      status: null,
      body: null,
      createdAt: new Date(),
    });
    expect(stored?.body).not.toContain("secret-1");
  });

  it("R-SDK-08: an Idempotency-Key that is too long or not printable answers 400 naming the header", async () => {
    const { send, calls } = setup();
    for (const key of ["k".repeat(256), "caf\u00e9"]) {
      const { status, body } = await send("POST", "/invitations", withKey(key));
      expect(status).toBe(400);
      expect(body.error.issues[0].path).toBe("Idempotency-Key");
    }
    expect((await send("POST", "/invitations", withKey("k".repeat(255)))).status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it("R-SDK-08: an invalid body is answered 400 without claiming the key", async () => {
    const { send, calls } = setup();
    expect((await send("POST", "/invitations", withKey("k-fix", { emails: [] }))).status).toBe(400);
    expect((await send("POST", "/invitations", withKey("k-fix"))).status).toBe(200);
    expect(calls).toHaveLength(1);
  });
});

describe("createFoyerHandler: accept and sign-in", () => {
  const ACCEPT = {
    token: "t",
    firstName: " Ann ",
    lastName: "Lee",
    password: "Secret-123!",
    passwordConfirmation: "Secret-123!",
  };

  it("R-INV-12: after an accept, signIn's headers are appended and several Set-Cookie survive", async () => {
    const signedIn: unknown[] = [];
    const { send, calls } = setup({
      signIn(user) {
        signedIn.push(user);
        return [
          ["Set-Cookie", "session=abc; HttpOnly; Path=/"],
          ["Set-Cookie", "csrf=def; Path=/"],
          ["Content-Type", "text/html"],
        ];
      },
    });
    const { status, response } = await send("POST", "/public/invitations/accept", {
      json: ACCEPT,
      actor: null,
    });
    expect(status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([
      "session=abc; HttpOnly; Path=/",
      "csrf=def; Path=/",
    ]);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(signedIn).toEqual([{ id: "user-9", email: "new@acme.example.com", tenantId: "acme" }]);
    expect(calls[0]?.args[0]).toMatchObject({ firstName: "Ann" });
  });

  it("R-INV-12: an accept that asks for email verification does not sign in", async () => {
    let signIns = 0;
    const { send } = setup({
      override: {
        async acceptInvitation() {
          return {
            user: { id: "u", email: "e@x.example.com", firstName: "A", lastName: "B" },
            tenantId: "acme",
            next: "verify_email",
          };
        },
      },
      signIn() {
        signIns += 1;
        return { "Set-Cookie": "session=1" };
      },
    });
    const { status, response } = await send("POST", "/public/invitations/accept", { json: ACCEPT });
    expect(status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(signIns).toBe(0);
  });

  it("R-INV-12: a failing signIn hook still answers the completed accept, and is logged", async () => {
    const { send, logger } = setup({
      signIn() {
        throw new Error("session store down");
      },
    });
    const { status, body } = await send("POST", "/public/invitations/accept", { json: ACCEPT });
    expect(status).toBe(200);
    expect(body.user.id).toBe("user-9");
    expect(logger.lines).toEqual([
      {
        level: "error",
        message: "Foyer signIn hook failed",
        data: { method: "POST", route: "acceptInvitation" },
      },
    ]);
  });
});

describe("createFoyerHandler: OpenAPI", () => {
  it("R-SDK-05: GET /openapi.json lists every route with its schemas", async () => {
    const { send } = setup({ basePath: "/api/foyer" });
    const { status, body } = await send("GET", "/api/foyer/openapi.json", { actor: null });
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    expect(body.servers).toEqual([{ url: "/api/foyer" }]);
    for (const name of routeNames) {
      const route: RouteDef = routes[name];
      const operation = body.paths[route.path][route.method.toLowerCase()];
      expect(operation.operationId).toBe(name);
      expect(
        operation.responses[String(route.status)].content["application/json"].schema,
      ).toBeTypeOf("object");
    }
    expect((await send("POST", "/api/foyer/openapi.json", { json: {} })).status).toBe(405);
  });
});

describe("createFoyerHandler: no request content produces a 500", () => {
  it("R-SDK-06: odd bodies, paths, methods and queries all answer 2xx or 4xx", async () => {
    const { send, logger } = setup({ maxBodyBytes: 65_536 });
    const bodies: string[] = [
      "",
      " ",
      "{}",
      "[]",
      "null",
      "0",
      "-1e999",
      "1e309",
      '"\\ud800"',
      "\ufeff{}",
      '{"token":"\\ud800\\udfff"}',
      '{"token":{"toString":1}}',
      '{"constructor":{"prototype":{"x":1}}}',
      '{"__proto__":null}',
      '{"emails":null,"tenantId":[],"roleId":{}}',
      `{"emails":[${'"a@b.co",'.repeat(1200)}"a@b.co"],"tenantId":"t","roleId":"r"}`,
      '{"tenantId":"t","roleId":"r","emails":["x"],"expiresIn":"999d"}',
      '{"tenantId":"t","roleId":"r","emails":["x"],"teams":[""]}',
      '{"token":"t","firstName":"","lastName":"  ","password":1,"passwordConfirmation":null}',
      `{"a":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}`,
      '{"token":"t"',
      "\u0000",
      '{"token":"t"}\u0000',
    ];
    const posts = [
      "/invitations",
      "/invitations/inv-1/resend",
      "/invitations/inv-1/revoke",
      "/public/invitations/preview",
      "/public/invitations/accept",
    ];
    const statuses: number[] = [];
    for (const path of posts) {
      for (const raw of bodies) {
        const { status } = await send("POST", path, {
          raw,
          headers: { "content-type": "application/json" },
        });
        statuses.push(status);
      }
    }
    const paths = [
      "/invitations/%",
      "/invitations/%ZZ",
      "/invitations/%C0%AF",
      "/invitations/%ED%A0%80",
      "/invitations/..%2F..%2Fetc",
      `/invitations/${"a".repeat(5000)}`,
      "/tenants/%00/roles",
      "/invitations?limit=-1",
      "/invitations?limit=1e400",
      "/invitations?limit=0x10",
      "/invitations?sort=__proto__",
      "/invitations?cursor=%FF%FE",
      `/invitations?q=${"%".repeat(300)}`,
      "/invitations?tenantId=",
      "/invitations?counts=maybe",
      "/tenants/acme/events?limit=201",
      "/invitations/inv-1/events?cursor=&limit=",
      "//invitations",
      "/public/invitations/preview/..",
      "/%2e%2e/context",
    ];
    for (const path of paths) {
      for (const method of ["GET", "POST", "PUT", "HEAD", "OPTIONS"]) {
        const response = await send(method, path, method === "POST" ? { json: {} } : {}).catch(
          () => null,
        );
        // HEAD answers carry no body to parse; send() then throws, which is fine here.
        if (response) statuses.push(response.status);
      }
    }
    expect(statuses.length).toBeGreaterThan(200);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(logger.lines.filter((line) => line.level === "error")).toEqual([]);
  });
});
