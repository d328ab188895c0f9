import type { AuditPage } from "@foyer/core";
import { FoyerServiceError } from "../errors.ts";
import type { StoreOps } from "../store/types.ts";
import { decodeCursor, encodeCursor, toAuditEvent } from "./mapping.ts";

/**
 * One page of the audit trail, newest first (R-INV-14), for a tenant or an invitation. The
 * cursor is the (at, id) of the last event of the previous page.
 */
export async function auditPage(
  ops: StoreOps,
  filter: { tenantIds?: string[]; invitationId?: string },
  cursor: string | undefined,
  limit: number,
): Promise<AuditPage> {
  let before: { at: Date; id: string } | undefined;
  if (cursor) {
    const decoded = decodeCursor(cursor);
    const at = decoded?.a ? new Date(decoded.a) : null;
    if (!decoded?.i || !at || Number.isNaN(at.getTime())) {
      throw new FoyerServiceError("VALIDATION_FAILED", {
        issues: [{ path: "cursor", message: "cursor is not valid." }],
      });
    }
    before = { at, id: decoded.i };
  }
  const rows = await ops.listAuditEvents({ ...filter, before, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toAuditEvent),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ a: last.at.toISOString(), i: last.id }) : null,
  };
}
