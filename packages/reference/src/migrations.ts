import { type Kysely, type Migration, type MigrationResult, Migrator, sql } from "kysely";

// The reference app's own migrations, tracked apart from Foyer's (`ref_migrations` beside
// `foyer_migrations`) so either side can add migrations without touching the other.

const initial: Migration = {
  async up(db) {
    await sql`create table ref_users (
      id text collate "C" primary key,
      email text not null,
      first_name text not null,
      last_name text not null,
      password_hash text not null,
      tenant_id text collate "C" not null,
      role_id text collate "C" not null,
      active boolean not null default true,
      email_verified boolean not null default false,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create unique index ref_users_email_key on ref_users (lower(email))`.execute(db);
    await sql`create table ref_sessions (
      id_hash text primary key,
      user_id text collate "C" not null
        constraint ref_sessions_user_id_fkey references ref_users (id) on delete cascade,
      created_at timestamptz not null,
      expires_at timestamptz not null
    )`.execute(db);
    await sql`create index ref_sessions_user_idx on ref_sessions (user_id)`.execute(db);
  },
  async down(db) {
    await sql`drop table if exists ref_sessions`.execute(db);
    await sql`drop table if exists ref_users`.execute(db);
  },
};

const apiKeys: Migration = {
  async up(db) {
    await sql`create table ref_api_keys (
      id text collate "C" primary key,
      user_id text collate "C" not null
        constraint ref_api_keys_user_id_fkey references ref_users (id) on delete cascade,
      name text not null,
      prefix text not null,
      key_hash text not null constraint ref_api_keys_key_hash_key unique,
      created_at timestamptz not null,
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
    await sql`create index ref_api_keys_user_idx on ref_api_keys (user_id, created_at)`.execute(db);
  },
  async down(db) {
    await sql`drop table if exists ref_api_keys`.execute(db);
  },
};

const passwordOptional: Migration = {
  async up(db) {
    // Accounts created through an identity provider have no password (R-LNK-06).
    await sql`alter table ref_users alter column password_hash drop not null`.execute(db);
  },
  async down(db) {
    await sql`delete from ref_users where password_hash is null`.execute(db);
    await sql`alter table ref_users alter column password_hash set not null`.execute(db);
  },
};

const userIdentities: Migration = {
  async up(db) {
    // Who an identity-provider account is at its provider, so it can sign in there again.
    await sql`alter table ref_users add column identity_issuer text, add column identity_subject text`.execute(
      db,
    );
    await sql`create unique index ref_users_identity_key on ref_users (identity_issuer, identity_subject)
      where identity_issuer is not null`.execute(db);
  },
  async down(db) {
    await sql`drop index if exists ref_users_identity_key`.execute(db);
    await sql`alter table ref_users drop column identity_issuer, drop column identity_subject`.execute(
      db,
    );
  },
};

/** The reference app's migrations by name; names sort in the order they apply. */
export const REF_MIGRATIONS: Readonly<Record<string, Migration>> = {
  "2026_11_22_001_users_and_sessions": initial,
  "2026_12_03_040_api_keys": apiKeys,
  "2026_12_03_080_password_optional": passwordOptional,
  "2026_12_03_090_user_identities": userIdentities,
};

/**
 * Applies the reference app's pending migrations and answers the names it applied.
 * @example await migrateReference(db); // ["2026_11_22_001_users_and_sessions"] the first time
 */
export async function migrateReference<DB>(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...REF_MIGRATIONS }) },
    migrationTableName: "ref_migrations",
    migrationLockTableName: "ref_migrations_lock",
    // Each migration stands alone: one named before the last applied still applies.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result: MigrationResult) => result.status === "Error");
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Reference migration ${failed?.migrationName ?? "(before any migration ran)"} failed: ${reason}`,
      { cause: error },
    );
  }
  return (results ?? [])
    .filter((result) => result.status === "Success")
    .map((result) => result.migrationName);
}
