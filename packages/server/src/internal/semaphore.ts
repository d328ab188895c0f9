/** Thrown by a semaphore's `run` when its queue is full; nothing was started. */
export class SemaphoreFullError extends Error {
  override readonly name = "SemaphoreFullError";
}

/**
 * A FIFO counting semaphore: at most `limit` tasks run at once; up to `maxWaiting` more wait
 * their turn, and any beyond that are refused at once with `SemaphoreFullError` (an unbounded
 * queue turns a burst into unbounded latency for everyone behind it).
 * Internal (not exported from the package): the scrypt hasher bounds its memory and its
 * queue with it.
 */
export function createSemaphore(limit: number, maxWaiting = Number.POSITIVE_INFINITY) {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError("limit must be a positive integer");
  if (maxWaiting !== Number.POSITIVE_INFINITY && (!Number.isInteger(maxWaiting) || maxWaiting < 0))
    throw new RangeError("maxWaiting must be a non-negative integer");
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active >= limit) {
      if (waiting.length >= maxWaiting) throw new SemaphoreFullError("The queue is full.");
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else active += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      // Hand the slot straight to the next waiter, so no newcomer can overtake it.
      if (next) next();
      else active -= 1;
    }
  };
}
