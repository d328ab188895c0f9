import { type Migration, sql } from "kysely";

/**
 * R-INV-09: tab counts from counters, not from a count over every row. One row per
 * (tenant, stored status), changed in the same transaction as every insert and status
 * change (see `kysely/invitation-counts.ts`); filled here from the rows already stored, in
 * the migration's own transaction, so an existing database starts with exact counters.
 */
export const migration: Migration = {
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
