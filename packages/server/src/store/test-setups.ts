import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { createPostgresStore } from "../pg.ts";
import type { StoreHarness } from "./conformance/describe-store-conformance.ts";
import { createKyselyStore } from "./kysely/kysely-store.ts";
import { createMemoryStore } from "./memory/memory-store.ts";
import { foyerPoolConfig } from "./pg-pool.ts";
import { PGliteDialect } from "./pglite-dialect.ts";
import { FOYER_TABLES, type FoyerDatabase } from "./schema.ts";

// Harnesses for the store test files, shared with the service-level suites that run in the
// same files. Each setup function may be called by several suites of one file: the SQL ones
// open one database per file and close it when the last suite closes.

/** Empties every Foyer table in one statement. */
async function truncateAll(db: Kysely<FoyerDatabase>): Promise<void> {
  await sql`truncate table ${sql.join(FOYER_TABLES.map((table) => sql.table(table)))}`.execute(db);
}

/** Shares one opened resource among every suite of a file, closing it after the last. */
function shared(open: () => Promise<StoreHarness>): () => Promise<StoreHarness> {
  let opened: Promise<StoreHarness> | undefined;
  let users = 0;
  return async () => {
    opened ??= open();
    const harness = await opened;
    users += 1;
    return {
      get store() {
        return harness.store;
      },
      reset: () => harness.reset(),
      async close() {
        users -= 1;
        if (users === 0) {
          opened = undefined;
          await harness.close();
        }
      },
    };
  };
}

/** A harness over a new memory store; `reset` replaces the store. */
export async function memoryStoreSetup(): Promise<StoreHarness> {
  const harness: StoreHarness = {
    store: createMemoryStore(),
    async reset() {
      harness.store = createMemoryStore();
    },
    async close() {},
  };
  return harness;
}

/**
 * One in-memory PGlite instance per test file (a start costs over a second); `reset`
 * truncates every Foyer table.
 */
export const pgliteStoreSetup = shared(async () => {
  const pglite = await PGlite.create();
  const db = new Kysely<FoyerDatabase>({
    dialect: new PGliteDialect({ pglite, closeOnDestroy: true }),
  });
  const store = await createKyselyStore({ db, kind: "pglite", ownsDb: true });
  return { store, reset: () => truncateAll(db), close: () => store.close() };
});

/** The database URL for PostgreSQL tests, or undefined (they are then skipped). */
export const postgresTestUrl: string | undefined = process.env.FOYER_TEST_DATABASE_URL || undefined;

/** A harness over the PostgreSQL database at FOYER_TEST_DATABASE_URL; `reset` truncates. */
export const postgresStoreSetup = shared(async () => {
  if (!postgresTestUrl) throw new Error("FOYER_TEST_DATABASE_URL is not set");
  // Foyer's own pool settings, so the suites run the store's statements prepared, as
  // `createPostgresStore` does in production.
  const pool = new pg.Pool({ connectionString: postgresTestUrl, max: 6, ...foyerPoolConfig(true) });
  const store = await createPostgresStore({ pool });
  const db = new Kysely<FoyerDatabase>({ dialect: new PostgresDialect({ pool }) });
  return {
    store,
    reset: () => truncateAll(db),
    async close() {
      await store.close();
      await db.destroy();
    },
  };
});
