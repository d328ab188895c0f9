import type { StoreOps } from "../types.ts";
import type { KeyOwner } from "./key-owner.ts";
import type { Db } from "./sql.ts";
import { idempotency } from "./tables.ts";

/**
 * Idempotency keys (R-SDK-08): claimed once, completed with the answer, or released. A key
 * left in progress by an owner that is gone is taken over at once (R-SDK-07).
 */
export function idempotencyOps(
  db: Db,
  owner: KeyOwner,
): Pick<StoreOps, "claimIdempotencyKey" | "completeIdempotencyKey" | "releaseIdempotencyKey"> {
  return {
    async claimIdempotencyKey(row) {
      const me = await owner.current();
      // A concurrent release or takeover may delete the row between our insert and our read.
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const inserted = await db
          .insertInto("foyer_idempotency_keys")
          .values(idempotency.toRecord({ ...row, owner: me }))
          .onConflict((conflict) => conflict.column("key").doNothing())
          .returning("key")
          .executeTakeFirst();
        if (inserted) return null;
        const record = await db
          .selectFrom("foyer_idempotency_keys")
          .selectAll()
          .where("key", "=", row.key)
          .executeTakeFirst();
        if (!record) continue;
        const existing = idempotency.fromRecord(record);
        if (
          existing.state === "in_progress" &&
          existing.owner !== me &&
          (await owner.isGone(existing.owner))
        ) {
          // Its request died with its owner and committed nothing: free the key. Of two
          // instances doing this at once, one deletes and both race for the insert.
          await db
            .deleteFrom("foyer_idempotency_keys")
            .where("key", "=", row.key)
            .where("state", "=", "in_progress")
            .where((eb) =>
              existing.owner === null ? eb("owner", "is", null) : eb("owner", "=", existing.owner),
            )
            .execute();
          continue;
        }
        return existing;
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
