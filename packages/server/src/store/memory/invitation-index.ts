import type { InvitationFilter } from "@foyer/core";
import { deriveStatus } from "@foyer/core";
import type { InvitationCursor, InvitationListQuery, InvitationRow } from "../types.ts";

// The memory store's list index: each tenant's invitations in the orders the list sorts by,
// and the filters a page applies (as the SQL list query does).

/** Sort key of the list: (time, id), compared like PostgreSQL's `collate "C"` on ASCII ids. */
export interface SortKey {
  time: number;
  id: string;
}

export function compareKeys(a: SortKey, b: SortKey): number {
  if (a.time !== b.time) return a.time - b.time;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
/** The invitations of one tenant, with sort orders built lazily and dropped on change. */
export class TenantInvitations {
  readonly ids = new Set<string>();
  #sorted: Partial<Record<InvitationListQuery["sort"], SortKey[]>> = {};

  invalidate(): void {
    this.#sorted = {};
  }

  /** Ids ascending by (sort column, id). */
  sorted(sort: InvitationListQuery["sort"], rows: Map<string, InvitationRow>): SortKey[] {
    const cached = this.#sorted[sort];
    if (cached) return cached;
    const keys: SortKey[] = [];
    for (const id of this.ids) {
      const row = rows.get(id);
      if (row) keys.push({ time: row[sort].getTime(), id });
    }
    keys.sort(compareKeys);
    this.#sorted[sort] = keys;
    return keys;
  }

  /** Up to `limit` of these rows after the cursor, in the requested order. */
  pageOf(query: InvitationListQuery, rows: Map<string, InvitationRow>): InvitationRow[] {
    const keys = this.sorted(query.sort, rows);
    const after: SortKey | undefined = query.after && cursorKey(query.after);
    const found: InvitationRow[] = [];
    const take = (index: number): boolean => {
      const row = rows.get(keys[index]!.id)!;
      if (matchesFilter(row, query.filter, query.now) && matchesSearch(row, query.search)) {
        found.push(row);
      }
      return found.length < query.limit;
    };
    if (query.order === "asc") {
      for (let i = after ? lowerBound(keys, after, false) : 0; i < keys.length; i += 1) {
        if (!take(i)) break;
      }
    } else {
      for (let i = (after ? lowerBound(keys, after, true) : keys.length) - 1; i >= 0; i -= 1) {
        if (!take(i)) break;
      }
    }
    return found;
  }
}

/** First index whose key is greater than `key` (or than or equal, with `inclusive`). */
function lowerBound(keys: SortKey[], key: SortKey, inclusive: boolean): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const compared = compareKeys(keys[middle]!, key);
    if (compared < 0 || (compared === 0 && !inclusive)) low = middle + 1;
    else high = middle;
  }
  return low;
}

function matchesFilter(row: InvitationRow, filter: InvitationFilter, now: Date): boolean {
  const status = deriveStatus(row.status, row.expiresAt, now);
  switch (filter) {
    case "pending":
    case "accepted":
    case "expired":
    case "revoked":
      return status === filter;
    case "history":
      return status !== "pending";
    case "all":
      return true;
    default: {
      const exhaustive: never = filter;
      throw new Error(`Unknown invitation filter ${String(exhaustive)}`);
    }
  }
}

export function matchesSearch(row: InvitationRow, search: string | undefined): boolean {
  return !search || row.email.toLowerCase().includes(search.toLowerCase());
}

export const pendingKey = (tenantId: string, email: string) =>
  `${tenantId}\u0000${email.toLowerCase()}`;

function cursorKey(cursor: InvitationCursor): SortKey {
  return { time: cursor.value.getTime(), id: cursor.id };
}
