import { type Migration, sql } from "kysely";
import { FOYER_TABLES } from "../schema.ts";

/** Ids are compared bytewise (collate "C") so keyset order matches the memory store's. */
export const migration: Migration = {
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
