import { gzipSync } from "node:zlib";
import { createScryptHasher } from "@foyer/server/node";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SEEDED_SIGN_INS } from "./seed.ts";
import {
  call,
  createTestDatabase,
  type RunningApp,
  signIn,
  startApp,
  type TestDatabase,
} from "./test-kit.ts";

// R-SDK-06: no request can produce a 500 by its content. fast-check generates requests for
// every operation of the app's /openapi.json (plus the app's own /login and /logout): values
// that fit the schema, wrong types, nulls, arrays for objects, huge and odd Unicode strings,
// crafted and corrupted cursors, odd ids in paths, odd Content-Types and encodings, broken
// and oversized bodies. Every answer must be below 500 and, for an error, in Foyer's error
// shape; afterwards the app still signs in, lists and invites. Runs on PGlite, and on
// PostgreSQL when FOYER_TEST_DATABASE_URL is set. FOYER_FUZZ_RUNS changes the count (5,000
// per store by default); FOYER_FUZZ_SEED replays a run.

const RUNS = Number(process.env.FOYER_FUZZ_RUNS ?? 5_000);
const SEED = process.env.FOYER_FUZZ_SEED ? Number(process.env.FOYER_FUZZ_SEED) : undefined;
const pgUrl = process.env.FOYER_TEST_DATABASE_URL;
if (!pgUrl)
  console.warn("fuzz.test.ts: the PostgreSQL run is skipped: FOYER_TEST_DATABASE_URL is not set.");

const morgan = SEEDED_SIGN_INS.find((s) => s.roleId === "msp_admin")!;
const alex = SEEDED_SIGN_INS.find((s) => s.email === "alex@acme.example")!;

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
};

interface Operation {
  method: "GET" | "POST";
  /** The path below the app's root, with `{param}` placeholders. */
  path: string;
  pathParams: string[];
  query: Array<{ name: string; schema: JsonSchema }>;
  body: JsonSchema | null;
  /** Whether the body must be JSON (`/logout` reads none). */
  cookies: "admin" | "none";
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters: Array<{ name: string; in: string; schema: JsonSchema }>;
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
}

/** Every operation of the document, mounted at /api/foyer, plus the app's own sign-in. */
function operationsOf(doc: OpenApi): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      out.push({
        method: method.toUpperCase() as "GET" | "POST",
        path: `/api/foyer${path}`,
        pathParams: op.parameters.filter((p) => p.in === "path").map((p) => p.name),
        query: op.parameters
          .filter((p) => p.in === "query")
          .map((p) => ({ name: p.name, schema: p.schema })),
        body: op.requestBody?.content["application/json"]?.schema ?? null,
        cookies: "admin",
      });
    }
  }
  out.push({
    method: "POST",
    path: "/login",
    pathParams: [],
    query: [],
    body: {
      type: "object",
      properties: {
        email: { type: "string", maxLength: 254 },
        password: { type: "string", maxLength: 1024 },
      },
      required: ["email", "password"],
    },
    cookies: "none",
  });
  // A sign-out would end the fuzzer's own admin session: it gets no usable cookie.
  out.push({
    method: "POST",
    path: "/logout",
    pathParams: [],
    query: [],
    body: null,
    cookies: "none",
  });
  return out;
}

// Strings a careless parser, a database or a log line chokes on.
const NASTY = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDFFFy",
  "\uFFFE\uFFFF",
  "\u202Eevil",
  "𝕏𝕐ℤ",
  "Ω≈ç√∫",
  "👩‍👩‍👧‍👦",
  "\u00AD\u200B\u2060",
  "../../etc/passwd",
  "%00",
  "%",
  "%zz",
  "' OR 1=1 --",
  "'; drop table foyer_invitations; --",
  "<script>alert(1)</script>",
  "null",
  "NaN",
  "-1",
  "1e309",
  "__proto__",
  "constructor",
  "\r\n\r\n",
  "\t",
  "\\",
  "$\u007Bjndi:ldap://x}", // a log4j lookup, written so it is not read as a template
];
const nasty = fc.constantFrom(...NASTY);
const huge = fc
  .tuple(fc.constantFrom(300, 5_000, 70_000), fc.constantFrom("a", "é", "𝕏", "\u0000", "%", "@"))
  .map(([n, ch]) => ch.repeat(n));
