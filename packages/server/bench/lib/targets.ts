import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import express from "express";
import { type CompiledQuery, Kysely, type LogEvent, PostgresDialect } from "kysely";
import pg from "pg";
import { createTestFoyer, type TestFoyer } from "../../src/fixtures.ts";
import { createPostgresStore } from "../../src/pg.ts";
import { createPGliteStore } from "../../src/pglite.ts";
import { createKyselyStore } from "../../src/store/kysely/kysely-store.ts";
import type { FoyerDatabase } from "../../src/store/schema.ts";
import type { Store } from "../../src/store/types.ts";
import { type Caller, directCaller, httpCaller } from "./load.ts";
import { createStoreProfile, profiledStore, type StoreProfile } from "./store-profile.ts";

/** Answers rows of a raw SQL statement (ANALYZE, EXPLAIN, counts). */
export type RawQuery = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** One engine under test, served over HTTP. */
export interface Target {
  name: "postgres" | "pglite";
  foyer: TestFoyer;
  profile: StoreProfile;
  call: Caller;
  /** Base URL of the Express app, or null when requests go to the handler directly. */
  baseUrl: string | null;
  transport: "express" | "direct";
  raw: RawQuery;
  /** Runs SQL text (several statements, no parameters) inside the database. */
  exec(text: string): Promise<void>;
  /**
   * Runs `fn` against a second store on the same database that records every SQL statement
   * it sends (for EXPLAIN).
   */
  captureSql(fn: (store: Store) => Promise<void>): Promise<CompiledQuery[]>;
  close(): Promise<void>;
}

/** Where the PostgreSQL target lives, and how to clean up after it. */
export interface PostgresLocation {
  url: string;
  created: string | null;
  drop(): Promise<void>;
}

/**
 * A fresh database `foyer_bench_<timestamp>` on the server of `adminUrl`, or
 * `FOYER_BENCH_DATABASE_URL` as is when set.
 */
export async function postgresLocation(adminUrl: string): Promise<PostgresLocation> {
  const given = process.env.FOYER_BENCH_DATABASE_URL;
  if (given) return { url: given, created: null, drop: async () => {} };
  const name = `foyer_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    created: name,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

async function serve(
  foyer: TestFoyer,
  transport: "express" | "direct",
): Promise<{ call: Caller; baseUrl: string | null; server: Server | null }> {
  if (transport === "direct") {
    return { call: directCaller(foyer.handler), baseUrl: null, server: null };
  }
  const { foyerExpress } = await import("../../src/express.ts");
  const app = express();
  app.disable("x-powered-by");
  app.use("/api/foyer", foyerExpress(foyer));
  const server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${address.port}/api/foyer`;
  return { call: httpCaller(baseUrl), baseUrl, server };
}

function closeServer(server: Server | null): Promise<void> {
  if (!server) return Promise.resolve();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

function capturing(queries: CompiledQuery[]) {
  return (event: LogEvent) => {
    if (event.level === "query") queries.push(event.query);
  };
}

/** PostgreSQL through `createPostgresStore` (the production factory, default pool of 10). */
export async function postgresTarget(
  url: string,
  transport: "express" | "direct",
): Promise<Target> {
  const profile = createStoreProfile();
  const store = await createPostgresStore({ connectionString: url });
  const foyer = await createTestFoyer(profiledStore(store, profile));
  const { call, baseUrl, server } = await serve(foyer, transport);
  const side = new pg.Pool({ connectionString: url, max: 2 });
  // An idle connection the server drops must not crash the bench before it cleans up.
  side.on("error", (error) => process.stderr.write(`[postgres] side pool: ${error.message}\n`));
  return {
    name: "postgres",
    foyer,
    profile,
    call,
    baseUrl,
    transport,
    raw: async (text, params) => (await side.query(text, params)).rows,
    async exec(text) {
      await side.query(text);
    },
    async captureSql(fn) {
      const queries: CompiledQuery[] = [];
      const db = new Kysely<FoyerDatabase>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
        log: capturing(queries),
      });
      try {
        await fn(await createKyselyStore({ db, kind: "postgres", migrate: false }));
      } finally {
        await db.destroy();
      }
      return queries;
    },
    async close() {
      await closeServer(server);
      await side.end();
      await store.close();
    },
  };
}

/** PGlite in memory through `createPGliteStore`. */
export async function pgliteTarget(transport: "express" | "direct"): Promise<Target> {
  const profile = createStoreProfile();
  const pglite = await PGlite.create();
  const store = await createPGliteStore({ pglite });
  const foyer = await createTestFoyer(profiledStore(store, profile));
  const { call, baseUrl, server } = await serve(foyer, transport);
  return {
    name: "pglite",
    foyer,
    profile,
    call,
    baseUrl,
    transport,
    raw: async (text, params) => (await pglite.query<Record<string, unknown>>(text, params)).rows,
    async exec(text) {
      await pglite.exec(text);
    },
    async captureSql() {
      return [];
    },
    async close() {
      await closeServer(server);
      await store.close();
      await pglite.close();
    },
  };
}
