import { Kysely, PostgresDialect } from "kysely";
import { migrateToLatest } from "./store/migrations.ts";
import type { FoyerDatabase } from "./store/schema.ts";

// The `foyer-migrate` command (R-SDK-04: migrations run automatically at start, or by
// command). It migrates the database the environment names and exits:
//   DATABASE_URL=postgres://… npx foyer-migrate         (PostgreSQL)
//   FOYER_DATA_DIR=./.foyer-data npx foyer-migrate      (a PGlite directory)
// The drivers are optional peers, so each is imported only when it is the one asked for.

const USAGE = `Usage: foyer-migrate
Applies Foyer's pending migrations and exits. Set one of:
  DATABASE_URL     a PostgreSQL URL (needs the pg package)
  FOYER_DATA_DIR   a PGlite directory, created if missing (needs @electric-sql/pglite)
Safe to run while instances are up: migrations take a lock.`;

/** Where to write what the command says; the console by default. */
export interface MigrateCliOutput {
  log(line: string): void;
  error(line: string): void;
}

async function open(
  env: NodeJS.ProcessEnv,
): Promise<{ db: Kysely<FoyerDatabase>; target: string } | null> {
  if (env.DATABASE_URL) {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 1 });
    const db = new Kysely<FoyerDatabase>({ dialect: new PostgresDialect({ pool }) });
    return { db, target: `PostgreSQL at ${new URL(env.DATABASE_URL).host}` };
  }
  if (env.FOYER_DATA_DIR) {
    const [{ PGlite }, { PGliteDialect }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("./store/pglite-dialect.ts"),
    ]);
    const pglite = await PGlite.create({ dataDir: env.FOYER_DATA_DIR });
    const db = new Kysely<FoyerDatabase>({
      dialect: new PGliteDialect({ pglite, closeOnDestroy: true }),
    });
    return { db, target: `PGlite in ${env.FOYER_DATA_DIR}` };
  }
  return null;
}

/**
 * Migrates the database named by the environment and answers the process exit code: 0 when
 * it is up to date (or for `--help`), 1 when a migration failed, 2 when nothing names a
 * database.
 */
export async function runMigrateCli(
  env: NodeJS.ProcessEnv = process.env,
  args: readonly string[] = [],
  output: MigrateCliOutput = console,
): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    output.log(USAGE);
    return 0;
  }
  const opened = await open(env);
  if (!opened) {
    output.error(USAGE);
    return 2;
  }
  const { db, target } = opened;
  try {
    const applied = await migrateToLatest(db);
    if (applied.length === 0) output.log(`${target}: already up to date.`);
    for (const name of applied) output.log(`${target}: applied ${name}`);
    return 0;
  } catch (error) {
    output.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await db.destroy();
  }
}
