import type { StoreOps } from "../types.ts";
import type { MemoryState } from "./memory-state.ts";
import { copy, type Run } from "./ops.ts";

/** Creating invitations: what the rules read, and what they write, each as one unit. */
export function newInvitationOps(
  state: MemoryState,
  run: Run,
): Pick<StoreOps, "insertNewInvitations" | "checkInvitees"> {
  return {
    insertNewInvitations: (batch) =>
      run(() => {
        for (const row of batch.invitations) state.setInvitation(copy(row), true);
        for (const row of batch.tokens) state.setToken(copy(row), true);
        for (const row of batch.emails) state.setEmail(copy(row), true);
        for (const row of batch.audit) state.insertAudit(copy(row));
      }),

    checkInvitees: (tenantId, emails, seatsAt) =>
      run(() => {
        let seatsTaken: number | null = null;
        if (seatsAt !== null) {
          const { stored, lapsed } = state.storedCounts([tenantId], seatsAt);
          seatsTaken = state.activeMembers(tenantId) + stored.pending - lapsed;
        }
        return copy({
          open: state.openInvitations(tenantId, emails),
          members: state.membersWithEmails(emails),
          seatsTaken,
        });
      }),
  };
}
