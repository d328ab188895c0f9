import { deriveStatus } from "@foyer/core";
import { tabCounts } from "../invitation-counts.ts";
import type { StoreOps } from "../types.ts";
import { compareKeys, matchesSearch } from "./invitation-index.ts";
import type { MemoryState } from "./memory-state.ts";
import { copy, type Run } from "./ops.ts";

/** The invitations list and its tab counts (R-INV-09). */
export function listingOps(
  state: MemoryState,
  run: Run,
): Pick<StoreOps, "listInvitations" | "countInvitations"> {
  return {
    listInvitations: (query) =>
      run(() => {
        if (query.limit <= 0) return [];
        const rows = [...new Set(query.tenantIds)].flatMap((tenantId) =>
          state.pageOfTenant(tenantId, query),
        );
        const direction = query.order === "asc" ? 1 : -1;
        rows.sort(
          (a, b) =>
            direction *
            compareKeys(
              { time: a[query.sort].getTime(), id: a.id },
              { time: b[query.sort].getTime(), id: b.id },
            ),
        );
        return copy(rows.slice(0, query.limit));
      }),

    countInvitations: (tenantIds, search, now) =>
      run(() => {
        // The tabs from the totals; a search reads every row of the tenants, as its page does.
        if (!search) return tabCounts(state.storedCounts(tenantIds, now));
        const counts = { pending: 0, accepted: 0, expired: 0, revoked: 0, history: 0, all: 0 };
        for (const tenantId of new Set(tenantIds)) {
          for (const id of state.invitationsByTenant.get(tenantId)?.ids ?? []) {
            const row = state.invitations.get(id)!;
            if (!matchesSearch(row, search)) continue;
            const status = deriveStatus(row.status, row.expiresAt, now);
            counts[status] += 1;
            counts.all += 1;
            if (status !== "pending") counts.history += 1;
          }
        }
        return counts;
      }),
  };
}
