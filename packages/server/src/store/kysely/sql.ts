import { type Kysely, type RawBuilder, sql } from "kysely";
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
export const ROWS_PER_BULK_INSERT = 5_000;

/** Timestamps as ISO text: the drivers' own Date formatting costs more per value. */
const asParameter = (value: unknown): unknown =>
  value instanceof Date ? value.toISOString() : value;

/**
 * The `insert … select … from unnest(…)` of one run of rows, without its conflict clause. A
 * column whose value is the same in every row (a batch's tenant, role, inviter, times) binds
 * that value once instead of an array of copies: the server parses one value, not a
 * thousand. A single row binds scalars only.
 */
export function bulkInsert<Row, Table>(
  table: keyof FoyerDatabase & string,
  mapping: RowMapping<Row, Table>,
  part: readonly Row[],
) {
  const { columns } = mapping;
  const varying: RawBuilder<unknown>[] = [];
  const names: string[] = [];
  const values = columns.map(({ type }, index) => {
    // Read column by column from the rows (no record per row); JSON comes as text and is
    // cast on the server, so no driver re-encodes it.
    const column = mapping.columnValues(part, index);
    const first = column[0];
    const same = column.every(
      (value) =>
        value === first ||
        (value instanceof Date && first instanceof Date && value.getTime() === first.getTime()),
    );
    // The first column (the key) stays an array, so the statement makes one row per row.
    if (same && (part.length === 1 || index > 0)) {
      const value = asParameter(first);
      return type === "jsonb"
        ? sql`cast(cast(${value} as text) as jsonb)`
        : sql`cast(${value} as ${sql.raw(type)})`;
    }
    const alias = `c${varying.length}`;
    const array = column.map(asParameter);
    varying.push(
      type === "jsonb"
        ? sql`cast(cast(${array} as text[]) as jsonb[])`
        : sql`cast(${array} as ${sql.raw(type)}[])`,
    );
    names.push(alias);
    return sql.ref(`u.${alias}`);
  });
  const from =
    varying.length === 0
      ? sql``
      : sql` from unnest(${sql.join(varying)}) as u(${sql.join(names.map((n) => sql.id(n)))})`;
  return sql`insert into ${sql.table(table)} (${sql.join(columns.map(({ name }) => sql.ref(name)))})
    select ${sql.join(values)}${from}`;
}

/**
 * Inserts rows with one array parameter per column (`insert … select * from unnest(…)`)
 * rather than one parameter per value: a batch of 1,000 invitations binds 27 parameters
 * instead of 27,000, which PostgreSQL parses and binds far faster (pnpm bench). The column
 * list and each array's SQL type come from the table's column map. For seeding and
 * migrations; the store's writes use `insertAll`.
 */
export async function insertRows<Row, Table>(
  db: Db,
  table: keyof FoyerDatabase & string,
  mapping: RowMapping<Row, Table>,
  rows: readonly Row[],
): Promise<void> {
  for (const part of chunk(rows, ROWS_PER_BULK_INSERT)) {
    await bulkInsert(table, mapping, part).execute(db);
  }
}

/** The unique constraints an insert may meet, for `insertAll`. */
export interface InsertKeys<Table> {
  /** The primary key column. */
  key: keyof Table & string;
  /** The primary key's constraint name (a repeated key, in the batch or in the table). */
  keyConstraint: string;
  /** The table's other unique constraint, if it has one (invitations: one pending per address). */
  otherConstraint?: string;
}

/**
 * Inserts every row or none, in one statement per 5,000 rows and without a savepoint: a
 * unique conflict skips the row (`on conflict do nothing`), and when a row was skipped the
 * rows already inserted are deleted and `UniqueViolationError` is thrown, naming the
 * constraint. So a caught refusal leaves the caller's transaction usable, as in the memory
 * store, at the cost of no extra round trip when nothing clashes (every write of a single
 * invitation used to take three: savepoint, insert, release). Outside a transaction the
 * rows are written in one of their own.
 */
export async function insertAll<Row, Table>(
  db: Db,
  table: keyof FoyerDatabase & string,
  mapping: RowMapping<Row, Table>,
  rows: readonly Row[],
  keys: InsertKeys<Table>,
): Promise<void> {
  if (rows.length === 0) return;
  if (!db.isTransaction) {
    await db.transaction().execute((trx) => insertAll(trx, table, mapping, rows, keys));
    return;
  }
  const inserted: unknown[] = [];
  for (const part of chunk(rows, ROWS_PER_BULK_INSERT)) {
    const { rows: back } = await sql<{ key: unknown }>`${bulkInsert(table, mapping, part)}
      on conflict do nothing returning ${sql.ref(keys.key)} as key`.execute(db);
    for (const row of back) inserted.push(row.key);
    if (back.length === part.length) continue;
    if (inserted.length > 0) {
      await sql`delete from ${sql.table(table)}
        where ${sql.ref(keys.key)} = any(cast(${inserted} as text[]))`.execute(db);
    }
    const wanted = rows.map((row) => (mapping.toRecord(row) as Record<string, unknown>)[keys.key]);
    const { rows: taken } = await sql<{ n: number }>`select count(*)::int as n
      from ${sql.table(table)} where ${sql.ref(keys.key)} = any(cast(${wanted} as text[]))`.execute(
      db,
    );
    const keyClash = new Set(wanted).size < wanted.length || Number(taken[0]?.n) > 0;
    throw new UniqueViolationError(
      keyClash || !keys.otherConstraint ? keys.keyConstraint : keys.otherConstraint,
    );
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
