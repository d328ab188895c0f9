import { emailKey } from "@foyer/core";
import { type Migration, sql } from "kysely";

/**
 * R-INV-04: members added before every path used core's `emailKey` were stored in trimmed
 * lower case, so `max@bücher.de` never matched an invitation to `max@xn--bcher-kva.de`.
 * Rewrites those addresses into the one form. There is no way back to the old spellings, and
 * nothing needs one: `down` leaves the rows as they are.
 */
export const migration: Migration = {
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
