import { Mutex } from "../mutex.ts";
import type { Store, StoreOps, StoreTx } from "../types.ts";
import { auditOps } from "./audit-ops.ts";
import { idempotencyOps } from "./idempotency-ops.ts";
import { invitationOps } from "./invitation-ops.ts";
import { inviteLinkOps } from "./invite-link-ops.ts";
import { listingOps } from "./listing-ops.ts";
import { MemoryState } from "./memory-state.ts";
import { newInvitationOps } from "./new-invitation-ops.ts";
import { oidcFlowOps } from "./oidc-flow-ops.ts";
import { copy, type Run } from "./ops.ts";
import { outboxOps } from "./outbox-ops.ts";
import { claimDueReminders } from "./reminders.ts";
import { tenantOps } from "./tenant-ops.ts";
import { tokenOps } from "./token-ops.ts";

// The memory store serves the MSW mock (in the browser: Web APIs only, no node:*) and fast
// unit tests. It keeps the SQL schema's constraints so a rule that holds here holds on
// PostgreSQL. One FIFO mutex serialises transactions; an undo log rolls a failed one back.

/** Every operation over `state`, one file per concern as in the Kysely store. */
function createOps(state: MemoryState, run: Run): StoreOps {
  return {
    ...tenantOps(state, run),
    ...invitationOps(state, run),
    ...newInvitationOps(state, run),
    ...listingOps(state, run),
    ...tokenOps(state, run),
    ...outboxOps(state, run),
    ...auditOps(state, run),
    ...inviteLinkOps(state, run),
    ...idempotencyOps(state, run),
    ...oidcFlowOps(state, run),
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
        const ops = createOps(state, current);
        const tx: StoreTx = {
          ...ops,
          // The mutex already serialises transactions: holding it is holding every lock.
          lockTenant: (id) => current(() => copy(state.tenants.get(id) ?? null)),
          lockInvitation: (id) => current(() => copy(state.invitations.get(id) ?? null)),
          lockInviteLink: (tenantId) =>
            current(() => copy(state.inviteLinks.get(tenantId) ?? null)),
          lockEmailVerification: (id) => current(() => copy(state.verifications.get(id) ?? null)),
          lockEmail: (id) => current(() => copy(state.outbox.get(id) ?? null)),
          async recordDeliveries(emails, invitations) {
            for (const { id, ...patch } of emails) await ops.updateEmail(id, patch);
            for (const { id, ...patch } of invitations) await ops.updateInvitation(id, patch);
          },
          lockDeliveries: (emails) =>
            current(() =>
              [...emails]
                .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
                .flatMap(({ id }) => {
                  const email = state.outbox.get(id);
                  const invitation = email?.invitationId
                    ? state.invitations.get(email.invitationId)
                    : undefined;
                  return email && invitation ? [copy({ email, invitation })] : [];
                }),
            ),
          claimDueReminders: (now, limit) => current(() => claimDueReminders(state, now, limit)),
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
