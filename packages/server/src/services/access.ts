import {
  type Actor,
  canGrantRole,
  type Permission,
  type Role,
  roleFitsTenant,
  type Tenant,
} from "@foyer/core";
import { FoyerServiceError } from "../errors.ts";
import type { StoreOps } from "../store/types.ts";

/** What an actor may reach: its role and the tenants in its scope (R-TEN-03). */
export interface Access {
  actor: Actor;
  role: Role;
  home: Tenant;
  /** Tenants in scope by id: the home tenant, plus its descendants for MSP staff. */
  tenants: Map<string, Tenant>;
  /** The home tenant's ancestors, nearest first (whose roles a tenant in scope inherits). */
  ancestors: Tenant[];
  roles: Role[];
}

/**
 * Resolves an actor's role and scope. An MSP staff role reaches its own tenant and every
 * descendant; any other role only its own tenant. Unknown roles or tenants, and cancelled
 * home tenants, are refused.
 */
export async function resolveAccess(store: StoreOps, actor: Actor): Promise<Access> {
  // One round trip: the roles, the home tenant with everything below it (an MSP's clients),
  // which an MSP staff role reaches and any other role does not, and the tenants above it.
  const { roles, tree, ancestors } = await store.getAccessScope(actor.tenantId);
  const home = tree.find((tenant) => tenant.id === actor.tenantId);
  const role = roles.find((r) => r.id === actor.roleId);
  if (!role || !home || home.status !== "active") throw new FoyerServiceError("FORBIDDEN");
  // R-TEN-05: a member holding a role its tenant's kind does not have (an "MSP admin" of a
  // client tenant, made before the rule or by hand) acts with nothing.
  if (!roleFitsTenant(role, home)) throw new FoyerServiceError("FORBIDDEN");
  const tenants = new Map<string, Tenant>([[home.id, home]]);
  if (role.mspStaff) {
    // Level by level from home, each level by id (the order the context lists them in).
    for (let frontier = [home.id]; frontier.length > 0; ) {
      const parents = new Set(frontier);
      frontier = [];
      for (const tenant of tree) {
        if (tenant.parentId === null || !parents.has(tenant.parentId) || tenants.has(tenant.id))
          continue;
        tenants.set(tenant.id, tenant);
        frontier.push(tenant.id);
      }
    }
  }
  return { actor, role, home, tenants, ancestors, roles };
}

/** Refuses with 403 unless the actor's role has the permission. */
export function requirePermission(access: Access, permission: Permission): void {
  if (!access.role.permissions.includes(permission)) {
    throw new FoyerServiceError("FORBIDDEN", {
      message: `Your role lacks the ${permission} permission.`,
    });
  }
}

/** The tenant if it is in scope; 404 otherwise, so other tenants' existence does not leak. */
export function tenantInScope(access: Access, tenantId: string): Tenant {
  const tenant = access.tenants.get(tenantId);
  if (!tenant) throw new FoyerServiceError("TENANT_NOT_FOUND");
  return tenant;
}

/**
 * Ids of the tenant and its ancestors, nearest first. Tenants the actor's access already
 * holds (its scope and the home tenant's ancestors) are not read again.
 */
async function lineage(store: StoreOps, tenant: Tenant, access?: Access): Promise<string[]> {
  const known = new Map<string, Tenant>(access?.tenants);
  for (const ancestor of access?.ancestors ?? []) known.set(ancestor.id, ancestor);
  const ids = [tenant.id];
  let parentId = tenant.parentId;
  while (parentId !== null && !ids.includes(parentId)) {
    ids.push(parentId);
    const parent = known.get(parentId) ?? (await store.getTenant(parentId));
    parentId = parent?.parentId ?? null;
  }
  return ids;
}

/**
 * Roles usable in a tenant: global ones and those of the tenant or an ancestor (R-TEN-02),
 * less those its kind does not have (R-TEN-05: MSP staff roles only in the MSP tenant).
 */
export async function rolesForTenant(
  store: StoreOps,
  roles: Role[],
  tenant: Tenant,
  access?: Access,
): Promise<Role[]> {
  const ids = await lineage(store, tenant, access);
  return roles
    .filter((role) => role.tenantId === null || ids.includes(role.tenantId))
    .filter((role) => roleFitsTenant(role, tenant))
    .sort((a, b) => b.rank - a.rank || a.name.localeCompare(b.name));
}

/**
 * The role with this id if the actor may grant it in the tenant: a role of the tenant
 * (ROLE_NOT_FOUND otherwise) that ranks no higher than the actor's own and is not an MSP
 * staff role for a non-MSP actor (ROLE_NOT_GRANTABLE otherwise).
 */
export async function grantableRole(
  store: StoreOps,
  access: Access,
  tenant: Tenant,
  roleId: string,
): Promise<Role> {
  const available = await rolesForTenant(store, access.roles, tenant, access);
  const role = available.find((r) => r.id === roleId);
  if (!role) {
    throw new FoyerServiceError("ROLE_NOT_FOUND", {
      issues: [{ path: "roleId", message: "roleId is not a role of this tenant." }],
    });
  }
  if (!canGrantRole(access.role, role)) {
    throw new FoyerServiceError("ROLE_NOT_GRANTABLE", {
      message: `You cannot grant ${role.name}: it ranks above your own role or is an MSP staff role.`,
    });
  }
  return role;
}
