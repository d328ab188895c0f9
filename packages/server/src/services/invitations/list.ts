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
  const scope = ctx.access(actor);
  const at = ctx.now();
  const cursor = query.cursor ? readCursor(query.cursor, query) : undefined;
  const refusedCursor = cursor instanceof FoyerServiceError ? cursor : null;
  const after = cursor instanceof FoyerServiceError ? undefined : cursor;
  const search = query.q?.trim().toLowerCase() || undefined;
  const read = (tenantIds: string[]) =>
    Promise.all([
      store.listInvitations({
        tenantIds,
        filter: query.status,
        search,
        sort: query.sort,
        order: query.order,
        ...(after ? { after } : {}),
        limit: query.limit + 1,
        now: at,
      }),
      query.counts === "true" ? store.countInvitations(tenantIds, search, at) : null,
    ]);
  // Admins list their own tenant most: its page is read while the access resolves, one
  // round trip instead of two, and handed out only once the access allows it. Any other
  // tenant waits for the scope, so nothing outside it is ever read.
  const early =
    query.tenantId !== undefined && query.tenantId === actor.tenantId && !refusedCursor
      ? read([query.tenantId])
      : null;
  // Settled below only when the access allows; a refusal must not leave it unhandled.
  early?.catch(() => undefined);
  const access = await scope;
  requirePermission(access, "invitations:read");
  const tenantIds = query.tenantId
    ? [tenantInScope(access, query.tenantId).id]
    : [...access.tenants.keys()];
  if (refusedCursor) throw refusedCursor;
  const [rows, counts] = await (early ?? read(tenantIds));
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

/** The keyset position a cursor holds, or the 400 it earns when it is not one of this query's. */
function readCursor(
  cursor: string,
  query: Pick<ListInvitationsQuery, "sort" | "order">,
): { value: Date; id: string } | FoyerServiceError {
  const decoded = decodeCursor(cursor);
  const value = decoded ? new Date(decoded.v ?? "") : null;
  if (
    !decoded ||
    !value ||
    Number.isNaN(value.getTime()) ||
    !decoded.i ||
    decoded.s !== query.sort ||
    decoded.o !== query.order
  ) {
    return new FoyerServiceError("VALIDATION_FAILED", {
      message: "cursor is not valid for this query.",
      issues: [{ path: "cursor", message: "cursor is not valid for this query." }],
    });
  }
  return { value, id: decoded.i };
}
