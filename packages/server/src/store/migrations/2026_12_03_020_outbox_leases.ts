import { type Migration, sql } from "kysely";

/**
 * R-EML-05: a cancelled status for emails that must never go out, a lease for the
 * dispatcher's claim (so a crashed instance's claim runs out), and attempts per invitation.
 */
export const migration: Migration = {
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
