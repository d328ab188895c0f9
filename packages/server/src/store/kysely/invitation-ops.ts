import { sql } from "kysely";
import type { InvitationRow, StoreOps } from "../types.ts";
import { atomically, chunk, type Db, insertRows, MAX_IN_LIST } from "./sql.ts";
import { invitations } from "./tables.ts";

/** Invitation rows: writes, lookups and the counts the seat limit needs. */
export function invitationOps(
  db: Db,
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
      await atomically(db, (trx) => insertRows(trx, "foyer_invitations", invitations, rows));
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
      await atomically(db, async (trx) => {
        await trx.updateTable("foyer_invitations").set(values).where("id", "=", id).execute();
      });
    },

    async countPendingInvitations(tenantId, now) {
      const row = await db
        .selectFrom("foyer_invitations")
        .select((eb) => eb.cast<number>(eb.fn.countAll(), "integer").as("count"))
        .where("tenant_id", "=", tenantId)
        .where("status", "=", "pending")
        .where("expires_at", ">", now)
        .executeTakeFirstOrThrow();
      return Number(row.count);
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
