import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../store/memory/memory-store.ts";
import { crossSiteRefusal, trustedOriginSet } from "./cross-site.ts";
import { createFoyerHandler } from "./handler.ts";
import { createFakeServices, createRecordingLogger, testActor } from "./test-doubles.ts";

// R-SEC-01 through the Fetch handler: the hook authenticates by cookie (as a host's session
// does) or by bearer token (as a machine client does), and the check runs for every route.

const APP = "https://app.example.com";
const REVOKE = "/invitations/inv-1/revoke";

function setup(trustedOrigins: readonly string[] = [APP]) {
  const { services, calls } = createFakeServices();
  let authenticated = 0;
  const handler = createFoyerHandler({
    services,
    hooks: {
      authenticate(request) {
        authenticated += 1;
        const cookie = request.headers.get("cookie") ?? "";
        const bearer = request.headers.get("authorization") ?? "";
        return cookie.includes("session=dana") || bearer === "Bearer machine-key"
          ? testActor
          : null;
      },
    },
    store: createMemoryStore(),
    rateLimiter: null,
    logger: createRecordingLogger(),
    maxBodyBytes: 4096,
    trustedOrigins,
  });
  async function send(path: string, headers: Record<string, string>, body?: string) {
    const response = await handler(
      new Request(`https://foyer.invalid${path}`, {
        method: "POST",
        headers,
        ...(body === undefined ? {} : { body }),
      }),
    );
    const answer = (await response.json()) as { error?: { code: string; message: string } };
    return { status: response.status, code: answer.error?.code, answer };
  }
  return { send, calls, authCount: () => authenticated };
}

const COOKIE = { cookie: "session=dana" };
const JSON_TYPE = { "content-type": "application/json" };

