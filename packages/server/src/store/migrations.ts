import { emailKey } from "@foyer/core";
import { type Kysely, type Migration, type MigrationResult, Migrator, sql } from "kysely";
import { FOYER_TABLES } from "./schema.ts";

// One migration set serves PGlite and PostgreSQL. Migrations are objects in code, not files,
// so they bundle and run in any runtime. Never edit an applied migration: add the next one
// (`2026_11_22_002_…`), and the column's entry in the table's column map (`schema.ts`);
// `kysely/schema.test.ts` checks that the maps and the migrated tables agree.

/** Ids are compared bytewise (collate "C") so keyset order matches the memory store's. */
const initial: Migration = {
  async up(db) {
    const statements = [
      sql`create table foyer_tenants (
        id text collate "C" primary key,
        parent_id text collate "C" null
          constraint foyer_tenants_parent_id_fkey references foyer_tenants (id),
        name text not null,
        logo_url text null,
        accent_color text null,
        invite_base_url text null,
        sso_enabled boolean not null default false,
        seat_limit integer null,
        status text not null constraint foyer_tenants_status_check
          check (status in ('active', 'cancelled')),
        settings jsonb not null
      )`,
      sql`create index foyer_tenants_parent_idx on foyer_tenants (parent_id)`,
      sql`create table foyer_roles (
        id text collate "C" primary key,
        name text not null,
        description text null,
        rank integer not null,
        permissions jsonb not null,
        msp_staff boolean not null default false,
        tenant_id text collate "C" null
      )`,
      sql`create table foyer_members (
        id text collate "C" constraint foyer_members_pkey primary key,
        tenant_id text collate "C" not null,
        user_id text collate "C" not null,
        email text not null,
        role_id text collate "C" not null,
        status text not null constraint foyer_members_status_check
          check (status in ('active', 'inactive')),
        source text not null,
        created_at timestamptz not null,
        constraint foyer_members_tenant_user_key unique (tenant_id, user_id)
      )`,
      sql`create index foyer_members_email_idx on foyer_members (lower(email))`,
      sql`create table foyer_invitations (
        id text collate "C" constraint foyer_invitations_pkey primary key,
        tenant_id text collate "C" not null,
        email text not null,
        name text null,
        role_id text collate "C" not null,
        department text null,
        teams jsonb not null default '[]',
        message text null,
        status text not null constraint foyer_invitations_status_check
          check (status in ('pending', 'accepted', 'expired', 'revoked')),
        invited_by_id text null,
        invited_by_email text null,
        invited_by_name text null,
        created_at timestamptz not null,
        sent_at timestamptz not null,
        expires_at timestamptz not null,
        accepted_at timestamptz null,
        accepted_user_id text null,
        revoked_at timestamptz null,
        revoked_by_id text null,
        revoked_by_email text null,
        revoked_by_name text null,
        resend_count integer not null default 0,
        delivery_status text not null constraint foyer_invitations_delivery_status_check
          check (delivery_status in ('none', 'queued', 'sent', 'failed')),
        delivery_error text null,
        delivery_updated_at timestamptz null,
        reminder_sent_at timestamptz null,
        expired_recorded_at timestamptz null
      )`,
      // R-INV-03: one pending invitation per (tenant, address), decided by the database.
      sql`create unique index foyer_invitations_pending_email_key
        on foyer_invitations (tenant_id, lower(email)) where status = 'pending'`,
      // Keyset pagination (R-INV-09): one index per sort column, and one per sort column
      // behind the stored status for the accepted / revoked / pending filters.
      sql`create index foyer_invitations_sent_idx
        on foyer_invitations (tenant_id, sent_at desc, id desc)`,
      sql`create index foyer_invitations_expires_idx
        on foyer_invitations (tenant_id, expires_at, id)`,
      sql`create index foyer_invitations_status_sent_idx
        on foyer_invitations (tenant_id, status, sent_at desc, id desc)`,
      sql`create index foyer_invitations_status_expires_idx
        on foyer_invitations (tenant_id, status, expires_at, id)`,
      // findUnrecordedExpired: the expiry sweep reads only what it still has to record.
      sql`create index foyer_invitations_unrecorded_expiry_idx
        on foyer_invitations (expires_at, id)
        where status = 'pending' and expired_recorded_at is null`,
      sql`create table foyer_invitation_tokens (
        hash text collate "C" constraint foyer_invitation_tokens_pkey primary key,
        invitation_id text collate "C" not null
          constraint foyer_invitation_tokens_invitation_id_fkey
          references foyer_invitations (id),
        created_at timestamptz not null,
        superseded_at timestamptz null
      )`,
      sql`create index foyer_invitation_tokens_invitation_idx
        on foyer_invitation_tokens (invitation_id)`,
      sql`create table foyer_outbox (
        id text collate "C" constraint foyer_outbox_pkey primary key,
        tenant_id text collate "C" not null,
        invitation_id text collate "C" null,
        kind text not null constraint foyer_outbox_kind_check
          check (kind in ('invitation', 'reminder')),
        "to" text not null,
        subject text not null,
        html text not null,
        text text not null,
        status text not null constraint foyer_outbox_status_check
          check (status in ('queued', 'sent', 'failed')),
        attempts integer not null default 0,
        next_attempt_at timestamptz not null,
        last_error text null,
        created_at timestamptz not null,
        sent_at timestamptz null
      )`,
      sql`create index foyer_outbox_due_idx on foyer_outbox (status, next_attempt_at)`,
      sql`create index foyer_outbox_invitation_idx on foyer_outbox (invitation_id)`,
      sql`create table foyer_audit_events (
        id text collate "C" constraint foyer_audit_events_pkey primary key,
        tenant_id text collate "C" not null,
        invitation_id text collate "C" null,
        action text not null,
        source text not null,
        actor_id text null,
        actor_email text null,
        actor_name text null,
        subject_email text null,
        at timestamptz not null,
        data jsonb not null default '{}'
      )`,
      sql`create index foyer_audit_events_tenant_idx
        on foyer_audit_events (tenant_id, at desc, id desc)`,
      sql`create index foyer_audit_events_invitation_idx
        on foyer_audit_events (invitation_id, at desc, id desc)`,
      sql`create table foyer_idempotency_keys (
        key text collate "C" constraint foyer_idempotency_keys_pkey primary key,
        request_hash text not null,
        state text not null constraint foyer_idempotency_keys_state_check
          check (state in ('in_progress', 'done')),
        status integer null,
        body text null,
        created_at timestamptz not null
      )`,
    ];
    for (const statement of statements) await statement.execute(db);
  },
  async down(db) {
    // Drops every Foyer table, children first: the tables this migration created (a later
    // migration's own tables are gone before this runs, and `if exists` skips them).
    for (const table of FOYER_TABLES) {
      await sql`drop table if exists ${sql.table(table)}`.execute(db);
    }
  },
};

