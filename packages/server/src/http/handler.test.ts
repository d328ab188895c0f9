import { type RouteDef, type RouteName, routes } from "@foyer/core";
import { describe, expect, it } from "vitest";
import { FoyerServiceError } from "../errors.ts";
import { CREATE_BODY, routeNames, setup } from "./test-setups.ts";

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
      previewInviteLink: { token: "t" },
      joinWithInviteLink: {
        token: "t",
        firstName: "A",
        lastName: "B",
        email: "a@acme.example.com",
        password: "Secret-123!",
        passwordConfirmation: "Secret-123!",
        acceptTerms: true,
      },
      startIdentityJoin: { token: "t", providerId: "dev" },
      startIdentityAccept: { token: "t", providerId: "dev" },
      verifyEmail: { token: "t" },
      resendVerificationEmail: { email: "a@acme.example.com" },
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