const oddString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 3, arbitrary: nasty },
  { weight: 1, arbitrary: huge },
);
const anyJson = fc.jsonValue({ maxDepth: 3 });
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  oddString,
  fc.array(anyJson, { maxLength: 4 }),
  fc.dictionary(oddString, anyJson, { maxKeys: 4 }),
);

/** Dates a cursor may claim: PostgreSQL's range ends at 4713 BC; JavaScript's at ±275,760 years. */
const cursorDate = fc.oneof(
  fc.constantFrom(
    "-271821-04-20T00:00:00.000Z",
    "+275760-09-13T00:00:00.000Z",
    "-004714-11-23T00:00:00.000Z",
    "-004713-11-24T00:00:00.000Z",
    "0000-01-01T00:00:00.000Z",
    "1970-01-01T00:00:00.000Z",
    "2026-13-45T99:99:99Z",
    "",
    "\u0000",
    "now",
  ),
  fc.date().map((date) => (Number.isNaN(date.getTime()) ? "Invalid" : date.toISOString())),
  oddString,
);
const cursorId = fc.oneof(fc.uuid(), nasty, oddString, fc.constant("a\u0000b"));

interface Known {
  /** Invitation ids: the seed's, and every one the fuzz creates (the pool grows). */
  invitationIds: string[];
  /** Tokens of links the fuzz's own invitations answered with (delivery "link"). */
  tokens: string[];
  cursors: string[];
  roleIds: string[];
  tenantIds: string[];
}

function base64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

function cursorArbitrary(known: Known): fc.Arbitrary<string> {
  const crafted = fc
    .record(
      {
        v: cursorDate,
        a: cursorDate,
        i: cursorId,
        s: fc.oneof(fc.constantFrom("sentAt", "expiresAt"), oddString),
        o: fc.oneof(fc.constantFrom("asc", "desc"), oddString),
      },
      { requiredKeys: [] },
    )
    .map((value) => base64url(JSON.stringify(value)));
  const mangled = fc
    .tuple(fc.constantFrom(...known.cursors), fc.nat(), fc.string({ maxLength: 3 }))
    .map(([cursor, at, insert]) => {
      const i = at % (cursor.length + 1);
      return `${cursor.slice(0, i)}${insert}${cursor.slice(i + 1)}`;
    });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...known.cursors) },
    { weight: 4, arbitrary: crafted },
    { weight: 2, arbitrary: mangled },
    { weight: 1, arbitrary: anyJson.map((value) => base64url(JSON.stringify(value))) },
    { weight: 1, arbitrary: oddString },
  );
}

/**
 * A value for a schema. Friendly values fit the schema all the way down (so requests get past
 * validation into the services and the database); hostile ones fit mostly, with wrong types,
 * odd strings and extra keys mixed in at every level.
 */
function valueFor(
  schema: JsonSchema,
  name: string,
  known: Known,
  hostile: boolean,
): fc.Arbitrary<unknown> {
  if (!hostile) return fitting(schema, name, known, false);
  return fc.oneof(
    { weight: 6, arbitrary: fitting(schema, name, known, true) },
    { weight: 1, arbitrary: wrongValue },
  );
}