/**
 * Tenant invite links (R-LNK-01..10) and email verification (R-LNK-09): one link row per
 * tenant holding only its current token's hash, the allowed domains unique per scope
 * (siblings of one MSP) so the database decides a race between two admins, and one
 * verification row per account.
 */
const inviteLinks: Migration = {
  async up(db) {
    const statements = [
      sql`create table foyer_invite_links (
        tenant_id text collate "C" constraint foyer_invite_links_pkey primary key
          constraint foyer_invite_links_tenant_id_fkey references foyer_tenants (id),
        link_id text collate "C" not null,
        enabled boolean not null,
        role_id text collate "C" null,
        allowed_domains jsonb not null default '[]',
        expires_at timestamptz null,
        max_joins integer null constraint foyer_invite_links_max_joins_check
          check (max_joins is null or max_joins > 0),
        generation integer not null,
        token_kid text not null,
        token_hash text collate "C" not null
          constraint foyer_invite_links_token_hash_key unique,
        join_count integer not null default 0,
        generation_join_count integer not null default 0,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        regenerated_at timestamptz null,
        updated_by_id text null,
        updated_by_email text null,
        updated_by_name text null
      )`,
      sql`create table foyer_invite_link_domains (
        scope text collate "C" not null,
        domain text collate "C" not null,
        tenant_id text collate "C" not null
          constraint foyer_invite_link_domains_tenant_id_fkey references foyer_tenants (id),
        constraint foyer_invite_link_domains_pkey primary key (scope, domain)
      )`,
      sql`create index foyer_invite_link_domains_tenant_idx
        on foyer_invite_link_domains (tenant_id)`,
      sql`create table foyer_email_verifications (
        id text collate "C" constraint foyer_email_verifications_pkey primary key,
        user_id text collate "C" not null
          constraint foyer_email_verifications_user_key unique,
        tenant_id text collate "C" not null,
        email text not null,
        source text not null,
        generation integer not null,
        token_kid text not null,
        token_hash text collate "C" not null
          constraint foyer_email_verifications_token_hash_key unique,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        last_sent_at timestamptz not null,
        send_count integer not null,
        verified_at timestamptz null
      )`,
      sql`create index foyer_email_verifications_pending_email_idx
        on foyer_email_verifications (lower(email)) where verified_at is null`,
      // Verification emails go through the same outbox as invitations (R-EML-02).
      sql`alter table foyer_outbox drop constraint foyer_outbox_kind_check`,
      sql`alter table foyer_outbox add constraint foyer_outbox_kind_check
        check (kind in ('invitation', 'reminder', 'verification'))`,
    ];
    for (const statement of statements) await statement.execute(db);
  },
  async down(db) {
    await sql`delete from foyer_outbox where kind = 'verification'`.execute(db);
    await sql`alter table foyer_outbox drop constraint foyer_outbox_kind_check`.execute(db);
    await sql`alter table foyer_outbox add constraint foyer_outbox_kind_check
      check (kind in ('invitation', 'reminder'))`.execute(db);
    for (const table of [
      "foyer_email_verifications",
      "foyer_invite_link_domains",
      "foyer_invite_links",
    ]) {
      await sql`drop table if exists ${sql.table(table)}`.execute(db);
    }
  },
};

