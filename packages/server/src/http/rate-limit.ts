/// <reference path="./rate-limiter-flexible.d.ts" />
import type { RateLimiterAbstract } from "rate-limiter-flexible";
// The single class, not the package index: the index requires every store (Redis, Mongo,
// cluster), which a browser bundle (the MSW mock) must not pull in.
import RateLimiterMemory from "rate-limiter-flexible/lib/RateLimiterMemory.js";
import type { RateLimiter, RateLimitResult } from "../types.ts";

/** One bucket's budget: `points` requests per `durationSeconds`. */
export interface RateLimitRule {
  points: number;
  durationSeconds: number;
}

/** Budgets of the two buckets of R-SDK-07. */
export interface RateLimits {
  /**
   * Public endpoints (preview, accept), per client address.
   * @default { points: 30, durationSeconds: 60 }
   */
  public: RateLimitRule;
  /**
   * Invitation creation and resend, per actor.
   * @default { points: 120, durationSeconds: 60 }
   */
  create: RateLimitRule;
}

/** Foyer's default budgets: 30 public requests per minute per address, 120 creates per minute per actor. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  public: { points: 30, durationSeconds: 60 },
  create: { points: 120, durationSeconds: 60 },
};

/** Fills the buckets the caller left out with the defaults. */
export function resolveRateLimits(limits: Partial<RateLimits> = {}): RateLimits {
  return {
    public: limits.public ?? DEFAULT_RATE_LIMITS.public,
    create: limits.create ?? DEFAULT_RATE_LIMITS.create,
  };
}

/**
 * Turns a rate-limiter-flexible `consume` into Foyer's answer. The library rejects with its
 * result object when the budget is spent and with an `Error` when its store fails; the
 * latter is rethrown (the handler answers 500 and logs it).
 */
export async function consumePoint(
  limiter: RateLimiterAbstract,
  key: string,
): Promise<RateLimitResult> {
  try {
    await limiter.consume(key, 1);
    return { ok: true };
  } catch (rejection) {
    if (rejection instanceof Error) throw rejection;
    const msBeforeNext =
      typeof rejection === "object" && rejection !== null && "msBeforeNext" in rejection
        ? Number(rejection.msBeforeNext)
        : 1000;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) };
  }
}

/**
 * An in-process rate limiter (R-SDK-07). Counts live in this process only: behind several
 * server instances use `createPostgresRateLimiter` so the budget is shared.
 * @example
 * createFoyer({ …, rateLimiter: createMemoryRateLimiter({ public: { points: 10, durationSeconds: 60 } }) })
 */
export function createMemoryRateLimiter(limits?: Partial<RateLimits>): RateLimiter {
  const resolved = resolveRateLimits(limits);
  const buckets = {
    public: new RateLimiterMemory({
      keyPrefix: "foyer_public",
      points: resolved.public.points,
      duration: resolved.public.durationSeconds,
    }),
    create: new RateLimiterMemory({
      keyPrefix: "foyer_create",
      points: resolved.create.points,
      duration: resolved.create.durationSeconds,
    }),
  };
  return {
    consume: (bucket, key) => consumePoint(buckets[bucket], key),
  };
}
