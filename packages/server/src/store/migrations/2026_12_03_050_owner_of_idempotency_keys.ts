import { type Migration, sql } from "kysely";

/**
 * R-SDK-07: who holds an in-progress Idempotency-Key, so another instance can tell a key whose
 * request died with its process (reclaimed at once) from one still running. Keys claimed
 * before this column existed have no owner and count as abandoned.
 */
export const migration: Migration = {
  async up(db) {
    await sql`alter table foyer_idempotency_keys add column owner text null`.execute(db);
  },
  async down(db) {
    await sql`alter table foyer_idempotency_keys drop column if exists owner`.execute(db);
  },
};
