import { ErrorBodySchema, type RouteDef, type RouteName, routes } from "@foyer/core";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { createOpenApiDocument } from "./openapi.ts";

const routeNames = Object.keys(routes) as RouteName[];

describe("createOpenApiDocument", () => {
  const doc = createOpenApiDocument({
    title: "Acme API",
    version: "2.0.0",
    serverUrl: "/api/foyer",
  });
  const operationOf = (route: RouteDef) => {
    const operation = doc.paths[route.path]?.[route.method === "GET" ? "get" : "post"];
    if (!operation) throw new Error(`${route.method} ${route.path} is missing`);
    return operation;
  };

  it("R-SDK-05: lists every route of core's table, and nothing else", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: "Acme API", version: "2.0.0" });
    expect(doc.servers).toEqual([{ url: "/api/foyer" }]);
    const listed = Object.values(doc.paths).flatMap((item) =>
      Object.values(item).map((operation) => operation.operationId),
    );
    expect(listed.sort()).toEqual([...routeNames].sort());
  });

  it("R-SDK-05: request bodies and responses are core's schemas, input and output", () => {
    for (const name of routeNames) {
      const route: RouteDef = routes[name];
      const operation = operationOf(route);
      const success = operation.responses[String(route.status)]?.content?.["application/json"];
      const { $schema: _r, ...response } = z.toJSONSchema(route.response, { io: "output" });
      expect(success?.schema, name).toEqual(response);
      if (route.body) {
        const { $schema: _b, ...body } = z.toJSONSchema(route.body, { io: "input" });
        expect(operation.requestBody?.content["application/json"]?.schema, name).toEqual(body);
      } else {
        expect(operation.requestBody, name).toBeUndefined();
      }
    }
    const create = operationOf(routes.createInvitations);
    expect(create.requestBody?.required).toBe(true);
    expect(create.requestBody?.content["application/json"]?.schema).toMatchObject({
      additionalProperties: false,
      required: expect.arrayContaining(["tenantId", "emails", "roleId"]),
    });
    expect(operationOf(routes.revokeInvitation).requestBody?.required).toBe(false);
  });

  it("R-SDK-05: query and path parameters come from the route", () => {
    const list = operationOf(routes.listInvitations);
    const names = list.parameters.filter((p) => p.in === "query").map((p) => p.name);
    expect(names.sort()).toEqual(
      ["counts", "cursor", "limit", "order", "q", "sort", "status", "tenantId"].sort(),
    );
    expect(list.parameters.find((p) => p.name === "limit")?.schema).toMatchObject({
      type: "integer",
      maximum: 100,
    });
    const events = operationOf(routes.listInvitationEvents);
    expect(events.parameters).toContainEqual({
      name: "invitationId",
      in: "path",
      required: true,
      schema: { type: "string" },
    });
  });

  it("R-SDK-08: idempotent routes document the Idempotency-Key header and 422", () => {
    for (const name of routeNames) {
      const route: RouteDef = routes[name];
      const operation = operationOf(route);
      const header = operation.parameters.find((p) => p.name === "Idempotency-Key");
      expect(Boolean(header), name).toBe(Boolean(route.idempotent));
      expect(Boolean(operation.responses["422"]), name).toBe(Boolean(route.idempotent));
    }
  });

  it("R-SDK-06: every error answer refers to the error body schema", () => {
    const { $schema: _e, ...errorBody } = z.toJSONSchema(ErrorBodySchema, { io: "output" });
    expect(doc.components.schemas.ErrorBody).toEqual(errorBody);
    for (const name of routeNames) {
      const route: RouteDef = routes[name];
      const errors = Object.entries(operationOf(route).responses).filter(
        ([status]) => Number(status) >= 400,
      );
      expect(errors.length, name).toBeGreaterThan(2);
      for (const [, answer] of errors) {
        expect(answer.content?.["application/json"]?.schema).toEqual({
          $ref: "#/components/schemas/ErrorBody",
        });
      }
    }
    const accept = operationOf(routes.acceptInvitation);
    expect(accept.responses["429"]?.headers?.["Retry-After"]).toBeDefined();
  });

  it("R-TEN-03: admin routes require the host session, public routes nothing", () => {
    expect(doc.components.securitySchemes.hostSession).toMatchObject({ type: "apiKey" });
    for (const name of routeNames) {
      const route: RouteDef = routes[name];
      expect(operationOf(route).security, name).toEqual(
        route.access === "admin" ? [{ hostSession: [] }] : [],
      );
    }
  });

  it("R-INV-11: no path of the document carries a token", () => {
    for (const path of Object.keys(doc.paths)) expect(path).not.toMatch(/token/i);
    const preview = operationOf(routes.previewInvitation);
    expect(preview.parameters).toEqual([]);
    expect(preview.requestBody?.content["application/json"]?.schema).toMatchObject({
      required: ["token"],
    });
  });
});
