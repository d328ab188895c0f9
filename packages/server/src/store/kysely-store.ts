import type { InvitationCounts, InvitationFilter, Role, Tenant } from "@foyer/core";
import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type Selectable,
  type SqlBool,
  sql,
  type Transaction,
  type Updateable,
} from "kysely";
import { ForeignKeyViolationError, UniqueViolationError } from "./errors.ts";
import { migrateToLatest } from "./migrations.ts";
import type {
  AuditEventsTable,
  FoyerDatabase,
  IdempotencyKeysTable,
  InvitationsTable,
  InvitationTokensTable,
  MembersTable,
  OutboxTable,
  RolesTable,
  TenantsTable,
} from "./schema.ts";
import type {
  AuditRow,
  IdempotencyRow,
  InvitationListQuery,
  InvitationRow,
  MemberRow,
  OutboxRow,
  Store,
  StoreOps,
  StoreTx,
  TokenRow,
} from "./types.ts";

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
}

type Db = Kysely<FoyerDatabase>;
type InvitationBuilder = ExpressionBuilder<FoyerDatabase, "foyer_invitations">;

/** Longest `in (…)` list per statement. */
const MAX_IN_LIST = 5_000;

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
}

/** Rows per bulk insert statement (each column travels as one array parameter). */
const ROWS_PER_BULK_INSERT = 5_000;

/** Column -> SQL type, for `insertColumns`; `jsonb` values travel as JSON text. */
type ColumnTypes<Table> = { readonly [Column in keyof Table & string]: string };

/**
 * Inserts rows with one array parameter per column (`insert … select * from unnest(…)`)
 * rather than one parameter per value: a batch of 1,000 invitations binds 27 parameters
 * instead of 27,000, which PostgreSQL parses and binds far faster (pnpm bench).
 */
