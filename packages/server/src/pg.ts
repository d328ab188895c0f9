import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { createKyselyStore } from "./store/kysely/kysely-store.ts";
import { foyerPoolConfig } from "./store/pg-pool.ts";
import type { FoyerDatabase } from "./store/schema.ts";
import type { Store } from "./store/types.ts";

/** Options of `createPostgresStore`. */
export interface PostgresStoreOptions {
  /** A `postgres://` URL; used when no `pool` is given. */
  connectionString?: string;
  /** A pool the host already made; the store then leaves ending it to the host. */
  pool?: pg.Pool;
  /**
   * Apply pending migrations at start.
   * @default true
   */
  migrate?: boolean;
  /**
   * Run the store's hot statements (the access scope every admin call reads, the list
   * page, a single invitation's lock, check and insert) as named prepared statements,
   * planned once per connection. Turn off behind a
   * pooler that cannot keep them (PgBouncer before 1.21 in transaction mode). Ignored with
   * `pool`, whose statements run unnamed.
   * @default true
   */
  preparedStatements?: boolean;
  /**
   * Most connections of the pool the store makes (ignored with `pool`).
   * @default 10
   */
  max?: number;
}

/**
 * The production store (R-SDK-04): PostgreSQL through a `pg` pool. Several stateless
 * server instances can share one database; locks and constraints decide every race.
 * @example
 * const store = await createPostgresStore({ connectionString: process.env.DATABASE_URL });
 */
export async function createPostgresStore(options: PostgresStoreOptions = {}): Promise<Store> {
  const pool =
    options.pool ??
    new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      ...foyerPoolConfig(options.preparedStatements ?? true),
    });
  const ownsPool = options.pool === undefined;
  // An idle client losing its connection (a database restart) emits 'error' on the pool;
  // unhandled, that would crash the host process. The next query reconnects.
  if (ownsPool) {
    pool.on("error", (error) => {
      console.error(
        JSON.stringify({ level: "error", message: "Foyer pg pool error", error: error.message }),
      );
    });
  }
  const db = new Kysely<FoyerDatabase>({ dialect: new PostgresDialect({ pool }) });
  try {
    return await createKyselyStore({
      db,
      kind: "postgres",
      ownsDb: ownsPool,
      pool,
      ...(options.migrate === undefined ? {} : { migrate: options.migrate }),
    });
  } catch (error) {
    if (ownsPool) await db.destroy();
    throw error;
  }
}

export {
  createPostgresRateLimiter,
  type PostgresRateLimiterOptions,
} from "./http/postgres-rate-limiter.ts";
export { createKyselyStore, type KyselyStoreOptions } from "./store/kysely/kysely-store.ts";
export { migrateToLatest } from "./store/migrations.ts";
export type { FoyerDatabase } from "./store/schema.ts";
