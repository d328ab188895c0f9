import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MigrateCliOutput, runMigrateCli } from "./migrate-cli.ts";
import { createPostgresStore } from "./pg.ts";
import { createPGliteStore } from "./pglite.ts";
import { FOYER_MIGRATIONS } from "./store/migrations.ts";
import { postgresTestUrl } from "./store/test-setups.ts";

const ALL = Object.keys(FOYER_MIGRATIONS);

function recorder(): MigrateCliOutput & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, log: (line) => lines.push(line), error: (line) => errors.push(line) };
}

describe("foyer-migrate", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "foyer-migrate-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("R-SDK-04: migrates a PGlite directory by command, then finds it up to date", async () => {
    const dataDir = join(dir, "pglite");
    const first = recorder();
    expect(await runMigrateCli({ FOYER_DATA_DIR: dataDir }, [], first)).toBe(0);
    expect(first.lines).toEqual(ALL.map((name) => `PGlite in ${dataDir}: applied ${name}`));

    const again = recorder();
    expect(await runMigrateCli({ FOYER_DATA_DIR: dataDir }, [], again)).toBe(0);
    expect(again.lines).toEqual([`PGlite in ${dataDir}: already up to date.`]);

    // The migrated directory serves a store that does not migrate on its own.
    const store = await createPGliteStore({ dataDir, migrate: false });
    expect(await store.listRoles()).toEqual([]);
    await store.close();
  });

  it("without DATABASE_URL or FOYER_DATA_DIR, says what to set and exits 2", async () => {
    const output = recorder();
    expect(await runMigrateCli({}, [], output)).toBe(2);
    expect(output.errors.join("\n")).toMatch(/DATABASE_URL[\s\S]*FOYER_DATA_DIR/);
    expect(output.lines).toEqual([]);
  });

  it("--help prints the usage and exits 0 without touching a database", async () => {
    const output = recorder();
    expect(
      await runMigrateCli({ DATABASE_URL: "postgres://nowhere.invalid/x" }, ["--help"], output),
    ).toBe(0);
    expect(output.lines[0]).toMatch(/^Usage: foyer-migrate/);
  });

  it("a failed migration answers exit code 1 with the reason", async () => {
    const output = recorder();
    // Port 1 refuses connections at once: the migration cannot start.
    expect(await runMigrateCli({ DATABASE_URL: "postgres://127.0.0.1:1/none" }, [], output)).toBe(
      1,
    );
    expect(output.errors.join("\n")).toMatch(/Foyer migration|ECONNREFUSED|connect/);
  });

  it("R-SDK-04: the bin runs as a command and reports what it applied", async () => {
    const dataDir = join(dir, "bin");
    const run = promisify(execFile);
    const { stdout } = await run(
      process.execPath,
      ["--conditions=@foyer/source", "--import", "tsx", "src/bin/foyer-migrate.ts"],
      { cwd: join(import.meta.dirname, ".."), env: { ...process.env, FOYER_DATA_DIR: dataDir } },
    );
    expect(stdout.trim().split("\n")).toEqual(
      ALL.map((name) => `PGlite in ${dataDir}: applied ${name}`),
    );
  });
});

describe.skipIf(!postgresTestUrl)("foyer-migrate on PostgreSQL (FOYER_TEST_DATABASE_URL)", () => {
  // A database of its own on the test server (the role needs CREATEDB, as in .ci/run), so
  // the command meets a database with nothing migrated yet.
  const name = `foyer_migrate_${globalThis.crypto.randomUUID().replaceAll("-", "")}`;
  const url = new URL(postgresTestUrl ?? "postgres://unset");
  url.pathname = `/${name}`;
  let admin: pg.Pool;
  beforeAll(async () => {
    admin = new pg.Pool({ connectionString: postgresTestUrl, max: 1 });
    await admin.query(`create database ${name}`);
  });
  afterAll(async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("R-SDK-04: migrates a PostgreSQL database by command, then finds it up to date", async () => {
    const target = `PostgreSQL at ${url.host}`;
    const first = recorder();
    expect(await runMigrateCli({ DATABASE_URL: url.href }, [], first)).toBe(0);
    expect(first.lines).toEqual(ALL.map((migration) => `${target}: applied ${migration}`));

    const again = recorder();
    expect(await runMigrateCli({ DATABASE_URL: url.href }, [], again)).toBe(0);
    expect(again.lines).toEqual([`${target}: already up to date.`]);

    const store = await createPostgresStore({ connectionString: url.href, migrate: false });
    expect(await store.listRoles()).toEqual([]);
    await store.close();
  });
});
