import type { StoreOps } from "../types.ts";
import { compareKeys } from "./invitation-index.ts";
import type { MemoryState } from "./memory-state.ts";
import { copy, definedFields, type Run } from "./ops.ts";

/** The email outbox: queued references, leases and cancellations. */
export function outboxOps(
  state: MemoryState,
  run: Run,
): Pick<
  StoreOps,
  "enqueueEmails" | "updateEmail" | "listEmails" | "claimDueEmails" | "cancelQueuedEmails"
> {
  return {
    enqueueEmails: (rows) =>
      run(() => {
        for (const row of rows) state.setEmail(copy(row), true);
      }),

    updateEmail: (id, patch) =>
      run(() => {
        const current = state.outbox.get(id);
        if (!current) return;
        const changes = definedFields(patch);
        state.setEmail({ ...current, ...changes, id }, false);
      }),

    listEmails: (filter) =>
      run(() =>
        copy(
          [...state.outbox.values()]
            .filter(
              (row) =>
                filter.invitationId === undefined || row.invitationId === filter.invitationId,
            )
            .sort((a, b) =>
              compareKeys(
                { time: a.createdAt.getTime(), id: a.id },
                { time: b.createdAt.getTime(), id: b.id },
              ),
            ),
        ),
      ),

    claimDueEmails: (now, limit, leaseUntil) =>
      run(() => {
        const at = now.getTime();
        const due = [...state.outbox.values()]
          .filter(
            (row) =>
              row.status === "queued" &&
              row.nextAttemptAt.getTime() <= at &&
              (row.leaseUntil === null || row.leaseUntil.getTime() <= at),
          )
          .sort((a, b) =>
            compareKeys(
              { time: a.nextAttemptAt.getTime(), id: a.id },
              { time: b.nextAttemptAt.getTime(), id: b.id },
            ),
          )
          .slice(0, limit);
        return copy(
          due.map((row) => {
            const leased = { ...row, leaseUntil: new Date(leaseUntil) };
            state.setEmail(leased, false);
            return leased;
          }),
        );
      }),

    cancelQueuedEmails: (invitationId, reason) =>
      run(() => {
        let count = 0;
        for (const row of state.outbox.values()) {
          if (row.invitationId === invitationId && row.status === "queued") {
            state.setEmail({ ...row, status: "cancelled", lastError: reason }, false);
            count += 1;
          }
        }
        return count;
      }),
  };
}
