import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { availableParallelism } from "node:os";
import { FoyerServiceError } from "./errors.ts";
import { createSemaphore, SemaphoreFullError } from "./internal/semaphore.ts";
import type { PasswordHasher } from "./types.ts";

/** scrypt cost parameters. */
export interface ScryptParams {
  /** CPU/memory cost, a power of two. @default 131072 (2^17, OWASP) */
  N: number;
  /** Block size. @default 8 */
  r: number;
  /** Parallelisation. @default 1 */
  p: number;
  /** Derived key length in bytes. @default 32 */
  keyLength: number;
}

/** OWASP's recommended scrypt parameters (Password Storage Cheat Sheet): N=2^17, r=8, p=1. */
export const OWASP_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1, keyLength: 32 };

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; allow that plus headroom.
  const maxmem = 128 * params.N * params.r * 2;
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize("NFKC"),
      salt,
      params.keyLength,
      { N: params.N, r: params.r, p: params.p, maxmem },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** Options of `createScryptHasher`: scrypt's parameters and how much may run and wait. */
export interface ScryptHasherOptions extends Partial<ScryptParams> {
  /**
   * Hashes computed at once (each takes 128 MiB at OWASP's N and r).
   * @default the number of CPU cores, at most 4
   */
  concurrency?: number;
  /**
   * Most hashes that may wait for a free slot (R-SEC-03).
   * @default 2 × concurrency
   */
  maxQueue?: number;
  /**
   * Longest expected wait for a slot, from the recent hash durations, that a hash may queue
   * for (R-SEC-03). Past it, or past `maxQueue`, `hash` and `verify` are refused at once with
   * 429 `RATE_LIMITED` and `Retry-After`: under a flood a request gets a fast answer instead
   * of a place at the end of a queue that grows with the flood.
   * @default 1000
   */
  maxWaitMs?: number;
}

/**
 * R-PWD-02: scrypt at OWASP parameters (each hash takes 128 MiB at N=2^17, r=8), with at
 * most `concurrency` hashes at once, so a burst of accepts queues instead of exhausting
 * memory. R-SEC-03: the queue is bounded by `maxQueue` and by the expected wait
 * (`maxWaitMs`, judged from the recent hash durations); past either, `hash` and `verify`
 * reject at once with a `FoyerServiceError` `RATE_LIMITED` carrying `retryAfterSeconds`.
 * Hashes are self-describing (`scrypt$N$r$p$salt$key`), so parameters can rise later.
 * @example createFoyer({ …, passwordHasher: createScryptHasher() })
 */
export function createScryptHasher(options: ScryptHasherOptions = {}): PasswordHasher & {
  readonly params: ScryptParams;
  readonly concurrency: number;
  readonly maxQueue: number;
  readonly maxWaitMs: number;
} {
  const {
    concurrency: _concurrency,
    maxQueue: _maxQueue,
    maxWaitMs: _maxWaitMs,
    ...overrides
  } = options;
  const params: ScryptParams = { ...OWASP_SCRYPT, ...overrides };
  const concurrency = options.concurrency ?? Math.max(1, Math.min(4, availableParallelism()));
  const maxQueue = options.maxQueue ?? 2 * concurrency;
  const maxWaitMs = options.maxWaitMs ?? 1000;
  // How long a hash takes lately (exponential moving average, ms); 0 until one finished.
  let recentMs = 0;
  // When each running hash started, by a number of its own.
  const running = new Map<number, number>();
  let runs = 0;
  /**
   * How long the `position`-th waiter would wait for a slot: what is left of the oldest
   * running hash, plus a whole hash per `concurrency` waiters ahead. A hash running longer
   * than usual means the machine is slower than usual right now: nothing is promised then.
   */
  const expectedWait = (position: number): number => {
    if (recentMs === 0 || running.size === 0) return 0;
    const oldest = performance.now() - Math.min(...running.values());
    if (oldest > recentMs) return Number.POSITIVE_INFINITY;
    return recentMs - oldest + recentMs * Math.floor((position - 1) / concurrency);
  };
  const semaphore = createSemaphore(concurrency, {
    admit: (waiting) => waiting < maxQueue && expectedWait(waiting + 1) <= maxWaitMs,
  });
  const limit = async <T>(task: () => Promise<T>): Promise<T> => {
    try {
      return await semaphore(async () => {
        const run = runs++;
        const started = performance.now();
        running.set(run, started);
        try {
          return await task();
        } finally {
          running.delete(run);
          const took = performance.now() - started;
          recentMs = recentMs === 0 ? took : 0.8 * recentMs + 0.2 * took;
        }
      });
    } catch (error) {
      if (!(error instanceof SemaphoreFullError)) throw error;
      const wait = expectedWait(1);
      const oldest = running.size > 0 ? performance.now() - Math.min(...running.values()) : 0;
      throw new FoyerServiceError("RATE_LIMITED", {
        message: "Too many passwords are being checked right now. Try again in a moment.",
        retryAfterSeconds: Math.max(
          1,
          Math.ceil((Number.isFinite(wait) ? wait : Math.max(recentMs, oldest)) / 1000),
        ),
      });
    }
  };
  return {
    params,
    concurrency,
    maxQueue,
    maxWaitMs,
    hash: (password) =>
      limit(async () => {
        const salt = randomBytes(16);
        const key = await derive(password, salt, params);
        return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString("base64")}$${key.toString("base64")}`;
      }),
    verify: (password, stored) =>
      limit(async () => {
        const parts = stored.split("$");
        if (parts.length !== 6 || parts[0] !== "scrypt") return false;
        const [, n, r, p, salt, key] = parts;
        const expected = Buffer.from(key ?? "", "base64");
        const actual = await derive(password, Buffer.from(salt ?? "", "base64"), {
          N: Number(n),
          r: Number(r),
          p: Number(p),
          keyLength: expected.length,
        });
        return actual.length === expected.length && timingSafeEqual(actual, expected);
      }),
  };
}
