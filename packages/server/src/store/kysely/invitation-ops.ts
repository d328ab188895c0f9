import { sql } from "kysely";
import { CONSTRAINTS } from "../errors.ts";
import type { InvitationRow, StoreOps } from "../types.ts";
import { type CountDeltas, countedWrite, readStoredCounts } from "./invitation-counts.ts";
import { chunk, type Db, insertAll, MAX_IN_LIST } from "./sql.ts";
import { invitations } from "./tables.ts";

/**
 * Invitation rows: writes, lookups and the counts the seat limit needs. `deltas` collects the
 * counter changes of the transaction `db` belongs to (null outside one).
 */
export function invitationOps(
  db: Db,
  deltas: CountDeltas | null,
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
    async insertInvitations(rows) {
      if (rows.length === 0) return;
      // insertAll refuses without ending the transaction: no savepoint needed.
      await countedWrite(db, deltas, { savepoint: false }, async (trx, counted) => {
        await insertAll(trx, "foyer_invitations", invitations, rows, {
          key: "id",
          keyConstraint: CONSTRAINTS.invitationId,
          otherConstraint: CONSTRAINTS.pendingInvitation,
        });
        for (const row of rows) counted.add(row.tenantId, row.status, 1);
      });
    },

    async getInvitation(id) {
      const row = await db
        .selectFrom("foyer_invitations")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? invitations.fromRecord(row) : null;
    },

    async findOpenInvitations(tenantId, emails) {
      const found: InvitationRow[] = [];
      const lowered = [...new Set(emails.map((email) => email.toLowerCase()))];
      for (const part of chunk(lowered, MAX_IN_LIST)) {
        // Matches the partial unique index (tenant_id, lower(email)) where status = 'pending'.
        const rows = await db
          .selectFrom("foyer_invitations")
          .selectAll()
          .where("tenant_id", "=", tenantId)
          .where("status", "=", "pending")
          .where(sql<string>`lower(email)`, "in", part)
          .orderBy("id")
          .execute();
        found.push(...rows.map(invitations.fromRecord));
      }
      return found;
    },

    async updateInvitation(id, patch) {
      const values = invitations.toPatch(patch);
      if (Object.keys(values).length === 0) return;
      // Only a row set back to pending can meet a unique constraint (one pending invitation
      // per address); any other update runs as one plain statement.
      const savepoint = values.status === "pending";
      if (values.status === undefined && values.tenant_id === undefined) {
        await db.updateTable("foyer_invitations").set(values).where("id", "=", id).execute();
        return;
      }
      // A status change moves the row between counters: the update answers the status it
      // replaced (read under the row lock, so a concurrent change is not missed).
      await countedWrite(db, deltas, { savepoint }, async (trx, counted) => {
        const changed = await trx
          .updateTable("foyer_invitations as i")
          .set(values)
          .from(
            trx
              .selectFrom("foyer_invitations")
              .select(["id", "tenant_id", "status"])
              .where("id", "=", id)
              .forUpdate()
              .as("old"),
          )
          .whereRef("i.id", "=", "old.id")
          .returning([
            "old.tenant_id as oldTenantId",
            "old.status as oldStatus",
            "i.tenant_id as tenantId",
            "i.status as status",
          ])
          .execute();
        for (const row of changed) {
          counted.add(row.oldTenantId, row.oldStatus, -1);
          counted.add(row.tenantId, row.status, 1);
        }
      });
    },

    async countPendingInvitations(tenantId, now) {
      const { stored, lapsed } = await readStoredCounts(db, [tenantId], now, deltas);
      return stored.pending - lapsed;
    },

    async findUnrecordedExpired(now, limit) {
      const rows = await db
        .selectFrom("foyer_invitations")
        .selectAll()
        .where("status", "=", "pending")
        .where("expired_recorded_at", "is", null)
        .where("expires_at", "<=", now)
        .orderBy("expires_at")
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map(invitations.fromRecord);
    },
  };
}
