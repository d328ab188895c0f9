import { PGlite, type PGliteInterface } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import { createKyselyStore } from "./store/kysely/kysely-store.ts";
import { PGliteDialect } from "./store/pglite-dialect.ts";
import type { FoyerDatabase } from "./store/schema.ts";
import type { Store } from "./store/types.ts";

/** Options of `createPGliteStore`. */
export interface PGliteStoreOptions {
  /**
   * Directory that holds the database; created on first start. Omit for an in-memory
   * database (lost on exit). Ignored when `pglite` is given.
   */
  dataDir?: string;
  /** An instance the host already opened; the store then leaves closing it to the host. */
  pglite?: PGliteInterface;
  /**
   * Apply pending migrations at start.
   * @default true
   */
  migrate?: boolean;
}

/**
 * The embedded default store (R-SDK-04): PostgreSQL compiled to WebAssembly, in a directory
 * on disk, so a host needs no database server.
 * @example
 * const store = await createPGliteStore({ dataDir: "./.foyer-data" });
 */
export async function createPGliteStore(options: PGliteStoreOptions = {}): Promise<Store> {
  const owned = options.pglite === undefined;
  const pglite =
    options.pglite ?? (await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {}));
  const db = new Kysely<FoyerDatabase>({
    dialect: new PGliteDialect({ pglite, closeOnDestroy: owned }),
  });
  try {
    return await createKyselyStore({
      db,
      kind: "pglite",
      ownsDb: true,
      ...(options.migrate === undefined ? {} : { migrate: options.migrate }),
    });
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

export { createKyselyStore, type KyselyStoreOptions } from "./store/kysely/kysely-store.ts";
export { migrateToLatest } from "./store/migrations.ts";
export { PGliteDialect, type PGliteDialectOptions } from "./store/pglite-dialect.ts";
export type { FoyerDatabase } from "./store/schema.ts";
