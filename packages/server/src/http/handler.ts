import type { RouteDef, RouteName } from "@foyer/core";
import { FoyerServiceError, isFoyerServiceError } from "../errors.ts";
import type { Store } from "../store/types.ts";
import type { FoyerHooks, FoyerServices, Logger, RateLimiter } from "../types.ts";
import { guardAttempts } from "./attempt-guard.ts";
import { bindRoute, needActor } from "./bindings.ts";
import { crossSiteRefusal, trustedOriginSet } from "./cross-site.ts";
import {
  hashRequest,
  type IdempotentAnswer,
  readIdempotencyKey,
  runIdempotent,
} from "./idempotency.ts";
import { createOpenApiDocument } from "./openapi.ts";
import { inspectJson, readJsonBody } from "./read-json-body.ts";
import { textResponse } from "./response-text.ts";
import { createRouteMatcher } from "./route-matcher.ts";

/** What `createFoyerHandler` needs; `createFoyer` supplies it. */
export interface FoyerHandlerDeps {
  services: FoyerServices;
  hooks: Pick<FoyerHooks, "authenticate" | "signIn">;
  store: Store;
  /** Null turns rate limiting off. */
  rateLimiter: RateLimiter | null;
  logger: Logger;
  /** Largest accepted request body in bytes, counted as it streams in. */
  maxBodyBytes: number;
  /**
   * Prefix stripped from the pathname, for runtimes that hand over the full URL.
   * @default "" (the pathname is already relative to the mount point, as in `foyerExpress`)
   */
  basePath?: string;
  /**
   * Origins whose pages may make cookie-authenticated state changes (R-SEC-01); requests
   * authenticated by an `Authorization` header are not checked. `createFoyer` passes its
   * `publicBaseUrl` and `trustedOrigins`.
   * @default [] (only `Sec-Fetch-Site: same-origin` and clients that are not browsers)
   */
  trustedOrigins?: readonly string[];
}

/** Per-request facts the runtime knows and the Request does not. */
export interface FoyerRequestContext {
  /** The caller's address, the key of the public rate limit. @default "unknown" */
  clientAddress?: string;
}

/** A Fetch-standard handler: Request in, Response out. */
export type FoyerHandler = (request: Request, context?: FoyerRequestContext) => Promise<Response>;

const OPENAPI_PATH = "/openapi.json";

