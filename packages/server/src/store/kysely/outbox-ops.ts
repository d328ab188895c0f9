import { CONSTRAINTS } from "../errors.ts";
import type { StoreOps } from "../types.ts";
import { type Db, insertAll } from "./sql.ts";
import { outbox } from "./tables.ts";

/** The transactional email outbox (R-EML-02). */
export function outboxOps(db: Db): Pick<StoreOps, "enqueueEmails" | "updateEmail" | "listEmails"> {
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
  };
}
