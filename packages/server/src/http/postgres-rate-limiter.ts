/// <reference path="./rate-limiter-flexible.d.ts" />
import type pg from "pg";
import RateLimiterMemory from "rate-limiter-flexible/lib/RateLimiterMemory.js";
import RateLimiterPostgres from "rate-limiter-flexible/lib/RateLimiterPostgres.js";
import type { RateLimiter } from "../types.ts";
import {
  bucketPrefix,
  limiterFromBuckets,
  perBucket,
  type RateLimitBucketName,
  type RateLimits,
  resolveRateLimits,
} from "./rate-limit.ts";

/** Options of `createPostgresRateLimiter`. */
export interface PostgresRateLimiterOptions {
  /** The pool the counters live in; the limiter never ends it. */
  pool: pg.Pool;
  /** Budgets per bucket; missing buckets take `DEFAULT_RATE_LIMITS`. */
  limits?: Partial<RateLimits>;
  /**
   * Table of the counters, created when missing.
   * @default "foyer_rate_limits"
   */
  tableName?: string;
}

// The library's key column is varchar(255); longer keys (a host's long actor ids) are
// replaced by their SHA-256 so they still count apart.
const MAX_PLAIN_KEY = 200;

async function storageKey(key: string): Promise<string> {
  if (key.length <= MAX_PLAIN_KEY) return key;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key));
  return `sha256:${Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

type PostgresBucket = InstanceType<typeof RateLimiterPostgres>;

/** Constructs a bucket and waits until its table exists (the library reports it by callback). */
function createBucket(
  options: ConstructorParameters<typeof RateLimiterPostgres>[0],
): Promise<PostgresBucket> {
  return new Promise((resolve, reject) => {
    // The callback may run inside the constructor (with `tableCreated`), before assignment.
    const bucket: PostgresBucket = new RateLimiterPostgres(options, (error?: Error) =>
      queueMicrotask(() => (error ? reject(error) : resolve(bucket))),
    );
  });
}

/** Creates the counters table (the library's own layout) once, whoever starts first. */
async function createTable(pool: PostgresRateLimiterOptions["pool"], tableName: string) {
  const table = `"${tableName.replace(/"/g, '""')}"`;
  const client = await pool.connect();
  try {
    await client.query("begin");
    await client.query("select pg_advisory_xact_lock(hashtext($1))", [tableName]);
    await client.query(
      `create table if not exists ${table} (key varchar(255) primary key, points integer not null default 0, expire bigint)`,
    );
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * A rate limiter whose counters live in PostgreSQL (R-SDK-07, R-SEC-03), so every server
 * instance on one database shares each budget, the failed-attempt budgets included. While
 * PostgreSQL is unreachable each instance falls back to counting in memory rather than
 * failing the request.
 * @example
 * createFoyer({ …, rateLimiter: createPostgresRateLimiter({ pool }) })
 */
export function createPostgresRateLimiter(options: PostgresRateLimiterOptions): RateLimiter {
  const limits = resolveRateLimits(options.limits);
  const tableName = options.tableName ?? "foyer_rate_limits";
  const bucketOptions = (bucket: RateLimitBucketName) => ({
    storeClient: options.pool,
    storeType: "pool",
    tableName,
    keyPrefix: bucketPrefix(bucket),
    points: limits[bucket].points,
    duration: limits[bucket].durationSeconds,
    insuranceLimiter: new RateLimiterMemory({
      keyPrefix: bucketPrefix(bucket),
      points: limits[bucket].points,
      duration: limits[bucket].durationSeconds,
    }),
    tableCreated: true,
  });
  // Every bucket shares one table, created here under an advisory lock: instances starting
  // at the same moment would otherwise race on CREATE TABLE IF NOT EXISTS, which PostgreSQL
  // does not make atomic ("type … already exists").
  const ready = createTable(options.pool, tableName).then(async () => {
    const pending = perBucket((bucket) => createBucket(bucketOptions(bucket)));
    const [publicBucket, create, failedPerAddress, failedPerAccount, failedGlobal, cooldown] =
      await Promise.all([
        pending.public,
        pending.create,
        pending.failedPerAddress,
        pending.failedPerAccount,
        pending.failedGlobal,
        createBucket({
          ...bucketOptions("public"),
          keyPrefix: "foyer_cooldown",
          points: 1,
          duration: 1,
          insuranceLimiter: new RateLimiterMemory({
            keyPrefix: "foyer_cooldown",
            points: 1,
            duration: 1,
          }),
        }),
      ]);
    return limiterFromBuckets(
      { public: publicBucket, create, failedPerAddress, failedPerAccount, failedGlobal, cooldown },
      limits,
      storageKey,
    );
  });
  // Reported on the first use; without this a failed start would be an unhandled rejection.
  ready.catch(() => undefined);
  return {
    consume: async (bucket, key) => (await ready).consume(bucket, key),
    checkAttempt: async (keys) => (await ready).checkAttempt(keys),
    deferAttempts: async (keys, seconds) => (await ready).deferAttempts(keys, seconds),
    recordAttempt: async (keys, outcome) => (await ready).recordAttempt(keys, outcome),
  };
}
