import { PGlite } from "@electric-sql/pglite";
import { Kysely, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createFoyerMigrator, migrateToLatest } from "./migrations.ts";
import { PGliteDialect } from "./pglite-dialect.ts";
import type { FoyerDatabase } from "./schema.ts";

// A fresh PGlite running every migration: seconds on an idle machine, far more on a loaded one.
describe("email settings migration", { timeout: 120_000 }, () => {
  it("R-EML-01: tenants stored before email languages get English and no inviter notice; the outbox takes the notice kind", async () => {
    const db = new Kysely<FoyerDatabase>({
      dialect: new PGliteDialect({ pglite: await PGlite.create(), closeOnDestroy: true }),
    });
    try {
      const { error } = await createFoyerMigrator(db).migrateTo(
        "2026_12_03_050_owner_of_idempotency_keys",
      );
      expect(error).toBeUndefined();
      const old = {
        defaultExpiry: "7d",
        maxExpiry: "30d",
        reminderEnabled: true,
        allowedDomains: [],
      };
      await sql`insert into foyer_tenants (id, parent_id, name, logo_url, accent_color, invite_base_url, sso_enabled, seat_limit, status, settings)
        values ('acme', null, 'Acme', null, null, null, false, null, 'active', ${JSON.stringify(old)}::jsonb),
               ('globex', null, 'Globex', null, null, null, false, null, 'active', ${JSON.stringify({ ...old, emailLocale: "de", notifyInviterOnAccept: true })}::jsonb)`.execute(
        db,
      );
      expect(await migrateToLatest(db)).toContain("2026_12_03_070_email_templates");
      const rows = await db
        .selectFrom("foyer_tenants")
        .select(["id", "settings"])
        .orderBy("id")
        .execute();
      expect(rows).toEqual([
        {
          id: "acme",
          settings: expect.objectContaining({
            ...old,
            emailLocale: "en",
            notifyInviterOnAccept: false,
          }),
        },
        {
          id: "globex",
          settings: expect.objectContaining({
            ...old,
            emailLocale: "de",
            notifyInviterOnAccept: true,
          }),
        },
      ]);
      const at = new Date("2026-11-01T09:00:00Z");
      await sql`insert into foyer_outbox (id, tenant_id, invitation_id, kind, "to", data, status, attempts, next_attempt_at, last_error, created_at, sent_at, lease_until)
        values ('e1', 'acme', null, 'inviter_notice', 'dana@acme.com', '{}'::jsonb, 'queued', 0, ${at}, null, ${at}, null, null)`.execute(
        db,
      );
      await expect(
        sql`insert into foyer_outbox (id, tenant_id, invitation_id, kind, "to", data, status, attempts, next_attempt_at, last_error, created_at, sent_at, lease_until)
          values ('e2', 'acme', null, 'newsletter', 'dana@acme.com', '{}'::jsonb, 'queued', 0, ${at}, null, ${at}, null, null)`.execute(
          db,
        ),
      ).rejects.toThrow(/foyer_outbox_kind_check/);
    } finally {
      await db.destroy();
    }
  });
});
