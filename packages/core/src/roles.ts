import type { Role, Tenant } from "./schemas.ts";

/**
 * R-TEN-04: whether an actor holding `actorRole` may grant `target`: its rank is at most
 * the actor's own ("never more"), and MSP staff roles only by MSP staff.
 */
export function canGrantRole(
  actorRole: Pick<Role, "rank" | "mspStaff">,
  target: Pick<Role, "rank" | "mspStaff">,
): boolean {
  if (target.rank > actorRole.rank) return false;
  if (target.mspStaff && !actorRole.mspStaff) return false;
  return true;
}

/**
 * R-TEN-05: whether a role belongs to the catalogue of the tenant's kind. A tenant with a
 * parent is a client tenant; one without is an MSP (or a standalone organisation). MSP staff
 * roles exist only in the MSP tenant: the tenant the role is defined for, or any tenant
 * without a parent for a role defined for every tenant. A client tenant never offers, grants
 * or accepts them. Other roles fit every kind.
 */
export function roleFitsTenant(
  role: Pick<Role, "mspStaff" | "tenantId">,
  tenant: Pick<Tenant, "id" | "parentId">,
): boolean {
  if (!role.mspStaff) return true;
  if (tenant.parentId !== null) return false;
  return role.tenantId === null || role.tenantId === tenant.id;
}
