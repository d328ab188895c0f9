import type { Tenant } from "@foyer/core";
import type { StoreTx } from "../../store/types.ts";
import { actorRef, type ServiceContext } from "../context.ts";

/**
 * Stores a tenant as the host describes it; when SSO is on, an enabled invite link is turned
 * off in the same transaction and the change audited as the system's (R-LNK-05). The link
 * keeps its token, so turning SSO off and the link on again restores the same URL.
 */
export async function upsertTenantWithLinkRules(
  ctx: ServiceContext,
  tenant: Tenant,
): Promise<void> {
  const events = await ctx.store.transaction(async (tx: StoreTx) => {
    await tx.upsertTenant(tenant);
    if (!tenant.ssoEnabled) return [];
    const link = await tx.lockInviteLink(tenant.id);
    if (!link?.enabled) return [];
    const at = ctx.now();
    await tx.updateInviteLink(tenant.id, { enabled: false, updatedAt: at });
    const event = ctx.audit({
      tenantId: tenant.id,
      invitationId: null,
      action: "link_disabled",
      source: "system",
      ...actorRef(null),
      subjectEmail: null,
      at,
      data: { reason: "sso_enabled", roleId: link.roleId, generation: link.generation },
    });
    await tx.insertAuditEvents([event]);
    return [event];
  });
  await ctx.emit(events);
}
