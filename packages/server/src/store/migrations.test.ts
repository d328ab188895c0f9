import { PGlite } from "@electric-sql/pglite";
import { Kysely, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createFoyerMigrator, migrateToLatest } from "./migrations.ts";
import { PGliteDialect } from "./pglite-dialect.ts";
import type { FoyerDatabase } from "./schema.ts";

// Each test boots a fresh PGlite and runs every migration: seconds on an idle machine, far
// more on a loaded CI runner.
describe("migrations", { timeout: 120_000 }, () => {
  it("R-INV-04: members stored before the one address rule are rewritten into core's emailKey form", async () => {
    const db = new Kysely<FoyerDatabase>({
      dialect: new PGliteDialect({ pglite: await PGlite.create(), closeOnDestroy: true }),
    });
    try {
      const { error } = await createFoyerMigrator(db).migrateTo("2026_11_22_001_initial");
      expect(error).toBeUndefined();
      const at = new Date("2026-11-01T09:00:00Z");
      for (const [id, email] of [
        ["m1", "max@bücher.de"],
        ["m2", " Ana@Acme.COM"],
        ["m3", "kim@acme.com"],
        ["m4", "not an address"],
      ] as const) {
        await sql`insert into foyer_members (id, tenant_id, user_id, email, role_id, status, source, created_at)
          values (${id}, 'acme', ${id}, ${email}, 'client_user', 'active', 'manual', ${at})`.execute(
          db,
        );
      }
      expect(await migrateToLatest(db)).toContain("2026_12_03_050_member_email_keys");
      const rows = await db
        .selectFrom("foyer_members")
        .select(["id", "email"])
        .orderBy("id")
        .execute();
      expect(rows).toEqual([
        { id: "m1", email: "max@xn--bcher-kva.de" },
        { id: "m2", email: "ana@acme.com" },
        { id: "m3", email: "kim@acme.com" },
        { id: "m4", email: "not an address" },
      ]);
    } finally {
      await db.destroy();
    }
  });
  it("R-INV-17: tenants stored before the reminder lead time get the default of 48 hours", async () => {
    const db = new Kysely<FoyerDatabase>({
      dialect: new PGliteDialect({ pglite: await PGlite.create(), closeOnDestroy: true }),
    });
    try {
      const { error } = await createFoyerMigrator(db).migrateTo(
        "2026_12_03_050_owner_of_idempotency_keys",
      );
      expect(error).toBeUndefined();
      const before = {
        defaultExpiry: "7d",
        maxExpiry: "30d",
        reminderEnabled: true,
        requireEmailVerification: false,
        allowedDomains: [],
      };
      await sql`insert into foyer_tenants (id, parent_id, name, logo_url, accent_color, invite_base_url, sso_enabled, seat_limit, status, settings)
        values ('acme', null, 'Acme', null, null, null, false, null, 'active', ${JSON.stringify(before)}::jsonb)`.execute(
        db,
      );
      expect(await migrateToLatest(db)).toContain("2026_12_03_060_reminder_lead_time");
      const row = await db
        .selectFrom("foyer_tenants")
        .select("settings")
        .where("id", "=", "acme")
        .executeTakeFirstOrThrow();
      // Later migrations may add settings of their own.
      expect(row.settings).toMatchObject({ ...before, reminderLeadHours: 48 });
    } finally {
      await db.destroy();
    }
  });
});
