import type { PGliteInterface } from "@electric-sql/pglite";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";
import { Mutex } from "./mutex.ts";

/** Options of `PGliteDialect`. */
export interface PGliteDialectOptions {
  /** The PGlite instance every query runs on. */
  pglite: PGliteInterface;
  /**
   * Close the PGlite instance when the Kysely instance is destroyed.
   * @default false
   */
  closeOnDestroy?: boolean;
}

const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** One PGlite instance is one connection: the driver lends it to one holder at a time. */
class PGliteConnection implements DatabaseConnection {
  readonly #pglite: PGliteInterface;

  constructor(pglite: PGliteInterface) {
    this.#pglite = pglite;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.#pglite.query<R>(compiledQuery.sql, [...compiledQuery.parameters]);
    const changed =
      result.command === "INSERT" ||
      result.command === "UPDATE" ||
      result.command === "DELETE" ||
      result.command === "MERGE";
    return {
      rows: result.rows,
      ...(changed ? { numAffectedRows: BigInt(result.affectedRows ?? 0) } : {}),
    };
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // PGlite answers whole result sets; a stream of one chunk keeps Kysely's API working.
    yield await this.executeQuery<R>(compiledQuery);
  }
}

class PGliteDriver implements Driver {
  readonly #options: PGliteDialectOptions;
  readonly #connection: PGliteConnection;
  readonly #mutex = new Mutex();
  readonly #releases = new Map<DatabaseConnection, () => void>();

  constructor(options: PGliteDialectOptions) {
    this.#options = options;
    this.#connection = new PGliteConnection(options.pglite);
  }

  async init(): Promise<void> {
    await this.#options.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    // A transaction keeps the connection from `begin` to `commit`: nothing else may run a
    // statement in between, or it would join the transaction.
    const release = await this.#mutex.lock();
    this.#releases.set(this.#connection, release);
    return this.#connection;
  }

  async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    let statement = "begin";
    if (settings.isolationLevel) statement += ` isolation level ${settings.isolationLevel}`;
    if (settings.accessMode) statement += ` ${settings.accessMode}`;
    await connection.executeQuery(CompiledQuery.raw(statement));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdentifier(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(
      CompiledQuery.raw(`rollback to savepoint ${quoteIdentifier(name)}`),
    );
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoteIdentifier(name)}`));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const release = this.#releases.get(connection);
    this.#releases.delete(connection);
    release?.();
  }

  async destroy(): Promise<void> {
    if (this.#options.closeOnDestroy && !this.#options.pglite.closed) {
      await this.#options.pglite.close();
    }
  }
}

/**
 * A Kysely dialect over one PGlite instance (PostgreSQL in WebAssembly). Statements run one
 * holder at a time, so a transaction never interleaves with other queries made through
 * Kysely; do not query the same instance directly while Foyer uses it.
 * @example
 * const db = new Kysely<FoyerDatabase>({ dialect: new PGliteDialect({ pglite: await PGlite.create() }) });
 */
export class PGliteDialect implements Dialect {
  readonly #options: PGliteDialectOptions;

  constructor(options: PGliteDialectOptions) {
    this.#options = options;
  }

  /** Kysely hook: the adapter. */
  createAdapter(): PostgresAdapter {
    return new PostgresAdapter();
  }

  /** Kysely hook: the driver. */
  createDriver(): Driver {
    return new PGliteDriver(this.#options);
  }

  /** Kysely hook: the query compiler. */
  createQueryCompiler(): PostgresQueryCompiler {
    return new PostgresQueryCompiler();
  }

  /** Kysely hook: the introspector. */
  createIntrospector<DB>(db: Kysely<DB>): PostgresIntrospector {
    return new PostgresIntrospector(db);
  }
}
