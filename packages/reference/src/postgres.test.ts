import { randomBytes } from "node:crypto";
import { createScryptHasher } from "@foyer/server/node";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEEDED_SIGN_INS } from "./seed.ts";
import {
  call,
  type RunningApp,
  runInviteAcceptFlow,
  signIn,
  startApp,
  tokenFromLink,
} from "./test-kit.ts";

// The reference app on a real PostgreSQL (FOYER_TEST_DATABASE_URL), in a database of its own
// that is dropped afterwards, so runs never see each other's rows (a schema would not do:
// Kysely's migrator finds migration tables of other schemas in the same database).

const url = process.env.FOYER_TEST_DATABASE_URL;
if (!url) {
  console.warn("postgres.test.ts skipped: FOYER_TEST_DATABASE_URL is not set.");
}

const alex = SEEDED_SIGN_INS.find((s) => s.email.endsWith("@acme.example"))!;
const database = `foyer_ref_test_${randomBytes(6).toString("hex")}`;

function withDatabase(connectionString: string, name: string): string {
  const parsed = new URL(connectionString);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe.skipIf(!url)("reference app on PostgreSQL", () => {
  let running: RunningApp;

  beforeAll(async () => {
    await admin(`create database ${database}`);
    running = await startApp({
      databaseUrl: withDatabase(url!, database),
      seed: true,
      // scrypt as in production, at a lower cost (N=2^14) so the sign-ins stay quick.
      passwordHasher: createScryptHasher({ N: 2 ** 14 }),
    });
    await running.reference.foyer.dispatcher.runOnce();
  });

  afterAll(async () => {
    await running?.stop();
    await admin(`drop database if exists ${database}`);
  });

  it("R-SDK-04: Foyer's and the app's tables live in PostgreSQL", async () => {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public'
    `.execute(running.reference.db);
    const names = tables.rows.map((r) => r.table_name);
    expect(running.reference.databaseKind).toBe("postgres");
    expect(names).toEqual(
      expect.arrayContaining(["ref_users", "ref_sessions", "foyer_invitations", "foyer_members"]),
    );
  });

  it("R-INV-12, R-SDK-03: an admin invites, the invitee previews, accepts, is signed in and signs in again", async () => {
    await runInviteAcceptFlow(running, {
      adminEmail: alex.email,
      adminPassword: alex.password,
      tenantId: "acme",
      roleId: "client_user",
      inviteeEmail: "nora.quinn@acme.example",
      linkBase: "https://acme.example.com",
    });
  });

  it("R-INV-12: two concurrent accepts of one token create exactly one account", async () => {
    const { baseUrl, reference } = running;
    const email = "twice.quick@acme.example";
    const cookie = await signIn(baseUrl, alex.email, alex.password);
    const created = await call<{ created: { link: string }[] }>(
      baseUrl,
      "POST",
      "/api/foyer/invitations",
      {
        cookie,
        body: { tenantId: "acme", emails: [email], roleId: "client_user", delivery: "link" },
      },
    );
    const token = tokenFromLink(created.body.created[0]!.link);
    const password = "Parallel-Lines-42!";
    const answers = await Promise.all(
      ["One", "Two"].map((firstName) =>
        call(baseUrl, "POST", "/api/foyer/public/invitations/accept", {
          body: { token, firstName, lastName: "Racer", password, passwordConfirmation: password },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses[0]).toBe(200);
    // The loser finds the token used (410) or, if it looked later, the address taken (409).
    expect([409, 410]).toContain(statuses[1]);
    const users = await sql<{ n: number }>`
      select count(*)::int as n from ref_users where lower(email) = ${email}
    `.execute(reference.db);
    expect(users.rows[0]?.n).toBe(1);
    expect(await reference.foyer.store.findMembersByEmails([email])).toHaveLength(1);
  });

  it("a second run of the seed changes nothing", async () => {
    const count = async () =>
      (
        await sql<{ n: number }>`
          select (select count(*) from ref_users) + (select count(*) from foyer_members)
            + (select count(*) from foyer_invitations) + (select count(*) from foyer_audit_events)
            + (select count(*) from foyer_outbox) as n
        `.execute(running.reference.db)
      ).rows[0]?.n;
    const before = await count();
    const result = await running.reference.seed();
    expect(result.created).toEqual({ users: 0, members: 0, invitations: 0 });
    expect(await count()).toBe(before);
  });
});
