import {
  type AcceptResult,
  type AuditPage,
  type BatchResult,
  buildPath,
  type ErrorBody,
  type Invitation,
  type InvitationPreview,
  type InviteLink,
  type InviteLinkPreview,
  type RouteName,
  routes,
  type SessionContext,
  type TenantRoles,
} from "@foyer/core";
import { describe, expect, it, vi } from "vitest";
import { createFoyerClient } from "./create-foyer-client.ts";
import { FoyerClientError, isFoyerClientError } from "./errors/foyer-client-error.ts";
import { FoyerContractError, isFoyerContractError } from "./errors/foyer-contract-error.ts";
import { FoyerError, isFoyerError } from "./errors/foyer-error.ts";
import { FoyerNetworkError, isFoyerNetworkError } from "./errors/foyer-network-error.ts";
import type { FoyerClient, FoyerClientOptions } from "./types.ts";

const BASE = "https://app.example.com/api/foyer";
const TOKEN = "tok_Zx9-secret-value-that-must-stay-in-bodies_0123456789abcdef";
const AT = "2026-03-01T10:00:00.000Z";

const invitation: Invitation = {
  id: "inv_1",
  tenantId: "t_acme",
  tenantName: "Acme",
  email: "ada@example.com",
  name: null,
  role: { id: "r_user", name: "User" },
  department: null,
  teams: [],
  message: null,
  status: "pending",
  invitedBy: { id: "u_admin", email: "admin@example.com", name: "Admin" },
  sentAt: AT,
  expiresAt: "2026-03-08T10:00:00.000Z",
  acceptedAt: null,
  acceptedUserId: null,
  revokedAt: null,
  revokedBy: null,
  resendCount: 0,
  delivery: { status: "queued", error: null, updatedAt: null, attempts: 0, lastAttemptAt: null },
  reminderSentAt: null,
};

const context: SessionContext = {
  actor: {
    id: "u_admin",
    email: "admin@example.com",
    name: "Admin",
    tenantId: "t_acme",
    roleId: "r_admin",
  },
  role: {
    id: "r_admin",
    name: "Admin",
    description: null,
    rank: 100,
    permissions: ["invitations:read", "invitations:create"],
    mspStaff: false,
    tenantId: null,
  },
  tenants: [],
};

const tenantRoles: TenantRoles = { roles: [{ role: context.role, grantable: true }] };
const auditPage: AuditPage = {
  items: [
    {
      id: "ev_1",
      tenantId: "t_acme",
      invitationId: "inv_1",
      action: "created",
      source: "email_invitation",
      actor: null,
      subjectEmail: "ada@example.com",
      at: AT,
      data: {},
    },
  ],
  nextCursor: null,
};
const batch: BatchResult = {
  dryRun: false,
  created: [{ email: "ada@example.com", invitation, link: null, replacedId: null }],
  skipped: [],
  seatsLeft: null,
};
const preview: InvitationPreview = {
  email: "ada@example.com",
  name: null,
  expiresAt: AT,
  tenant: { name: "Acme", logoUrl: null, accentColor: "#0055ff" },
  role: { name: "User" },
  invitedBy: { name: "Admin" },
  identityProviders: [],
  passwordAllowed: true,
};
const accepted: AcceptResult = {
  user: { id: "u_ada", email: "ada@example.com", firstName: "Ada", lastName: "Lovelace" },
  tenantId: "t_acme",
  next: "signed_in",
};

interface Seen {
  request: Request;
  body: string;
}

/** A fake fetch that records each request and answers from a queue (last answer repeats). */
function fakeFetch(...answers: Array<Response | (() => Response | Promise<Response>) | Error>) {
  const seen: Seen[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push({ request, body: await request.clone().text() });
    const answer = answers.length > 1 ? answers.shift() : answers[0];
    if (answer instanceof Error) throw answer;
    if (typeof answer === "function") return answer();
    if (!answer) throw new Error("fakeFetch has no answer");
    return answer.clone();
  });
  return { fetch, seen };
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

