import { type ErrorCode, normalizeEmail, type RouteName } from "@foyer/core";
import { FoyerServiceError, isFoyerServiceError } from "../errors.ts";
import { hashToken } from "../tokens.ts";
import type { RateLimiter } from "../types.ts";

// R-SEC-03: routes where a caller proves a secret and, when it holds, costs a password hash
// (accept, join) or opens an account (verify). Each attempt asks the rate limiter first and reports
// its outcome after, so failures count per client address, per account and across all
// clients. Internal to the handler.

/** What a failed attempt looks like: the secret did not open anything. */
const TOKEN_FAILURES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "TOKEN_INVALID",
  "INVITATION_EXPIRED",
  "INVITATION_REVOKED",
  "INVITATION_ALREADY_USED",
  "INVITATION_SUPERSEDED",
  "TENANT_INACTIVE",
]);

/** A guarded route: the account its attempt is about, and the refusals that count as failures. */
interface Guarded {
  /**
   * The account an attempt is about: a hash of the token, never the token (rate-limit
   * counters may live in a database table, and no usable token is stored anywhere).
   */
  account(body: unknown): Promise<string | undefined>;
  failures: ReadonlySet<ErrorCode>;
}

const GUARDED: Partial<Record<RouteName, Guarded>> = {
  acceptInvitation: {
    account: async (body) => {
      const token = field(body, "token");
      return token === undefined ? undefined : `token:${await hashToken(token)}`;
    },
    failures: TOKEN_FAILURES,
  },
  // One link serves many people, so a join's account is the address it claims: failures
  // probing one address count together, and nobody locks a shared link for everyone else.
  // "User already registered." is answered by design (R-LNK-07) and would tell a prober
  // which addresses have accounts, so it counts as a failure here.
  joinWithInviteLink: {
    account: async (body) => {
      const email = field(body, "email");
      if (email === undefined) return undefined;
      return `join:${normalizeEmail(email) ?? email.trim().toLowerCase().slice(0, 254)}`;
    },
    failures: new Set<ErrorCode>(["INVITE_LINK_INVALID", "USER_ALREADY_EXISTS"]),
  },
  verifyEmail: {
    account: async (body) => {
      const token = field(body, "token");
      return token === undefined ? undefined : `verify:${await hashToken(token)}`;
    },
    failures: new Set<ErrorCode>(["VERIFICATION_LINK_INVALID"]),
  },
};

/** A string field of a JSON body, if there is one. */
function field(body: unknown, name: string): string | undefined {
  if (typeof body !== "object" || body === null || !(name in body)) return undefined;
  const value: unknown = Reflect.get(body, name);
  return typeof value === "string" ? value : undefined;
}

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
  const guarded = GUARDED[route];
  if (!rateLimiter || !guarded) return run;
  return async () => {
    const keys = { address: clientAddress || "unknown", account: await guarded.account(body) };
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
      if (isFoyerServiceError(error) && guarded.failures.has(error.code)) {
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
