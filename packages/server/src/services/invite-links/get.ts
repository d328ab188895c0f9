import type { Actor, InviteLinkResult } from "@foyer/core";
import type { ServiceContext } from "../context.ts";
import { linkTenant, toInviteLink } from "./rules.ts";

/** The tenant's invite link with its URL to copy (R-LNK-01); `invite_links:manage` only. */
export async function getInviteLink(
  ctx: ServiceContext,
  actor: Actor,
  tenantId: string,
): Promise<InviteLinkResult> {
  const access = await ctx.access(actor);
  const tenant = linkTenant(access, tenantId);
  const row = await ctx.store.getInviteLink(tenant.id);
  return { link: await toInviteLink(ctx, tenant, row, access.roles) };
}