/**
 * R-INV-09: tab counts from counters, not from a count over every row. One row per
 * (tenant, stored status), changed in the same transaction as every insert and status
 * change (see `kysely/invitation-counts.ts`); filled here from the rows already stored, in
 * the migration's own transaction, so an existing database starts with exact counters.
 */
const invitationCounts: Migration = {
  async up(db) {
    await sql`create table foyer_invitation_counts (
      tenant_id text collate "C" not null,
      status text not null,
      total integer not null,
      constraint foyer_invitation_counts_pkey primary key (tenant_id, status)
    )`.execute(db);
    // Writers wait while the rows are counted, so no insert slips between count and table.
    await sql`lock table foyer_invitations in share row exclusive mode`.execute(db);
    await sql`insert into foyer_invitation_counts (tenant_id, status, total)
      select tenant_id, status, count(*) from foyer_invitations group by tenant_id, status`.execute(
      db,
    );
  },
  async down(db) {
    await sql`drop table if exists foyer_invitation_counts`.execute(db);
  },
};

/**
 * R-EML-05: a cancelled status for emails that must never go out, a lease for the
 * dispatcher's claim (so a crashed instance's claim runs out), and attempts per invitation.
 */
const outboxLeases: Migration = {
  async up(db) {
    const statements = [
      sql`alter table foyer_outbox drop constraint foyer_outbox_status_check`,
      sql`alter table foyer_outbox add constraint foyer_outbox_status_check
        check (status in ('queued', 'sent', 'failed', 'cancelled'))`,
      sql`alter table foyer_outbox add column lease_until timestamptz null`,
      // The claim reads only what is still queued, in due order.
      sql`drop index foyer_outbox_due_idx`,
      sql`create index foyer_outbox_due_idx on foyer_outbox (next_attempt_at, id)
        where status = 'queued'`,
      sql`alter table foyer_invitations
        drop constraint foyer_invitations_delivery_status_check`,
      sql`alter table foyer_invitations add constraint foyer_invitations_delivery_status_check
        check (delivery_status in ('none', 'queued', 'sent', 'failed', 'cancelled'))`,
      sql`alter table foyer_invitations
        add column delivery_attempts integer not null default 0`,
      sql`alter table foyer_invitations add column delivery_last_attempt_at timestamptz null`,
    ];
    for (const statement of statements) await statement.execute(db);
  },
};

