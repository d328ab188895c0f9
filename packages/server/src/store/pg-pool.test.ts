import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createTestFoyer } from "../fixtures.ts";
import { createOwnDatabase } from "../outbox/own-database.fixture.ts";
import { createPostgresStore } from "../pg.ts";
import { runPrepared } from "./kysely/prepared.ts";
import { foyerPoolConfig } from "./pg-pool.ts";
import { postgresTestUrl } from "./test-setups.ts";

// R-SDK-04: the pools Foyer makes plan the store's hot statements once per connection.

describe.skipIf(!postgresTestUrl)("Foyer's pg pools (FOYER_TEST_DATABASE_URL)", () => {
  async function preparedAfterTwoRuns(preparedStatements: boolean) {
    // One connection, so the session that prepared is the one asked.
    const db = new Kysely<Record<string, never>>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({
          connectionString: postgresTestUrl,
          max: 1,
          ...foyerPoolConfig(preparedStatements),
        }),
      }),
    });
    try {
      const marked = (n: number) =>
        sql<{ n: number; at: Date }>`select ${n}::int as n, now() as at`;
      const first = await runPrepared(db, marked(1));
      const second = await runPrepared(db, marked(2));
      const unmarked = await sql<{ n: number }>`select ${3}::int + 0 as n`.execute(db);
      const { rows } = await sql<{
        name: string;
        statement: string;
      }>`select name, statement from pg_prepared_statements`.execute(db);
      return { answers: [first.rows[0], second.rows[0], unmarked.rows[0]], prepared: rows };
    } finally {
      await db.destroy();
    }
  }

  it("R-SDK-04: a marked statement is prepared once and answers each call's parameters; others stay unnamed", async () => {
    const { answers, prepared } = await preparedAfterTwoRuns(true);
    expect(answers.map((row) => row?.n)).toEqual([1, 2, 3]);
    // Timestamps still arrive as Date through Foyer's parser.
    expect(answers[0]).toMatchObject({ at: expect.any(Date) });
    expect(prepared).toHaveLength(1);
    expect(prepared[0]?.name).toMatch(/^foyer_[0-9a-f]{24}$/);
    expect(prepared[0]?.statement).toContain("::int as n, now() as at");
  });

  it("R-SDK-04: with preparedStatements off (a pooler that cannot keep them) nothing is prepared", async () => {
    const { answers, prepared } = await preparedAfterTwoRuns(false);
    expect(answers.map((row) => row?.n)).toEqual([1, 2, 3]);
    expect(prepared).toEqual([]);
  });

  it("R-SDK-04: a migration that adds columns while an instance runs does not break its prepared statements", async () => {
    const own = await createOwnDatabase(postgresTestUrl ?? "", "foyer_prepared");
    // One connection: the statements prepared below are the ones run after the change.
    const store = await createPostgresStore({ connectionString: own.url, max: 1 });
    try {
      const foyer = await createTestFoyer(store);
      const { acmeAdmin } = foyer.fixture.actors;
      const invite = (email: string) =>
        foyer.services.createInvitations(acmeAdmin, {
          tenantId: "acme",
          roleId: "client_user",
          emails: [email],
          delivery: "email",
        });
      const list = () => foyer.services.listInvitations(acmeAdmin, { tenantId: "acme" });
      await invite("before@acme.example.com");
      expect((await list()).items.map((i) => i.email)).toEqual(["before@acme.example.com"]);
      // What a newer instance's migration might do to the tables these statements read.
      const admin = new pg.Client({ connectionString: own.url });
      await admin.connect();
      await admin.query(`alter table foyer_tenants add column later_setting text;
        alter table foyer_invitations add column later_field text;
        alter table foyer_roles add column later_flag boolean`);
      await admin.end();
      await invite("after@acme.example.com");
      expect((await list()).items.map((i) => i.email).sort()).toEqual([
        "after@acme.example.com",
        "before@acme.example.com",
      ]);
    } finally {
      await store.close();
      await own.drop();
    }
  });
});
