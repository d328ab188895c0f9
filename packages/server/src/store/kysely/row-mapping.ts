import { type Insertable, type RawBuilder, type Selectable, sql, type Updateable } from "kysely";
import type { ColumnMap, SqlType, TableOf } from "../schema.ts";

/** Converts between a row type and its table, as its column map says. */
export interface RowMapping<Row, Table> {
  /** Every column in map order, with its SQL type (for bulk inserts). */
  readonly columns: readonly { readonly name: keyof Table & string; readonly type: SqlType }[];
  /** The values of column `index` (of `columns`) over `rows`, encoded as `toRecord` does. */
  columnValues(rows: readonly Row[], index: number): unknown[];
  /**
   * Every column selected under its field name (`"tenant_id" as "tenantId"`), so the driver
   * builds the row itself: for hot reads, which skip `fromRecord`'s copy of every row.
   */
  readonly selectList: RawBuilder<unknown>;
  /** The camelCase row of a selected record. jsonb arrives parsed, timestamptz as `Date`. */
  fromRecord(record: Selectable<Table>): Row;
  /** The camelCase row of a record read as JSON (`to_jsonb(row)`): timestamps become `Date`. */
  fromJson(record: Record<string, unknown>): Row;
  /** The record to insert: every column, jsonb as JSON text. */
  toRecord(row: Row): Insertable<Table>;
  /** The columns a partial update sets: fields left undefined are left alone. */
  toPatch(patch: Partial<Row>): Updateable<Table>;
}

/**
 * The mapping of one table, from its column map (`schema.ts`). The casts below are the
 * one place where the map's runtime names meet `TableOf`'s types, which the same map
 * derives at compile time.
 */
export function rowMapping<Row, Map extends ColumnMap<Row>>(
  map: Map,
): RowMapping<Row, TableOf<Row, Map>> {
  type Table = TableOf<Row, Map>;
  const fields = Object.keys(map) as (keyof Row & keyof Map & string)[];
  const entries = fields.map((field) => ({ field, ...map[field] }));
  const encode = (type: SqlType, value: unknown): unknown =>
    type === "jsonb" ? JSON.stringify(value) : value;
  return {
    columns: entries.map(({ name, type }) => ({ name: name as keyof Table & string, type })),
    columnValues(rows, index) {
      const { field, type } = entries[index]!;
      return rows.map((row) => encode(type, row[field]));
    },
    // Names come from the column map in code, never from input.
    selectList: sql.raw(entries.map(({ field, name }) => `"${name}" as "${field}"`).join(", ")),
    fromRecord(record) {
      const source = record as Record<string, unknown>;
      const row: Record<string, unknown> = {};
      for (const { field, name } of entries) row[field] = source[name];
      return row as Row;
    },
    fromJson(record) {
      const row: Record<string, unknown> = {};
      for (const { field, name, type } of entries) {
        const value = record[name];
        row[field] = type === "timestamptz" && typeof value === "string" ? new Date(value) : value;
      }
      return row as Row;
    },
    toRecord(row) {
      const record: Record<string, unknown> = {};
      for (const { field, name, type } of entries) record[name] = encode(type, row[field]);
      return record as Insertable<Table>;
    },
    toPatch(patch) {
      const record: Record<string, unknown> = {};
      for (const { field, name, type } of entries) {
        const value: unknown = patch[field];
        if (value !== undefined) record[name] = encode(type, value);
      }
      return record as Updateable<Table>;
    },
  };
}
