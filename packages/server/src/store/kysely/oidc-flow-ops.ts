import type { StoreOps } from "../types.ts";
import type { Db } from "./sql.ts";
import { oidcFlows } from "./tables.ts";

/** Sign-ups with an identity provider in flight (R-LNK-06). */
export function oidcFlowOps(
  db: Db,
): Pick<StoreOps, "insertOidcFlow" | "takeOidcFlow" | "deleteExpiredOidcFlows"> {
  return {
    async insertOidcFlow(row) {
      await db.insertInto("foyer_oidc_flows").values(oidcFlows.toRecord(row)).execute();
    },

    async takeOidcFlow(stateHash) {
      // One statement: of two callbacks racing for a state, only one deletes the row.
      const row = await db
        .deleteFrom("foyer_oidc_flows")
        .where("state_hash", "=", stateHash)
        .returningAll()
        .executeTakeFirst();
      return row ? oidcFlows.fromRecord(row) : null;
    },

    async deleteExpiredOidcFlows(at) {
      const result = await db
        .deleteFrom("foyer_oidc_flows")
        .where("expires_at", "<=", at)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
