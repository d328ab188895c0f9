import type { StoredInvitationStatus } from "@foyer/core";
import { type RawBuilder, sql } from "kysely";
import { STORED_STATUSES, type StoredCounts } from "../invitation-counts.ts";
import { atomically, type Db } from "./sql.ts";

// R-INV-09: the tab counts come from `foyer_invitation_counts`, one row per (tenant, stored
// status), never from a count over the invitations. Every write that inserts an invitation
// or changes its status records a delta; a transaction applies its deltas as its last
// statement, in one sorted upsert. Taking the counter rows last and in one order means a
// transaction holding them waits for nothing but other counter rows, taken in the same
// order: no deadlock with the tenant and invitation locks the services take first.

/** Counter changes not yet written: (tenant, status) -> delta. */
export class CountDeltas {
  readonly #deltas = new Map<string, { tenantId: string; status: string; delta: number }>();
  #written = false;

  add(tenantId: string, status: string, delta: number): void {
    if (this.#written && delta !== 0) {
      // The counters are a transaction's last write (see above): nothing may follow them.
      throw new Error(
        "Foyer: this transaction already wrote its invitation counters; no counted write may follow",
      );
    }
    const key = `${tenantId}\u0000${status}`;
    const entry = this.#deltas.get(key);
    if (entry) entry.delta += delta;
    else this.#deltas.set(key, { tenantId, status, delta });
  }

  get(tenantId: string, status: string): number {
    return this.#deltas.get(`${tenantId}\u0000${status}`)?.delta ?? 0;
  }

  merge(other: CountDeltas): void {
    for (const { tenantId, status, delta } of other.#deltas.values()) {
      this.add(tenantId, status, delta);
    }
  }

  /**
   * The upsert of every non-zero delta, in (tenant, status) order, or null when there is
   * none; the deltas count as written from then on (a later `add` throws). `after` is a
   * condition the rows wait for: a statement that writes its counters with other rows makes
   * them wait for those rows (see `insertNewInvitations`).
   */
  take(after: RawBuilder<unknown> = sql`true`): RawBuilder<unknown> | null {
    const changes = [...this.#deltas.values()].filter(({ delta }) => delta !== 0);
    this.#deltas.clear();
    this.#written = true;
    if (changes.length === 0) return null;
    changes.sort((a, b) =>
      a.tenantId !== b.tenantId
        ? a.tenantId < b.tenantId
          ? -1
          : 1
        : a.status < b.status
          ? -1
          : a.status > b.status
            ? 1
            : 0,
    );
    return sql`insert into foyer_invitation_counts as c (tenant_id, status, total)
      select * from unnest(
        cast(${changes.map((c) => c.tenantId)} as text[]),
        cast(${changes.map((c) => c.status)} as text[]),
        cast(${changes.map((c) => c.delta)} as integer[])
      ) where ${after} order by 1, 2
      on conflict (tenant_id, status) do update set total = c.total + excluded.total`;
  }

  /** Writes every non-zero delta in one statement, in (tenant, status) order. */
  async apply(db: Db): Promise<void> {
    await this.take()?.execute(db);
  }
}

/**
 * Runs a write that records counter deltas. Inside a transaction the deltas join the
 * transaction's (applied before it commits) once the write succeeded; with `savepoint`, a
 * savepoint undoes a failed write without ending the transaction (for writes that may
 * break a unique constraint and do not undo themselves). Outside, the write and its
 * counters commit together in a transaction of their own.
 */
export async function countedWrite(
  db: Db,
  pending: CountDeltas | null,
  options: { savepoint: boolean },
  write: (db: Db, deltas: CountDeltas) => Promise<void>,
): Promise<void> {
  const deltas = new CountDeltas();
  if (!db.isTransaction) {
    await db.transaction().execute(async (trx) => {
      await write(trx, deltas);
      await deltas.apply(trx);
    });
    return;
  }
  const run = async (trx: Db) => {
    await write(trx, deltas);
    if (!pending) await deltas.apply(trx);
  };
  if (options.savepoint) await atomically(db, run);
  else await run(db);
  pending?.merge(deltas);
}

/**
 * One statement: the counter rows of the tenants, and the pending rows already past their
 * expiry, which the expiry sweep settles to `expired` (an index range over only those
 * rows). The transaction's own unwritten deltas are added in.
 */
export async function readStoredCounts(
  db: Db,
  tenantIds: readonly string[],
  now: Date,
  pending: CountDeltas | null,
): Promise<StoredCounts> {
  const tenants = [...new Set(tenantIds)];
  const stored: Record<StoredInvitationStatus, number> = {
    pending: 0,
    accepted: 0,
    expired: 0,
    revoked: 0,
  };
  if (tenants.length === 0) return { stored, lapsed: 0 };
  const { rows } = await sql<{ status: string; total: number | string }>`
    select status, sum(total) as total from foyer_invitation_counts
      where tenant_id = any(cast(${tenants} as text[]))
      group by status
    union all
    select 'lapsed', count(*) from foyer_invitations
      where tenant_id = any(cast(${tenants} as text[]))
        and status = 'pending' and expires_at <= ${now}`.execute(db);
  let lapsed = 0;
  for (const row of rows) {
    const total = Number(row.total);
    if (row.status === "lapsed") lapsed = total;
    else if (row.status in stored) stored[row.status as StoredInvitationStatus] += total;
  }
  if (pending) {
    for (const tenantId of tenants) {
      for (const status of STORED_STATUSES) stored[status] += pending.get(tenantId, status);
    }
  }
  return { stored, lapsed };
}