function stringFor(
  schema: JsonSchema,
  name: string,
  known: Known,
  hostile: boolean,
): fc.Arbitrary<string> {
  const max = Math.min(schema.maxLength ?? 200, 300);
  const plain = fc.string({ minLength: Math.max(schema.minLength ?? 0, 1), maxLength: max });
  const byName: Record<string, fc.Arbitrary<string>> = {
    tenantId: hostile
      ? fc.constantFrom(...known.tenantIds, "nope")
      : fc.constantFrom("acme", "acme", "globex", "northwind"),
    roleId: hostile ? fc.constantFrom(...known.roleIds, "nope") : fc.constantFrom("client_user"),
    // A seeded account's address and password more often than not, so a sign-in gets through
    // often enough that a run never ends without one (it did, about one run in twenty).
    email: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(morgan.email, "MORGAN@Northwind.Example") },
      { weight: 1, arbitrary: fc.emailAddress() },
      { weight: 1, arbitrary: fc.constantFrom("max@bücher.de", "a@b") },
    ),
    emails: fc.oneof(
      fc.emailAddress(),
      fc.constantFrom(
        "new.person@acme.example",
        "pat.former@acme.example",
        "Max@Bücher.de",
        '"quoted"@acme.example',
        "x@[127.0.0.1]",
        "a@b",
      ),
    ),
    token: fc.oneof(
      fc.base64String({ minLength: 40, maxLength: 48 }),
      fc.string({ minLength: 43, maxLength: 43 }),
      // A live token now and then, so accept and preview get past the token check.
      fc.nat().map((n) => known.tokens[n % Math.max(1, known.tokens.length)] ?? "none-yet"),
    ),
    password: fc.oneof(
      { weight: 3, arbitrary: fc.constant(morgan.password) },
      { weight: 1, arbitrary: fc.constantFrom("Violet-Harbor-73!", "password") },
      { weight: 1, arbitrary: plain },
    ),
    passwordConfirmation: fc.constantFrom("Violet-Harbor-73!", "password", "x"),
    cursor: cursorArbitrary(known),
  };
  const named = byName[name] ?? plain;
  if (!hostile) return name === "cursor" ? fc.constantFrom(...known.cursors) : named;
  return fc.oneof({ weight: 3, arbitrary: named }, { weight: 1, arbitrary: oddString });
}

function fitting(
  schema: JsonSchema,
  name: string,
  known: Known,
  hostile: boolean,
): fc.Arbitrary<unknown> {
  if (schema.anyOf && schema.anyOf.length > 0) {
    return fc.oneof(...schema.anyOf.map((s) => fitting(s, name, known, hostile)));
  }
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case "string":
      return stringFor(schema, name, known, hostile);
    case "integer": {
      const inRange = fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
      if (!hostile) return inRange;
      return fc.oneof(
        inRange,
        fc.integer(),
        fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1),
      );
    }
    case "number":
      return fc.double();
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(valueFor(schema.items ?? {}, name, known, hostile), {
        minLength: hostile ? 0 : 1,
        maxLength: Math.min(schema.maxItems ?? 8, 8),
      });
    case "object": {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(
        Object.entries(properties).map(([key, sub]) => [key, valueFor(sub, key, known, hostile)]),
      );
      const record = fc.record(model, { requiredKeys: schema.required ?? [] });
      if (!hostile) return record;
      return fc.oneof(
        { weight: 5, arbitrary: record },
        // Missing required fields, unknown fields, prototype keys.
        { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(record, fc.dictionary(fc.oneof(oddString, nasty), anyJson, { maxKeys: 3 }))
            .map(([a, extra]) => ({ ...extra, ...(a as object) })),
        },
      );
    }
    default:
      return anyJson;
  }
}

/** How the body travels. */
type BodyPlan =
  | { kind: "json"; value: unknown }
  | { kind: "raw"; bytes: Uint8Array<ArrayBuffer> }
  | { kind: "none" };

const RAW_BODIES: Uint8Array<ArrayBuffer>[] = [
  "",
  "{",
  "nul",
  '{"a":1}{"b":2}',
  "\uFEFF{}",
  `${"[".repeat(5_000)}${"]".repeat(5_000)}`,
  `{"token":"${"\\u0000".repeat(10)}"}`,
  `{"__proto__":{"admin":true},"token":"x"}`,
  `{"emails":"${"a".repeat(400_000)}"}`,
].map((text) => new Uint8Array(Buffer.from(text, "utf8")));
RAW_BODIES.push(new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]), new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]));

