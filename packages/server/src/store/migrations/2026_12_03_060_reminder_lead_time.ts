import { type Migration, sql } from "kysely";

/**
 * R-INV-17: reminders get a lead time per tenant (`settings.reminderLeadHours`). Tenants
 * stored before it get the default of 48 hours, and the reminder sweep reads only the
 * invitations that may still need one, per tenant by expiry.
 */
export const migration: Migration = {
  async up(db) {
    await sql`update foyer_tenants
      set settings = settings || '{"reminderLeadHours": 48}'::jsonb
      where not settings ? 'reminderLeadHours'`.execute(db);
    await sql`create index foyer_invitations_reminder_idx
      on foyer_invitations (tenant_id, expires_at, id)
      where status = 'pending' and reminder_sent_at is null and delivery_status = 'sent'`.execute(
      db,
    );
  },
  async down(db) {
    await sql`drop index foyer_invitations_reminder_idx`.execute(db);
    await sql`update foyer_tenants set settings = settings - 'reminderLeadHours'`.execute(db);
  },
};
