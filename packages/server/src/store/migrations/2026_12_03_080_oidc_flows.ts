import { type Migration, sql } from "kysely";

/**
 * Sign-ups with an identity provider in flight (R-LNK-06): one row per started flow, keyed by
 * the hash of its OpenID Connect `state`, deleted when its callback takes it, so a state works
 * once. No usable secret is stored: the PKCE verifier and the nonce are derived from the
 * state's hash and the server secret (`token_kid` names the key).
 */
export const migration: Migration = {
  async up(db) {
    await sql`create table foyer_oidc_flows (
      state_hash text collate "C" constraint foyer_oidc_flows_pkey primary key,
      provider_id text not null,
      tenant_id text collate "C" not null
        constraint foyer_oidc_flows_tenant_id_fkey references foyer_tenants (id),
      link_token_hash text collate "C" not null,
      token_kid text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null
    )`.execute(db);
    await sql`create index foyer_oidc_flows_expires_idx on foyer_oidc_flows (expires_at)`.execute(
      db,
    );
  },
  async down(db) {
    await sql`drop table if exists foyer_oidc_flows`.execute(db);
  },
};
