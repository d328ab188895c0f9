import { migrateToLatest } from "@foyer/server/pglite";
import { readEnvConfig } from "./config.ts";
import { openDatabase } from "./database.ts";
import { migrateReference } from "./migrations.ts";

// `pnpm migrate`: applies Foyer's and the reference app's migrations to DATABASE_URL (or the
// PGlite directory) and exits. Safe to run while instances are up: Kysely locks while it works.

const config = readEnvConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const foyer = await migrateToLatest(database.db);
  const reference = await migrateReference(database.db);
  const applied = [...foyer, ...reference];
  console.log(`Migrated ${database.location}`);
  console.log(
    applied.length > 0
      ? applied.map((name) => `  applied ${name}`).join("\n")
      : "  already up to date",
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
