import { CONSTRAINTS } from "../errors.ts";
import type { StoreOps } from "../types.ts";
import { type Db, insertAll } from "./sql.ts";
import { outbox } from "./tables.ts";

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
