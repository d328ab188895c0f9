// A PostgreSQL database of a test's own on the server of FOYER_TEST_DATABASE_URL (not a test
// itself), so other suites' truncations of the shared test database cannot touch its rows
// and processes of its own can share it. Dropped with `drop`, connections or not.
import { randomBytes } from "node:crypto";
import pg from "pg";

export interface OwnDatabase {
  url: string;
  drop(): Promise<void>;
}

async function run(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates `<prefix>_<random>` next to the database of `adminUrl`. */
export async function createOwnDatabase(adminUrl: string, prefix: string): Promise<OwnDatabase> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  await run(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => run(adminUrl, `drop database if exists ${name} with (force)`),
  };
}
