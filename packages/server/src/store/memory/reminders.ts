import { isReminderDue } from "../reminder-due.ts";
import type { InvitationRow } from "../types.ts";
import { compareKeys } from "./invitation-index.ts";
import type { MemoryState } from "./memory-state.ts";

/**
 * The memory store's `claimDueReminders` (R-INV-17): its transactions run one at a time, so
 * holding the mutex is holding every lock and nothing is ever skipped. Marks the due rows
 * reminded and answers them as they now are, oldest expiry first.
 */
export function claimDueReminders(state: MemoryState, now: Date, limit: number): InvitationRow[] {
  if (limit <= 0) return [];
  const due: InvitationRow[] = [];
  for (const row of state.invitations.values()) {
    const tenant = state.tenants.get(row.tenantId);
    if (tenant && isReminderDue(row, tenant, now)) due.push(row);
  }
  due.sort((a, b) =>
    compareKeys(
      { time: a.expiresAt.getTime(), id: a.id },
      { time: b.expiresAt.getTime(), id: b.id },
    ),
  );
  return due.slice(0, limit).map((row) => {
    const reminded = { ...structuredClone(row), reminderSentAt: new Date(now) };
    state.setInvitation(structuredClone(reminded), false);
    return reminded;
  });
}
