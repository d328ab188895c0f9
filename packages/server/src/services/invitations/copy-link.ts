import { type Actor, deriveStatus, type InvitationLinkResult } from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import { requirePermission } from "../access.ts";
import { actorRef, type ServiceContext } from "../context.ts";
import { invitationInScope, view } from "./rules.ts";

/**
 * The current link of a pending invitation, again (R-INV-10): recomputed from the server
 * secret (the token is never stored, R-EML-04), for an admin who may create invitations,
 * and recorded in the audit trail. The link stays the one already sent: copying issues no
 * new token. `INVITATION_LINK_UNAVAILABLE` when the invitation is not pending, or its token
 * cannot be recomputed (issued before derived tokens, or its key retired): a resend then
 * issues a new link.
 */
export async function copyInvitationLink(
  ctx: ServiceContext,
  actor: Actor,
  invitationId: string,
): Promise<InvitationLinkResult> {
  const access = await ctx.access(actor);
  requirePermission(access, "invitations:create");
  const found = await invitationInScope(ctx, access, invitationId);
  const outcome = await ctx.store.transaction(async (tx) => {
    // Under the invitation's lock, so a resend in flight cannot leave us a dead link.
    const row = await tx.lockInvitation(found.id);
    if (!row) throw new FoyerServiceError("INVITATION_NOT_FOUND");
    const at = ctx.now();
    const status = deriveStatus(row.status, row.expiresAt, at);
    if (status !== "pending") {
      throw new FoyerServiceError("INVITATION_LINK_UNAVAILABLE", {
        message: `This invitation is ${status}; only a pending invitation has a link to copy.`,
      });
    }
    const token = await ctx.invitationToken(row);
    if (token === null) {
      throw new FoyerServiceError("INVITATION_LINK_UNAVAILABLE", {
        message:
          "This invitation's link cannot be recomputed (it predates copyable links, or its key was retired); resend it to issue a new link.",
      });
    }
    const tenant = access.tenants.get(row.tenantId) ?? (await tx.getTenant(row.tenantId));
    if (!tenant) throw new FoyerServiceError("INVITATION_NOT_FOUND");
    const event = ctx.audit({
      tenantId: row.tenantId,
      invitationId: row.id,
      action: "invitation_link_copied",
      source: "manual",
      ...actorRef(actor),
      subjectEmail: row.email,
      at,
      data: { generation: row.tokenGeneration },
    });
    await tx.insertAuditEvents([event]);
    return { row, link: ctx.inviteLink(tenant, token), events: [event] };
  });
  await ctx.emit(outcome.events);
  return { link: outcome.link, invitation: await view(ctx, ctx.store, access, outcome.row) };
}
