import { buildPath, endpoints, type RouteName, type RouteResponse } from "@foyer/core/rules";
import ky, { isHTTPError, isTimeoutError } from "ky";
import { type ContractIssue, FoyerContractError } from "./errors/foyer-contract-error.ts";
import { FoyerError } from "./errors/foyer-error.ts";
import { FoyerNetworkError } from "./errors/foyer-network-error.ts";
import type { CreateCallOptions, FoyerClient, FoyerClientOptions } from "./types.ts";

interface CallInput {
  params?: Record<string, string>;
  query?: Readonly<Record<string, unknown>> | undefined;
  body?: unknown;
  options?: CreateCallOptions | undefined;
}

type Contract = typeof import("./contract.ts");
let contract: Promise<Contract> | undefined;

/**
 * The response schemas, loaded once per page on demand (see `contract.ts`). A failed load
 * is forgotten, so the next call tries again.
 */
function loadContract(): Promise<Contract> {
  contract ??= import("./contract.ts").catch((error: unknown) => {
    contract = undefined;
    throw error;
  });
  return contract;
}

/** Status codes a GET is retried on; anything else is an answer and is not repeated. */
const RETRY_STATUS_CODES = [502, 503, 504];

/**
 * Creates the typed Foyer client. One method per endpoint of `routes` in `@foyer/core`;
 * every answer is parsed with the route's schema. Failures are thrown as `FoyerError` (the
 * API said no), `FoyerNetworkError` (no answer) or `FoyerContractError` (an answer that
 * breaks the contract). Only GETs are retried, and only on network errors and 502/503/504,
 * honouring `Retry-After` up to `timeout`. Tokens travel only in request bodies.
 * @example
 * const client = createFoyerClient({
 *   baseUrl: "https://app.example.com/api/foyer",
 *   headers: () => ({ "x-csrf-token": readCsrfToken() }),
 * });
 * const page = await client.listInvitations({ status: "pending", counts: "true" });
 */
