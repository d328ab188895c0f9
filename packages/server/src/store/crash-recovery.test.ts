import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixture } from "../fixture-process.ts";
import { createPostgresStore } from "../pg.ts";
import type { FoyerDatabase } from "./schema.ts";
import { postgresTestUrl } from "./test-setups.ts";

// R-INV-09 after a crash: a process killed with SIGKILL in the middle of a transaction
// leaves the invitation counters equal to a full count (PostgreSQL rolls the open
// transaction back, counters and rows together). Runs in a database of its own (made beside
// FOYER_TEST_DATABASE_URL's and dropped afterwards), so the other PostgreSQL suites'
// truncations never touch it.

if (!postgresTestUrl) {
  console.info("Skipping the SIGKILL counter test: FOYER_TEST_DATABASE_URL is not set.");
}

/** Invitations per transaction of the writer. */
const BATCH = 400;
const WRITER = "src/store/kysely/count-writer.fixture.ts";

describe.skipIf(!postgresTestUrl)("invitation counters after SIGKILL (PostgreSQL)", () => {
  const base = new URL(postgresTestUrl ?? "postgres://localhost/none");
  const name = `${base.pathname.slice(1)}_crash_${process.pid}`;
  const url = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
  let admin: pg.Client;
  let pool: pg.Pool;
  let db: Kysely<FoyerDatabase>;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`drop database if exists "${name}"`);
    await admin.query(`create database "${name}"`);
    pool = new pg.Pool({ connectionString: url, max: 2 });
    // The forced drop at the end ends idle connections; that is expected, not an error.
    pool.on("error", () => {});
    db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  });
  afterAll(async () => {
    await db?.destroy();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it("R-INV-09: a writer killed mid-transaction leaves the counters equal to a full count", async () => {
    // Migrate first, so the child starts writing at once.
    const store = await createPostgresStore({ pool });
    // Killed shortly after the third commit, while the fourth batch is being written.
    const writer = await startFixture(
      WRITER,
      { FOYER_CRASH_DATABASE_URL: url, FOYER_CRASH_BATCH: String(BATCH) },
      /commit 3\n/,
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      writer.child.once("exit", (_code, signal) => resolve(signal)),
    );
    await new Promise((resolve) => setTimeout(resolve, 15));
    writer.child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    const lines = writer.stdout().trim().split("\n");
    const committed = lines.filter((line) => line.startsWith("commit ")).length;
    expect(committed).toBeGreaterThanOrEqual(3);
    // The kill landed inside a transaction: its begin was printed, its commit was not.
    expect(lines.at(-1)).toBe(`begin ${committed + 1}`);

    // Wait until PostgreSQL has noticed the dead connection and rolled its transaction back.
    for (let tries = 0; ; tries += 1) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where application_name = 'foyer-crash-writer' and state <> 'idle'`.execute(db);
      if (rows[0]?.n === 0) break;
      if (tries > 200) throw new Error("the killed writer's transaction is still open");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const { rows: full } = await sql<{ tenant_id: string; status: string; n: number }>`
      select tenant_id, status, count(*)::int as n from foyer_invitations
      group by tenant_id, status order by tenant_id, status`.execute(db);
    const { rows: counters } = await sql<{ tenant_id: string; status: string; n: number }>`
      select tenant_id, status, total as n from foyer_invitation_counts
      where total <> 0 order by tenant_id, status`.execute(db);
    expect(counters).toEqual(full);
    // Only whole batches are stored: the open one left nothing behind (or, had the kill
    // landed between its COMMIT and the line saying so, all of it).
    const stored = full.reduce((sum, row) => sum + row.n, 0);
    expect([committed * BATCH, (committed + 1) * BATCH]).toContain(stored);
    const now = new Date();
    const counts = await store.countInvitations(
      ["ten_crash_0", "ten_crash_1", "ten_crash_2"],
      undefined,
      now,
    );
    expect(counts.all).toBe(stored);
    expect(counts).toEqual(
      await store.countInvitations(["ten_crash_0", "ten_crash_1", "ten_crash_2"], "@", now),
    );
    await store.close();
  });
});
