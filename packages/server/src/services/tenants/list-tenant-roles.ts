import { type Actor, canGrantRole, type TenantRoles } from "@foyer/core";
import { requirePermission, rolesForTenant, tenantInScope } from "../access.ts";
import type { ServiceContext } from "../context.ts";

/**
 * The roles of a tenant (R-TEN-02), each marked whether the actor may grant it. Open to
 * whoever may invite, by email or by link.
 */
export async function listTenantRoles(
  ctx: ServiceContext,
  actor: Actor,
  tenantId: string,
): Promise<TenantRoles> {
  const access = await ctx.access(actor);
  const tenant = tenantInScope(access, tenantId);
  if (
    !access.role.permissions.includes("invitations:create") &&
    !access.role.permissions.includes("invite_links:manage")
  ) {
    requirePermission(access, "invitations:create");
  }
  const roles = await rolesForTenant(ctx.store, access.roles, tenant, access);
  return { roles: roles.map((role) => ({ role, grantable: canGrantRole(access.role, role) })) };
}
