import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { type FoyerDatabase, PGliteDialect } from "@foyer/server/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { RefTables } from "./schema.ts";

/** Foyer's tables and the reference app's, in one database. */
export type ReferenceDatabase = FoyerDatabase & RefTables;

/** Where the reference app keeps its data. */
export interface DatabaseOptions {
  /** A `postgres://` URL; wins over `dataDir` and `inMemory`. */
  databaseUrl?: string | undefined;
  /** PGlite directory (created when missing). */
  dataDir?: string | undefined;
  /** An in-memory PGlite database, lost on close (tests). */
  inMemory?: boolean | undefined;
}

/** An open database: one Kysely instance that Foyer's store and the app share. */
export interface OpenDatabase {
  db: Kysely<ReferenceDatabase>;
  kind: "pglite" | "postgres";
  /** The pg pool behind `db` when `kind` is `postgres` (shared rate limits use it). */
  pool: pg.Pool | null;
  /** A readable description of where the data lives, for start-up output. */
  location: string;
  close(): Promise<void>;
}

const INT8_OID = 20;

/**
 * Opens the database: PostgreSQL when a URL is given, otherwise PGlite in a directory or in
 * memory. One Kysely instance serves both Foyer and the app, so the account created on accept
 * is written in Foyer's transaction (R-INV-12).
 */
export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      // count(*) answers int8; read it as a number on this pool only (as Foyer's own pools do).
      types: {
        getTypeParser: ((oid: number, format?: "text" | "binary") =>
          oid === INT8_OID && format !== "binary"
            ? (value: string) => Number(value)
            : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client losing its connection (a database restart, or a test dropping its
    // database while the pool winds down) emits 'error' on the pool; unhandled, that would
    // crash the process. The next query reconnects.
    pool.on("error", (error) => {
      console.error(
        JSON.stringify({ level: "error", message: "pg pool error", error: error.message }),
      );
    });
    const db = new Kysely<ReferenceDatabase>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: "postgres",
      pool,
      location: `PostgreSQL ${redactUrl(options.databaseUrl)}`,
      close: () => db.destroy(),
    };
  }
  if (!options.inMemory && !options.dataDir) {
    throw new Error("openDatabase needs databaseUrl, dataDir or inMemory.");
  }
  if (options.dataDir && !options.inMemory) await mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(
    options.inMemory || !options.dataDir ? {} : { dataDir: options.dataDir },
  );
  const db = new Kysely<ReferenceDatabase>({
    dialect: new PGliteDialect({ pglite, closeOnDestroy: true }),
  });
  return {
    db,
    kind: "pglite",
    pool: null,
    location:
      options.inMemory || !options.dataDir ? "PGlite (in memory)" : `PGlite in ${options.dataDir}`,
    close: () => db.destroy(),
  };
}

/** A connection URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable URL)";
  }
}
