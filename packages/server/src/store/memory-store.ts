import { deriveStatus, type InvitationFilter, type Role, type Tenant } from "@foyer/core";
import { CONSTRAINTS, ForeignKeyViolationError, UniqueViolationError } from "./errors.ts";
import { Mutex } from "./mutex.ts";
import type {
  AuditRow,
  IdempotencyRow,
  InvitationCursor,
  InvitationListQuery,
  InvitationRow,
  MemberRow,
  OutboxRow,
  Store,
  StoreOps,
  StoreTx,
  TokenRow,
} from "./types.ts";

// The memory store serves the MSW mock (in the browser: Web APIs only, no node:*) and fast
// unit tests. It keeps the SQL schema's constraints so a rule that holds here holds on
// PostgreSQL. One FIFO mutex serialises transactions; an undo log rolls a failed one back.

/** Reverts one change. */
type Undo = () => void;

const copy = <T>(value: T): T => structuredClone(value);

function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** Sort key of the list: (time, id), compared like PostgreSQL's `collate "C"` on ASCII ids. */
interface SortKey {
  time: number;
  id: string;
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a.time !== b.time) return a.time - b.time;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The invitations of one tenant, with sort orders built lazily and dropped on change. */
class TenantInvitations {
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

function matchesSearch(row: InvitationRow, search: string | undefined): boolean {
  return !search || row.email.toLowerCase().includes(search.toLowerCase());
}

const pendingKey = (tenantId: string, email: string) => `${tenantId}\u0000${email.toLowerCase()}`;

/** All tables and indexes. Every write goes through `set*`, which logs how to undo it. */
class MemoryState {
  readonly tenants = new Map<string, Tenant>();
  readonly roles = new Map<string, Role>();
  readonly members = new Map<string, MemberRow>();
  readonly invitations = new Map<string, InvitationRow>();
  readonly tokens = new Map<string, TokenRow>();
  readonly outbox = new Map<string, OutboxRow>();
  readonly audit = new Map<string, AuditRow>();
  readonly idempotency = new Map<string, IdempotencyRow>();

  /** `foyer_invitations_pending_email_key`: (tenant, lower(email)) of pending rows -> id. */
  readonly pendingByEmail = new Map<string, string>();
  readonly invitationsByTenant = new Map<string, TenantInvitations>();
  readonly tokensByInvitation = new Map<string, Set<string>>();
  readonly membersByEmail = new Map<string, Set<string>>();
  /** `foyer_members_tenant_user_key`. */
  readonly memberByTenantUser = new Map<string, string>();
  /** Audit ids newest first; rebuilt lazily after inserts. */
  #auditNewestFirst: AuditRow[] | null = null;

  undo: Undo[] = [];

  /** Applies a change to a plain map and logs its reverse. */
  #put<T>(
    map: Map<string, T>,
    key: string,
    next: T | undefined,
    index?: (prev: T | undefined, next: T | undefined) => void,
  ): void {
    const prev = map.get(key);
    const apply = (from: T | undefined, to: T | undefined) => {
      if (to === undefined) map.delete(key);
      else map.set(key, to);
      index?.(from, to);
    };
    apply(prev, next);
    this.undo.push(() => apply(next, prev));
  }

  setTenant(tenant: Tenant): void {
    if (
      tenant.parentId !== null &&
      !this.tenants.has(tenant.parentId) &&
      tenant.parentId !== tenant.id
    ) {
      throw new ForeignKeyViolationError(CONSTRAINTS.tenantParent);
    }
    this.#put(this.tenants, tenant.id, tenant);
  }

  setRole(role: Role): void {
    this.#put(this.roles, role.id, role);
  }

