import type { Store, StoreTx } from "../../src/store/types.ts";

/** Time spent per store method while recording (wall clock; concurrent calls overlap). */
export interface StoreProfile {
  recording: boolean;
  calls: Map<string, { count: number; ms: number }>;
  reset(): void;
  /** Rows sorted by time, most first. */
  rows(): { method: string; count: number; ms: number }[];
}

/** An empty profile, not recording. */
export function createStoreProfile(): StoreProfile {
  const calls = new Map<string, { count: number; ms: number }>();
  return {
    recording: false,
    calls,
    reset() {
      calls.clear();
    },
    rows() {
      return [...calls.entries()]
        .map(([method, entry]) => ({ method, ...entry }))
        .sort((a, b) => b.ms - a.ms);
    },
  };
}

function record(profile: StoreProfile, method: string, ms: number): void {
  if (!profile.recording) return;
  const entry = profile.calls.get(method) ?? { count: 0, ms: 0 };
  entry.count += 1;
  entry.ms += ms;
  profile.calls.set(method, entry);
}

function timed<T extends object>(target: T, profile: StoreProfile, prefix: string): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== "function" || typeof property !== "string") return value;
      const method = value as (...args: unknown[]) => unknown;
      return async (...args: unknown[]): Promise<unknown> => {
        const started = performance.now();
        try {
          return await method.apply(object, args);
        } finally {
          record(profile, `${prefix}${property}`, performance.now() - started);
        }
      };
    },
  });
}

/**
 * Wraps a store so every call (and every call inside a transaction, prefixed `tx.`) is timed
 * into `profile` while `profile.recording` is on. `transaction` itself is timed whole.
 */
export function profiledStore(store: Store, profile: StoreProfile): Store {
  const outer = timed(store, profile, "");
  return new Proxy(outer, {
    get(object, property, receiver) {
      if (property !== "transaction") return Reflect.get(object, property, receiver);
      return async <T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> => {
        const started = performance.now();
        try {
          return await store.transaction((tx) => fn(timed(tx, profile, "tx.")));
        } finally {
          record(profile, "transaction (whole)", performance.now() - started);
        }
      };
    },
  });
}