/**
 * R-EML-04: no usable token at rest. The outbox keeps a reference (invitation, kind,
 * template data) instead of rendered mail with the link in it; invitations keep the key id
 * and generation their token is derived from, so the dispatcher recomputes it at send time.
 * Emails still queued from before get their invitation a derived token when they are sent.
 */
const outboxReferences: Migration = {
  async up(db) {
    const statements = [
      sql`alter table foyer_invitations add column token_kid text null`,
      sql`alter table foyer_invitations
        add column token_generation integer not null default 0`,
      sql`alter table foyer_outbox add column data jsonb not null default '{}'`,
      sql`alter table foyer_outbox drop column subject`,
      sql`alter table foyer_outbox drop column html`,
      sql`alter table foyer_outbox drop column text`,
    ];
    for (const statement of statements) await statement.execute(db);
  },
};

/**
 * R-INV-04: members added before every path used core's `emailKey` were stored in trimmed
 * lower case, so `max@bücher.de` never matched an invitation to `max@xn--bcher-kva.de`.
 * Rewrites those addresses into the one form. There is no way back to the old spellings, and
 * nothing needs one: `down` leaves the rows as they are.
 */
const memberEmailKeys: Migration = {
  async up(db) {
    const { rows } = await sql<{ id: string; email: string }>`
      select id, email from foyer_members
      where email <> lower(btrim(email)) or octet_length(email) <> char_length(email)
    `.execute(db);
    for (const row of rows) {
      const key = emailKey(row.email);
      if (key !== row.email) {
        await sql`update foyer_members set email = ${key} where id = ${row.id}`.execute(db);
      }
    }
  },
  async down() {},
};

/** Every migration, by name; names sort in the order they apply. */
export const FOYER_MIGRATIONS: Readonly<Record<string, Migration>> = {
  "2026_11_22_001_initial": initial,
  "2026_12_03_010_invite_links": inviteLinks,
  "2026_12_03_020_outbox_leases": outboxLeases,
  "2026_12_03_020_outbox_references": outboxReferences,
  "2026_12_03_030_invitation_counts": invitationCounts,
  "2026_12_03_050_member_email_keys": memberEmailKeys,
};

/** The migrator Foyer uses: in-code migrations and its own bookkeeping tables. */
export function createFoyerMigrator<DB>(db: Kysely<DB>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...FOYER_MIGRATIONS }) },
    migrationTableName: "foyer_migrations",
    migrationLockTableName: "foyer_migrations_lock",
  });
}

/**
 * Applies every pending migration (R-SDK-04) and answers the names it applied. Safe to run
 * from several instances at once: Kysely holds a lock while migrating.
 * @example
 * const applied = await migrateToLatest(db); // ["2026_11_22_001_initial"] the first time
 */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  const { error, results } = await createFoyerMigrator(db).migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result: MigrationResult) => result.status === "Error");
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Foyer migration ${failed?.migrationName ?? "(before any migration ran)"} failed: ${reason}`,
      { cause: error },
    );
  }
  return (results ?? [])
    .filter((result) => result.status === "Success")
    .map((result) => result.migrationName);
}
