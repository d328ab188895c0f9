import { ErrorBodySchema, type RouteDef, routes } from "@foyer/core";
import * as z from "zod/mini";
import { routeNames } from "./route-matcher.ts";

/** A JSON Schema object as `z.toJSONSchema` makes it. */
export type JsonSchema = Record<string, unknown>;

/** One parameter of an operation. */
export interface OpenApiParameter {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

/** One answer of an operation. */
export interface OpenApiResponse {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, { schema: JsonSchema }>;
}

/** One operation (method + path). */
export interface OpenApiOperation {
  operationId: string;
  summary: string;
  tags: string[];
  parameters: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, OpenApiResponse>;
  security: Array<Record<string, string[]>>;
}

/** The OpenAPI 3.1 document of the Foyer API. */
export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers?: Array<{ url: string }>;
  paths: Record<string, Partial<Record<"get" | "post", OpenApiOperation>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, Record<string, unknown>>;
  };
}

/** Options of `createOpenApiDocument`. */
export interface OpenApiOptions {
  /** @default "Foyer API" */
  title?: string;
  /** @default "1.0.0" */
  version?: string;
  /**
   * Where the API is mounted, such as `/api/foyer` or `https://app.example.com/api/foyer`.
   * @default no `servers` entry (paths are relative to wherever the document was fetched)
   */
  serverUrl?: string;
}

function jsonSchema(schema: z.ZodMiniType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  return rest;
}

const errorRef = { $ref: "#/components/schemas/ErrorBody" };
const errorContent = { "application/json": { schema: errorRef } };

function errorAnswer(description: string): OpenApiResponse {
  return { description, content: errorContent };
}

function parameters(route: RouteDef): OpenApiParameter[] {
  const out: OpenApiParameter[] = [];
  for (const [, name] of route.path.matchAll(/\{(\w+)\}/g)) {
    if (name) out.push({ name, in: "path", required: true, schema: { type: "string" } });
  }
  if (route.query) {
    const schema = jsonSchema(route.query, "input");
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      out.push({ name, in: "query", required: required.has(name), schema: property });
    }
  }
  if (route.idempotent) {
    out.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description:
        "Makes a retry safe (R-SDK-08): the same key with the same request answers the first answer again, with `Idempotency-Replayed: true`; plaintext links are not kept, so a replay carries `link: null`.",
      schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x20-\\x7E]+$" },
    });
  }
  return out;
}

function responses(route: RouteDef): Record<string, OpenApiResponse> {
  const out: Record<string, OpenApiResponse> = {
    [String(route.status)]: {
      description: route.summary,
      content: { "application/json": { schema: jsonSchema(route.response, "output") } },
    },
    "400": errorAnswer("VALIDATION_FAILED or MALFORMED_JSON; `issues` name each field"),
  };
  if (route.access === "admin") {
    out["401"] = errorAnswer("UNAUTHENTICATED: no actor");
    out["403"] = errorAnswer("FORBIDDEN or ROLE_NOT_GRANTABLE");
    out["404"] = errorAnswer("NOT_FOUND, TENANT_NOT_FOUND or INVITATION_NOT_FOUND");
  } else {
    out["404"] = errorAnswer("TOKEN_INVALID");
    out["410"] = errorAnswer(
      "INVITATION_EXPIRED, INVITATION_REVOKED, INVITATION_ALREADY_USED, INVITATION_SUPERSEDED or TENANT_INACTIVE",
    );
  }
  out["409"] = errorAnswer("A state conflict; see `error.code`");
  if (route.method === "POST") {
    out["413"] = errorAnswer("PAYLOAD_TOO_LARGE");
    out["415"] = errorAnswer("UNSUPPORTED_MEDIA_TYPE: send application/json");
  }
  if (route.idempotent) out["422"] = errorAnswer("IDEMPOTENCY_KEY_REUSED");
  if (route.rateLimit) {
    out["429"] = {
      ...errorAnswer("RATE_LIMITED"),
      headers: {
        "Retry-After": { description: "Seconds to wait", schema: { type: "integer", minimum: 1 } },
      },
    };
  }
  out["500"] = errorAnswer("INTERNAL");
  return out;
}

function operation(name: string, route: RouteDef): OpenApiOperation {
  const op: OpenApiOperation = {
    operationId: name,
    summary: route.summary,
    tags: [route.access === "admin" ? "admin" : "public"],
    parameters: parameters(route),
    responses: responses(route),
    security: route.access === "admin" ? [{ hostSession: [] }] : [],
  };
  if (route.body) {
    op.requestBody = {
      // An empty body counts as `{}`, so a body is optional exactly when `{}` is valid.
      required: !route.body.safeParse({}).success,
      content: { "application/json": { schema: jsonSchema(route.body, "input") } },
    };
  }
  return op;
}

/**
 * The OpenAPI 3.1 document of the API (R-SDK-05), generated from core's route table and
 * schemas: nothing here restates a request or response shape.
 * @example
 * app.get("/api/foyer/openapi.json", (_req, res) => res.json(createOpenApiDocument({ serverUrl: "/api/foyer" })));
 */
export function createOpenApiDocument(options: OpenApiOptions = {}): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const name of routeNames) {
    const route: RouteDef = routes[name];
    const method = route.method === "GET" ? "get" : "post";
    paths[route.path] = { ...paths[route.path], [method]: operation(name, route) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: options.title ?? "Foyer API",
      version: options.version ?? "1.0.0",
      description:
        "Invitations and onboarding. Every error answers `{ error: { code, message, issues? } }`.",
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    paths,
    components: {
      schemas: { ErrorBody: jsonSchema(ErrorBodySchema, "output") },
      securitySchemes: {
        hostSession: {
          type: "apiKey",
          in: "cookie",
          name: "session",
          description:
            "The host application's own session: whatever its `authenticate` hook reads (a session cookie, or an `Authorization: Bearer` token). Foyer has no credentials of its own.",
        },
      },
    },
  };
}
