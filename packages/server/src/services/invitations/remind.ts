import type { AuditRow } from "../../store/types.ts";
import { actorRef, type ServiceContext } from "../context.ts";
import { queuedEmail } from "../outbox.ts";

/** Invitations reminded per transaction. */
const BATCH = 100;

/**
 * The reminder sweep (R-INV-17): for every pending invitation whose tenant has reminders on
 * and whose expiry is within the tenant's lead time (`isReminderDue`), marks it reminded,
 * queues one `reminder` email and writes a `reminded` audit record, all in one transaction,
 * at most `limit` per call. The dispatcher calls it every round; a host with a scheduler of
 * its own may call `foyer.services.sendReminders()` instead. Answers how many it reminded.
 *
 * Safe with any number of instances sweeping at once: the store claims due invitations with
 * `FOR UPDATE SKIP LOCKED` and marks them in the same statement, so each is claimed once.
 * The claim locks invitation rows only and never waits, and the email and the audit row are
 * new rows: no lock order to break (R-EML-05). A resend clears `reminderSentAt`, so a
 * resent invitation is reminded again before its new expiry; the email itself is composed
 * when it is sent and cancelled then if the invitation is no longer pending.
 */
export async function sendReminders(ctx: ServiceContext, limit = 500): Promise<number> {
  let reminded = 0;
  while (reminded < limit) {
    const want = Math.min(BATCH, limit - reminded);
    const at = ctx.now();
    const events = await ctx.store.transaction(async (tx) => {
      const rows = await tx.claimDueReminders(at, want);
      if (rows.length === 0) return [];
      await tx.enqueueEmails(rows.map((row) => queuedEmail(row, "reminder", at)));
      const audited: AuditRow[] = rows.map((row) =>
        ctx.audit({
          tenantId: row.tenantId,
          invitationId: row.id,
          action: "reminded",
          source: "system",
          ...actorRef(null),
          subjectEmail: row.email,
          at,
          data: { expiresAt: row.expiresAt.toISOString() },
        }),
      );
      await tx.insertAuditEvents(audited);
      return audited;
    });
    await ctx.emit(events);
    reminded += events.length;
    if (events.length < want) break;
  }
  return reminded;
}
