import type { StoreOps } from "../types.ts";
import type { MemoryState } from "./memory-state.ts";
import { copy, type Run } from "./ops.ts";

/** Sign-ups with an identity provider in flight (R-LNK-06). */
export function oidcFlowOps(
  state: MemoryState,
  run: Run,
): Pick<StoreOps, "insertOidcFlow" | "takeOidcFlow" | "deleteExpiredOidcFlows"> {
  return {
    insertOidcFlow: (row) => run(() => state.setOidcFlow(row.stateHash, copy(row))),
    takeOidcFlow: (stateHash) =>
      run(() => {
        const row = state.oidcFlows.get(stateHash);
        if (!row) return null;
        state.setOidcFlow(stateHash, undefined);
        return copy(row);
      }),
    deleteExpiredOidcFlows: (at) =>
      run(() => {
        const expired = [...state.oidcFlows.values()].filter(
          (row) => row.expiresAt.getTime() <= at.getTime(),
        );
        for (const row of expired) state.setOidcFlow(row.stateHash, undefined);
        return expired.length;
      }),
  };
}