const bodyPlan = (op: Operation, known: Known): fc.Arbitrary<BodyPlan> =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .boolean()
        .chain((hostile) => (op.body ? valueFor(op.body, "body", known, hostile) : anyJson))
        .map((value): BodyPlan => ({ kind: "json", value })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...RAW_BODIES).map((bytes): BodyPlan => ({ kind: "raw", bytes })),
    },
    { weight: 1, arbitrary: fc.constant<BodyPlan>({ kind: "none" }) },
  );

const contentType = fc.oneof(
  { weight: 12, arbitrary: fc.constant("application/json") },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "application/json; charset=utf-8",
      "application/json; charset=latin1",
      'application/json; charset="UTF-8"',
      "APPLICATION/JSON",
      "text/plain",
      "text/plain;charset=UTF-8",
      "multipart/form-data; boundary=x",
      "application/x-www-form-urlencoded",
      "application/vnd.api+json",
      "application/json; charset=utf-16",
      "*/*",
      "",
    ),
  },
  { weight: 1, arbitrary: fc.constant(null) },
);
const contentEncoding = fc.oneof(
  { weight: 12, arbitrary: fc.constant(null) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "gzip",
      "gzip-corrupt",
      "deflate",
      "br",
      "x-unknown",
      "identity",
      "gzip, gzip",
    ),
  },
);

interface RequestPlan {
  op: Operation;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | undefined;
}

