import { deriveStatus } from "@foyer/core";
import type { AuditRow } from "../../store/types.ts";
import type { ServiceContext } from "../context.ts";
import { settleExpired } from "./rules.ts";

/**
 * Records `expired` audit events for pending invitations that ran out (R-INV-14), at most
 * `limit` per call, and settles their stored status; the dispatcher calls it every round.
 * Answers how many it recorded.
 */
export async function recordExpirations(ctx: ServiceContext, limit = 500): Promise<number> {
  const { store } = ctx;
  const at = ctx.now();
  const rows = await store.findUnrecordedExpired(at, limit);
  if (rows.length === 0) return 0;
  const events = await store.transaction(async (tx) => {
    const written: AuditRow[] = [];
    for (const candidate of rows) {
      const row = await tx.lockInvitation(candidate.id);
      if (
        !row ||
        row.expiredRecordedAt ||
        deriveStatus(row.status, row.expiresAt, at) !== "expired"
      )
        continue;
      const settled = settleExpired(ctx, row, at);
      // Store the settled status too, so lapsed rows leave the pending index (the last
      // page of a pending list would otherwise scan every never-answered invitation).
      await tx.updateInvitation(row.id, settled.patch);
      if (settled.event) written.push(settled.event);
    }
    await tx.insertAuditEvents(written);
    return written;
  });
  await ctx.emit(events);
  return events.length;
}
