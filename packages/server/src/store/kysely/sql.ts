import { type Kysely, sql } from "kysely";
import { ForeignKeyViolationError, UniqueViolationError } from "../errors.ts";
import type { FoyerDatabase } from "../schema.ts";
import type { RowMapping } from "./row-mapping.ts";

// What every table's SQL shares: the database type, bulk inserts, error translation and
// savepoints.

export type Db = Kysely<FoyerDatabase>;

/** Longest `in (…)` list per statement. */
export const MAX_IN_LIST = 5_000;

/** Splits a list into runs of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
}

/** Rows per bulk insert statement (each column travels as one array parameter). */
const ROWS_PER_BULK_INSERT = 5_000;

/**
 * Inserts rows with one array parameter per column (`insert … select * from unnest(…)`)
 * rather than one parameter per value: a batch of 1,000 invitations binds 27 parameters
 * instead of 27,000, which PostgreSQL parses and binds far faster (pnpm bench). The column
 * list and each array's SQL type come from the table's column map.
 */
export async function insertRows<Row, Table>(
  db: Db,
  table: keyof FoyerDatabase & string,
  mapping: RowMapping<Row, Table>,
  rows: readonly Row[],
): Promise<void> {
  const { columns } = mapping;
  for (const part of chunk(rows, ROWS_PER_BULK_INSERT)) {
    const records = part.map((row) => mapping.toRecord(row) as Record<string, unknown>);
    const arrays = columns.map(({ name, type }) => {
      const values = records.map((record) => record[name]);
      // JSON goes as text[] and is cast on the server, so no driver re-encodes the text.
      return type === "jsonb"
        ? sql`cast(cast(${values} as text[]) as jsonb[])`
        : sql`cast(${values} as ${sql.raw(type)}[])`;
    });
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map(({ name }) => sql.ref(name)))})
      select * from unnest(${sql.join(arrays)})`.execute(db);
  }
}

function databaseErrorField(error: unknown, field: "code" | "constraint"): string | undefined {
  if (typeof error !== "object" || error === null || !(field in error)) return undefined;
  const value: unknown = Reflect.get(error, field);
  return typeof value === "string" ? value : undefined;
}

/** Maps PostgreSQL constraint errors to the store's error classes (the same for every store). */
function translateError(error: unknown): unknown {
  const code = databaseErrorField(error, "code");
  const constraint = databaseErrorField(error, "constraint") ?? "unknown";
  if (code === "23505") return new UniqueViolationError(constraint, { cause: error });
  if (code === "23503") return new ForeignKeyViolationError(constraint, { cause: error });
  return error;
}

/** Wraps every method so constraint errors surface as `UniqueViolationError` and friends. */
export function translatingErrors<T extends object>(ops: T): T {
  for (const key of Object.keys(ops) as (keyof T)[]) {
    const method = ops[key];
    if (typeof method !== "function") continue;
    const original = method as (...args: unknown[]) => Promise<unknown>;
    const wrapped = async (...args: unknown[]): Promise<unknown> => {
      try {
        return await original(...args);
      } catch (error) {
        throw translateError(error);
      }
    };
    ops[key] = wrapped as T[keyof T];
  }
  return ops;
}

/**
 * Runs a multi-statement write as one unit. Inside a transaction a savepoint undoes a failed
 * write without aborting the caller's transaction (so a caught `UniqueViolationError` leaves
 * the transaction usable, as in the memory store); outside, a short transaction of its own.
 */
export async function atomically(db: Db, fn: (db: Db) => Promise<void>): Promise<void> {
  if (!db.isTransaction) {
    await db.transaction().execute(fn);
    return;
  }
  await sql`savepoint foyer_write`.execute(db);
  try {
    await fn(db);
  } catch (error) {
    await sql`rollback to savepoint foyer_write`.execute(db);
    throw error;
  }
  await sql`release savepoint foyer_write`.execute(db);
}