function requestPlan(ops: Operation[], known: Known, cookies: { admin: string; other: string }) {
  const invitationId = fc
    .nat()
    .map((n) => known.invitationIds[n % known.invitationIds.length] ?? "none");
  const tenantId = fc.constantFrom(...known.tenantIds);
  /** A path parameter: mostly a real id of its kind, else another kind's, odd or broken. */
  const pathValue = (name: string) =>
    fc.oneof(
      { weight: 4, arbitrary: (name === "tenantId" ? tenantId : invitationId).map(encodeSegment) },
      { weight: 1, arbitrary: (name === "tenantId" ? invitationId : tenantId).map(encodeSegment) },
      { weight: 2, arbitrary: oddString.filter((s) => s.length > 0).map(encodeSegment) },
      {
        weight: 1,
        arbitrary: fc.constantFrom("%00", "%zz", "%2F", "..", "%2e%2e", "a%00b", "%C3%28"),
      },
    );
  return fc.constantFrom(...ops).chain((op) =>
    fc
      .record({
        method: fc.oneof(
          { weight: 20, arbitrary: fc.constant(op.method) },
          {
            weight: 1,
            arbitrary: fc.constantFrom("PUT", "DELETE", "PATCH", "GET", "POST", "OPTIONS"),
          },
        ),
        params: fc.tuple(...op.pathParams.map(pathValue)),
        // Mostly the operation's own parameters, sometimes a stray one: with a stray one in
        // every other request, an operation with filters reached its service by luck alone.
        query: fc.array(
          fc.oneof(
            ...(op.query.length > 0
              ? [
                  {
                    weight: 3,
                    arbitrary: fc.constantFrom(...op.query).chain((q) =>
                      fc.tuple(
                        fc.constant(q.name),
                        fitting(q.schema, q.name, known, true).map((v) =>
                          typeof v === "string" ? v : (JSON.stringify(v) ?? ""),
                        ),
                      ),
                    ),
                  },
                ]
              : []),
            { weight: 1, arbitrary: fc.tuple(oddString, oddString) },
          ),
          { maxLength: 3 },
        ),
        rawQuery: fc.oneof(
          { weight: 9, arbitrary: fc.constant("") },
          {
            weight: 1,
            arbitrary: fc.constantFrom("&%zz=1", "&cursor=%00", "&limit=1&limit=2", "&=", "&q=%"),
          },
        ),
        body: bodyPlan(op, known),
        contentType,
        contentEncoding,
        auth: fc.constantFrom(
          "admin",
          "admin",
          "admin",
          "admin",
          "other",
          "none",
          "forged",
          "bearer",
        ),
        idempotencyKey: fc.oneof(
          { weight: 6, arbitrary: fc.constant(null) },
          {
            weight: 1,
            arbitrary: fc.string({
              unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
              maxLength: 300,
            }),
          },
        ),
        origin: fc.oneof(
          { weight: 8, arbitrary: fc.constant(null) },
          {
            weight: 1,
            arbitrary: fc.constantFrom("http://localhost:3000", "https://evil.example", "null"),
          },
        ),
      })
      .map((r): RequestPlan => {
        let path = op.path;
        op.pathParams.forEach((name, i) => {
          path = path.replace(`{${name}}`, r.params[i] ?? "x");
        });
        const search = new URLSearchParams(r.query).toString();
        const query = `${search}${r.rawQuery}`;
        const headers: Record<string, string> = {};
        if (r.contentType !== null) headers["content-type"] = r.contentType;
        if (op.cookies === "admin" && r.auth === "admin") headers.cookie = cookies.admin;
        if (op.cookies === "admin" && r.auth === "other") headers.cookie = cookies.other;
        if (r.auth === "forged") headers.cookie = "foyer_ref_session=s%3Aforged.AAAA";
        if (r.auth === "bearer") headers.authorization = "Bearer not-a-key";
        if (r.idempotencyKey !== null) headers["idempotency-key"] = r.idempotencyKey;
        if (r.origin !== null) headers.origin = r.origin;
        let body: Uint8Array<ArrayBuffer> | undefined;
        if (r.method !== "GET") {
          if (r.body.kind === "json") {
            body = new Uint8Array(Buffer.from(JSON.stringify(r.body.value) ?? "null", "utf8"));
          } else if (r.body.kind === "raw") body = r.body.bytes;
          if (body && r.contentEncoding !== null) {
            if (r.contentEncoding === "gzip") body = new Uint8Array(gzipSync(body));
            if (r.contentEncoding === "gzip-corrupt")
              body = new Uint8Array(gzipSync(body)).slice(0, 12);
            headers["content-encoding"] =
              r.contentEncoding === "gzip-corrupt" ? "gzip" : r.contentEncoding;
          }
        }
        return { op, method: r.method, url: query ? `${path}?${query}` : path, headers, body };
      }),
  );
}

/** Percent-encodes a path segment; lone surrogates (which encodeURIComponent refuses) as U+FFFD. */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, "utf8")]
      .map((b) => `%${b.toString(16).padStart(2, "0")}`)
      .join("");
  }
}

function describePlan(plan: RequestPlan): string {
  const body = plan.body ? Buffer.from(plan.body).toString("utf8").slice(0, 300) : "";
  return `${plan.method} ${plan.url.slice(0, 300)} ${JSON.stringify(plan.headers).slice(0, 300)} ${JSON.stringify(body)}`;
}

/** Adds the ids and link tokens of a create answer to the pools the generators draw from. */
function harvest(text: string, known: Known): void {
  const body = JSON.parse(text) as {
    created?: { link?: string | null; invitation?: { id?: string } }[];
  };
  for (const entry of body.created ?? []) {
    if (entry.invitation?.id) known.invitationIds.push(entry.invitation.id);
    const token = entry.link ? new URL(entry.link).hash.match(/token=([^&]+)/)?.[1] : undefined;
    if (token) known.tokens.push(decodeURIComponent(token));
  }
}

