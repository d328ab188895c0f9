import { connect } from "node:net";
import { gzipSync } from "node:zlib";
import { createScryptHasher } from "@foyer/server/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEEDED_INVITATIONS, SEEDED_SIGN_INS } from "./seed.ts";
import { call, type RunningApp, sessionCookieFrom, signIn, startApp } from "./test-kit.ts";

// Defects an attack on the reference app found at its HTTP edge, each kept fixed here:
// cross-site requests (R-SEC-01), body-parser errors (R-SDK-06), the home page's
// Content-Security-Policy, and answers to oversized bodies that arrive as resets.

const alex = SEEDED_SIGN_INS.find((s) => s.email === "alex@acme.example")!;
let running: RunningApp;
let errors: string[];

beforeAll(async () => {
  errors = [];
  running = await startApp({
    inMemory: true,
    seed: true,
    passwordHasher: createScryptHasher({ N: 2 ** 14 }),
    loginRateLimit: { points: 1000, durationSeconds: 60 },
    logger: { info() {}, warn() {}, error: (message) => errors.push(message) },
  });
});

afterAll(async () => {
  await running?.stop();
});

/** A raw POST: the answer's status line and body, as a client that reads the answer sees it. */
async function post(path: string, headers: Record<string, string>, body?: BodyInit) {
  const response = await fetch(`${running.baseUrl}${path}`, {
    method: "POST",
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined;
  }
  return { status: response.status, code, headers: response.headers };
}

/** The id of a pending Acme invitation of the seed. */
async function pendingInvitationId(cookie: string): Promise<string> {
  const page = await call<{ items: { id: string; email: string; status: string }[] }>(
    running.baseUrl,
    "GET",
    "/api/foyer/invitations?tenantId=acme&status=pending&limit=100",
    { cookie },
  );
  const seeded: readonly string[] = SEEDED_INVITATIONS.pending;
  const pending = page.body.items.find((i) => seeded.includes(i.email));
  if (!pending) throw new Error("No pending seeded invitation left");
  return pending.id;
}

async function statusOf(cookie: string, invitationId: string): Promise<string> {
  const answer = await call<{ invitation: { status: string } }>(
    running.baseUrl,
    "GET",
    `/api/foyer/invitations/${invitationId}`,
    { cookie },
  );
  return answer.body.invitation.status;
}

describe("cross-site requests (R-SEC-01)", () => {
  it("R-SEC-01: a revoke by another page (text/plain, empty body, no Content-Type, foreign Origin, same-site port) changes nothing", async () => {
    const cookie = await signIn(running.baseUrl, alex.email, alex.password);
    const id = await pendingInvitationId(cookie);
    const path = `/api/foyer/invitations/${id}/revoke`;
    const attempts: Array<[Record<string, string>, string | undefined, number]> = [
      // A no-cors fetch or a text/plain form: no preflight, the cookie goes along.
      [{ cookie, "content-type": "text/plain" }, "", 415],
      [{ cookie, "content-type": "text/plain" }, "{}", 415],
      [{ cookie }, undefined, 415],
      [{ cookie, "content-type": "application/x-www-form-urlencoded" }, "a=b", 415],
      // JSON from a page of another origin (it would need CORS, which the app never grants).
      [{ cookie, "content-type": "application/json", origin: "https://evil.example" }, "{}", 403],
      // Another port of the same site: same-site for the browser, another origin all the same.
      [
        {
          cookie,
          "content-type": "application/json",
          origin: "http://127.0.0.1:3999",
          "sec-fetch-site": "same-site",
        },
        "{}",
        403,
      ],
    ];
    for (const [headers, body, expected] of attempts) {
      const answer = await post(path, headers, body);
      expect(answer.status, JSON.stringify(headers)).toBe(expected);
    }
    expect(await statusOf(cookie, id)).toBe("pending");

    // The app's own page (the browser says same-origin) revokes.
    const own = await post(
      path,
      { cookie, "content-type": "application/json", "sec-fetch-site": "same-origin" },
      "{}",
    );
    expect(own.status).toBe(200);
    expect(await statusOf(cookie, id)).toBe("revoked");
  });

  it("R-SEC-01: /login refuses a cross-origin page and a form, and signs in from the app's own page", async () => {
    const body = JSON.stringify({ email: alex.email, password: alex.password });
    const foreign = await post(
      "/login",
      { "content-type": "application/json", origin: "http://127.0.0.1:3999" },
      body,
    );
    expect(foreign.status).toBe(403);
    expect(sessionCookieFrom(foreign.headers)).toBeUndefined();
    const sameSite = await post(
      "/login",
      { "content-type": "application/json", "sec-fetch-site": "same-site" },
      body,
    );
    expect(sameSite.status).toBe(403);
    const form = await post("/login", { "content-type": "text/plain" }, body);
    expect(form.status).toBe(415);

    const own = await post(
      "/login",
      { "content-type": "application/json", origin: "http://localhost:3000" },
      body,
    );
    expect(own.status).toBe(200);
    expect(sessionCookieFrom(own.headers)).toBeDefined();
  });

  it("R-SEC-01: /logout by another page keeps the session; the app's own JSON sign-out ends it", async () => {
    const cookie = await signIn(running.baseUrl, alex.email, alex.password);
    const attempts: Array<[Record<string, string>, string | undefined]> = [
      [{ cookie }, undefined],
      [{ cookie, "content-type": "text/plain" }, ""],
      [{ cookie, "content-type": "application/json", origin: "https://evil.example" }, ""],
      [{ cookie, "content-type": "application/json", "sec-fetch-site": "cross-site" }, ""],
    ];
    for (const [headers, body] of attempts) {
      const answer = await post("/logout", headers, body);
      expect(answer.status, JSON.stringify(headers)).toBeGreaterThanOrEqual(400);
      expect((await call(running.baseUrl, "GET", "/me", { cookie })).status).toBe(200);
    }
    const own = await post(
      "/logout",
      { cookie, "content-type": "application/json", "sec-fetch-site": "same-origin" },
      "",
    );
    expect(own.status).toBe(204);
    expect((await call(running.baseUrl, "GET", "/me", { cookie })).status).toBe(401);
  });
});

describe("body-parser errors (R-SDK-06)", () => {
  it("R-SDK-06: /login answers 4xx in the error shape to a latin1 charset, an unknown Content-Encoding and corrupt gzip", async () => {
    const json = JSON.stringify({ email: alex.email, password: "Wrong-Password-1!" });
    const gzip = new Uint8Array(gzipSync(json));
    const cases: Array<[Record<string, string>, Uint8Array<ArrayBuffer> | string, number, string]> =
      [
        [
          { "content-type": "application/json; charset=latin1" },
          json,
          415,
          "UNSUPPORTED_MEDIA_TYPE",
        ],
        [
          { "content-type": "application/json", "content-encoding": "x-unknown" },
          json,
          415,
          "UNSUPPORTED_MEDIA_TYPE",
        ],
        [
          { "content-type": "application/json", "content-encoding": "gzip" },
          gzip.slice(0, gzip.length - 6),
          400,
          "MALFORMED_JSON",
        ],
        [
          { "content-type": "application/json", "content-encoding": "gzip" },
          new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
          400,
          "MALFORMED_JSON",
        ],
        [
          { "content-type": "application/json", "content-encoding": "deflate" },
          json,
          400,
          "MALFORMED_JSON",
        ],
        [
          { "content-type": "application/json", "content-encoding": "gzip" },
          new Uint8Array(gzipSync("x".repeat(1_000_000))),
          413,
          "PAYLOAD_TOO_LARGE",
        ],
      ];
    for (const [headers, body, status, code] of cases) {
      const answer = await post("/login", headers, body);
      expect([answer.status, answer.code], JSON.stringify(headers)).toEqual([status, code]);
    }
    // Well-formed gzip is read: the wrong password is the answer.
    const readable = await post(
      "/login",
      { "content-type": "application/json", "content-encoding": "gzip" },
      gzip,
    );
    expect(readable.status).toBe(401);
    expect(errors).toEqual([]);
  });

  it("R-SDK-06: Foyer's API refuses a compressed body with 415 instead of reading it as JSON", async () => {
    const answer = await post(
      "/api/foyer/public/invitations/preview",
      { "content-type": "application/json", "content-encoding": "gzip" },
      gzipSync(JSON.stringify({ token: "t".repeat(43) })),
    );
    expect([answer.status, answer.code]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
  });
});

describe("crafted cursors (R-SDK-06)", () => {
  it("R-SDK-06: a cursor whose id holds NUL or whose date lies before 4713 BC answers 400 VALIDATION_FAILED on every list endpoint", async () => {
    const cookie = await signIn(running.baseUrl, alex.email, alex.password);
    const id = await pendingInvitationId(cookie);
    const cursor = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const uuid = "8f88dc0e-c0f9-4b59-99b8-f90ac087fdec";
    const crafted = [
      cursor({ v: "2026-01-01T00:00:00.000Z", i: "a\u0000b", s: "sentAt", o: "desc" }),
      cursor({ v: "-271821-04-20T00:00:00.000Z", i: uuid, s: "sentAt", o: "desc" }),
      cursor({ v: "-004714-01-01T00:00:00.000Z", i: uuid, s: "sentAt", o: "desc" }),
      cursor({ v: "+275760-09-13T00:00:00.000Z", i: uuid, s: "sentAt", o: "desc" }),
      cursor({ a: "-271821-04-20T00:00:00.000Z", i: uuid }),
      cursor({ a: "+275760-09-13T00:00:00.000Z", i: uuid }),
      cursor({ a: "2026-01-01T00:00:00.000Z", i: "\u0000" }),
      cursor({ a: "2026-01-01T00:00:00.000Z", i: uuid, extra: "x" }),
    ];
    const lists = [
      "/api/foyer/invitations?tenantId=acme&cursor=",
      "/api/foyer/tenants/acme/events?cursor=",
      `/api/foyer/invitations/${id}/events?cursor=`,
    ];
    for (const list of lists) {
      for (const value of crafted) {
        const answer = await call<{ error: { code: string; issues?: { path: string }[] } }>(
          running.baseUrl,
          "GET",
          `${list}${value}`,
          { cookie },
        );
        expect(answer.status, `${list}${value}`).toBe(400);
        expect(answer.body.error.code).toBe("VALIDATION_FAILED");
        expect(answer.body.error.issues?.[0]?.path).toBe("cursor");
      }
    }
    // A cursor the server made still pages.
    const first = await call<{ nextCursor: string | null }>(
      running.baseUrl,
      "GET",
      "/api/foyer/tenants/acme/events?limit=1",
      { cookie },
    );
    expect(first.body.nextCursor).not.toBeNull();
    const next = await call(
      running.baseUrl,
      "GET",
      `/api/foyer/tenants/acme/events?limit=1&cursor=${first.body.nextCursor}`,
      { cookie },
    );
    expect(next.status).toBe(200);
    expect(errors).toEqual([]);
  });
});

describe("pages and oversized bodies", () => {
  it("the home page has a Content-Security-Policy that allows its own stylesheet and nothing else", async () => {
    const answer = await fetch(`${running.baseUrl}/`);
    const csp = answer.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("script-src");
    // The stylesheet's hash is the one the policy names.
    const html = await answer.text();
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    const digest = Buffer.from(
      await crypto.subtle.digest("SHA-256", new TextEncoder().encode(style)),
    ).toString("base64");
    expect(csp).toContain(`style-src 'sha256-${digest}'`);
    const mailbox = await fetch(`${running.baseUrl}/dev/mailbox`, {
      headers: { accept: "text/html" },
    });
    expect(mailbox.headers.get("content-security-policy")).not.toContain("unsafe-inline");
  });

  it("R-SDK-06: a body far over the limit is answered 413, and a client still writing it reads the 413, not a reset", async () => {
    for (const path of ["/api/foyer/public/invitations/preview", "/login"]) {
      const result = await rawPost(path, 8_000_000);
      expect(result.error, path).toBeNull();
      expect(result.response.startsWith("HTTP/1.1 413"), path).toBe(true);
      expect(result.response, path).toContain("PAYLOAD_TOO_LARGE");
    }
  });

  it("R-SDK-06: past the discard bound the server stops reading and closes the connection", async () => {
    for (const path of ["/api/foyer/public/invitations/preview", "/login"]) {
      const result = await rawPost(path, 256_000_000);
      // The 413 went out first; then the connection closed long before 256 MB were taken.
      expect(result.response.startsWith("HTTP/1.1 413"), path).toBe(true);
      expect(result.sent, path).toBeLessThan(256_000_000);
    }
    // The app is still there.
    expect((await fetch(`${running.baseUrl}/openapi.json`)).status).toBe(200);
  });
});

/**
 * Sends `size` bytes of body over a plain socket as a client does that writes everything
 * before it looks at the answer; answers what it read and whether the connection failed.
 */
function rawPost(
  path: string,
  size: number,
): Promise<{ response: string; error: string | null; sent: number }> {
  const { port } = new URL(running.baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(port), "127.0.0.1");
    let response = "";
    let error: string | null = null;
    let sent = 0;
    socket.on("data", (data) => {
      response += data.toString("latin1");
    });
    socket.on("error", (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
    });
    socket.on("close", () => resolve({ response, error, sent }));
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`,
    );
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (sent < size && !socket.destroyed) {
        const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += part.length;
        if (!socket.write(part)) {
          socket.once("drain", pump);
          return;
        }
      }
      // Everything is written: now wait for the answer, then hang up.
      if (!socket.destroyed) setTimeout(() => socket.end(), 200);
    };
    pump();
  });
}
