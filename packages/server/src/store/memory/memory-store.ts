import { deriveStatus } from "@foyer/core";
import { tabCounts } from "../invitation-counts.ts";
import { Mutex } from "../mutex.ts";
import type { AuditRow, InvitationRow, Store, StoreOps, StoreTx } from "../types.ts";
import {
  compareKeys,
  linkDomainKey,
  MemoryState,
  matchesSearch,
  pendingKey,
} from "./memory-state.ts";
import { memoryOidcFlowOps } from "./oidc-flow-ops.ts";

// The memory store serves the MSW mock (in the browser: Web APIs only, no node:*) and fast
// unit tests. It keeps the SQL schema's constraints so a rule that holds here holds on
// PostgreSQL. One FIFO mutex serialises transactions; an undo log rolls a failed one back.

const copy = <T>(value: T): T => structuredClone(value);

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
        const { stored, lapsed } = state.storedCounts([tenantId], now);
        return stored.pending - lapsed;
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
        // The tabs from the totals; a search reads every row of the tenants, as its page does.
        if (!search) return tabCounts(state.storedCounts(tenantIds, now));
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

    claimDueEmails: (now, limit, leaseUntil) =>
      run(() => {
        const at = now.getTime();
        const due = [...state.outbox.values()]
          .filter(
            (row) =>
              row.status === "queued" &&
              row.nextAttemptAt.getTime() <= at &&
              (row.leaseUntil === null || row.leaseUntil.getTime() <= at),
          )
          .sort((a, b) =>
            compareKeys(
              { time: a.nextAttemptAt.getTime(), id: a.id },
              { time: b.nextAttemptAt.getTime(), id: b.id },
            ),
          )
          .slice(0, limit);
        return copy(
          due.map((row) => {
            const leased = { ...row, leaseUntil: new Date(leaseUntil) };
            state.setEmail(leased, false);
            return leased;
          }),
        );
      }),

    cancelQueuedEmails: (invitationId, reason) =>
      run(() => {
        let count = 0;
        for (const row of state.outbox.values()) {
          if (row.invitationId === invitationId && row.status === "queued") {
            state.setEmail({ ...row, status: "cancelled", lastError: reason }, false);
            count += 1;
          }
        }
        return count;
      }),

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

    getInviteLink: (tenantId) => run(() => copy(state.inviteLinks.get(tenantId) ?? null)),

    findInviteLinkByHash: (hash) =>
      run(() => {
        const tenantId = state.inviteLinkByHash.get(hash);
        return copy(tenantId === undefined ? null : (state.inviteLinks.get(tenantId) ?? null));
      }),

    insertInviteLink: (row) => run(() => state.setInviteLink(copy(row), true)),

    updateInviteLink: (tenantId, patch) =>
      run(() => {
        const current = state.inviteLinks.get(tenantId);
        if (!current) return;
        const changes = Object.fromEntries(
          Object.entries(copy(patch)).filter(([, value]) => value !== undefined),
        );
        state.setInviteLink({ ...current, ...changes, tenantId, linkId: current.linkId }, false);
      }),

    findLinkDomains: (scope, domains) =>
      run(() =>
        copy(
          [...new Set(domains)]
            .sort()
            .flatMap((domain) => state.linkDomains.get(linkDomainKey(scope, domain)) ?? []),
        ),
      ),

    replaceLinkDomains: (tenantId, scope, domains) =>
      run(() => {
        for (const [key, row] of [...state.linkDomains]) {
          if (row.tenantId === tenantId) state.setLinkDomain(key, undefined);
        }
        for (const domain of new Set(domains)) {
          state.setLinkDomain(linkDomainKey(scope, domain), { scope, domain, tenantId });
        }
      }),

    insertEmailVerification: (row) => run(() => state.setVerification(copy(row), true)),

    findEmailVerificationByHash: (hash) =>
      run(() => {
        const id = state.verificationByHash.get(hash);
        return copy(id === undefined ? null : (state.verifications.get(id) ?? null));
      }),

    findPendingEmailVerifications: (email) =>
      run(() =>
        copy(
          [...state.verifications.values()]
            .filter(
              (row) => row.verifiedAt === null && row.email.toLowerCase() === email.toLowerCase(),
            )
            .sort(
              (a, b) =>
                -compareKeys(
                  { time: a.createdAt.getTime(), id: a.id },
                  { time: b.createdAt.getTime(), id: b.id },
                ),
            ),
        ),
      ),

    updateEmailVerification: (id, patch) =>
      run(() => {
        const current = state.verifications.get(id);
        if (!current) return;
        const changes = Object.fromEntries(
          Object.entries(copy(patch)).filter(([, value]) => value !== undefined),
        );
        state.setVerification({ ...current, ...changes, id }, false);
      }),

    ...memoryOidcFlowOps(state, run),

    claimIdempotencyKey: (row) =>
      run(() => {
        const existing = state.idempotency.get(row.key);
        if (existing) return copy(existing);
        // The memory store lives and dies with its process: every key it holds is its own.
        state.setIdempotency(row.key, { ...copy(row), owner: null });
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
          lockInviteLink: (tenantId) =>
            current(() => copy(state.inviteLinks.get(tenantId) ?? null)),
          lockEmailVerification: (id) => current(() => copy(state.verifications.get(id) ?? null)),
          lockEmail: (id) => current(() => copy(state.outbox.get(id) ?? null)),
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
