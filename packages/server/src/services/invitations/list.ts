import {
  type Actor,
  type InvitationPage,
  type ListInvitationsQuery,
  ListInvitationsQuerySchema,
} from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import { requirePermission, tenantInScope } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { decodeCursor, encodeCursor, toInvitation } from "../mapping.ts";
import { parseInput } from "../validate.ts";

/**
 * A page of invitations (R-INV-09): one tenant or every tenant in scope, a status filter,
 * a search, a sort and a cursor bound to that sort; counts per status when asked.
 */
export async function listInvitations(
  ctx: ServiceContext,
  actor: Actor,
  rawQuery: ListInvitationsQuery,
): Promise<InvitationPage> {
  const { store } = ctx;
  const query = parseInput(ListInvitationsQuerySchema, rawQuery);
  const access = await ctx.access(actor);
  requirePermission(access, "invitations:read");
  const tenantIds = query.tenantId
    ? [tenantInScope(access, query.tenantId).id]
    : [...access.tenants.keys()];
  const at = ctx.now();
  let after: { value: Date; id: string } | undefined;
  if (query.cursor) {
    const decoded = decodeCursor(query.cursor);
    const value = decoded ? new Date(decoded.v ?? "") : null;
    if (
      !decoded ||
      !value ||
      Number.isNaN(value.getTime()) ||
      !decoded.i ||
      decoded.s !== query.sort ||
      decoded.o !== query.order
    ) {
      throw new FoyerServiceError("VALIDATION_FAILED", {
        message: "cursor is not valid for this query.",
        issues: [{ path: "cursor", message: "cursor is not valid for this query." }],
      });
    }
    after = { value, id: decoded.i };
  }
  const search = query.q?.trim().toLowerCase() || undefined;
  const [rows, counts] = await Promise.all([
    store.listInvitations({
      tenantIds,
      filter: query.status,
      search,
      sort: query.sort,
      order: query.order,
      after,
      limit: query.limit + 1,
      now: at,
    }),
    query.counts === "true" ? store.countInvitations(tenantIds, search, at) : null,
  ]);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({
          v: (query.sort === "sentAt" ? last.sentAt : last.expiresAt).toISOString(),
          i: last.id,
          s: query.sort,
          o: query.order,
        })
      : null;
  const roleById = new Map(access.roles.map((r) => [r.id, r]));
  return {
    items: page.map((row) =>
      toInvitation(row, access.tenants.get(row.tenantId), roleById.get(row.roleId), at),
    ),
    nextCursor,
    counts,
  };
}
