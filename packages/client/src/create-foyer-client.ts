import {
  buildPath,
  ERROR_CODES,
  ErrorBodySchema,
  type ErrorCode,
  type RouteName,
  routes,
} from "@foyer/core";
import ky, { isHTTPError, isTimeoutError } from "ky";
import { type ContractIssue, FoyerContractError } from "./errors/foyer-contract-error.ts";
import { FoyerError } from "./errors/foyer-error.ts";
import { FoyerNetworkError } from "./errors/foyer-network-error.ts";
import type { CreateCallOptions, FoyerClient, FoyerClientOptions } from "./types.ts";

// Not exported: the structural view of a route's response schema that `call` needs, so the
// answer type follows from the schema in `routes` and no method restates it.
interface ResponseParser<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: ContractIssue[] } };
}

interface CallInput {
  params?: Record<string, string>;
  query?: Readonly<Record<string, unknown>> | undefined;
  body?: unknown;
  options?: CreateCallOptions | undefined;
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

  async function call<T>(
    route: { method: "GET" | "POST"; path: string; response: ResponseParser<T> },
    input: CallInput,
  ): Promise<T> {
    const path = buildPath(route.path, input.params);
    const method = route.method;
    const callHeaders: Record<string, string> = { accept: "application/json" };
    if (input.options?.idempotencyKey !== undefined) {
      callHeaders["idempotency-key"] = input.options.idempotencyKey;
    }
    const signal = input.options?.signal;

    let response: Response;
    try {
      response = await api(path.slice(1), {
        method,
        headers: callHeaders,
        ...(input.query ? { searchParams: toSearchParams(input.query) } : {}),
        ...(method === "POST" ? { json: input.body ?? {} } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (isHTTPError(error)) throw await toFoyerError(error.response, method, path);
      if (isTimeoutError(error)) {
        throw new FoyerNetworkError({ method, path, cause: error, timedOut: true });
      }
      // The caller cancelled (react-query does on unmount): not a failure of the network.
      if (signal?.aborted) throw error;
      throw new FoyerNetworkError({ method, path, cause: error, timedOut: false });
    }

    const read = await readJson(response, method, path);
    if (!read.ok) {
      throw new FoyerContractError({
        method,
        path,
        status: response.status,
        issues: [read.issue],
        cause: read.cause,
      });
    }
    const parsed = route.response.safeParse(read.value);
    if (!parsed.success) {
      throw new FoyerContractError({
        method,
        path,
        status: response.status,
        issues: parsed.error.issues,
      });
    }
    return parsed.data;
  }

  const route = <N extends RouteName>(name: N): (typeof routes)[N] => routes[name];

  return {
    getContext: (callOptions) => call(route("getContext"), { options: callOptions }),
    listTenantRoles: (tenantId, callOptions) =>
      call(route("listTenantRoles"), { params: { tenantId }, options: callOptions }),
    listTenantEvents: (tenantId, query, callOptions) =>
      call(route("listTenantEvents"), { params: { tenantId }, query, options: callOptions }),
    listInvitations: (query, callOptions) =>
      call(route("listInvitations"), { query, options: callOptions }),
    createInvitations: (body, callOptions) =>
      call(route("createInvitations"), { body, options: callOptions }),
    getInvitation: (invitationId, callOptions) =>
      call(route("getInvitation"), { params: { invitationId }, options: callOptions }),
    listInvitationEvents: (invitationId, query, callOptions) =>
      call(route("listInvitationEvents"), {
        params: { invitationId },
        query,
        options: callOptions,
      }),
    resendInvitation: (invitationId, body, callOptions) =>
      call(route("resendInvitation"), {
        params: { invitationId },
        body: body ?? {},
        options: callOptions,
      }),
    revokeInvitation: (invitationId, callOptions) =>
      call(route("revokeInvitation"), { params: { invitationId }, body: {}, options: callOptions }),
    previewInvitation: (token, callOptions) =>
      call(route("previewInvitation"), { body: { token }, options: callOptions }),
    acceptInvitation: (body, callOptions) =>
      call(route("acceptInvitation"), { body, options: callOptions }),
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

/**
 * Error answers without a valid Foyer error body (a proxy's HTML page, an empty 502) still
 * get a stable code: the one whose status matches, else `INTERNAL` for 5xx.
 */
const FALLBACK_CODES: Record<number, ErrorCode> = {
  400: "VALIDATION_FAILED",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "RATE_LIMITED",
};

async function toFoyerError(response: Response, method: string, path: string): Promise<Error> {
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    body = undefined;
  }
  const parsed = ErrorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, issues, details } = parsed.data.error;
    return new FoyerError({
      code,
      status: response.status,
      message,
      method,
      path,
      issues,
      details,
    });
  }
  const code = FALLBACK_CODES[response.status] ?? "INTERNAL";
  return new FoyerError({
    code,
    status: response.status,
    message: `${ERROR_CODES[code].message} (the answer carried no Foyer error body)`,
    method,
    path,
  });
}
