import { sql } from "kysely";
import { CONSTRAINTS } from "../errors.ts";
import type {
  EmailDelivery,
  InvitationDelivery,
  LockedDelivery,
  OutboxRow,
  StoreOps,
} from "../types.ts";
import { type Db, insertAll } from "./sql.ts";
import { invitations, outbox } from "./tables.ts";

/** The transactional email outbox (R-EML-02, R-EML-05). */
export function outboxOps(
  db: Db,
): Pick<
  StoreOps,
  "enqueueEmails" | "updateEmail" | "listEmails" | "claimDueEmails" | "cancelQueuedEmails"
> {
  return {
    async enqueueEmails(rows) {
      if (rows.length === 0) return;
      await insertAll(db, "foyer_outbox", outbox, rows, {
        key: "id",
        keyConstraint: CONSTRAINTS.outboxId,
      });
    },

    async updateEmail(id, patch) {
      const values = outbox.toPatch(patch);
      if (Object.keys(values).length === 0) return;
      await db.updateTable("foyer_outbox").set(values).where("id", "=", id).execute();
    },

    async listEmails(filter) {
      let select = db.selectFrom("foyer_outbox").selectAll();
      if (filter.invitationId !== undefined) {
        select = select.where("invitation_id", "=", filter.invitationId);
      }
      const rows = await select.orderBy("created_at").orderBy("id").execute();
      return rows.map(outbox.fromRecord);
    },

    async claimDueEmails(now, limit, leaseUntil) {
      // One statement that locks outbox rows only and never waits (SKIP LOCKED): it cannot
      // take part in a deadlock with the paths that lock an invitation and then its emails.
      const due = db
        .selectFrom("foyer_outbox")
        .select("id")
        .where("status", "=", "queued")
        .where("next_attempt_at", "<=", now)
        .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<=", now)]))
        .orderBy("next_attempt_at")
        .orderBy("id")
        .limit(limit)
        .forUpdate()
        .skipLocked();
      const rows = await db
        .updateTable("foyer_outbox")
        .set({ lease_until: leaseUntil })
        .where("id", "in", due)
        .returningAll()
        .execute();
      return rows
        .map(outbox.fromRecord)
        .sort(
          (a, b) =>
            a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() ||
            (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
        );
    },

    async cancelQueuedEmails(invitationId, reason) {
      const result = await db
        .updateTable("foyer_outbox")
        .set({ status: "cancelled", last_error: reason })
        .where("invitation_id", "=", invitationId)
        .where("status", "=", "queued")
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}

/**
 * Two statements that never wait (SKIP LOCKED): the emails' invitations, then the emails,
 * each in id order (the one lock order: invitation, then its outbox rows).
 */
export async function lockDeliveries(
  trx: Db,
  emails: Pick<OutboxRow, "id" | "invitationId">[],
): Promise<LockedDelivery[]> {
  const invitationIds = [
    ...new Set(emails.flatMap((e) => (e.invitationId === null ? [] : [e.invitationId]))),
  ].sort();
  if (invitationIds.length === 0) return [];
  const held = await trx
    .selectFrom("foyer_invitations")
    .selectAll()
    .where("id", "in", invitationIds)
    .orderBy("id")
    .forUpdate()
    .skipLocked()
    .execute();
  const byId = new Map(held.map((row) => [row.id, invitations.fromRecord(row)]));
  const emailIds = emails
    .filter((e) => e.invitationId !== null && byId.has(e.invitationId))
    .map((e) => e.id)
    .sort();
  if (emailIds.length === 0) return [];
  const rows = await trx
    .selectFrom("foyer_outbox")
    .selectAll()
    .where("id", "in", emailIds)
    .orderBy("id")
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.flatMap((row) => {
    const email = outbox.fromRecord(row);
    const invitation = email.invitationId === null ? undefined : byId.get(email.invitationId);
    return invitation ? [{ email, invitation }] : [];
  });
}

/**
 * The delivery state of locked emails and their invitations in one statement: each table
 * updated from a JSON array of its rows' new values.
 */
export async function recordDeliveries(
  trx: Db,
  emails: EmailDelivery[],
  invitationRows: InvitationDelivery[],
): Promise<void> {
  if (emails.length === 0 && invitationRows.length === 0) return;
  const emailJson = JSON.stringify(
    emails.map((e) => ({
      id: e.id,
      status: e.status,
      attempts: e.attempts,
      next_attempt_at: e.nextAttemptAt,
      last_error: e.lastError,
      sent_at: e.sentAt,
      lease_until: e.leaseUntil,
    })),
  );
  const invitationJson = JSON.stringify(
    invitationRows.map((i) => ({
      id: i.id,
      delivery_status: i.deliveryStatus,
      delivery_error: i.deliveryError,
      delivery_updated_at: i.deliveryUpdatedAt,
      delivery_attempts: i.deliveryAttempts,
      delivery_last_attempt_at: i.deliveryLastAttemptAt,
    })),
  );
  await sql`
    with sent as (
      update foyer_outbox o
      set status = v.status, attempts = v.attempts, next_attempt_at = v.next_attempt_at,
        last_error = v.last_error, sent_at = v.sent_at, lease_until = v.lease_until
      from jsonb_to_recordset(${emailJson}::jsonb) as v(
        id text, status text, attempts integer, next_attempt_at timestamptz,
        last_error text, sent_at timestamptz, lease_until timestamptz
      )
      where o.id = v.id
      returning 1
    )
    update foyer_invitations i
    set delivery_status = w.delivery_status, delivery_error = w.delivery_error,
      delivery_updated_at = w.delivery_updated_at, delivery_attempts = w.delivery_attempts,
      delivery_last_attempt_at = w.delivery_last_attempt_at
    from jsonb_to_recordset(${invitationJson}::jsonb) as w(
      id text, delivery_status text, delivery_error text, delivery_updated_at timestamptz,
      delivery_attempts integer, delivery_last_attempt_at timestamptz
    )
    where i.id = w.id
  `.execute(trx);
}
