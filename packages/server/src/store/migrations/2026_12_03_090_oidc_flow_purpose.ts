import { type Migration, sql } from "kysely";

/**
 * Identity-provider flows serve per-email invitations too ("Accept with Microsoft"): each
 * flow says what it completes (`join` through an invite link, `accept` of an invitation),
 * and `token_hash` holds the hash of that link's or that invitation's token (it was
 * `link_token_hash`). Flows in flight were all joins, which the default keeps them.
 */
export const migration: Migration = {
  async up(db) {
    await sql`alter table foyer_oidc_flows rename column link_token_hash to token_hash`.execute(db);
    await sql`alter table foyer_oidc_flows
      add column purpose text not null default 'join'
        constraint foyer_oidc_flows_purpose_check check (purpose in ('join', 'accept'))`.execute(
      db,
    );
  },
  async down(db) {
    await sql`delete from foyer_oidc_flows where purpose <> 'join'`.execute(db);
    await sql`alter table foyer_oidc_flows drop column purpose`.execute(db);
    await sql`alter table foyer_oidc_flows rename column token_hash to link_token_hash`.execute(db);
  },
};
