import { type Migration, sql } from "kysely";

/**
 * Tenant invite links (R-LNK-01..10) and email verification (R-LNK-09): one link row per
 * tenant holding only its current token's hash, the allowed domains unique per scope
 * (siblings of one MSP) so the database decides a race between two admins, and one
 * verification row per account.
 */
export const migration: Migration = {
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
