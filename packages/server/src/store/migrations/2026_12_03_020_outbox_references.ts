import { type Migration, sql } from "kysely";

/**
 * R-EML-04: no usable token at rest. The outbox keeps a reference (invitation, kind,
 * template data) instead of rendered mail with the link in it; invitations keep the key id
 * and generation their token is derived from, so the dispatcher recomputes it at send time.
 * Emails still queued from before get their invitation a derived token when they are sent.
 */
export const migration: Migration = {
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