function errorBody(code: ErrorBody["error"]["code"], extra: Partial<ErrorBody["error"]> = {}) {
  return { error: { code, message: `server says ${code}`, ...extra } };
}

function client(
  fetch: typeof globalThis.fetch,
  options: Partial<FoyerClientOptions> = {},
): FoyerClient {
  return createFoyerClient({ baseUrl: BASE, fetch, ...options });
}

const inviteLink: InviteLink = {
  tenantId: "t_acme",
  enabled: true,
  state: "active",
  url: `https://app.example.com/join#token=${TOKEN}`,
  role: { id: "r_user", name: "User" },
  allowedDomains: ["example.com"],
  expiresAt: null,
  maxJoins: null,
  joinCount: 0,
  joinsSinceRegenerated: 0,
  ssoEnabled: false,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  regeneratedAt: null,
  updatedBy: null,
};

const linkPreview: InviteLinkPreview = {
  joinable: true,
  error: null,
  tenant: { name: "Acme", logoUrl: null, accentColor: null },
  role: { name: "User" },
  allowedDomains: [],
  termsUrl: null,
  privacyUrl: null,
  signInUrl: null,
  identityProviders: [],
};

/** Every endpoint, how to call it, and a valid answer for its schema. */
const calls: Array<{
  name: RouteName;
  params: Record<string, string>;
  answer: unknown;
  invoke: (c: FoyerClient) => Promise<unknown>;
}> = [
  { name: "getContext", params: {}, answer: context, invoke: (c) => c.getContext() },
  {
    name: "listTenantRoles",
    params: { tenantId: "t/acme" },
    answer: tenantRoles,
    invoke: (c) => c.listTenantRoles("t/acme"),
  },
  {
    name: "listTenantEvents",
    params: { tenantId: "t_acme" },
    answer: auditPage,
    invoke: (c) => c.listTenantEvents("t_acme", { limit: 10 }),
  },
  {
    name: "listInvitations",
    params: {},
    answer: { items: [invitation], nextCursor: "c2", counts: null },
    invoke: (c) => c.listInvitations(),
  },
  {
    name: "createInvitations",
    params: {},
    answer: batch,
    invoke: (c) =>
      c.createInvitations({ tenantId: "t_acme", emails: ["ada@example.com"], roleId: "r_user" }),
  },
  {
    name: "getInvitation",
    params: { invitationId: "inv_1" },
    answer: { invitation },
    invoke: (c) => c.getInvitation("inv_1"),
  },
  {
    name: "listInvitationEvents",
    params: { invitationId: "inv_1" },
    answer: auditPage,
    invoke: (c) => c.listInvitationEvents("inv_1"),
  },
  {
    name: "resendInvitation",
    params: { invitationId: "inv_1" },
    answer: { invitation, link: null },
    invoke: (c) => c.resendInvitation("inv_1"),
  },
  {
    name: "revokeInvitation",
    params: { invitationId: "inv_1" },
    answer: { invitation: { ...invitation, status: "revoked" } },
    invoke: (c) => c.revokeInvitation("inv_1"),
  },
  {
    name: "copyInvitationLink",
    params: { invitationId: "inv_1" },
    answer: { link: "https://x.example/accept-invite#token=k1.t", invitation },
    invoke: (c) => c.copyInvitationLink("inv_1"),
  },
  {
    name: "previewInvitation",
    params: {},
    answer: preview,
    invoke: (c) => c.previewInvitation(TOKEN),
  },
  {
    name: "acceptInvitation",
    params: {},
    answer: accepted,
    invoke: (c) =>
      c.acceptInvitation({
        token: TOKEN,
        firstName: "Ada",
        lastName: "Lovelace",
        password: "Correct-Horse-9",
        passwordConfirmation: "Correct-Horse-9",
      }),
  },
  {
    name: "getInviteLink",
    params: { tenantId: "t_acme" },
    answer: { link: inviteLink },
    invoke: (c) => c.getInviteLink("t_acme"),
  },
  {
    name: "updateInviteLink",
    params: { tenantId: "t_acme" },
    answer: { link: inviteLink },
    invoke: (c) => c.updateInviteLink("t_acme", { enabled: true, roleId: "r_user" }),
  },
  {
    name: "regenerateInviteLink",
    params: { tenantId: "t_acme" },
    answer: { link: inviteLink },
    invoke: (c) => c.regenerateInviteLink("t_acme"),
  },
  {
    name: "previewInviteLink",
    params: {},
    answer: linkPreview,
    invoke: (c) => c.previewInviteLink(TOKEN),
  },
  {
    name: "joinWithInviteLink",
    params: {},
    answer: { ...accepted, next: "verify_email" },
    invoke: (c) =>
      c.joinWithInviteLink({
        token: TOKEN,
        firstName: "Ada",
        lastName: "Lovelace",
        email: "ada@example.com",
        password: "Correct-Horse-9",
        passwordConfirmation: "Correct-Horse-9",
        acceptTerms: true,
      }),
  },
  {
    name: "startIdentityJoin",
    params: {},
    answer: { authorizationUrl: "https://id.example.com/authorize?state=s" },
    invoke: (c) => c.startIdentityJoin({ token: TOKEN, providerId: "microsoft" }),
  },
  {
    name: "startIdentityAccept",
    params: {},
    answer: { authorizationUrl: "https://id.example.com/authorize?state=a" },
    invoke: (c) => c.startIdentityAccept({ token: TOKEN, providerId: "microsoft" }),
  },
  {
    name: "verifyEmail",
    params: {},
    answer: { user: { id: "u1", email: "ada@example.com" }, tenantId: "t_acme", next: "sign_in" },
    invoke: (c) => c.verifyEmail(TOKEN),
  },
  {
    name: "resendVerificationEmail",
    params: {},
    answer: { accepted: true },
    invoke: (c) => c.resendVerificationEmail("ada@example.com"),
  },
];

