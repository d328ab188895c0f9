/**
 * What the emails of one dispatcher round share: each value is loaded once per round (by
 * the first email that asks, in its transaction) and reused by the others, so a round of
 * fifty emails to one tenant reads the tenant and the roles once. A load that fails is
 * forgotten, so the next email loads it again.
 */
export interface RoundCache {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/** A cache that lives as long as one round. */
export function createRoundCache(): RoundCache {
  const values = new Map<string, Promise<unknown>>();
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const known = values.get(key) as Promise<T> | undefined;
      if (known) return known;
      const loading = load();
      values.set(key, loading);
      loading.catch(() => values.delete(key));
      return loading;
    },
  };
}
