import type { ErrorCode, RouteName } from "@foyer/core";
import { FoyerServiceError, isFoyerServiceError } from "../errors.ts";
import { hashToken } from "../tokens.ts";
import type { RateLimiter } from "../types.ts";

// R-SEC-03: routes where a caller proves a secret and, when it holds, costs a password hash
// (accept today; join when it comes). Each attempt asks the rate limiter first and reports
// its outcome after, so failures count per client address, per account and across all
// clients. Internal to the handler.

/** What a failed attempt looks like: the secret did not open anything. */
const FAILURES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "TOKEN_INVALID",
  "INVITATION_EXPIRED",
  "INVITATION_REVOKED",
  "INVITATION_ALREADY_USED",
  "INVITATION_SUPERSEDED",
  "TENANT_INACTIVE",
]);

/**
 * The account each guarded route's attempt is about: a hash of the token, never the token
 * (rate-limit counters may live in a database table, and no usable token is stored anywhere).
 */
const ACCOUNTS: Partial<Record<RouteName, (body: unknown) => Promise<string | undefined>>> = {
  acceptInvitation: async (body) => {
    const token =
      typeof body === "object" && body !== null && "token" in body ? body.token : undefined;
    return typeof token === "string" ? `token:${await hashToken(token)}` : undefined;
  },
};

/**
 * Wraps a route's work with the failure budgets of R-SEC-03 when the route is guarded:
 * refused with 429 and `Retry-After` before the work when a budget is spent, the outcome
 * recorded after. Other routes, or no rate limiter, get `run` back unchanged.
 */
export function guardAttempts<T>(
  rateLimiter: RateLimiter | null,
  route: RouteName,
  clientAddress: string | undefined,
  body: unknown,
  run: () => Promise<T>,
): () => Promise<T> {
  const accountOf = ACCOUNTS[route];
  if (!rateLimiter || !accountOf) return run;
  return async () => {
    const keys = { address: clientAddress || "unknown", account: await accountOf(body) };
    const verdict = await rateLimiter.checkAttempt(keys);
    if (!verdict.ok) {
      throw new FoyerServiceError("RATE_LIMITED", {
        message: "Too many failed attempts. Try again later.",
        retryAfterSeconds: verdict.retryAfterSeconds,
      });
    }
    let result: T;
    try {
      result = await run();
    } catch (error) {
      if (isFoyerServiceError(error) && FAILURES.has(error.code)) {
        await rateLimiter.recordAttempt(keys, "failed");
      } else if (isFoyerServiceError(error) && error.code === "RATE_LIMITED") {
        // The password hasher was busy: the client was told when to come back.
        await rateLimiter.deferAttempts(keys, error.retryAfterSeconds ?? 1);
      }
      throw error;
    }
    await rateLimiter.recordAttempt(keys, "succeeded");
    return result;
  };
}
