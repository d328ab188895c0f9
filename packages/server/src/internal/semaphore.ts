/** Thrown by a semaphore's `run` when its admission check refuses to queue a task; nothing was started. */
export class SemaphoreFullError extends Error {
  override readonly name = "SemaphoreFullError";
}

/** Options of `createSemaphore`. */
export interface SemaphoreOptions {
  /**
   * Asked when every slot is taken, with the number of tasks already waiting: false refuses
   * the task at once with `SemaphoreFullError` instead of queueing it (an unbounded queue
   * turns a burst into unbounded latency for everyone behind it).
   * @default always true
   */
  admit?: (waiting: number) => boolean;
}

/**
 * A FIFO counting semaphore: at most `limit` tasks run at once; the rest wait their turn, as
 * far as `admit` lets them. Internal (not exported from the package): the scrypt hasher
 * bounds its memory and its queue with it.
 */
export function createSemaphore(limit: number, options: SemaphoreOptions = {}) {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError("limit must be a positive integer");
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active >= limit) {
      if (options.admit && !options.admit(waiting.length)) {
        throw new SemaphoreFullError("The queue is full.");
      }
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
