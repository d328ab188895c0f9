import { type Actor, type AuditPage, type AuditQuery, AuditQuerySchema } from "@foyer/core";
import { requirePermission, tenantInScope } from "../access.ts";
import { auditPage } from "../audit-page.ts";
import type { ServiceContext } from "../context.ts";
import { parseInput } from "../validate.ts";

/** The tenant's audit trail, newest first (R-INV-14). */
export async function listTenantEvents(
  ctx: ServiceContext,
  actor: Actor,
  tenantId: string,
  rawQuery: AuditQuery,
): Promise<AuditPage> {
  const query = parseInput(AuditQuerySchema, rawQuery ?? {});
  const access = await ctx.access(actor);
  requirePermission(access, "invitations:read");
  tenantInScope(access, tenantId);
  return auditPage(ctx.store, { tenantIds: [tenantId] }, query.cursor, query.limit);
}
