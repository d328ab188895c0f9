import type { Tenant } from "@foyer/core";

/**
 * The ancestors of a tenant, nearest first, from a set holding them (in any order): follows
 * parent ids from the tenant, and stops at a tenant missing from the set or seen before (a
 * parent loop written by hand).
 */
export function nearestFirst(tree: Tenant[], ancestors: Tenant[], tenantId: string): Tenant[] {
  const byId = new Map(ancestors.map((tenant) => [tenant.id, tenant]));
  const seen = new Set([tenantId]);
  const ordered: Tenant[] = [];
  let parentId = tree.find((tenant) => tenant.id === tenantId)?.parentId ?? null;
  while (parentId !== null && !seen.has(parentId)) {
    const parent = byId.get(parentId);
    if (!parent) break;
    seen.add(parentId);
    ordered.push(parent);
    parentId = parent.parentId;
  }
  return ordered;
}
