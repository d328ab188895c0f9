import type { Tenant } from "@foyer/core";
import type { InvitationRow } from "./types.ts";

const HOUR_MS = 3_600_000;

/**
 * When an invitation's reminder is due (R-INV-17): the tenant's lead time before it expires.
 * The memory store applies `isReminderDue` row by row; the SQL store says the same in
 * `kysely/reminder-ops.ts`.
 */
export function reminderDueAt(row: Pick<InvitationRow, "expiresAt">, tenant: Tenant): Date {
  return new Date(row.expiresAt.getTime() - tenant.settings.reminderLeadHours * HOUR_MS);
}

/**
 * Whether an invitation is due for its reminder at `now` (R-INV-17): its tenant is active and
 * has reminders on; it is stored pending and has not expired; it was never reminded since it
 * was last sent; its email went out (a link-only invitation has no address to remind, and a
 * failed one is the admin's to resend); and the reminder point has come, later than the
 * sending (an invitation whose whole lifetime is shorter than the lead time gets none).
 */
export function isReminderDue(row: InvitationRow, tenant: Tenant, now: Date): boolean {
  if (tenant.status !== "active" || !tenant.settings.reminderEnabled) return false;
  if (row.status !== "pending" || row.reminderSentAt !== null) return false;
  if (row.deliveryStatus !== "sent") return false;
  if (row.expiresAt.getTime() <= now.getTime()) return false;
  const dueAt = reminderDueAt(row, tenant).getTime();
  return dueAt <= now.getTime() && dueAt > row.sentAt.getTime();
}
