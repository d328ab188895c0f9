import { CONSTRAINTS } from "../errors.ts";
import type { StoreOps } from "../types.ts";
import { type Db, insertAll } from "./sql.ts";
import { audit } from "./tables.ts";

/** The audit trail (R-INV-14): appended, listed newest first with a keyset cursor. */
export function auditOps(db: Db): Pick<StoreOps, "insertAuditEvents" | "listAuditEvents"> {
  return {
    async insertAuditEvents(rows) {
      if (rows.length === 0) return;
      await insertAll(db, "foyer_audit_events", audit, rows, {
        key: "id",
        keyConstraint: CONSTRAINTS.auditId,
      });
    },

    async listAuditEvents(filter) {
      if (filter.tenantIds?.length === 0) return [];
      let select = db.selectFrom("foyer_audit_events").selectAll();
      if (filter.tenantIds !== undefined) {
        select = select.where("tenant_id", "in", [...new Set(filter.tenantIds)]);
      }
      if (filter.invitationId !== undefined) {
        select = select.where("invitation_id", "=", filter.invitationId);
      }
      const { before } = filter;
      if (before) {
        select = select.where((eb) =>
          eb(eb.refTuple("at", "id"), "<", eb.tuple(before.at, before.id)),
        );
      }
      const rows = await select
        .orderBy("at", "desc")
        .orderBy("id", "desc")
        .limit(filter.limit)
        .execute();
      return rows.map(audit.fromRecord);
    },
  };
}
