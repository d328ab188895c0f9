/// <reference path="./rate-limiter-flexible.d.ts" />
import type { RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
// The single class, not the package index: the index requires every store (Redis, Mongo,
// cluster), which a browser bundle (the MSW mock) must not pull in.
import RateLimiterMemory from "rate-limiter-flexible/lib/RateLimiterMemory.js";
import type { AttemptKeys, RateLimiter, RateLimitResult } from "../types.ts";

/** One bucket's budget: `points` requests per `durationSeconds`. */
export interface RateLimitRule {
  points: number;
  durationSeconds: number;
}

/** Budgets of R-SDK-07 (requests) and R-SEC-03 (failed credential attempts). */
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
  /**
   * Failed credential attempts (a wrong password, a dead invitation token) per client
   * address; once spent, the address's attempts are refused before anything is checked.
   * @default { points: 20, durationSeconds: 900 }
   */
  failedPerAddress: RateLimitRule;
  /**
   * Failed attempts per account (a sign-in's email, an accept's token) from any address;
   * a success clears them.
   * @default { points: 10, durationSeconds: 900 }
   */
  failedPerAccount: RateLimitRule;
  /**
   * Failed attempts across all clients. While spent, every address that failed recently is
   * refused before its attempt costs a password hash; addresses without a failure still go
   * ahead, so a flood from many addresses does not lock everyone out.
   * @default { points: 30, durationSeconds: 60 }
   */
  failedGlobal: RateLimitRule;
}

/** The buckets of `RateLimits`. */
export type RateLimitBucketName = keyof RateLimits;

/** Foyer's default budgets (see `RateLimits`). */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  public: { points: 30, durationSeconds: 60 },
  create: { points: 120, durationSeconds: 60 },
  failedPerAddress: { points: 20, durationSeconds: 900 },
  failedPerAccount: { points: 10, durationSeconds: 900 },
  failedGlobal: { points: 30, durationSeconds: 60 },
};

/** One value per bucket, made by `make`. */
export function perBucket<T>(
  make: (bucket: RateLimitBucketName) => T,
): Record<RateLimitBucketName, T> {
  return {
    public: make("public"),
    create: make("create"),
    failedPerAddress: make("failedPerAddress"),
    failedPerAccount: make("failedPerAccount"),
    failedGlobal: make("failedGlobal"),
  };
}

/** Fills the buckets the caller left out with the defaults. */
export function resolveRateLimits(limits: Partial<RateLimits> = {}): RateLimits {
  return { ...DEFAULT_RATE_LIMITS, ...limits };
}

/** Key prefixes of the buckets in a shared store (kept from the first release for `public`/`create`). */
export function bucketPrefix(bucket: RateLimitBucketName): string {
  return `foyer_${bucket}`;
}

/**
 * The key an address is counted under: IPv4 as is (also when written IPv4-mapped), IPv6 by
 * its /64 prefix, because one subscriber usually holds a whole /64 and could otherwise
 * rotate through 2^64 addresses. Anything else (a host's own key) is kept.
 * @example clientAddressKey("2001:db8:1:2:aaaa::1") // "2001:db8:1:2::/64"
 */
export function clientAddressKey(address: string): string {
  const bare = address
    .trim()
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped?.[1]) return mapped[1];
  if (!bare.includes(":") || !/^[0-9a-f:.]+$/i.test(bare)) return address;
  const [head = "", tail] = bare.split("::", 2);
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const missing = 8 - left.length - right.length;
  const groups =
    tail === undefined ? left : [...left, ...Array(Math.max(0, missing)).fill("0"), ...right];
  const prefix = groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, "").toLowerCase());
  return prefix.length === 4 ? `${prefix.join(":")}::/64` : address;
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
    return refused(msBeforeNext);
  }
}

function refused(msBeforeNext: number): RateLimitResult {
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) };
}

/**
 * The buckets a `RateLimiter` is made of: one per budget of `RateLimits`, plus `cooldown`,
 * which holds the addresses told to come back later (its points are irrelevant: entries are
 * set with `block`).
 */
