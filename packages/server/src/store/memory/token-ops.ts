import type { StoreOps } from "../types.ts";
import type { MemoryState } from "./memory-state.ts";
import { copy, type Run } from "./ops.ts";

/** Token hashes of invitations. */
export function tokenOps(
  state: MemoryState,
  run: Run,
): Pick<StoreOps, "insertTokens" | "findToken" | "supersedeTokens"> {
  return {
    insertTokens: (rows) =>
      run(() => {
        for (const row of rows) state.setToken(copy(row), true);
      }),

    findToken: (hash) => run(() => copy(state.tokens.get(hash) ?? null)),

    supersedeTokens: (invitationId, at) =>
      run(() => {
        for (const hash of [...(state.tokensByInvitation.get(invitationId) ?? [])]) {
          const token = state.tokens.get(hash)!;
          if (token.supersededAt === null) {
            state.setToken({ ...token, supersededAt: new Date(at) }, false);
          }
        }
      }),
  };
}
