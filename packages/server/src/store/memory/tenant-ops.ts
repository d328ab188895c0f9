import type { StoreOps } from "../types.ts";
import type { MemoryState } from "./memory-state.ts";
import { copy, type Run } from "./ops.ts";

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
  | "findMembersByEmails"
  | "insertMember"
  | "countActiveMembers"
> {
  return {
    getTenant: (id) => run(() => copy(state.tenants.get(id) ?? null)),

    listChildTenants: (parentId) =>
      run(() =>
        copy(
          [...state.tenants.values()]
            .filter((tenant) => tenant.parentId === parentId)
            .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
        ),
      ),

    listTenantTree: (rootId) =>
      run(() => {
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
        return copy([...found.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
      }),

    upsertTenant: (tenant) => run(() => state.setTenant(copy(tenant))),

    listRoles: () =>
      run(() =>
        copy(
          [...state.roles.values()].sort(
            (a, b) => b.rank - a.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
          ),
        ),
      ),

    upsertRole: (role) => run(() => state.setRole(copy(role))),

    findMembersByEmails: (emails) =>
      run(() => {
        const ids = new Set<string>();
        for (const email of emails) {
          for (const id of state.membersByEmail.get(email.toLowerCase()) ?? []) ids.add(id);
        }
        return copy([...ids].sort().map((id) => state.members.get(id)!));
      }),

    insertMember: (member) => run(() => state.insertMember(copy(member))),

    countActiveMembers: (tenantId) =>
      run(() => {
        let count = 0;
        for (const member of state.members.values()) {
          if (member.tenantId === tenantId && member.status === "active") count += 1;
        }
        return count;
      }),
  };
}