describe("createFoyerClient", () => {
  it("R-SDK-01: has one method per route of the core route table", () => {
    const methods = Object.keys(client(fakeFetch(json({})).fetch)).sort();
    expect(methods).toEqual(Object.keys(routes).sort());
    expect(calls.map((c) => c.name).sort()).toEqual(methods);
  });

  it.each(calls)(
    "R-SDK-01: $name calls its route's method and path and returns the parsed answer",
    async ({ name, params, answer, invoke }) => {
      const { fetch, seen } = fakeFetch(json(answer));
      await expect(invoke(client(fetch))).resolves.toEqual(answer);
      expect(seen).toHaveLength(1);
      const { request } = seen[0]!;
      const route = routes[name];
      expect(request.method).toBe(route.method);
      expect(new URL(request.url).pathname).toBe(
        new URL(BASE).pathname + buildPath(route.path, params),
      );
      expect(request.headers.get("accept")).toBe("application/json");
      if (route.method === "POST") {
        expect(request.headers.get("content-type")).toBe("application/json");
        expect(() => JSON.parse(seen[0]!.body)).not.toThrow();
      }
    },
  );

  it("R-SDK-01: path parameters are encoded, so an id cannot change the route", async () => {
    const { fetch, seen } = fakeFetch(json(tenantRoles));
    await client(fetch).listTenantRoles("../invitations?x=1");
    expect(new URL(seen[0]!.request.url).pathname).toBe(
      "/api/foyer/tenants/..%2Finvitations%3Fx%3D1/roles",
    );
    expect(new URL(seen[0]!.request.url).search).toBe("");
  });

  it("R-SDK-01 / R-INV-11: tokens travel only in bodies, never in any URL", async () => {
    for (const call of calls) {
      const { fetch, seen } = fakeFetch(json(call.answer));
      await call.invoke(client(fetch));
      expect(seen[0]!.request.url).not.toContain(TOKEN);
      expect(seen[0]!.request.url).not.toContain(encodeURIComponent(TOKEN));
    }
    const { fetch, seen } = fakeFetch(json(preview));
    await client(fetch).previewInvitation(TOKEN);
    expect(JSON.parse(seen[0]!.body)).toEqual({ token: TOKEN });
  });

  it("R-SDK-01: GET queries come from the query object, dropping undefined values", async () => {
    const { fetch, seen } = fakeFetch(json({ items: [], nextCursor: null, counts: null }));
    await client(fetch).listInvitations({
      tenantId: "t_acme",
      status: "history",
      q: "a&b=c d",
      cursor: undefined,
      limit: 25,
      counts: "true",
    });
    const url = new URL(seen[0]!.request.url);
    expect([...url.searchParams.entries()]).toEqual([
      ["tenantId", "t_acme"],
      ["status", "history"],
      ["q", "a&b=c d"],
      ["limit", "25"],
      ["counts", "true"],
    ]);
    expect(url.searchParams.has("cursor")).toBe(false);
  });

  it("R-SDK-01: POST bodies are the JSON of the arguments; revoke and resend send an object", async () => {
    const body = {
      tenantId: "t_acme",
      emails: ["a@example.com", "b@example.com"],
      roleId: "r_user",
      dryRun: true,
    };
    const created = fakeFetch(json({ ...batch, dryRun: true }));
    await client(created.fetch).createInvitations(body);
    expect(JSON.parse(created.seen[0]!.body)).toEqual(body);

    const revoked = fakeFetch(json({ invitation }));
    await client(revoked.fetch).revokeInvitation("inv_1");
    expect(JSON.parse(revoked.seen[0]!.body)).toEqual({});

    const resent = fakeFetch(json({ invitation, link: "https://x.example/accept#token=t" }));
    await client(resent.fetch).resendInvitation("inv_1", { delivery: "link" });
    expect(JSON.parse(resent.seen[0]!.body)).toEqual({ delivery: "link" });
  });

  it("R-SDK-08: idempotencyKey is sent as the Idempotency-Key header, and only when given", async () => {
    const { fetch, seen } = fakeFetch(json(batch));
    const c = client(fetch);
    const body = { tenantId: "t_acme", emails: ["ada@example.com"], roleId: "r_user" };
    await c.createInvitations(body, { idempotencyKey: "key-123" });
    await c.resendInvitation("inv_1", {}, { idempotencyKey: "key-456" }).catch(() => undefined);
    await c.createInvitations(body);
    expect(seen[0]!.request.headers.get("idempotency-key")).toBe("key-123");
    expect(seen[1]!.request.headers.get("idempotency-key")).toBe("key-456");
    expect(seen[2]!.request.headers.has("idempotency-key")).toBe(false);
  });

  it("R-SDK-01: a headers function is called for every request, and per-call headers win", async () => {
    let n = 0;
    const headers = vi.fn(() => {
      n += 1;
      return { "x-csrf-token": `csrf-${n}`, "idempotency-key": "from-client" };
    });
    const { fetch, seen } = fakeFetch(json(context));
    const c = client(fetch, { headers });
    await c.getContext();
    await c.getContext();
    expect(headers).toHaveBeenCalledTimes(2);
    expect(seen.map((s) => s.request.headers.get("x-csrf-token"))).toEqual(["csrf-1", "csrf-2"]);

    const created = fakeFetch(json(batch));
    await client(created.fetch, { headers }).createInvitations(
      { tenantId: "t_acme", emails: ["ada@example.com"], roleId: "r_user" },
      { idempotencyKey: "from-call" },
    );
    expect(created.seen[0]!.request.headers.get("idempotency-key")).toBe("from-call");
  });

  it("R-SDK-01: static headers are sent; credentials default to same-origin", async () => {
    const { fetch, seen } = fakeFetch(json(context));
    await client(fetch, { headers: { authorization: "Bearer abc" } }).getContext();
    expect(seen[0]!.request.headers.get("authorization")).toBe("Bearer abc");
    expect(seen[0]!.request.credentials).toBe("same-origin");

    const other = fakeFetch(json(context));
    await client(other.fetch, { credentials: "include" }).getContext();
    expect(other.seen[0]!.request.credentials).toBe("include");
  });
});

