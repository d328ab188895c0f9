import { sql, type Transaction } from "kysely";
import type { FoyerDatabase } from "../schema.ts";
import type { InvitationRow } from "../types.ts";
import { invitations } from "./tables.ts";

/**
 * The SQL store's `claimDueReminders` (R-INV-17), the same rule as `isReminderDue`: one
 * statement picks the due rows, locks them and skips what another transaction holds
 * (`FOR UPDATE OF i SKIP LOCKED`: the invitation rows only, never the tenant), and marks
 * them reminded. It never waits on a lock, so it cannot close a cycle with the paths that
 * lock tenant, invitation and outbox rows in that order. A sweep that runs at the same
 * moment skips these rows, and after the commit no longer finds them due.
 */
export async function claimDueReminders(
  trx: Transaction<FoyerDatabase>,
  now: Date,
  limit: number,
): Promise<InvitationRow[]> {
  if (limit <= 0) return [];
  const lead = sql<string>`make_interval(hours => (t.settings ->> 'reminderLeadHours')::int)`;
  const due = trx
    .selectFrom("foyer_tenants as t")
    .innerJoin("foyer_invitations as i", "i.tenant_id", "t.id")
    .select("i.id")
    .where("t.status", "=", "active")
    .where(sql<boolean>`(t.settings ->> 'reminderEnabled') = 'true'`)
    .where("i.status", "=", "pending")
    .where("i.reminder_sent_at", "is", null)
    .where("i.delivery_status", "=", "sent")
    // Expiry within the tenant's lead time, written as a range of `expires_at` so each
    // tenant with reminders on reads only its due rows of `foyer_invitations_reminder_idx`.
    .where("i.expires_at", ">", now)
    .where("i.expires_at", "<=", sql<Date>`${now}::timestamptz + ${lead}`)
    // The reminder point lies after the sending (else the email just went out).
    .where(sql<Date>`i.expires_at - ${lead}`, ">", sql<Date>`i.sent_at`)
    .orderBy("i.expires_at")
    .orderBy("i.id")
    .limit(limit)
    .forUpdate("i")
    .skipLocked();
  const rows = await trx
    .updateTable("foyer_invitations")
    .set({ reminder_sent_at: now })
    .where("id", "in", due)
    .returningAll()
    .execute();
  return rows
    .map(invitations.fromRecord)
    .sort(
      (a, b) =>
        a.expiresAt.getTime() - b.expiresAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}
