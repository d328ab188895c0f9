import { type Actor, deriveStatus, type InvitationResult } from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import { requirePermission } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { invitationInScope, revokeRow, view } from "./rules.ts";

/**
 * Revokes a pending or expired invitation (R-INV-08), at once and for good: its tokens
 * die and its queued emails are cancelled, in one transaction with the audit record.
 */
export async function revokeInvitation(
  ctx: ServiceContext,
  actor: Actor,
  invitationId: string,
): Promise<InvitationResult> {
  const access = await ctx.access(actor);
  requirePermission(access, "invitations:revoke");
  const found = await invitationInScope(ctx, access, invitationId);
  const outcome = await ctx.store.transaction(async (tx) => {
    const row = await tx.lockInvitation(found.id);
    if (!row) throw new FoyerServiceError("INVITATION_NOT_FOUND");
    const at = ctx.now();
    const status = deriveStatus(row.status, row.expiresAt, at);
    if (status !== "pending" && status !== "expired") {
      throw new FoyerServiceError("INVITATION_NOT_REVOCABLE", {
        message: `This invitation is ${status}; only pending or expired invitations can be revoked.`,
      });
    }
    const { patch, event } = await revokeRow(ctx, tx, {
      actor,
      row,
      at,
      why: "Invitation revoked",
      data: { previousStatus: status },
    });
    const events = [event];
    await tx.insertAuditEvents(events);
    return { row: { ...row, ...patch }, events };
  });
  await ctx.emit(outcome.events);
  return { invitation: await view(ctx, ctx.store, access, outcome.row) };
}
