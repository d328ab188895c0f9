import { type Actor, type AuditPage, type AuditQuery, AuditQuerySchema } from "@foyer/core";
import { requirePermission } from "../access.ts";
import { auditPage } from "../audit-page.ts";
import type { ServiceContext } from "../context.ts";
import { parseInput } from "../validate.ts";
import { invitationInScope } from "./rules.ts";

/** The invitation's audit trail, newest first (R-INV-14). */
export async function listInvitationEvents(
  ctx: ServiceContext,
  actor: Actor,
  invitationId: string,
  rawQuery: AuditQuery,
): Promise<AuditPage> {
  const query = parseInput(AuditQuerySchema, rawQuery ?? {});
  const access = await ctx.access(actor);
  requirePermission(access, "invitations:read");
  await invitationInScope(ctx, access, invitationId);
  return auditPage(ctx.store, { invitationId }, query.cursor, query.limit);
}