export type LimiterBuckets = Record<RateLimitBucketName | "cooldown", RateLimiterAbstract>;

/**
 * A `RateLimiter` over one rate-limiter-flexible limiter per bucket (in memory or in a shared
 * store); `storageKey` maps keys to what the store can hold. The failure policy of R-SEC-03
 * is written once, here, for every store.
 */
export function limiterFromBuckets(
  buckets: LimiterBuckets,
  limits: RateLimits,
  storageKey: (key: string) => string | Promise<string> = (key) => key,
): RateLimiter {
  const spent = (res: RateLimiterRes | null, bucket: RateLimitBucketName) =>
    res !== null && res.consumedPoints >= limits[bucket].points;
  const keysOf = async (keys: AttemptKeys) => ({
    address: await storageKey(clientAddressKey(keys.address || "unknown")),
    account:
      keys.account === undefined || keys.account === "" ? null : await storageKey(keys.account),
  });
  return {
    consume: async (bucket, key) => consumePoint(buckets[bucket], await storageKey(key)),

    async checkAttempt(keys) {
      const { address, account } = await keysOf(keys);
      const [byAddress, byAccount, global, cooldown] = await Promise.all([
        buckets.failedPerAddress.get(address),
        account === null ? null : buckets.failedPerAccount.get(account),
        buckets.failedGlobal.get("all"),
        buckets.cooldown.get(address),
      ]);
      if (byAddress && spent(byAddress, "failedPerAddress")) return refused(byAddress.msBeforeNext);
      if (byAccount && spent(byAccount, "failedPerAccount")) return refused(byAccount.msBeforeNext);
      // Back before the Retry-After it was given: a browser waits, a flood does not. The
      // attempt counts as a failure of the address (not of the account, which did nothing).
      if (cooldown && cooldown.msBeforeNext > 0 && cooldown.consumedPoints > 0) {
        await Promise.all([
          buckets.failedPerAddress.penalty(address, 1),
          buckets.failedGlobal.penalty("all", 1),
        ]);
        return refused(cooldown.msBeforeNext);
      }
      // Under a flood from many addresses: those that failed wait for the flood to pass;
      // the rest (most likely people who know their password) go ahead.
      if (global && spent(global, "failedGlobal") && byAddress && byAddress.consumedPoints > 0) {
        return refused(Math.min(global.msBeforeNext, byAddress.msBeforeNext));
      }
      return { ok: true };
    },

    async deferAttempts(keys, seconds) {
      const { address } = await keysOf(keys);
      await buckets.cooldown.block(address, Math.max(1, Math.ceil(seconds)));
    },

    async recordAttempt(keys, outcome) {
      const { address, account } = await keysOf(keys);
      if (outcome === "succeeded") {
        if (account !== null) await buckets.failedPerAccount.delete(account);
        return;
      }
      await Promise.all([
        buckets.failedPerAddress.penalty(address, 1),
        account === null ? null : buckets.failedPerAccount.penalty(account, 1),
        buckets.failedGlobal.penalty("all", 1),
      ]);
    },
  };
}

/**
 * An in-process rate limiter (R-SDK-07, R-SEC-03). Counts live in this process only: behind
 * several server instances use `createPostgresRateLimiter` so the budgets are shared.
 * @example
 * createFoyer({ …, rateLimiter: createMemoryRateLimiter({ public: { points: 10, durationSeconds: 60 } }) })
 */
export function createMemoryRateLimiter(limits?: Partial<RateLimits>): RateLimiter {
  const resolved = resolveRateLimits(limits);
  const buckets = perBucket(
    (bucket) =>
      new RateLimiterMemory({
        keyPrefix: bucketPrefix(bucket),
        points: resolved[bucket].points,
        duration: resolved[bucket].durationSeconds,
      }),
  );
  const cooldown = new RateLimiterMemory({ keyPrefix: "foyer_cooldown", points: 1, duration: 1 });
  return limiterFromBuckets({ ...buckets, cooldown }, resolved);
}
