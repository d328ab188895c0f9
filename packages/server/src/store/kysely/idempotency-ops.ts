import type { StoreOps } from "../types.ts";
import type { Db } from "./sql.ts";
import { idempotency } from "./tables.ts";

/** Idempotency keys (R-SDK-08): claimed once, completed with the answer, or released. */
export function idempotencyOps(
  db: Db,
): Pick<StoreOps, "claimIdempotencyKey" | "completeIdempotencyKey" | "releaseIdempotencyKey"> {
  return {
    async claimIdempotencyKey(row) {
      // A concurrent release may delete the row between our insert and our read: try again.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const inserted = await db
          .insertInto("foyer_idempotency_keys")
          .values(idempotency.toRecord(row))
          .onConflict((conflict) => conflict.column("key").doNothing())
          .returning("key")
          .executeTakeFirst();
        if (inserted) return null;
        const existing = await db
          .selectFrom("foyer_idempotency_keys")
          .selectAll()
          .where("key", "=", row.key)
          .executeTakeFirst();
        if (existing) return idempotency.fromRecord(existing);
      }
      throw new Error(`Idempotency key ${row.key} kept changing while being claimed`);
    },

    async completeIdempotencyKey(key, status, body) {
      await db
        .updateTable("foyer_idempotency_keys")
        .set({ state: "done", status, body })
        .where("key", "=", key)
        .execute();
    },

    async releaseIdempotencyKey(key) {
      await db.deleteFrom("foyer_idempotency_keys").where("key", "=", key).execute();
    },
  };
}
