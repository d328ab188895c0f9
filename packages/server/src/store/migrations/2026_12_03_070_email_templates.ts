import { type Migration, sql } from "kysely";

/**
 * R-EML-01: tenants choose the language of their emails (`settings.emailLocale`) and whether
 * inviters hear when their invitation is accepted (`settings.notifyInviterOnAccept`); tenants
 * stored before get English and no notices. That notice goes through the outbox like every
 * email, as the kind `inviter_notice`.
 */
export const migration: Migration = {
  async up(db) {
    await sql`update foyer_tenants
      set settings = '{"emailLocale": "en", "notifyInviterOnAccept": false}'::jsonb || settings
      where not (settings ? 'emailLocale' and settings ? 'notifyInviterOnAccept')`.execute(db);
    await sql`alter table foyer_outbox drop constraint foyer_outbox_kind_check`.execute(db);
    await sql`alter table foyer_outbox add constraint foyer_outbox_kind_check
      check (kind in ('invitation', 'reminder', 'verification', 'inviter_notice'))`.execute(db);
  },
  async down(db) {
    await sql`delete from foyer_outbox where kind = 'inviter_notice'`.execute(db);
    await sql`alter table foyer_outbox drop constraint foyer_outbox_kind_check`.execute(db);
    await sql`alter table foyer_outbox add constraint foyer_outbox_kind_check
      check (kind in ('invitation', 'reminder', 'verification'))`.execute(db);
    await sql`update foyer_tenants
      set settings = settings - 'emailLocale' - 'notifyInviterOnAccept'`.execute(db);
  },
};
