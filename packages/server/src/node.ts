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
   * Hashes that may wait for a free slot; beyond that a hash is refused at once with 429
   * `RATE_LIMITED` and `Retry-After` (R-SEC-03), so a flood costs its senders a fast refusal
   * instead of costing everyone a queue that grows without bound.
   * @default 2 × concurrency
   */
  maxQueue?: number;
}

/**
 * R-PWD-02: scrypt at OWASP parameters (each hash takes 128 MiB at N=2^17, r=8), with at
 * most `concurrency` hashes at once, so a burst of accepts queues instead of exhausting
 * memory, and at most `maxQueue` waiting (R-SEC-03): past that, `hash` and `verify` reject
 * at once with a `FoyerServiceError` `RATE_LIMITED` carrying `retryAfterSeconds`. Hashes are
 * self-describing (`scrypt$N$r$p$salt$key`), so parameters can rise later.
 * @example createFoyer({ …, passwordHasher: createScryptHasher() })
 */
export function createScryptHasher(options: ScryptHasherOptions = {}): PasswordHasher & {
  readonly params: ScryptParams;
  readonly concurrency: number;
  readonly maxQueue: number;
} {
  const { concurrency: _concurrency, maxQueue: _maxQueue, ...overrides } = options;
  const params: ScryptParams = { ...OWASP_SCRYPT, ...overrides };
  const concurrency = options.concurrency ?? Math.max(1, Math.min(4, availableParallelism()));
  const maxQueue = options.maxQueue ?? 2 * concurrency;
  const semaphore = createSemaphore(concurrency, maxQueue);
  const limit = async <T>(task: () => Promise<T>): Promise<T> => {
    try {
      return await semaphore(task);
    } catch (error) {
      if (!(error instanceof SemaphoreFullError)) throw error;
      throw new FoyerServiceError("RATE_LIMITED", {
        message: "Too many passwords are being checked right now. Try again in a moment.",
        retryAfterSeconds: 1,
      });
    }
  };
  return {
    params,
    concurrency,
    maxQueue,
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