async function insertColumns<Table>(
  db: Db,
  table: keyof FoyerDatabase & string,
  types: ColumnTypes<Table>,
  rows: readonly Record<keyof Table & string, unknown>[],
): Promise<void> {
  const columns = Object.keys(types) as (keyof Table & string)[];
  for (const part of chunk(rows, ROWS_PER_BULK_INSERT)) {
    const arrays = columns.map((column) => {
      const values = part.map((row) => row[column]);
      const type = types[column];
      // JSON goes as text[] and is cast on the server, so no driver re-encodes the text.
      return type === "jsonb"
        ? sql`cast(cast(${values} as text[]) as jsonb[])`
        : sql`cast(${values} as ${sql.raw(type)}[])`;
    });
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))})
      select * from unnest(${sql.join(arrays)})`.execute(db);
  }
}

const INVITATION_TYPES: ColumnTypes<InvitationsTable> = {
  id: "text",
  tenant_id: "text",
  email: "text",
  name: "text",
  role_id: "text",
  department: "text",
  teams: "jsonb",
  message: "text",
  status: "text",
  invited_by_id: "text",
  invited_by_email: "text",
  invited_by_name: "text",
  created_at: "timestamptz",
  sent_at: "timestamptz",
  expires_at: "timestamptz",
  accepted_at: "timestamptz",
  accepted_user_id: "text",
  revoked_at: "timestamptz",
  revoked_by_id: "text",
  revoked_by_email: "text",
  revoked_by_name: "text",
  resend_count: "integer",
  delivery_status: "text",
  delivery_error: "text",
  delivery_updated_at: "timestamptz",
  reminder_sent_at: "timestamptz",
  expired_recorded_at: "timestamptz",
};

const TOKEN_TYPES: ColumnTypes<InvitationTokensTable> = {
  hash: "text",
  invitation_id: "text",
  created_at: "timestamptz",
  superseded_at: "timestamptz",
};

const OUTBOX_TYPES: ColumnTypes<OutboxTable> = {
  id: "text",
  tenant_id: "text",
  invitation_id: "text",
  kind: "text",
  to: "text",
  subject: "text",
  html: "text",
  text: "text",
  status: "text",
  attempts: "integer",
  next_attempt_at: "timestamptz",
  last_error: "text",
  created_at: "timestamptz",
  sent_at: "timestamptz",
};

const AUDIT_TYPES: ColumnTypes<AuditEventsTable> = {
  id: "text",
  tenant_id: "text",
  invitation_id: "text",
  action: "text",
  source: "text",
  actor_id: "text",
  actor_email: "text",
  actor_name: "text",
  subject_email: "text",
  at: "timestamptz",
  data: "jsonb",
};

function databaseErrorField(error: unknown, field: "code" | "constraint"): string | undefined {
  if (typeof error !== "object" || error === null || !(field in error)) return undefined;
  const value: unknown = Reflect.get(error, field);
  return typeof value === "string" ? value : undefined;
}

/** Maps PostgreSQL constraint errors to the store's error classes (the same for every store). */
function translateError(error: unknown): unknown {
  const code = databaseErrorField(error, "code");
  const constraint = databaseErrorField(error, "constraint") ?? "unknown";
  if (code === "23505") return new UniqueViolationError(constraint, { cause: error });
  if (code === "23503") return new ForeignKeyViolationError(constraint, { cause: error });
  return error;
}

/** Wraps every method so constraint errors surface as `UniqueViolationError` and friends. */
function translatingErrors<T extends object>(ops: T): T {
  for (const key of Object.keys(ops) as (keyof T)[]) {
    const method = ops[key];
    if (typeof method !== "function") continue;
    const original = method as (...args: unknown[]) => Promise<unknown>;
    const wrapped = async (...args: unknown[]): Promise<unknown> => {
      try {
        return await original(...args);
      } catch (error) {
        throw translateError(error);
      }
    };
    ops[key] = wrapped as T[keyof T];
  }
  return ops;
}

/**
 * Runs a multi-statement write as one unit. Inside a transaction a savepoint undoes a failed
 * write without aborting the caller's transaction (so a caught `UniqueViolationError` leaves
 * the transaction usable, as in the memory store); outside, a short transaction of its own.
 */
async function atomically(db: Db, fn: (db: Db) => Promise<void>): Promise<void> {
  if (!db.isTransaction) {
    await db.transaction().execute(fn);
    return;
  }
  await sql`savepoint foyer_write`.execute(db);
  try {
    await fn(db);
  } catch (error) {
    await sql`rollback to savepoint foyer_write`.execute(db);
    throw error;
  }
  await sql`release savepoint foyer_write`.execute(db);
}

// Row mapping: snake_case columns <-> camelCase rows.

function toTenant(row: Selectable<TenantsTable>): Tenant {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    logoUrl: row.logo_url,
    accentColor: row.accent_color,
    inviteBaseUrl: row.invite_base_url,
    ssoEnabled: row.sso_enabled,
    seatLimit: row.seat_limit,
    status: row.status,
    settings: row.settings,
  };
}

function toRole(row: Selectable<RolesTable>): Role {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    rank: row.rank,
    permissions: row.permissions,
    mspStaff: row.msp_staff,
    tenantId: row.tenant_id,
  };
}

function toMember(row: Selectable<MembersTable>): MemberRow {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    userId: row.user_id,
    email: row.email,
    roleId: row.role_id,
    status: row.status,
    source: row.source,
    createdAt: row.created_at,
  };
}

/** camelCase field -> column, for inserts and partial updates. */
const INVITATION_COLUMNS = {
  tenantId: "tenant_id",
  email: "email",
  name: "name",
  roleId: "role_id",
  department: "department",
  teams: "teams",
  message: "message",
  status: "status",
  invitedById: "invited_by_id",
  invitedByEmail: "invited_by_email",
  invitedByName: "invited_by_name",
  createdAt: "created_at",
  sentAt: "sent_at",
  expiresAt: "expires_at",
  acceptedAt: "accepted_at",
  acceptedUserId: "accepted_user_id",
  revokedAt: "revoked_at",
  revokedById: "revoked_by_id",
  revokedByEmail: "revoked_by_email",
  revokedByName: "revoked_by_name",
  resendCount: "resend_count",
  deliveryStatus: "delivery_status",
  deliveryError: "delivery_error",
  deliveryUpdatedAt: "delivery_updated_at",
  reminderSentAt: "reminder_sent_at",
  expiredRecordedAt: "expired_recorded_at",
} as const satisfies Record<keyof Omit<InvitationRow, "id">, keyof InvitationsTable>;

function invitationPatch(patch: Partial<Omit<InvitationRow, "id">>): Updateable<InvitationsTable> {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(INVITATION_COLUMNS)) {
    const value: unknown = Reflect.get(patch, field);
    if (value === undefined) continue;
    values[column] = field === "teams" ? JSON.stringify(value) : value;
  }
  return values as Updateable<InvitationsTable>;
}

function invitationValues(row: InvitationRow) {
  return {
    id: row.id,
    tenant_id: row.tenantId,
    email: row.email,
    name: row.name,
    role_id: row.roleId,
    department: row.department,
    teams: JSON.stringify(row.teams),
    message: row.message,
    status: row.status,
    invited_by_id: row.invitedById,
    invited_by_email: row.invitedByEmail,
    invited_by_name: row.invitedByName,
    created_at: row.createdAt,
    sent_at: row.sentAt,
    expires_at: row.expiresAt,
    accepted_at: row.acceptedAt,
    accepted_user_id: row.acceptedUserId,
    revoked_at: row.revokedAt,
    revoked_by_id: row.revokedById,
    revoked_by_email: row.revokedByEmail,
    revoked_by_name: row.revokedByName,
    resend_count: row.resendCount,
    delivery_status: row.deliveryStatus,
    delivery_error: row.deliveryError,
    delivery_updated_at: row.deliveryUpdatedAt,
    reminder_sent_at: row.reminderSentAt,
    expired_recorded_at: row.expiredRecordedAt,
  };
}

function toInvitation(row: Selectable<InvitationsTable>): InvitationRow {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    email: row.email,
    name: row.name,
    roleId: row.role_id,
    department: row.department,
    teams: row.teams,
    message: row.message,
    status: row.status,
    invitedById: row.invited_by_id,
    invitedByEmail: row.invited_by_email,
    invitedByName: row.invited_by_name,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    acceptedUserId: row.accepted_user_id,
    revokedAt: row.revoked_at,
    revokedById: row.revoked_by_id,
    revokedByEmail: row.revoked_by_email,
    revokedByName: row.revoked_by_name,
    resendCount: row.resend_count,
    deliveryStatus: row.delivery_status,
    deliveryError: row.delivery_error,
    deliveryUpdatedAt: row.delivery_updated_at,
    reminderSentAt: row.reminder_sent_at,
    expiredRecordedAt: row.expired_recorded_at,
  };
}

function toToken(row: Selectable<InvitationTokensTable>): TokenRow {
  return {
    hash: row.hash,
    invitationId: row.invitation_id,
    createdAt: row.created_at,
    supersededAt: row.superseded_at,
  };
}

const OUTBOX_COLUMNS = {
  tenantId: "tenant_id",
  invitationId: "invitation_id",
  kind: "kind",
  to: "to",
  subject: "subject",
  html: "html",
  text: "text",
  status: "status",
  attempts: "attempts",
  nextAttemptAt: "next_attempt_at",
  lastError: "last_error",
  createdAt: "created_at",
  sentAt: "sent_at",
} as const satisfies Record<keyof Omit<OutboxRow, "id">, keyof OutboxTable>;

function outboxPatch(patch: Partial<Omit<OutboxRow, "id">>): Updateable<OutboxTable> {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(OUTBOX_COLUMNS)) {
    const value: unknown = Reflect.get(patch, field);
    if (value !== undefined) values[column] = value;
  }
  return values as Updateable<OutboxTable>;
}

function toOutbox(row: Selectable<OutboxTable>): OutboxRow {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    invitationId: row.invitation_id,
    kind: row.kind,
    to: row.to,
    subject: row.subject,
    html: row.html,
    text: row.text,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

function toAudit(row: Selectable<AuditEventsTable>): AuditRow {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    invitationId: row.invitation_id,
    action: row.action,
    source: row.source,
    actorId: row.actor_id,
    actorEmail: row.actor_email,
    actorName: row.actor_name,
    subjectEmail: row.subject_email,
    at: row.at,
    data: row.data,
  };
}

function toIdempotency(row: Selectable<IdempotencyKeysTable>): IdempotencyRow {
  return {
    key: row.key,
    requestHash: row.request_hash,
    state: row.state,
    status: row.status,
    body: row.body,
    createdAt: row.created_at,
  };
}

/**
 * R-INV-06 in SQL: a row stored pending whose `expires_at` has passed reads as expired. Every
 * filter is written against the stored columns so the status indexes serve it.
 */
function statusCondition(
  eb: InvitationBuilder,
  filter: InvitationFilter,
  now: Date,
): Expression<SqlBool> | null {
  switch (filter) {
    case "pending":
      return eb.and([eb("status", "=", "pending"), eb("expires_at", ">", now)]);
    case "expired":
      return eb.or([
        eb("status", "=", "expired"),
        eb.and([eb("status", "=", "pending"), eb("expires_at", "<=", now)]),
      ]);
    case "accepted":
    case "revoked":
      return eb("status", "=", filter);
    case "history":
      return eb.or([eb("status", "!=", "pending"), eb("expires_at", "<=", now)]);
    case "all":
      return null;
    default: {
      const exhaustive: never = filter;
      throw new Error(`Unknown invitation filter ${String(exhaustive)}`);
    }
  }
}

/** A LIKE pattern matching `search` anywhere, with `%`, `_` and `\` taken literally. */
function containsPattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function searchCondition(eb: InvitationBuilder, search: string): Expression<SqlBool> {
  return eb(sql<string>`lower(${eb.ref("email")})`, "like", containsPattern(search));
}

function listInvitationsQuery(db: Db, query: InvitationListQuery, tenant: Expression<string>) {
  const column = query.sort === "sentAt" ? "sent_at" : "expires_at";
  const { after, order } = query;
  return db
    .selectFrom("foyer_invitations")
    .selectAll()
    .where("tenant_id", "=", tenant)
    .where((eb) => {
      const conditions: Expression<SqlBool>[] = [];
      const status = statusCondition(eb, query.filter, query.now);
      if (status) conditions.push(status);
      if (query.search) conditions.push(searchCondition(eb, query.search));
      if (after) {
        conditions.push(
          eb(
            eb.refTuple(column, "id"),
            order === "asc" ? ">" : "<",
            eb.tuple(after.value, after.id),
          ),
        );
      }
      return eb.and(conditions);
    })
    .orderBy(column, order)
    .orderBy("id", order)
    .limit(query.limit);
}

function createOps(db: Db): StoreOps {
  const ops: StoreOps = {
    async getTenant(id) {
      const row = await db
        .selectFrom("foyer_tenants")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? toTenant(row) : null;
    },

    async listChildTenants(parentId) {
      const rows = await db
        .selectFrom("foyer_tenants")
        .selectAll()
        .where("parent_id", "=", parentId)
        .orderBy("id")
        .execute();
      return rows.map(toTenant);
    },

    async upsertTenant(tenant) {
      const values = {
        parent_id: tenant.parentId,
        name: tenant.name,
        logo_url: tenant.logoUrl,
        accent_color: tenant.accentColor,
        invite_base_url: tenant.inviteBaseUrl,
        sso_enabled: tenant.ssoEnabled,
        seat_limit: tenant.seatLimit,
        status: tenant.status,
        settings: JSON.stringify(tenant.settings),
      };
      await db
        .insertInto("foyer_tenants")
        .values({ id: tenant.id, ...values })
        .onConflict((conflict) => conflict.column("id").doUpdateSet(values))
        .execute();
    },

    async listRoles() {
      const rows = await db
        .selectFrom("foyer_roles")
        .selectAll()
        .orderBy("rank", "desc")
        .orderBy("id")
        .execute();
      return rows.map(toRole);
    },

    async upsertRole(role) {
      const values = {
        name: role.name,
        description: role.description,
        rank: role.rank,
        permissions: JSON.stringify(role.permissions),
        msp_staff: role.mspStaff,
        tenant_id: role.tenantId,
      };
      await db
        .insertInto("foyer_roles")
        .values({ id: role.id, ...values })
        .onConflict((conflict) => conflict.column("id").doUpdateSet(values))
        .execute();
    },

    async findMembersByEmails(emails) {
      const found: MemberRow[] = [];
      const lowered = [...new Set(emails.map((email) => email.toLowerCase()))];
      for (const part of chunk(lowered, MAX_IN_LIST)) {
        const rows = await db
          .selectFrom("foyer_members")
          .selectAll()
          .where(sql<string>`lower(email)`, "in", part)
          .orderBy("id")
          .execute();
        found.push(...rows.map(toMember));
      }
      return found;
    },

    async insertMember(member) {
      await db
        .insertInto("foyer_members")
        .values({
          id: member.id,
          tenant_id: member.tenantId,
          user_id: member.userId,
          email: member.email,
          role_id: member.roleId,
          status: member.status,
          source: member.source,
          created_at: member.createdAt,
        })
        .execute();
    },

    async countActiveMembers(tenantId) {
      const row = await db
        .selectFrom("foyer_members")
        .select((eb) => eb.cast<number>(eb.fn.countAll(), "integer").as("count"))
        .where("tenant_id", "=", tenantId)
        .where("status", "=", "active")
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async insertInvitations(rows) {
      if (rows.length === 0) return;
      await atomically(db, (trx) =>
        insertColumns(trx, "foyer_invitations", INVITATION_TYPES, rows.map(invitationValues)),
      );
    },

    async getInvitation(id) {
      const row = await db
        .selectFrom("foyer_invitations")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? toInvitation(row) : null;
    },

    async findOpenInvitations(tenantId, emails) {
      const found: InvitationRow[] = [];
      const lowered = [...new Set(emails.map((email) => email.toLowerCase()))];
      for (const part of chunk(lowered, MAX_IN_LIST)) {
        // Matches the partial unique index (tenant_id, lower(email)) where status = 'pending'.
        const rows = await db
          .selectFrom("foyer_invitations")
          .selectAll()
          .where("tenant_id", "=", tenantId)
          .where("status", "=", "pending")
          .where(sql<string>`lower(email)`, "in", part)
          .orderBy("id")
          .execute();
        found.push(...rows.map(toInvitation));
      }
      return found;
    },

    async updateInvitation(id, patch) {
      const values = invitationPatch(patch);
      if (Object.keys(values).length === 0) return;
      await atomically(db, async (trx) => {
        await trx.updateTable("foyer_invitations").set(values).where("id", "=", id).execute();
      });
    },

    async countPendingInvitations(tenantId, now) {
      const row = await db
        .selectFrom("foyer_invitations")
        .select((eb) => eb.cast<number>(eb.fn.countAll(), "integer").as("count"))
        .where("tenant_id", "=", tenantId)
        .where("status", "=", "pending")
        .where("expires_at", ">", now)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async listInvitations(query) {
      if (query.tenantIds.length === 0 || query.limit <= 0) return [];
      const [only] = query.tenantIds;
      if (query.tenantIds.length === 1 && only !== undefined) {
        const rows = await listInvitationsQuery(db, query, sql.val(only)).execute();
        return rows.map(toInvitation);
      }
      // Several tenants (an MSP's list): one index range scan per tenant, each stopping at
      // `limit` rows, merged; a plain `tenant_id in (…)` would sort every row of every tenant.
      const column = sql.ref(query.sort === "sentAt" ? "page.sent_at" : "page.expires_at");
      const direction = sql.raw(query.order === "asc" ? "asc" : "desc");
      const perTenant = listInvitationsQuery(db, query, sql.ref("scope.tenant_id"));
      const { rows } = await sql<Selectable<InvitationsTable>>`
        select page.* from unnest(cast(${[...new Set(query.tenantIds)]} as text[]))
          as scope(tenant_id)
        cross join lateral (${perTenant}) as page
        order by ${column} ${direction}, page.id ${direction}
        limit ${query.limit}`.execute(db);
      return rows.map(toInvitation);
    },

    async countInvitations(tenantIds, search, now) {
      if (tenantIds.length === 0) {
        return { pending: 0, accepted: 0, expired: 0, revoked: 0, history: 0, all: 0 };
      }
      // Four counters in one pass; the other two follow from them (counting 100,000 rows
      // costs ~20 ms, so every condition per row matters).
      let select = db
        .selectFrom("foyer_invitations")
        .select((eb) => [
          eb
            .cast<number>(
              eb.fn
                .countAll()
                .filterWhere(eb.and([eb("status", "=", "pending"), eb("expires_at", ">", now)])),
              "integer",
            )
            .as("pending"),
          eb
            .cast<number>(eb.fn.countAll().filterWhere("status", "=", "accepted"), "integer")
            .as("accepted"),
          eb
            .cast<number>(eb.fn.countAll().filterWhere("status", "=", "revoked"), "integer")
            .as("revoked"),
          eb.cast<number>(eb.fn.countAll(), "integer").as("all"),
        ])
        .where("tenant_id", "in", [...new Set(tenantIds)]);
      if (search) select = select.where((eb) => searchCondition(eb, search));
      const row = await select.executeTakeFirstOrThrow();
      const [pending, accepted, revoked, all] = [
        row.pending,
        row.accepted,
        row.revoked,
        row.all,
      ].map(Number) as [number, number, number, number];
      const counts: InvitationCounts = {
        pending,
        accepted,
        revoked,
        // R-INV-06: stored 'expired' plus pending rows past their expiry.
        expired: all - pending - accepted - revoked,
        history: all - pending,
        all,
      };
      return counts;
    },

    async findUnrecordedExpired(now, limit) {
      const rows = await db
        .selectFrom("foyer_invitations")
        .selectAll()
        .where("status", "=", "pending")
        .where("expired_recorded_at", "is", null)
        .where("expires_at", "<=", now)
        .orderBy("expires_at")
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map(toInvitation);
    },

    async insertTokens(rows) {
      if (rows.length === 0) return;
      const values = rows.map((row) => ({
        hash: row.hash,
        invitation_id: row.invitationId,
        created_at: row.createdAt,
        superseded_at: row.supersededAt,
      }));
      await atomically(db, (trx) =>
        insertColumns(trx, "foyer_invitation_tokens", TOKEN_TYPES, values),
      );
    },

    async findToken(hash) {
      const row = await db
        .selectFrom("foyer_invitation_tokens")
        .selectAll()
        .where("hash", "=", hash)
        .executeTakeFirst();
      return row ? toToken(row) : null;
    },

    async supersedeTokens(invitationId, at) {
      await db
        .updateTable("foyer_invitation_tokens")
        .set({ superseded_at: at })
        .where("invitation_id", "=", invitationId)
        .where("superseded_at", "is", null)
        .execute();
    },

    async enqueueEmails(rows) {
      if (rows.length === 0) return;
      const values = rows.map((row) => ({
        id: row.id,
        tenant_id: row.tenantId,
        invitation_id: row.invitationId,
        kind: row.kind,
        to: row.to,
        subject: row.subject,
        html: row.html,
        text: row.text,
        status: row.status,
        attempts: row.attempts,
        next_attempt_at: row.nextAttemptAt,
        last_error: row.lastError,
        created_at: row.createdAt,
        sent_at: row.sentAt,
      }));
      await atomically(db, (trx) => insertColumns(trx, "foyer_outbox", OUTBOX_TYPES, values));
    },

    async updateEmail(id, patch) {
      const values = outboxPatch(patch);
      if (Object.keys(values).length === 0) return;
      await db.updateTable("foyer_outbox").set(values).where("id", "=", id).execute();
    },

    async listEmails(filter) {
      let select = db.selectFrom("foyer_outbox").selectAll();
      if (filter.invitationId !== undefined) {
        select = select.where("invitation_id", "=", filter.invitationId);
      }
      const rows = await select.orderBy("created_at").orderBy("id").execute();
      return rows.map(toOutbox);
    },

    async insertAuditEvents(rows) {
      if (rows.length === 0) return;
      const values = rows.map((row) => ({
        id: row.id,
        tenant_id: row.tenantId,
        invitation_id: row.invitationId,
        action: row.action,
        source: row.source,
        actor_id: row.actorId,
        actor_email: row.actorEmail,
        actor_name: row.actorName,
        subject_email: row.subjectEmail,
        at: row.at,
        data: JSON.stringify(row.data),
      }));
      await atomically(db, (trx) => insertColumns(trx, "foyer_audit_events", AUDIT_TYPES, values));
    },

    async listAuditEvents(filter) {
      if (filter.tenantIds?.length === 0) return [];
      let select = db.selectFrom("foyer_audit_events").selectAll();
      if (filter.tenantIds !== undefined) {
        select = select.where("tenant_id", "in", [...new Set(filter.tenantIds)]);
      }
      if (filter.invitationId !== undefined) {
        select = select.where("invitation_id", "=", filter.invitationId);
      }
      const { before } = filter;
      if (before) {
        select = select.where((eb) =>
          eb(eb.refTuple("at", "id"), "<", eb.tuple(before.at, before.id)),
        );
      }
      const rows = await select
        .orderBy("at", "desc")
        .orderBy("id", "desc")
        .limit(filter.limit)
        .execute();
      return rows.map(toAudit);
    },

    async claimIdempotencyKey(row) {
      // A concurrent release may delete the row between our insert and our read: try again.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const inserted = await db
          .insertInto("foyer_idempotency_keys")
          .values({
            key: row.key,
            request_hash: row.requestHash,
            state: row.state,
            status: row.status,
            body: row.body,
            created_at: row.createdAt,
          })
          .onConflict((conflict) => conflict.column("key").doNothing())
          .returning("key")
          .executeTakeFirst();
        if (inserted) return null;
        const existing = await db
          .selectFrom("foyer_idempotency_keys")
          .selectAll()
          .where("key", "=", row.key)
          .executeTakeFirst();
        if (existing) return toIdempotency(existing);
      }
      throw new Error(`Idempotency key ${row.key} kept changing while being claimed`);
    },

    async completeIdempotencyKey(key, status, body) {
      await db
        .updateTable("foyer_idempotency_keys")
        .set({ state: "done", status, body })
        .where("key", "=", key)
        .execute();
    },

    async releaseIdempotencyKey(key) {
      await db.deleteFrom("foyer_idempotency_keys").where("key", "=", key).execute();
    },
  };
  return translatingErrors(ops);
}

function createTx(trx: Transaction<FoyerDatabase>): StoreTx {
  const locks = translatingErrors({
    async lockTenant(id: string) {
      const row = await trx
        .selectFrom("foyer_tenants")
        .selectAll()
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      return row ? toTenant(row) : null;
    },
    async lockInvitation(id: string) {
      const row = await trx
        .selectFrom("foyer_invitations")
        .selectAll()
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      return row ? toInvitation(row) : null;
    },
    async claimDueEmails(now: Date, limit: number) {
      const rows = await trx
        .selectFrom("foyer_outbox")
        .selectAll()
        .where("status", "=", "queued")
        .where("next_attempt_at", "<=", now)
        .orderBy("next_attempt_at")
        .orderBy("id")
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      return rows.map(toOutbox);
    },
  });
  return { ...createOps(trx), ...locks, raw: trx };
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
  return {
    kind: options.kind,
    ...createOps(db),
    transaction: (fn) => db.transaction().execute((trx) => fn(createTx(trx))),
    async close() {
      if (options.ownsDb) await db.destroy();
    },
  };
}
