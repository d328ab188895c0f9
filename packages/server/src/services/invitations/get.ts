import type { Actor, InvitationResult } from "@foyer/core";
import { requirePermission } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { invitationInScope, view } from "./rules.ts";

/** One invitation in the actor's scope. */
export async function getInvitation(
  ctx: ServiceContext,
  actor: Actor,
  invitationId: string,
): Promise<InvitationResult> {
  const access = await ctx.access(actor);
  requirePermission(access, "invitations:read");
  const row = await invitationInScope(ctx, access, invitationId);
  return { invitation: await view(ctx, ctx.store, access, row) };
}
