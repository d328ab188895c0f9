import { PGlite } from "@electric-sql/pglite";
import { Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedIds, FILTERS, listDataset, NOW } from "../conformance/fixtures.ts";
import { createFoyerMigrator, FOYER_MIGRATIONS } from "../migrations.ts";
import { PGliteDialect } from "../pglite-dialect.ts";
import type { FoyerDatabase } from "../schema.ts";
import { createKyselyStore } from "./kysely-store.ts";

// The counters' migration fills them from the invitations a database already holds.

const COUNTERS_MIGRATION = "2026_12_03_030_invitation_counts";

describe("invitation counters migration", () => {
  let db: Kysely<FoyerDatabase>;

  beforeAll(async () => {
    db = new Kysely({
      dialect: new PGliteDialect({ pglite: await PGlite.create(), closeOnDestroy: true }),
    });
  });
  afterAll(() => db.destroy());

  it("R-INV-09: migrating a database that already holds invitations starts the counters at their full count", async () => {
    // The database as it was just before the counters' migration.
    const names = Object.keys(FOYER_MIGRATIONS).sort();
    const before = names[names.indexOf(COUNTERS_MIGRATION) - 1];
    expect(before).toBeDefined();
    const migrated = await createFoyerMigrator(db).migrateTo(before!);
    expect(migrated.error).toBeUndefined();
    // Rows written by a Foyer from before the counters, straight into the table, in the
    // columns the first migration made (later migrations may add others with defaults).
    const rows = listDataset("ten_old_a", "ten_old_b");
    const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
    await sql`insert into foyer_invitations
      (id, tenant_id, email, role_id, status, created_at, sent_at, expires_at, delivery_status)
      select * from unnest(
        cast(${column((r) => r.id)} as text[]), cast(${column((r) => r.tenantId)} as text[]),
        cast(${column((r) => r.email)} as text[]), cast(${column((r) => r.roleId)} as text[]),
        cast(${column((r) => r.status)} as text[]),
        cast(${column((r) => r.createdAt)} as timestamptz[]),
        cast(${column((r) => r.sentAt)} as timestamptz[]),
        cast(${column((r) => r.expiresAt)} as timestamptz[]),
        cast(${column((r) => r.deliveryStatus)} as text[]))`.execute(db);

    const store = await createKyselyStore({ db, kind: "pglite" });
    for (const tenantIds of [["ten_old_a"], ["ten_old_b"], ["ten_old_a", "ten_old_b"]]) {
      const scoped = rows.filter((row) => tenantIds.includes(row.tenantId));
      expect(await store.countInvitations(tenantIds, undefined, NOW), tenantIds.join()).toEqual(
        Object.fromEntries(
          FILTERS.map((filter) => [
            filter,
            expectedIds(scoped, { filter, sort: "sentAt", order: "asc" }).length,
          ]),
        ),
      );
    }
    expect(await store.countInvitations(["ten_old_a"], undefined, NOW)).toMatchObject({
      all: 32,
      pending: 10,
    });
  });
});