/** What is wrong with an answer, or null. */
function judge(response: Response, text: string, plan: RequestPlan): string | null {
  if (response.status >= 500) return `status ${response.status}`;
  if (response.status < 400 || plan.method === "OPTIONS") return null;
  // Node's HTTP parser itself refuses what never reaches the app (a 431 for a request line
  // or headers over its size limit) with an empty body: not the app's answer.
  if (text === "" && response.headers.get("content-type") === null) {
    return [400, 413, 431].includes(response.status) ? null : `empty ${response.status}`;
  }
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof parsed.error?.code === "string" && typeof parsed.error.message === "string") {
      return null;
    }
  } catch {
    // Falls through to the report below.
  }
  return `no error shape in ${response.status}`;
}

/** Runs the fuzzer against a running app; answers how many requests went to each operation, and how many of them succeeded. */
async function fuzz(
  running: RunningApp,
): Promise<{ hits: Map<string, number>; successes: Map<string, number> }> {
  const { baseUrl } = running;
  const doc = (await call<OpenApi>(baseUrl, "GET", "/openapi.json")).body;
  const ops = operationsOf(doc);
  const admin = await signIn(baseUrl, morgan.email, morgan.password);
  const other = await signIn(baseUrl, alex.email, alex.password);

  // Real ids and cursors, so generated requests reach the services and the database.
  const list = await call<{ items: { id: string }[]; nextCursor: string | null }>(
    baseUrl,
    "GET",
    "/api/foyer/invitations?status=all&limit=20",
    { cookie: admin },
  );
  const firstPage = await call<{ nextCursor: string | null }>(
    baseUrl,
    "GET",
    "/api/foyer/invitations?status=all&limit=1",
    { cookie: admin },
  );
  const events = await call<{ nextCursor: string | null }>(
    baseUrl,
    "GET",
    "/api/foyer/tenants/acme/events?limit=1",
    { cookie: admin },
  );
  const roles = await call<{ roles: { role: { id: string } }[] }>(
    baseUrl,
    "GET",
    "/api/foyer/tenants/acme/roles",
    { cookie: admin },
  );
  const known: Known = {
    invitationIds: list.body.items.map((i) => i.id),
    tokens: [],
    cursors: [firstPage.body.nextCursor, events.body.nextCursor].filter((c): c is string => !!c),
    roleIds: roles.body.roles.map((r) => r.role.id),
    tenantIds: ["acme", "globex", "northwind", "securelink", "guardian"],
  };
  expect(known.invitationIds.length).toBeGreaterThan(0);
  expect(known.cursors.length).toBe(2);

  const hits = new Map<string, number>();
  const successes = new Map<string, number>();
  const failures: string[] = [];
  const details = await fc.check(
    fc.asyncProperty(requestPlan(ops, known, { admin, other }), async (plan) => {
      const key = `${plan.op.method} ${plan.op.path}`;
      hits.set(key, (hits.get(key) ?? 0) + 1);
      const response = await fetch(`${baseUrl}${plan.url}`, {
        method: plan.method,
        headers: plan.headers,
        ...(plan.body ? { body: plan.body } : {}),
        redirect: "manual",
      });
      const text = await response.text();
      if (response.ok) {
        successes.set(key, (successes.get(key) ?? 0) + 1);
        if (key === "POST /api/foyer/invitations") harvest(text, known);
      }
      const problem = judge(response, text, plan);
      if (problem) failures.push(`${problem} for ${describePlan(plan)}: ${text.slice(0, 200)}`);
      return problem === null;
    }),
    { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: true },
  );
  if (details.failed) {
    // The counterexample itself can be megabytes: report the first failure, shortened.
    throw new Error(
      `Fuzz failed (seed ${details.seed}, path ${details.counterexamplePath}): ${failures[0] ?? String(details.errorInstance).slice(0, 500)}`,
    );
  }
  return { hits, successes };
}