  insertMember(member: MemberRow): void {
    if (this.members.has(member.id)) throw new UniqueViolationError(CONSTRAINTS.memberId);
    const tenantUser = `${member.tenantId}\u0000${member.userId}`;
    if (this.memberByTenantUser.has(tenantUser)) {
      throw new UniqueViolationError(CONSTRAINTS.memberTenantUser);
    }
    this.#put(this.members, member.id, member, (_prev, next) => {
      const email = member.email.toLowerCase();
      const ids = this.membersByEmail.get(email);
      if (next) {
        getOrCreate(this.membersByEmail, email, () => new Set<string>()).add(member.id);
        this.memberByTenantUser.set(tenantUser, member.id);
      } else {
        ids?.delete(member.id);
        if (ids?.size === 0) this.membersByEmail.delete(email);
        this.memberByTenantUser.delete(tenantUser);
      }
    });
  }

  #tenantInvitations(tenantId: string): TenantInvitations {
    return getOrCreate(this.invitationsByTenant, tenantId, () => new TenantInvitations());
  }

  /** Keeps the per-tenant index and the pending index in step with one row change. */
  #indexInvitation(prev: InvitationRow | undefined, next: InvitationRow | undefined): void {
    if (prev) {
      const entry = this.#tenantInvitations(prev.tenantId);
      if (!next || next.tenantId !== prev.tenantId) entry.ids.delete(prev.id);
      if (
        !next ||
        next.tenantId !== prev.tenantId ||
        next.sentAt.getTime() !== prev.sentAt.getTime() ||
        next.expiresAt.getTime() !== prev.expiresAt.getTime()
      ) {
        entry.invalidate();
      }
      if (prev.status === "pending")
        this.pendingByEmail.delete(pendingKey(prev.tenantId, prev.email));
    }
    if (next) {
      const entry = this.#tenantInvitations(next.tenantId);
      if (!entry.ids.has(next.id)) {
        entry.ids.add(next.id);
        entry.invalidate();
      }
      if (next.status === "pending")
        this.pendingByEmail.set(pendingKey(next.tenantId, next.email), next.id);
    }
  }

  /** Inserts or replaces an invitation, enforcing the partial unique index (R-INV-03). */
  setInvitation(next: InvitationRow, insert: boolean): void {
    if (insert && this.invitations.has(next.id)) {
      throw new UniqueViolationError(CONSTRAINTS.invitationId);
    }
    if (next.status === "pending") {
      const holder = this.pendingByEmail.get(pendingKey(next.tenantId, next.email));
      if (holder !== undefined && holder !== next.id) {
        throw new UniqueViolationError(CONSTRAINTS.pendingInvitation);
      }
    }
    this.#put(this.invitations, next.id, next, (prev, row) => this.#indexInvitation(prev, row));
  }

  setToken(next: TokenRow, insert: boolean): void {
    if (insert && this.tokens.has(next.hash)) throw new UniqueViolationError(CONSTRAINTS.tokenHash);
    if (!this.invitations.has(next.invitationId)) {
      throw new ForeignKeyViolationError(CONSTRAINTS.tokenInvitation);
    }
    this.#put(this.tokens, next.hash, next, (_prev, row) => {
      if (row) {
        getOrCreate(this.tokensByInvitation, next.invitationId, () => new Set<string>()).add(
          next.hash,
        );
      } else {
        this.tokensByInvitation.get(next.invitationId)?.delete(next.hash);
      }
    });
  }

  setEmail(next: OutboxRow, insert: boolean): void {
    if (insert && this.outbox.has(next.id)) throw new UniqueViolationError(CONSTRAINTS.outboxId);
    this.#put(this.outbox, next.id, next);
  }

  insertAudit(row: AuditRow): void {
    if (this.audit.has(row.id)) throw new UniqueViolationError(CONSTRAINTS.auditId);
    this.#put(this.audit, row.id, row, () => {
      this.#auditNewestFirst = null;
    });
  }

  setIdempotency(key: string, row: IdempotencyRow | undefined): void {
    this.#put(this.idempotency, key, row);
  }

  auditNewestFirst(): AuditRow[] {
    if (!this.#auditNewestFirst) {
      this.#auditNewestFirst = [...this.audit.values()].sort(
        (a, b) =>
          -compareKeys({ time: a.at.getTime(), id: a.id }, { time: b.at.getTime(), id: b.id }),
      );
    }
    return this.#auditNewestFirst;
  }

  /** Reverts every change logged after `mark`. */
  rollbackTo(mark: number): void {
    while (this.undo.length > mark) this.undo.pop()!();
  }

  /** Up to `limit` rows of one tenant after the cursor, in the requested order. */
  pageOfTenant(tenantId: string, query: InvitationListQuery): InvitationRow[] {
    const entry = this.invitationsByTenant.get(tenantId);
    if (!entry) return [];
    const keys = entry.sorted(query.sort, this.invitations);
    const after: SortKey | undefined = query.after && cursorKey(query.after);
    const found: InvitationRow[] = [];
    const take = (index: number): boolean => {
      const row = this.invitations.get(keys[index]!.id)!;
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

function cursorKey(cursor: InvitationCursor): SortKey {
  return { time: cursor.value.getTime(), id: cursor.id };
}

function createOps(state: MemoryState, run: <T>(op: () => T) => Promise<T>): StoreOps {
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

    insertInvitations: (rows) =>
      run(() => {
        for (const row of rows) state.setInvitation(copy(row), true);
      }),

    getInvitation: (id) => run(() => copy(state.invitations.get(id) ?? null)),

    findOpenInvitations: (tenantId, emails) =>
      run(() => {
        const ids = new Set<string>();
        for (const email of emails) {
          const id = state.pendingByEmail.get(pendingKey(tenantId, email));
          if (id !== undefined) ids.add(id);
        }
        return copy([...ids].sort().map((id) => state.invitations.get(id)!));
      }),

    updateInvitation: (id, patch) =>
      run(() => {
        const current = state.invitations.get(id);
        if (!current) return;
        const changes = Object.fromEntries(
          Object.entries(copy(patch)).filter(([, value]) => value !== undefined),
        );
        state.setInvitation({ ...current, ...changes, id }, false);
      }),

    countPendingInvitations: (tenantId, now) =>
      run(() => {
        let count = 0;
        for (const id of state.invitationsByTenant.get(tenantId)?.ids ?? []) {
          const row = state.invitations.get(id)!;
          if (row.status === "pending" && row.expiresAt.getTime() > now.getTime()) count += 1;
        }
        return count;
      }),

    listInvitations: (query) =>
      run(() => {
        if (query.limit <= 0) return [];
        const rows = [...new Set(query.tenantIds)].flatMap((tenantId) =>
          state.pageOfTenant(tenantId, query),
        );
        const direction = query.order === "asc" ? 1 : -1;
        rows.sort(
          (a, b) =>
            direction *
            compareKeys(
              { time: a[query.sort].getTime(), id: a.id },
              { time: b[query.sort].getTime(), id: b.id },
            ),
        );
        return copy(rows.slice(0, query.limit));
      }),

    countInvitations: (tenantIds, search, now) =>
      run(() => {
        const counts = { pending: 0, accepted: 0, expired: 0, revoked: 0, history: 0, all: 0 };
        for (const tenantId of new Set(tenantIds)) {
          for (const id of state.invitationsByTenant.get(tenantId)?.ids ?? []) {
            const row = state.invitations.get(id)!;
            if (!matchesSearch(row, search)) continue;
            const status = deriveStatus(row.status, row.expiresAt, now);
            counts[status] += 1;
            counts.all += 1;
            if (status !== "pending") counts.history += 1;
          }
        }
        return counts;
      }),

    findUnrecordedExpired: (now, limit) =>
      run(() => {
        const due: InvitationRow[] = [];
        for (const row of state.invitations.values()) {
          if (
            row.status === "pending" &&
            row.expiredRecordedAt === null &&
            row.expiresAt.getTime() <= now.getTime()
          ) {
            due.push(row);
          }
        }
        due.sort((a, b) =>
          compareKeys(
            { time: a.expiresAt.getTime(), id: a.id },
            { time: b.expiresAt.getTime(), id: b.id },
          ),
        );
        return copy(due.slice(0, limit));
      }),

    insertTokens: (rows) =>
      run(() => {
        for (const row of rows) state.setToken(copy(row), true);
      }),

    findToken: (hash) => run(() => copy(state.tokens.get(hash) ?? null)),

    supersedeTokens: (invitationId, at) =>
      run(() => {
        for (const hash of [...(state.tokensByInvitation.get(invitationId) ?? [])]) {
          const token = state.tokens.get(hash)!;
          if (token.supersededAt === null) {
            state.setToken({ ...token, supersededAt: new Date(at) }, false);
          }
        }
      }),

    enqueueEmails: (rows) =>
      run(() => {
        for (const row of rows) state.setEmail(copy(row), true);
      }),

    updateEmail: (id, patch) =>
      run(() => {
        const current = state.outbox.get(id);
        if (!current) return;
        const changes = Object.fromEntries(
          Object.entries(copy(patch)).filter(([, value]) => value !== undefined),
        );
        state.setEmail({ ...current, ...changes, id }, false);
      }),

    listEmails: (filter) =>
      run(() =>
        copy(
          [...state.outbox.values()]
            .filter(
              (row) =>
                filter.invitationId === undefined || row.invitationId === filter.invitationId,
            )
            .sort((a, b) =>
              compareKeys(
                { time: a.createdAt.getTime(), id: a.id },
                { time: b.createdAt.getTime(), id: b.id },
              ),
            ),
        ),
      ),

    insertAuditEvents: (rows) =>
      run(() => {
        for (const row of rows) state.insertAudit(copy(row));
      }),

    listAuditEvents: (filter) =>
      run(() => {
        const tenants = filter.tenantIds && new Set(filter.tenantIds);
        const before = filter.before && { time: filter.before.at.getTime(), id: filter.before.id };
        const found: AuditRow[] = [];
        for (const row of state.auditNewestFirst()) {
          if (found.length >= filter.limit) break;
          if (tenants && !tenants.has(row.tenantId)) continue;
          if (filter.invitationId !== undefined && row.invitationId !== filter.invitationId)
            continue;
          if (before && compareKeys({ time: row.at.getTime(), id: row.id }, before) >= 0) continue;
          found.push(row);
        }
        return copy(found);
      }),

    claimIdempotencyKey: (row) =>
      run(() => {
        const existing = state.idempotency.get(row.key);
        if (existing) return copy(existing);
        state.setIdempotency(row.key, copy(row));
        return null;
      }),

    completeIdempotencyKey: (key, status, body) =>
      run(() => {
        const current = state.idempotency.get(key);
        if (current) state.setIdempotency(key, { ...current, state: "done", status, body });
      }),

    releaseIdempotencyKey: (key) => run(() => state.setIdempotency(key, undefined)),
  };
}

/**
 * An in-memory store: Maps of rows, isomorphic (Node, browsers under MSW, any Fetch
 * runtime). Transactions run one at a time behind a FIFO mutex and roll back on a throw;
 * calls outside a transaction take the same mutex, so nothing reads half a transaction.
 * Do not call the store itself from inside `transaction` (use `tx`): it would wait forever.
 * @example
 * const store = createMemoryStore();
 */
export function createMemoryStore(): Store {
  const state = new MemoryState();
  const mutex = new Mutex();

  /** Runs one operation as a unit: a throw undoes whatever it changed. */
  const unit = <T>(op: () => T): T => {
    const mark = state.undo.length;
    try {
      return op();
    } catch (error) {
      state.rollbackTo(mark);
      throw error;
    }
  };

  // Outside a transaction every operation is a one-operation transaction of its own.
  const standalone = createOps(state, (op) =>
    mutex.run(async () => {
      try {
        return unit(op);
      } finally {
        state.undo = [];
      }
    }),
  );

  return {
    kind: "memory",
    ...standalone,
    async transaction(fn) {
      return mutex.run(async () => {
        let open = true;
        const current = async <T>(op: () => T): Promise<T> => {
          if (!open) throw new Error("This transaction has already ended");
          return unit(op);
        };
        const tx: StoreTx = {
          ...createOps(state, current),
          // The mutex already serialises transactions: holding it is holding every lock.
          lockTenant: (id) => current(() => copy(state.tenants.get(id) ?? null)),
          lockInvitation: (id) => current(() => copy(state.invitations.get(id) ?? null)),
          claimDueEmails: (now, limit) =>
            current(() =>
              copy(
                [...state.outbox.values()]
                  .filter(
                    (row) =>
                      row.status === "queued" && row.nextAttemptAt.getTime() <= now.getTime(),
                  )
                  .sort((a, b) =>
                    compareKeys(
                      { time: a.nextAttemptAt.getTime(), id: a.id },
                      { time: b.nextAttemptAt.getTime(), id: b.id },
                    ),
                  )
                  .slice(0, limit),
              ),
            ),
          raw: null,
        };
        try {
          return await fn(tx);
        } catch (error) {
          state.rollbackTo(0);
          throw error;
        } finally {
          open = false;
          state.undo = [];
        }
      });
    },
    async close() {},
  };
}