describe("cross-site requests (R-SEC-01)", () => {
  it("R-SEC-01: a cookie-authenticated revoke sent as text/plain with an empty body is refused before anything runs", async () => {
    const { send, calls, authCount } = setup();
    // What a no-cors fetch or a text/plain form from another page sends: no preflight.
    const answer = await send(REVOKE, { ...COOKIE, "content-type": "text/plain" }, "");
    expect(answer.status).toBe(415);
    expect(answer.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(calls).toEqual([]);
    expect(authCount()).toBe(0);
  });

  it("R-SEC-01: a cookie-authenticated revoke without Content-Type and with an empty body is refused", async () => {
    const { send, calls } = setup();
    const answer = await send(REVOKE, COOKIE);
    expect(answer.status).toBe(415);
    expect(answer.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(calls).toEqual([]);
  });

  it("R-SEC-01: a JSON revoke whose Origin is another origin is refused with 403", async () => {
    const { send, calls } = setup();
    for (const origin of ["https://evil.example", "https://app.example.com:8443", "null"]) {
      const answer = await send(REVOKE, { ...COOKIE, ...JSON_TYPE, origin }, "{}");
      expect(answer.status, origin).toBe(403);
      expect(answer.code, origin).toBe("FORBIDDEN");
    }
    expect(calls).toEqual([]);
  });

  it("R-SEC-01: Sec-Fetch-Site: same-site from another port of the same host is refused", async () => {
    const { send, calls } = setup(["http://127.0.0.1:3000"]);
    const answer = await send(
      REVOKE,
      { ...COOKIE, ...JSON_TYPE, "sec-fetch-site": "same-site", origin: "http://127.0.0.1:3999" },
      "{}",
    );
    expect(answer.status).toBe(403);
    // Without Origin, a Sec-Fetch-Site other than same-origin is not enough either.
    for (const site of ["same-site", "cross-site", "none"]) {
      const bare = await send(REVOKE, { ...COOKIE, ...JSON_TYPE, "sec-fetch-site": site }, "{}");
      expect(bare.status, site).toBe(403);
    }
    expect(calls).toEqual([]);
  });

  it("R-SEC-01: public routes are checked too (an accept signs the invitee in)", async () => {
    const { send, calls } = setup();
    const body = JSON.stringify({ token: "t".repeat(43) });
    const answer = await send(
      "/public/invitations/preview",
      { "content-type": "text/plain" },
      body,
    );
    expect(answer.status).toBe(415);
    const foreign = await send(
      "/public/invitations/accept",
      { ...JSON_TYPE, origin: "https://evil.example" },
      body,
    );
    expect(foreign.status).toBe(403);
    expect(calls).toEqual([]);
  });

  it("R-SEC-01: the app's own pages pass: a trusted Origin, or Sec-Fetch-Site: same-origin", async () => {
    const { send, calls } = setup();
    const trusted = await send(REVOKE, { ...COOKIE, ...JSON_TYPE, origin: APP }, "{}");
    expect(trusted.status).toBe(200);
    // Behind a proxy whose public URL differs from what the browser sees, the browser's own
    // same-origin statement still counts.
    const sameOrigin = await send(
      REVOKE,
      {
        ...COOKIE,
        ...JSON_TYPE,
        "sec-fetch-site": "same-origin",
        origin: "http://localhost:5173",
      },
      "",
    );
    expect(sameOrigin.status).toBe(200);
    expect(calls.map((c) => c.method)).toEqual(["revokeInvitation", "revokeInvitation"]);
  });

  it("R-SEC-01: clients that are not browsers (no Origin, no Sec-Fetch-Site) pass with a JSON body", async () => {
    const { send, calls } = setup();
    const answer = await send(REVOKE, { ...COOKIE, ...JSON_TYPE }, "");
    expect(answer.status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it("R-SEC-01: a bearer-token client is not checked: empty bodies without Content-Type and any Origin pass", async () => {
    const { send, calls } = setup();
    const bare = await send(REVOKE, { authorization: "Bearer machine-key" });
    expect(bare.status).toBe(200);
    const foreign = await send(
      REVOKE,
      { authorization: "Bearer machine-key", origin: "https://tools.example" },
      "",
    );
    expect(foreign.status).toBe(200);
    expect(calls).toHaveLength(2);
  });

  it("reads are never refused for their origin", async () => {
    const { services } = createFakeServices();
    const handler = createFoyerHandler({
      services,
      hooks: { authenticate: () => testActor },
      store: createMemoryStore(),
      rateLimiter: null,
      logger: createRecordingLogger(),
      maxBodyBytes: 4096,
      trustedOrigins: [APP],
    });
    const response = await handler(
      new Request("https://foyer.invalid/context", {
        headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      }),
    );
    expect(response.status).toBe(200);
  });
});

describe("crossSiteRefusal", () => {
  const origins = trustedOriginSet(["https://app.example.com/some/path", "http://localhost:3000"]);
  const check = (method: string, headers: Record<string, string>) =>
    crossSiteRefusal({ method, header: (name) => headers[name] }, origins)?.status ?? null;

  it("trusts origins, not URLs, and compares them exactly", () => {
    expect(check("POST", { ...JSON_TYPE, origin: "https://app.example.com" })).toBeNull();
    expect(check("POST", { ...JSON_TYPE, origin: "http://localhost:3000" })).toBeNull();
    expect(check("POST", { ...JSON_TYPE, origin: "https://APP.example.com" })).toBe(403);
    expect(check("POST", { ...JSON_TYPE, origin: "https://app.example.com.evil" })).toBe(403);
    expect(check("POST", { ...JSON_TYPE, origin: "http://app.example.com" })).toBe(403);
  });

  it("needs UTF-8 JSON for every state-changing method", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(check(method, { "content-type": "application/x-www-form-urlencoded" })).toBe(415);
      expect(check(method, { "content-type": "multipart/form-data; boundary=x" })).toBe(415);
      expect(check(method, { "content-type": "application/json; charset=latin1" })).toBe(415);
      expect(check(method, { "content-type": "application/json; charset=utf-8" })).toBeNull();
    }
    expect(check("GET", {})).toBeNull();
    expect(check("HEAD", {})).toBeNull();
  });

  it("refuses to trust anything that is not an http(s) origin", () => {
    expect(() => trustedOriginSet(["null"])).toThrow();
    expect(() => trustedOriginSet(["javascript:alert(1)"])).toThrow();
  });
});
