import type { AuditRow, StoreOps } from "../types.ts";
import { compareKeys } from "./invitation-index.ts";
import type { MemoryState } from "./memory-state.ts";
import { copy, type Run } from "./ops.ts";

/** The audit trail. */
export function auditOps(
  state: MemoryState,
  run: Run,
): Pick<StoreOps, "insertAuditEvents" | "listAuditEvents"> {
  return {
    insertAuditEvents: (rows) =>
      run(() => {
        for (const row of rows) state.insertAudit(copy(row));
      }),

    listAuditEvents: (filter) =>
      run(() => {
        const tenants = filter.tenantIds && new Set(filter.tenantIds);
        const before = filter.before && { time: filter.before.at.getTime(), id: filter.before.id };
        const found: AuditRow[] = [];
        for (const row of state.auditNewestFirst()) {
          if (found.length >= filter.limit) break;
          if (tenants && !tenants.has(row.tenantId)) continue;
          if (filter.invitationId !== undefined && row.invitationId !== filter.invitationId)
            continue;
          if (before && compareKeys({ time: row.at.getTime(), id: row.id }, before) >= 0) continue;
          found.push(row);
        }
        return copy(found);
      }),
  };
}
