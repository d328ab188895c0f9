import pg from "pg";
import { parseTimestamptz } from "../timestamptz.ts";

const INT8_OID = 20;
const TIMESTAMPTZ_OID = 1184;

/**
 * Type parsers for pools Foyer makes: `int8` (what `count(*)` answers) as a number rather
 * than pg's default string, `timestamptz` as `Date` by a faster parser (`timestamptz.ts`, pg's
 * own for any unusual form), everything else as pg does.
 * Set per pool, not through the global `pg.types`, so the host's other pools are untouched.
 */
const pgTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ_OID, "text") as (text: string) => unknown;
const timestamptz = (text: string) => parseTimestamptz(text, pgTimestamptz);

export const foyerPgTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    format === "binary"
      ? pg.types.getTypeParser(oid, format)
      : oid === INT8_OID
        ? (value: string) => Number(value)
        : oid === TIMESTAMPTZ_OID
          ? timestamptz
          : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
};
