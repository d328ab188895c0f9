import type { Role, Tenant } from "@foyer/core";
import { nearestFirst } from "../tenant-tree.ts";
import type { StoreOps } from "../types.ts";
import type { MemoryState } from "./memory-state.ts";
import { copy, type Run } from "./ops.ts";

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The tenant and every tenant below it, by id. */
function tenantTree(state: MemoryState, rootId: string): Tenant[] {
  const root = state.tenants.get(rootId);
  if (!root) return [];
  const found = new Map([[root.id, root]]);
  for (let frontier = [root.id]; frontier.length > 0; ) {
    const parents = new Set(frontier);
    frontier = [];
    for (const tenant of state.tenants.values()) {
      if (tenant.parentId === null || !parents.has(tenant.parentId)) continue;
      if (found.has(tenant.id)) continue;
      found.set(tenant.id, tenant);
      frontier.push(tenant.id);
    }
  }
  return [...found.values()].sort(byId);
}

/** Every role, highest rank first. */
function sortedRoles(state: MemoryState): Role[] {
  return [...state.roles.values()].sort((a, b) => b.rank - a.rank || byId(a, b));
}

/** Tenants, roles and members. */
export function tenantOps(
  state: MemoryState,
  run: Run,
): Pick<
  StoreOps,
  | "getTenant"
  | "listChildTenants"
  | "listTenantTree"
  | "upsertTenant"
  | "listRoles"
  | "upsertRole"
  | "getAccessScope"
  | "findMembersByEmails"
  | "insertMember"
  | "countActiveMembers"
> {
  return {
    getTenant: (id) => run(() => copy(state.tenants.get(id) ?? null)),

    listChildTenants: (parentId) =>
      run(() =>
        copy(
          [...state.tenants.values()].filter((tenant) => tenant.parentId === parentId).sort(byId),
        ),
      ),

    listTenantTree: (rootId) => run(() => copy(tenantTree(state, rootId))),

    upsertTenant: (tenant) => run(() => state.setTenant(copy(tenant))),

    listRoles: () => run(() => copy(sortedRoles(state))),

    upsertRole: (role) => run(() => state.setRole(copy(role))),

    getAccessScope: (tenantId) =>
      run(() => {
        const tree = tenantTree(state, tenantId);
        const ancestors = nearestFirst(tree, [...state.tenants.values()], tenantId);
        return copy({ roles: sortedRoles(state), tree, ancestors });
      }),

    findMembersByEmails: (emails) => run(() => copy(state.membersWithEmails(emails))),

    insertMember: (member) => run(() => state.insertMember(copy(member))),

    countActiveMembers: (tenantId) => run(() => state.activeMembers(tenantId)),
  };
}