export function createFoyerClient(options: FoyerClientOptions): FoyerClient {
  // Start fetching the schemas now, beside the page's first render; calls await it.
  loadContract().catch(() => {});
  const timeout = options.timeout ?? 30_000;
  const headers = options.headers;
  const api = ky.create({
    prefixUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    credentials: options.credentials ?? "same-origin",
    timeout,
    retry: {
      limit: options.retry ?? 2,
      methods: ["get"],
      statusCodes: RETRY_STATUS_CODES,
      afterStatusCodes: [503],
      maxRetryAfter: timeout,
    },
    hooks: {
      beforeRequest: [
        (request) => {
          // Runs before every attempt, so a header function sees each retry too. A header
          // the call itself set (Idempotency-Key, Content-Type) wins over the client's.
          const extra = typeof headers === "function" ? headers() : headers;
          if (!extra) return;
          for (const [name, value] of Object.entries(extra)) {
            if (!request.headers.has(name)) request.headers.set(name, value);
          }
        },
      ],
    },
  });

  async function call<N extends RouteName>(name: N, input: CallInput): Promise<RouteResponse<N>> {
    const { method, path: template } = endpoints[name];
    const path = buildPath(template, input.params);
    const callHeaders: Record<string, string> = { accept: "application/json" };
    if (input.options?.idempotencyKey !== undefined) {
      callHeaders["idempotency-key"] = input.options.idempotencyKey;
    }
    const signal = input.options?.signal;
    const schemas = loadContract();
    // Settled here, awaited below: a failed load must not reject unobserved meanwhile.
    schemas.catch(() => {});

    let response: Response;
    let failure: unknown;
    try {
      response = await api(path.slice(1), {
        method,
        headers: callHeaders,
        ...(input.query ? { searchParams: toSearchParams(input.query) } : {}),
        ...(method === "POST" ? { json: input.body ?? {} } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (!isHTTPError(error)) {
        if (isTimeoutError(error)) {
          throw new FoyerNetworkError({ method, path, cause: error, timedOut: true });
        }
        // The caller cancelled (react-query does on unmount): not a failure of the network.
        if (signal?.aborted) throw error;
        throw new FoyerNetworkError({ method, path, cause: error, timedOut: false });
      }
      failure = error;
      response = error.response;
    }

    const read = await readJson(response, method, path);
    let loaded: Contract;
    try {
      loaded = await schemas;
    } catch (error) {
      // The page could not fetch the schemas chunk: as good as no answer.
      throw new FoyerNetworkError({ method, path, cause: error, timedOut: false });
    }
    if (failure !== undefined) {
      const answer = loaded.readErrorAnswer(response.status, read.ok ? read.value : undefined);
      throw new FoyerError({ ...answer, status: response.status, method, path, response });
    }
    if (!read.ok) {
      throw new FoyerContractError({
        method,
        path,
        status: response.status,
        issues: [read.issue],
        cause: read.cause,
      });
    }
    const parsed = loaded.parseAnswer(name, read.value);
    if (!parsed.success) {
      throw new FoyerContractError({
        method,
        path,
        status: response.status,
        issues: parsed.issues,
      });
    }
    return parsed.data as RouteResponse<N>;
  }

  return {
    getContext: (callOptions) => call("getContext", { options: callOptions }),
    listTenantRoles: (tenantId, callOptions) =>
      call("listTenantRoles", { params: { tenantId }, options: callOptions }),
    listTenantEvents: (tenantId, query, callOptions) =>
      call("listTenantEvents", { params: { tenantId }, query, options: callOptions }),
    listInvitations: (query, callOptions) =>
      call("listInvitations", { query, options: callOptions }),
    createInvitations: (body, callOptions) =>
      call("createInvitations", { body, options: callOptions }),
    getInvitation: (invitationId, callOptions) =>
      call("getInvitation", { params: { invitationId }, options: callOptions }),
    listInvitationEvents: (invitationId, query, callOptions) =>
      call("listInvitationEvents", {
        params: { invitationId },
        query,
        options: callOptions,
      }),
    resendInvitation: (invitationId, body, callOptions) =>
      call("resendInvitation", {
        params: { invitationId },
        body: body ?? {},
        options: callOptions,
      }),
    revokeInvitation: (invitationId, callOptions) =>
      call("revokeInvitation", { params: { invitationId }, body: {}, options: callOptions }),
    copyInvitationLink: (invitationId, callOptions) =>
      call("copyInvitationLink", { params: { invitationId }, body: {}, options: callOptions }),
    previewInvitation: (token, callOptions) =>
      call("previewInvitation", { body: { token }, options: callOptions }),
    acceptInvitation: (body, callOptions) =>
      call("acceptInvitation", { body, options: callOptions }),
    getInviteLink: (tenantId, callOptions) =>
      call("getInviteLink", { params: { tenantId }, options: callOptions }),
    updateInviteLink: (tenantId, body, callOptions) =>
      call("updateInviteLink", { params: { tenantId }, body, options: callOptions }),
    regenerateInviteLink: (tenantId, callOptions) =>
      call("regenerateInviteLink", { params: { tenantId }, body: {}, options: callOptions }),
    previewInviteLink: (token, callOptions) =>
      call("previewInviteLink", { body: { token }, options: callOptions }),
    joinWithInviteLink: (body, callOptions) =>
      call("joinWithInviteLink", { body, options: callOptions }),
    startIdentityJoin: (body, callOptions) =>
      call("startIdentityJoin", { body, options: callOptions }),
    startIdentityAccept: (body, callOptions) =>
      call("startIdentityAccept", { body, options: callOptions }),
    verifyEmail: (token, callOptions) =>
      call("verifyEmail", { body: { token }, options: callOptions }),
    resendVerificationEmail: (email, callOptions) =>
      call("resendVerificationEmail", { body: { email }, options: callOptions }),
  };
}

/** Query values as strings; `undefined` and `null` leave the parameter out. */
function toSearchParams(query: Readonly<Record<string, unknown>>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      params.append(key, String(value));
    } else {
      throw new TypeError(`Query parameter ${key} must be a string, number or boolean.`);
    }
  }
  return params;
}

type ReadResult =
  | { ok: true; value: unknown }
  | { ok: false; issue: ContractIssue; cause: unknown };

async function readJson(response: Response, method: string, path: string): Promise<ReadResult> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new FoyerNetworkError({ method, path, cause: error, timedOut: false });
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      issue: { code: "custom", path: [], message: "The answer is not JSON.", input: text },
      cause: error,
    };
  }
}
