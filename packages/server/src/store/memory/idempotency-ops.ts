import type { StoreOps } from "../types.ts";
import type { MemoryState } from "./memory-state.ts";
import { copy, type Run } from "./ops.ts";

/** Idempotency-Keys (R-SDK-07). */
export function idempotencyOps(
  state: MemoryState,
  run: Run,
): Pick<StoreOps, "claimIdempotencyKey" | "completeIdempotencyKey" | "releaseIdempotencyKey"> {
  return {
    claimIdempotencyKey: (row) =>
      run(() => {
        const existing = state.idempotency.get(row.key);
        if (existing) return copy(existing);
        // The memory store lives and dies with its process: every key it holds is its own.
        state.setIdempotency(row.key, { ...copy(row), owner: null });
        return null;
      }),

    completeIdempotencyKey: (key, status, body) =>
      run(() => {
        const current = state.idempotency.get(key);
        if (current) state.setIdempotency(key, { ...current, state: "done", status, body });
      }),

    releaseIdempotencyKey: (key) => run(() => state.setIdempotency(key, undefined)),
  };
}
