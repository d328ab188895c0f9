import type { InvitationRow, StoreOps } from "../types.ts";
import { compareKeys, pendingKey } from "./invitation-index.ts";
import type { MemoryState } from "./memory-state.ts";
import { copy, definedFields, type Run } from "./ops.ts";

/** Invitation rows: writes, lookups and the counts the seat limit needs. */
export function invitationOps(
  state: MemoryState,
  run: Run,
): Pick<
  StoreOps,
  | "insertInvitations"
  | "getInvitation"
  | "findOpenInvitations"
  | "updateInvitation"
  | "countPendingInvitations"
  | "findUnrecordedExpired"
> {
  return {
    insertInvitations: (rows) =>
      run(() => {
        for (const row of rows) state.setInvitation(copy(row), true);
      }),

    getInvitation: (id) => run(() => copy(state.invitations.get(id) ?? null)),

    findOpenInvitations: (tenantId, emails) =>
      run(() => copy(state.openInvitations(tenantId, emails))),

    updateInvitation: (id, patch) =>
      run(() => {
        const current = state.invitations.get(id);
        if (!current) return;
        const changes = definedFields(patch);
        state.setInvitation({ ...current, ...changes, id }, false);
      }),

    countPendingInvitations: (tenantId, now) =>
      run(() => {
        const { stored, lapsed } = state.storedCounts([tenantId], now);
        return stored.pending - lapsed;
      }),

    findUnrecordedExpired: (now, limit) =>
      run(() => {
        const due: InvitationRow[] = [];
        for (const row of state.invitations.values()) {
          if (
            row.status === "pending" &&
            row.expiredRecordedAt === null &&
            row.expiresAt.getTime() <= now.getTime()
          ) {
            due.push(row);
          }
        }
        due.sort((a, b) =>
          compareKeys(
            { time: a.expiresAt.getTime(), id: a.id },
            { time: b.expiresAt.getTime(), id: b.id },
          ),
        );
        return copy(due.slice(0, limit));
      }),
  };
}
