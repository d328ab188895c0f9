/**
 * A FIFO counting semaphore: at most `limit` tasks run at once; the rest wait their turn.
 * Internal (not exported from the package): the scrypt hasher bounds its memory with it.
 */
export function createSemaphore(limit: number) {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError("limit must be a positive integer");
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else active += 1;
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
