/** The outcome of one item of `runWithConcurrency`. */
export type Settled<T, R> =
  | { item: T; status: "fulfilled"; value: R }
  | { item: T; status: "rejected"; reason: unknown };

/**
 * Runs `task` over `items` with at most `limit` in flight, never failing as a whole: each
 * item settles on its own, in input order. Internal: bulk resend and revoke.
 */
export async function runWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<Array<Settled<T, R>>> {
  const results = new Array<Settled<T, R>>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as T;
      try {
        results[index] = { item, status: "fulfilled", value: await task(item) };
      } catch (reason) {
        results[index] = { item, status: "rejected", reason };
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  return results;
}
