import { type Kysely, type Migration, type MigrationResult, Migrator } from "kysely";
import { migration as initial } from "./migrations/2026_11_22_001_initial.ts";
import { migration as inviteLinks } from "./migrations/2026_12_03_010_invite_links.ts";
import { migration as outboxLeases } from "./migrations/2026_12_03_020_outbox_leases.ts";
import { migration as outboxReferences } from "./migrations/2026_12_03_020_outbox_references.ts";
import { migration as invitationCounts } from "./migrations/2026_12_03_030_invitation_counts.ts";
import { migration as memberEmailKeys } from "./migrations/2026_12_03_050_member_email_keys.ts";
import { migration as idempotencyOwner } from "./migrations/2026_12_03_050_owner_of_idempotency_keys.ts";
import { migration as reminderLeadTime } from "./migrations/2026_12_03_060_reminder_lead_time.ts";
import { migration as emailTemplates } from "./migrations/2026_12_03_070_email_templates.ts";
import { migration as oidcFlows } from "./migrations/2026_12_03_080_oidc_flows.ts";
import { migration as oidcFlowPurpose } from "./migrations/2026_12_03_090_oidc_flow_purpose.ts";

// One migration set serves PGlite and PostgreSQL. Migrations are objects in code, one module
// each under `migrations/` registered below, so they bundle and run in any runtime. Never edit
// an applied migration: add the next one (`migrations/2026_12_04_010_….ts`, then its line in
// FOYER_MIGRATIONS), and the column's entry in the table's column map (`schema.ts`);
// `kysely/schema.test.ts` checks that the maps and the migrated tables agree.

/** Every migration, by name; names sort in the order they apply. */
export const FOYER_MIGRATIONS: Readonly<Record<string, Migration>> = {
  "2026_11_22_001_initial": initial,
  "2026_12_03_010_invite_links": inviteLinks,
  "2026_12_03_020_outbox_leases": outboxLeases,
  "2026_12_03_020_outbox_references": outboxReferences,
  "2026_12_03_030_invitation_counts": invitationCounts,
  "2026_12_03_050_member_email_keys": memberEmailKeys,
  "2026_12_03_050_owner_of_idempotency_keys": idempotencyOwner,
  "2026_12_03_060_reminder_lead_time": reminderLeadTime,
  "2026_12_03_070_email_templates": emailTemplates,
  "2026_12_03_080_oidc_flows": oidcFlows,
  "2026_12_03_090_oidc_flow_purpose": oidcFlowPurpose,
};

/** The migrator Foyer uses: in-code migrations and its own bookkeeping tables. */
export function createFoyerMigrator<DB>(db: Kysely<DB>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...FOYER_MIGRATIONS }) },
    migrationTableName: "foyer_migrations",
    migrationLockTableName: "foyer_migrations_lock",
    // Every migration stands alone, so one named before the last applied one (a database that
    // ran a pre-release build) still applies instead of refusing to start.
    allowUnorderedMigrations: true,
  });
}

/**
 * Applies every pending migration (R-SDK-04) and answers the names it applied. Safe to run
 * from several instances at once: Kysely holds a lock while migrating.
 * @example
 * const applied = await migrateToLatest(db); // ["2026_11_22_001_initial"] the first time
 */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  const { error, results } = await createFoyerMigrator(db).migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result: MigrationResult) => result.status === "Error");
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Foyer migration ${failed?.migrationName ?? "(before any migration ran)"} failed: ${reason}`,
      { cause: error },
    );
  }
  return (results ?? [])
    .filter((result) => result.status === "Success")
    .map((result) => result.migrationName);
}
