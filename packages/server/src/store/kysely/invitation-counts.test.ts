import { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedIds, FILTERS, listDataset, NOW } from "../conformance/fixtures.ts";
import { createFoyerMigrator, FOYER_MIGRATIONS } from "../migrations.ts";
import { PGliteDialect } from "../pglite-dialect.ts";
import type { FoyerDatabase } from "../schema.ts";
import { createKyselyStore } from "./kysely-store.ts";
import { insertRows } from "./sql.ts";
import { invitations } from "./tables.ts";

// The counters' migration fills them from the invitations a database already holds.

describe("invitation counters migration", () => {
  let db: Kysely<FoyerDatabase>;

  beforeAll(async () => {
    db = new Kysely({
      dialect: new PGliteDialect({ pglite: await PGlite.create(), closeOnDestroy: true }),
    });
  });
  afterAll(() => db.destroy());

  it("R-INV-09: migrating a database that already holds invitations starts the counters at their full count", async () => {
    const migrator = createFoyerMigrator(db);
    // Every migration before the counters', so the rows below have the columns of that day.
    const names = Object.keys(FOYER_MIGRATIONS).sort();
    const before = names[names.indexOf("2026_12_03_030_invitation_counts") - 1];
    const initial = await migrator.migrateTo(before ?? "2026_11_22_001_initial");
    expect(initial.error).toBeUndefined();
    // Rows written by a Foyer from before the counters: straight into the table.
    const rows = listDataset("ten_old_a", "ten_old_b");
    await insertRows(db, "foyer_invitations", invitations, rows);

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