/** The app still works after the fuzz: sign-in, list, invite, and no error was logged. */
async function expectHealthy(running: RunningApp, errors: string[]): Promise<void> {
  const { baseUrl } = running;
  const cookie = await signIn(baseUrl, alex.email, alex.password);
  const list = await call(baseUrl, "GET", "/api/foyer/invitations?tenantId=acme&status=all", {
    cookie,
  });
  expect(list.status).toBe(200);
  const created = await call<{ created: unknown[] }>(baseUrl, "POST", "/api/foyer/invitations", {
    cookie,
    body: { tenantId: "acme", emails: ["after.the.fuzz@acme.example"], roleId: "client_user" },
  });
  expect(created.status).toBe(200);
  expect(created.body.created).toHaveLength(1);
  expect((await call(baseUrl, "GET", "/openapi.json")).status).toBe(200);
  expect(errors).toEqual([]);
}

async function startFuzzTarget(databaseUrl: string | undefined, errors: string[]) {
  return startApp({
    ...(databaseUrl ? { databaseUrl } : { inMemory: true }),
    seed: true,
    webDir: inject("foyerWebDir"),
    // A cheap scrypt: the fuzz is about input, and /login hashes on every well-formed try.
    passwordHasher: createScryptHasher({ N: 2 ** 10 }),
    // Limits would answer 429 long before the fuzz reached the services.
    rateLimiter: null,
    loginRateLimit: { points: 1_000_000, durationSeconds: 60 },
    loginFailureLimits: {
      failedPerAddress: { points: 1_000_000, durationSeconds: 60 },
      failedPerAccount: { points: 1_000_000, durationSeconds: 60 },
      failedGlobal: { points: 1_000_000, durationSeconds: 60 },
    },
    logger: { info() {}, warn() {}, error: (message) => errors.push(message) },
  });
}

function expectEveryOperation(result: {
  hits: Map<string, number>;
  successes: Map<string, number>;
}): void {
  const { hits, successes } = result;
  const total = [...hits.values()].reduce((a, b) => a + b, 0);
  expect(total).toBeGreaterThanOrEqual(RUNS);
  // 13 operations; each gets its share.
  expect(hits.size).toBeGreaterThanOrEqual(13);
  for (const [op, count] of hits) expect(count, op).toBeGreaterThan(RUNS / 40);
  // The generated input gets past validation to the services, not only to 4xx answers.
  for (const op of [
    "GET /api/foyer/context",
    "GET /api/foyer/invitations",
    "POST /api/foyer/invitations",
    "GET /api/foyer/tenants/{tenantId}/events",
    "GET /api/foyer/invitations/{invitationId}",
    "POST /login",
  ]) {
    expect(successes.get(op) ?? 0, op).toBeGreaterThan(0);
  }
  if (process.env.FOYER_FUZZ_REPORT) {
    console.info(
      [...hits].map(([op, n]) => `${op}: ${n} requests, ${successes.get(op) ?? 0} 2xx`).join("\n"),
    );
  }
}

describe("fuzz on PGlite", () => {
  let running: RunningApp;
  const errors: string[] = [];
  beforeAll(async () => {
    running = await startFuzzTarget(undefined, errors);
  });
  afterAll(async () => {
    await running?.stop();
  });

  it(`R-SDK-06: ${RUNS} generated requests over every route answer below 500, and the app stays healthy`, async () => {
    expectEveryOperation(await fuzz(running));
    await expectHealthy(running, errors);
  }, 180_000);
});

describe.skipIf(!pgUrl)("fuzz on PostgreSQL", () => {
  let running: RunningApp;
  let database: TestDatabase;
  const errors: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase(pgUrl!, "foyer_fuzz");
    running = await startFuzzTarget(database.url, errors);
  });
  afterAll(async () => {
    await running?.stop();
    await database?.drop();
  });

  it(`R-SDK-06: ${RUNS} generated requests over every route answer below 500 on PostgreSQL, and the app stays healthy`, async () => {
    expectEveryOperation(await fuzz(running));
    await expectHealthy(running, errors);
  }, 180_000);
});
