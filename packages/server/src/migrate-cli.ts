import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { migrateToLatest } from "./store/migrations.ts";
import { PGliteDialect } from "./store/pglite-dialect.ts";
import type { FoyerDatabase } from "./store/schema.ts";

// R-SDK-04: migrations run automatically at start, or by command:
//   DATABASE_URL=postgres://… node --conditions=@foyer/source --import tsx packages/server/src/migrate-cli.ts
//   FOYER_DATA_DIR=./.foyer-data node --conditions=@foyer/source --import tsx packages/server/src/migrate-cli.ts

/** Migrates the database named by the environment and answers the process exit code. */
export async function runMigrateCli(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const url = env.DATABASE_URL;
  const dataDir = env.FOYER_DATA_DIR;
  let db: Kysely<FoyerDatabase>;
  let target: string;
  if (url) {
    db = new Kysely({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
    });
    target = `PostgreSQL at ${new URL(url).host}`;
  } else if (dataDir) {
    const pglite = await PGlite.create({ dataDir });
    db = new Kysely({ dialect: new PGliteDialect({ pglite, closeOnDestroy: true }) });
    target = `PGlite in ${dataDir}`;
  } else {
    console.error("Set DATABASE_URL (PostgreSQL) or FOYER_DATA_DIR (PGlite directory) to migrate.");
    return 2;
  }
  try {
    const applied = await migrateToLatest(db);
    if (applied.length === 0) console.log(`${target}: already up to date.`);
    for (const name of applied) console.log(`${target}: applied ${name}`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await db.destroy();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runMigrateCli();
}