describe("FoyerError", () => {
  it("R-SDK-01: an error body becomes FoyerError with code, status, issues, details and a message naming method and path", async () => {
    const issues = [{ path: "password", message: "password needs a digit." }];
    const { fetch } = fakeFetch(
      json(errorBody("PASSWORD_TOO_WEAK", { issues, details: { rules: ["digit"] } }), 400),
    );
    const error = await client(fetch)
      .acceptInvitation({
        token: TOKEN,
        firstName: "A",
        lastName: "B",
        password: "weak",
        passwordConfirmation: "weak",
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FoyerError);
    expect(isFoyerError(error)).toBe(true);
    if (!isFoyerError(error)) throw new Error("unreachable");
    expect(error.code).toBe("PASSWORD_TOO_WEAK");
    expect(error.status).toBe(400);
    expect(error.issues).toEqual(issues);
    expect(error.details).toEqual({ rules: ["digit"] });
    expect(error.message).toContain("POST /public/invitations/accept");
    expect(error.message).toContain("server says PASSWORD_TOO_WEAK");
    expect(error.message).not.toContain(TOKEN);
    expect(isFoyerNetworkError(error)).toBe(false);
    expect(isFoyerContractError(error)).toBe(false);
  });

  it("R-SDK-01: issues default to an empty list when the server gives none", async () => {
    const { fetch } = fakeFetch(json(errorBody("INVITATION_REVOKED"), 410));
    const error = await client(fetch)
      .previewInvitation(TOKEN)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVITATION_REVOKED", status: 410, issues: [] });
  });

  it("R-SDK-01: a 5xx answer without an error body is FoyerError INTERNAL, not a crash", async () => {
    const { fetch } = fakeFetch(
      new Response("<html>Bad gateway</html>", {
        status: 500,
        headers: { "content-type": "text/html" },
      }),
    );
    const error = await client(fetch)
      .createInvitations({ tenantId: "t", emails: ["a@example.com"], roleId: "r" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FoyerError);
    expect(error).toMatchObject({ code: "INTERNAL", status: 500, issues: [] });
    expect((error as FoyerError).message).toContain("POST /invitations");
  });

  it("R-SDK-01: a 4xx answer with a foreign body gets the code of its status", async () => {
    const notFound = fakeFetch(new Response("Not Found", { status: 404 }));
    await expect(client(notFound.fetch).getInvitation("inv_x")).rejects.toMatchObject({
      name: "FoyerError",
      code: "NOT_FOUND",
      status: 404,
    });
    const limited = fakeFetch(json({ error: "slow down" }, 429));
    await expect(client(limited.fetch).previewInvitation(TOKEN)).rejects.toMatchObject({
      code: "RATE_LIMITED",
      status: 429,
    });
    const unknownCode = fakeFetch(json({ error: { code: "NOT_A_CODE", message: "?" } }, 409));
    await expect(client(unknownCode.fetch).revokeInvitation("inv_1")).rejects.toMatchObject({
      code: "INTERNAL",
      status: 409,
    });
  });

  it("R-SDK-07: a 429 keeps its answer and the Retry-After it asked for, in seconds", async () => {
    const { fetch } = fakeFetch(json(errorBody("RATE_LIMITED"), 429, { "retry-after": "42" }));
    const error = await client(fetch)
      .createInvitations({ tenantId: "t", emails: ["a@example.com"], roleId: "r" })
      .catch((e: unknown) => e);
    if (!isFoyerError(error)) throw new Error("expected a FoyerError");
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.retryAfter).toBe(42);
    expect(error.response?.status).toBe(429);
    expect(error.response?.headers.get("retry-after")).toBe("42");
    const plain = await client(fakeFetch(json(errorBody("FORBIDDEN"), 403)).fetch)
      .getContext()
      .catch((e: unknown) => e);
    expect(plain).toMatchObject({ code: "FORBIDDEN", retryAfter: null });
  });

  it("R-SDK-01: every error of the client shares one base class; each kind keeps its own", async () => {
    const answered = await client(fakeFetch(json(errorBody("FORBIDDEN"), 403)).fetch)
      .getContext()
      .catch((e: unknown) => e);
    const broken = await client(fakeFetch(json({ nope: true })).fetch)
      .getContext()
      .catch((e: unknown) => e);
    const offline = await client(fakeFetch(new TypeError("fetch failed")).fetch, { retry: 0 })
      .getContext()
      .catch((e: unknown) => e);
    for (const error of [answered, broken, offline]) {
      expect(error).toBeInstanceOf(FoyerClientError);
      expect(isFoyerClientError(error)).toBe(true);
      expect(error).toMatchObject({ method: "GET", path: "/context" });
    }
    expect(answered).toBeInstanceOf(FoyerError);
    expect(broken).toBeInstanceOf(FoyerContractError);
    expect(offline).toBeInstanceOf(FoyerNetworkError);
    expect(isFoyerClientError(new Error("x"))).toBe(false);
  });

  it("R-SDK-01: type guards recognise errors by name across bundle copies", () => {
    const foreign = Object.assign(new Error("x"), { name: "FoyerError" });
    expect(isFoyerError(foreign)).toBe(true);
    expect(isFoyerError(new Error("x"))).toBe(false);
    expect(isFoyerError({ name: "FoyerError" })).toBe(false);
    expect(isFoyerNetworkError(Object.assign(new Error("x"), { name: "FoyerNetworkError" }))).toBe(
      true,
    );
    expect(
      isFoyerContractError(Object.assign(new Error("x"), { name: "FoyerContractError" })),
    ).toBe(true);
  });
});

describe("retries", () => {
  it("R-SDK-01: a GET is retried on 503, honouring Retry-After, then succeeds", async () => {
    const { fetch } = fakeFetch(
      json(errorBody("INTERNAL"), 503, { "retry-after": "0" }),
      json(errorBody("INTERNAL"), 503, { "retry-after": "0" }),
      json(context),
    );
    await expect(client(fetch).getContext()).resolves.toEqual(context);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it("R-SDK-01: a GET gives up after `retry` attempts and reports the last answer", async () => {
    const { fetch } = fakeFetch(json(errorBody("INTERNAL"), 503, { "retry-after": "0" }));
    await expect(client(fetch, { retry: 1 }).getContext()).rejects.toMatchObject({
      code: "INTERNAL",
      status: 503,
    });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("R-SDK-01: a GET is not retried on 500, 429 or 4xx: those are answers", async () => {
    for (const [code, status] of [
      ["INTERNAL", 500],
      ["RATE_LIMITED", 429],
      ["FORBIDDEN", 403],
    ] as const) {
      const { fetch } = fakeFetch(json(errorBody(code), status, { "retry-after": "0" }));
      await expect(client(fetch).getContext()).rejects.toMatchObject({ code, status });
      expect(fetch).toHaveBeenCalledTimes(1);
    }
  });

  it("R-SDK-01: a POST is never retried, not on 503 and not on a network error", async () => {
    const unavailable = fakeFetch(json(errorBody("INTERNAL"), 503, { "retry-after": "0" }));
    await expect(
      client(unavailable.fetch).createInvitations({
        tenantId: "t",
        emails: ["a@example.com"],
        roleId: "r",
      }),
    ).rejects.toBeInstanceOf(FoyerError);
    expect(unavailable.fetch).toHaveBeenCalledTimes(1);

    const offline = fakeFetch(new TypeError("fetch failed"));
    await expect(client(offline.fetch).previewInvitation(TOKEN)).rejects.toBeInstanceOf(
      FoyerNetworkError,
    );
    expect(offline.fetch).toHaveBeenCalledTimes(1);
  });
});

describe("FoyerNetworkError", () => {
  it("R-SDK-01: a transport failure is retried for GETs, then thrown as FoyerNetworkError with cause", async () => {
    const cause = new TypeError("fetch failed");
    const { fetch } = fakeFetch(cause);
    const error = await client(fetch, { retry: 1 })
      .listInvitations()
      .catch((e: unknown) => e);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(error).toBeInstanceOf(FoyerNetworkError);
    expect(isFoyerNetworkError(error)).toBe(true);
    expect(isFoyerError(error)).toBe(false);
    expect((error as FoyerNetworkError).cause).toBe(cause);
    expect((error as FoyerNetworkError).timedOut).toBe(false);
    expect((error as FoyerNetworkError).message).toContain("GET /invitations");
  });

  it("R-SDK-01: no answer within `timeout` is a FoyerNetworkError that says it timed out", async () => {
    const hang = vi.fn(
      (input: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_, reject) => {
          const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
          signal?.addEventListener("abort", () => reject(signal.reason));
        }),
    );
    const error = await client(hang, { timeout: 30, retry: 0 })
      .getContext()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FoyerNetworkError);
    expect((error as FoyerNetworkError).timedOut).toBe(true);
    expect((error as FoyerNetworkError).message).toBe("GET /context timed out");
  });

  it("R-SDK-01: a caller's abort is rethrown as is, not reported as a network failure", async () => {
    const controller = new AbortController();
    const hang = vi.fn(
      (input: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_, reject) => {
          const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
          signal?.addEventListener("abort", () => reject(signal.reason));
          controller.abort();
        }),
    );
    const error = await client(hang)
      .getContext({ signal: controller.signal })
      .catch((e: unknown) => e);
    expect(isFoyerNetworkError(error)).toBe(false);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe("AbortError");
  });
});

describe("FoyerContractError", () => {
  it("R-SDK-01: an answer that does not match the route's schema is a FoyerContractError with zod issues", async () => {
    const { fetch } = fakeFetch(
      json({ items: [{ ...invitation, status: "lost" }], nextCursor: null }),
    );
    const error = await client(fetch)
      .listInvitations()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FoyerContractError);
    expect(isFoyerContractError(error)).toBe(true);
    if (!isFoyerContractError(error)) throw new Error("unreachable");
    expect(error.status).toBe(200);
    expect(error.message).toContain("GET /invitations");
    const paths = error.issues.map((issue) => issue.path.join("."));
    expect(paths).toContain("items.0.status");
    expect(paths).toContain("counts");
  });

  it("R-SDK-01: an answer that is not JSON is a FoyerContractError", async () => {
    const { fetch } = fakeFetch(new Response("<html>login</html>", { status: 200 }));
    const error = await client(fetch)
      .getContext()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FoyerContractError);
    expect((error as FoyerContractError).issues[0]?.message).toBe("The answer is not JSON.");
    expect((error as FoyerContractError).cause).toBeInstanceOf(SyntaxError);
  });

  it("R-SDK-01: a contract error names method and path, never the token that was sent", async () => {
    const { fetch } = fakeFetch(json({ ...preview, email: 42 }));
    const error = await client(fetch)
      .previewInvitation(TOKEN)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FoyerContractError);
    expect((error as FoyerContractError).message).toContain("POST /public/invitations/preview");
    expect((error as FoyerContractError).message).not.toContain(TOKEN);
  });
});
