import { deriveStatus } from "@foyer/core";
import type { AuditRow } from "../../store/types.ts";
import type { ServiceContext } from "../context.ts";
import { cancelQueuedEmails } from "../outbox.ts";
import { settleExpired } from "./rules.ts";

/**
 * Records `expired` audit events for pending invitations that ran out (R-INV-14), at most
 * `limit` per call, settles their stored status and cancels their queued emails; the
 * dispatcher calls it every round. Answers how many it recorded.
 *
 * Each invitation is settled in a transaction of its own: a transaction that held several
 * invitations' locks without their tenant's lock could deadlock with a batch that replaces
 * them (R-EML-05: tenant, invitation, outbox rows is the one lock order).
 */
export async function recordExpirations(ctx: ServiceContext, limit = 500): Promise<number> {
  const { store } = ctx;
  const at = ctx.now();
  const rows = await store.findUnrecordedExpired(at, limit);
  const events: AuditRow[] = [];
  for (const candidate of rows) {
    const event = await store.transaction(async (tx) => {
      const row = await tx.lockInvitation(candidate.id);
      if (
        !row ||
        row.expiredRecordedAt ||
        deriveStatus(row.status, row.expiresAt, at) !== "expired"
      )
        return null;
      const settled = settleExpired(ctx, row, at);
      // Store the settled status too, so lapsed rows leave the pending index (the last
      // page of a pending list would otherwise scan every never-answered invitation).
      await tx.updateInvitation(row.id, {
        ...settled.patch,
        ...(await cancelQueuedEmails(tx, row, "The invitation expired", at)),
      });
      if (settled.event) await tx.insertAuditEvents([settled.event]);
      return settled.event;
    });
    if (event) events.push(event);
  }
  await ctx.emit(events);
  return events.length;
}
