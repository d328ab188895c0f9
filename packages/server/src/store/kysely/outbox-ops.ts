import type { StoreOps } from "../types.ts";
import { atomically, type Db, insertRows } from "./sql.ts";
import { outbox } from "./tables.ts";

/** The transactional email outbox (R-EML-02). */
export function outboxOps(db: Db): Pick<StoreOps, "enqueueEmails" | "updateEmail" | "listEmails"> {
  return {
    async enqueueEmails(rows) {
      if (rows.length === 0) return;
      await atomically(db, (trx) => insertRows(trx, "foyer_outbox", outbox, rows));
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
  };
}
