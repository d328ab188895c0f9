import { CONSTRAINTS } from "../errors.ts";
import type { StoreOps } from "../types.ts";
import { type Db, insertAll } from "./sql.ts";
import { tokens } from "./tables.ts";

/** Token hashes (R-INV-11): stored, found by hash, retired. */
export function tokenOps(db: Db): Pick<StoreOps, "insertTokens" | "findToken" | "supersedeTokens"> {
  return {
    async insertTokens(rows) {
      if (rows.length === 0) return;
      await insertAll(db, "foyer_invitation_tokens", tokens, rows, {
        key: "hash",
        keyConstraint: CONSTRAINTS.tokenHash,
      });
    },

    async findToken(hash) {
      const row = await db
        .selectFrom("foyer_invitation_tokens")
        .selectAll()
        .where("hash", "=", hash)
        .executeTakeFirst();
      return row ? tokens.fromRecord(row) : null;
    },

    async supersedeTokens(invitationId, at) {
      await db
        .updateTable("foyer_invitation_tokens")
        .set({ superseded_at: at })
        .where("invitation_id", "=", invitationId)
        .where("superseded_at", "is", null)
        .execute();
    },
  };
}
