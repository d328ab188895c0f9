import { createHash } from "node:crypto";
import type { QueryResult, RawBuilder } from "kysely";
import type { Db } from "./sql.ts";

// Hot statements of fixed text (one per query shape, never built from input) run as named
// statements on the pools Foyer makes (`pg-pool.ts`): PostgreSQL keeps their plan per
// connection. Only marked texts are named, so the set stays small and bounded; other pools
// and PGlite run them as usual.

const names = new Map<string, string>();

/** Runs a query, marking its text as one to prepare. */
export async function runPrepared<T>(db: Db, query: RawBuilder<T>): Promise<QueryResult<T>> {
  const compiled = query.compile(db);
  if (!names.has(compiled.sql)) {
    names.set(
      compiled.sql,
      `foyer_${createHash("sha256").update(compiled.sql).digest("hex").slice(0, 24)}`,
    );
  }
  return db.executeQuery(compiled);
}

/** The statement name of a marked text; undefined for any other. */
export function preparedName(text: string): string | undefined {
  return names.get(text);
}