function baseHeaders(isPublic: boolean): Headers {
  const headers = new Headers({
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  // Invitee pages and their API calls never leak the page URL (it may carry a token).
  if (isPublic) headers.set("Referrer-Policy", "no-referrer");
  return headers;
}

function answer(status: number, body: string, headers: Headers): Response {
  return textResponse(body, { status, headers });
}

function errorAnswer(
  error: FoyerServiceError,
  isPublic: boolean,
  extra: Record<string, string> = {},
): Response {
  const headers = baseHeaders(isPublic);
  if (error.retryAfterSeconds !== undefined) {
    headers.set("Retry-After", String(error.retryAfterSeconds));
  }
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return answer(error.status, JSON.stringify(error.toBody()), headers);
}

function readQuery(params: URLSearchParams): Record<string, string> {
  const entries = [...params];
  const seen = new Set<string>();
  for (const [key] of entries) {
    if (seen.has(key)) {
      throw new FoyerServiceError("VALIDATION_FAILED", {
        issues: [{ path: key, message: `${key} must be given at most once.` }],
      });
    }
    seen.add(key);
  }
  // fromEntries defines own properties, so a `__proto__` key stays an ordinary (rejected) key.
  const query: Record<string, string> = Object.fromEntries(entries);
  inspectJson(query);
  return query;
}

/** Header names a host hook may not override on a JSON answer. */
const PROTECTED_HEADERS = new Set(["content-type", "content-length"]);

/**
 * The Fetch-standard Foyer API handler (Web APIs only, so it also runs in the browser under
 * MSW). It routes by core's `routes`, validates every input with core's schemas, authorises
 * through `hooks.authenticate`, applies rate limits and Idempotency-Key, and calls the
 * service named like the route. Errors answer `{ error: { code, message, issues? } }`; no
 * request content can produce a 500 (R-SDK-06).
 * @example
 * const handler = createFoyerHandler({ services, hooks, store, rateLimiter, logger, maxBodyBytes: 262_144 });
 * const response = await handler(new Request("https://x.invalid/context"));
 */
export function createFoyerHandler(deps: FoyerHandlerDeps): FoyerHandler {
  const { services, hooks, store, rateLimiter, logger, maxBodyBytes } = deps;
  const basePath = (deps.basePath ?? "").replace(/\/+$/, "");
  const trustedOrigins = trustedOriginSet(deps.trustedOrigins ?? []);
  const match = createRouteMatcher();
  let openApi: string | undefined;
  const openApiDocument = (): string => {
    openApi ??= JSON.stringify(createOpenApiDocument(basePath ? { serverUrl: basePath } : {}));
    return openApi;
  };

  return async function handleFoyerRequest(request, context = {}) {
    const method = request.method.toUpperCase();
    let routeName: RouteName | "openapi" | null = null;
    let isPublic = false;
    try {
      const fullPath = new URL(request.url).pathname;
      const pathname = !basePath
        ? fullPath
        : fullPath.startsWith(`${basePath}/`)
          ? fullPath.slice(basePath.length)
          : null;
      if (pathname === null) throw new FoyerServiceError("NOT_FOUND");

      if (pathname === OPENAPI_PATH) {
        routeName = "openapi";
        if (method !== "GET") {
          return errorAnswer(new FoyerServiceError("METHOD_NOT_ALLOWED"), false, { Allow: "GET" });
        }
        return answer(200, openApiDocument(), baseHeaders(false));
      }

      const found = match(pathname, method);
      if (found.kind === "not_found") throw new FoyerServiceError("NOT_FOUND");
      if (found.kind === "method_not_allowed") {
        return errorAnswer(new FoyerServiceError("METHOD_NOT_ALLOWED"), false, {
          Allow: found.allow.join(", "),
        });
      }
      const { name, params } = found;
      const route: RouteDef = found.route;
      routeName = name;
      isPublic = route.access === "public";

      // R-SEC-01: before anything authenticates, reads or changes anything.
      const refusal = crossSiteRefusal(
        { method, header: (headerName) => request.headers.get(headerName) },
        trustedOrigins,
      );
      if (refusal) throw refusal;

      const actor = route.access === "admin" ? await hooks.authenticate(request) : null;
      if (route.access === "admin" && !actor) throw new FoyerServiceError("UNAUTHENTICATED");

      if (route.rateLimit && rateLimiter) {
        const key =
          route.rateLimit === "public" ? context.clientAddress || "unknown" : needActor(actor).id;
        const verdict = await rateLimiter.consume(route.rateLimit, key);
        if (!verdict.ok) {
          return errorAnswer(new FoyerServiceError("RATE_LIMITED"), isPublic, {
            "Retry-After": String(verdict.retryAfterSeconds),
          });
        }
      }

      const body = route.method === "POST" ? await readJsonBody(request, maxBodyBytes) : undefined;
      const query = route.query ? readQuery(new URL(request.url).searchParams) : undefined;
      const run = guardAttempts(
        rateLimiter,
        name,
        context.clientAddress,
        body,
        bindRoute(
          name,
          { actor, params, body, query, request },
          {
            services,
            signIn: hooks.signIn,
            onSignInError: () => logger.error("Foyer signIn hook failed", { method, route: name }),
          },
        ),
      );

      const idempotencyKey = route.idempotent ? readIdempotencyKey(request.headers) : null;
      let result: IdempotentAnswer;
      if (idempotencyKey !== null) {
        result = await runIdempotent({
          store,
          logger,
          actorId: needActor(actor).id,
          routeName: name,
          key: idempotencyKey,
          requestHash: await hashRequest(method, pathname, body),
          successStatus: route.status,
          run,
        });
      } else {
        result = { replayed: false, outcome: await run() };
      }

      const headers = baseHeaders(isPublic);
      if (result.replayed) {
        headers.set("Idempotency-Replayed", "true");
        return answer(result.status, result.body, headers);
      }
      result.outcome.headers?.forEach((value, key) => {
        if (!PROTECTED_HEADERS.has(key)) headers.append(key, value);
      });
      return answer(route.status, JSON.stringify(result.outcome.body), headers);
    } catch (error) {
      if (isFoyerServiceError(error) && error.status < 500) return errorAnswer(error, isPublic);
      // Method and route only: an error's message or data may echo a token, an address or
      // a password (R-INV-11).
      logger.error("Foyer request failed", { method, route: routeName ?? "unmatched" });
      return errorAnswer(new FoyerServiceError("INTERNAL"), isPublic);
    }
  };
}
