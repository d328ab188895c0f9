import { PGlite } from "@electric-sql/pglite";
import { type Dialect, PostgresDialect } from "kysely";
import pg from "pg";
import { foyerPoolConfig } from "../../src/store/pg-pool.ts";
import { PGliteDialect } from "../../src/store/pglite-dialect.ts";
import { postgresLocation } from "./targets.ts";

// The databases `pnpm bench:peers` runs Foyer and its peer on, side by side.

export interface Engine {
  name: "postgres" | "pglite";
  /** A new dialect on the same database (destroying it leaves the database alone). */
  dialect(): Dialect;
  /** The same, made as Foyer's own store makes its pool (`createPostgresStore`'s type parsers). */
  foyerDialect(): Dialect;
  url: string | null;
  /** Runs SQL text (several statements, no parameters) inside the database. */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}

/** A fresh PostgreSQL database on the server of `adminUrl` (see `postgresLocation`). */
export async function postgresEngine(
  adminUrl: string,
  log: (message: string) => void,
): Promise<Engine> {
  const location = await postgresLocation(adminUrl);
  log(`[postgres] database ${location.created ?? "(FOYER_BENCH_DATABASE_URL)"}`);
  const side = new pg.Pool({ connectionString: location.url, max: 1 });
  return {
    name: "postgres",
    url: location.url,
    dialect: () =>
      new PostgresDialect({ pool: new pg.Pool({ connectionString: location.url, max: 10 }) }),
    foyerDialect: () =>
      new PostgresDialect({
        pool: new pg.Pool({ connectionString: location.url, max: 10, ...foyerPoolConfig(true) }),
      }),
    async exec(text) {
      await side.query(text);
    },
    async close() {
      await side.end();
      await location.drop();
    },
  };
}

/** PGlite in memory. */
export async function pgliteEngine(): Promise<Engine> {
  const pglite = await PGlite.create();
  return {
    name: "pglite",
    url: null,
    dialect: () => new PGliteDialect({ pglite, closeOnDestroy: false }),
    foyerDialect: () => new PGliteDialect({ pglite, closeOnDestroy: false }),
    async exec(text) {
      await pglite.exec(text);
    },
    close: () => pglite.close(),
  };
}
