import type { Tenant } from "@foyer/core";
import { type Kysely, sql, type Transaction } from "kysely";
import { migrateToLatest } from "../migrations.ts";
import type { FoyerDatabase } from "../schema.ts";
import type {
  EmailDelivery,
  InvitationDelivery,
  OutboxRow,
  Store,
  StoreOps,
  StoreTx,
} from "../types.ts";
import { auditOps } from "./audit-ops.ts";
import { idempotencyOps } from "./idempotency-ops.ts";
import { CountDeltas } from "./invitation-counts.ts";
import { invitationOps } from "./invitation-ops.ts";
import { inviteLinkOps } from "./invite-link-ops.ts";
import { type KeyOwner, pgliteKeyOwner, postgresKeyOwner, type SessionPool } from "./key-owner.ts";
import { listingOps } from "./listing-ops.ts";
import { newInvitationOps } from "./new-invitation-ops.ts";
import { oidcFlowOps } from "./oidc-flow-ops.ts";
import { lockDeliveries, outboxOps, recordDeliveries } from "./outbox-ops.ts";
import { runPrepared } from "./prepared.ts";
import { claimDueReminders } from "./reminder-ops.ts";
import { type Db, translatingErrors } from "./sql.ts";
import { emailVerifications, invitations, inviteLinks, outbox, tenants } from "./tables.ts";
import { tenantOps } from "./tenant-ops.ts";
import { tokenOps } from "./token-ops.ts";

/** Options of `createKyselyStore`. */
export interface KyselyStoreOptions<DB extends FoyerDatabase = FoyerDatabase> {
  /** The host's Kysely instance (its own tables may live in the same database). */
  db: Kysely<DB>;
  /** Which engine runs behind `db`. */
  kind: "pglite" | "postgres";
  /**
   * Apply pending migrations before answering the store.
   * @default true
   */
  migrate?: boolean;
  /**
   * `close()` destroys `db` (and so its pool or PGlite instance).
   * @default false
   */
  ownsDb?: boolean;
  /**
   * PostgreSQL: the `pg.Pool` behind `db`. Each store instance holds one session of its own
   * with an advisory lock for as long as it lives, so other instances know at once when its
   * process died and take over the Idempotency-Keys its requests left in progress
   * (R-SDK-07). From `pool`, Foyer watches that session and replaces it after a lost
   * connection; without, it holds a connection through `db` (a lost connection then raises
   * an unhandled `error` on that pg client, as with any connection a host holds).
   */
  pool?: SessionPool;
}

/**
 * Every operation over `db` (the database or a transaction), one file per concern. `deltas`
 * collects the invitation counter changes of the transaction (null outside one).
 */
function createOps(db: Db, deltas: CountDeltas | null, owner: KeyOwner): StoreOps {
  return translatingErrors({
    ...tenantOps(db),
    ...invitationOps(db, deltas),
    ...newInvitationOps(db, deltas),
    ...listingOps(db, deltas),
    ...tokenOps(db),
    ...outboxOps(db),
    ...auditOps(db),
    ...idempotencyOps(db, owner),
    ...inviteLinkOps(db),
    ...oidcFlowOps(db),
  });
}

function createTx(trx: Transaction<FoyerDatabase>, deltas: CountDeltas, owner: KeyOwner): StoreTx {
  const locks = translatingErrors({
    async lockTenant(id: string) {
      // Every write to a tenant's invitations starts here: prepared, its columns named so a
      // later migration cannot change what the prepared statement answers.
      const { rows } = await runPrepared(
        trx,
        sql<Tenant>`select ${tenants.selectList} from foyer_tenants where id = ${id} for update`,
      );
      return rows[0] ?? null;
    },
    async lockInvitation(id: string) {
      const row = await trx
        .selectFrom("foyer_invitations")
        .selectAll()
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      return row ? invitations.fromRecord(row) : null;
    },
    async lockInviteLink(tenantId: string) {
      const row = await trx
        .selectFrom("foyer_invite_links")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .forUpdate()
        .executeTakeFirst();
      return row ? inviteLinks.fromRecord(row) : null;
    },
    async lockEmailVerification(id: string) {
      const row = await trx
        .selectFrom("foyer_email_verifications")
        .selectAll()
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      return row ? emailVerifications.fromRecord(row) : null;
    },
    async lockEmail(id: string) {
      const row = await trx
        .selectFrom("foyer_outbox")
        .selectAll()
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      return row ? outbox.fromRecord(row) : null;
    },
    lockDeliveries: (emails: Pick<OutboxRow, "id" | "invitationId">[]) =>
      lockDeliveries(trx, emails),
    recordDeliveries: (emails: EmailDelivery[], invitations: InvitationDelivery[]) =>
      recordDeliveries(trx, emails, invitations),
    claimDueReminders: (now: Date, limit: number) => claimDueReminders(trx, now, limit),
  });
  return { ...createOps(trx, deltas, owner), ...locks, raw: trx };
}

/**
 * A store over Kysely, for PGlite and PostgreSQL (one SQL, one migration set). The host may
 * pass its own Kysely instance; inside `transaction`, `tx.raw` is the Kysely `Transaction`, so
 * a host whose users live in the same database creates accounts atomically with Foyer.
 * @example
 * const store = await createKyselyStore({ db, kind: "postgres" });
 */
export async function createKyselyStore<DB extends FoyerDatabase>(
  options: KyselyStoreOptions<DB>,
): Promise<Store> {
  // The host's database type may carry more tables; Foyer only touches its own.
  const db = options.db as unknown as Db;
  if (options.migrate !== false) await migrateToLatest(db);
  const owner = options.kind === "postgres" ? postgresKeyOwner(db, options.pool) : pgliteKeyOwner();
  return {
    kind: options.kind,
    ...createOps(db, null, owner),
    transaction: (fn) =>
      db.transaction().execute(async (trx) => {
        const deltas = new CountDeltas();
        const result = await fn(createTx(trx, deltas, owner));
        // The counters last (see invitation-counts.ts), in the same transaction.
        await deltas.apply(trx);
        return result;
      }),
    async close() {
      await owner.close();
      if (options.ownsDb) await db.destroy();
    },
  };
}
