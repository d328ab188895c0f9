import { type Actor, type RouteDef, routes } from "@foyer/core";
import { describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "./rate-limit.ts";
import { hostApps, routeNames, STRONG, server } from "./test-setups.ts";

const startApp = hostApps();

describe("foyerExpress in a host Express 5 app", () => {
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
