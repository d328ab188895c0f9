import { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestFoyer, type TestFoyer } from "../../fixtures.ts";
import { PGliteDialect } from "../pglite-dialect.ts";
import type { FoyerDatabase } from "../schema.ts";
import { createKyselyStore } from "./kysely-store.ts";

// What one single invitation costs the database, read from Kysely's log: every rule still
// runs (the reads) and every row is still written (invitation, token, email, audit record,
// counter), in one statement and without savepoints.

describe("statements per single invitation (PGlite)", () => {
  let db: Kysely<FoyerDatabase>;
  let foyer: TestFoyer;
  let log: string[] | null = null;

  beforeAll(async () => {
    db = new Kysely({
      dialect: new PGliteDialect({ pglite: await PGlite.create(), closeOnDestroy: true }),
      log(event) {
        log?.push(event.query.sql.replace(/\s+/g, " ").trim());
      },
    });
    foyer = await createTestFoyer(await createKyselyStore({ db, kind: "pglite" }));
  });
  afterAll(() => db.destroy());

  const create = (email: string) =>
    foyer.services.createInvitations(foyer.fixture.actors.acmeAdmin, {
      tenantId: "acme",
      roleId: "client_user",
      emails: [email],
      delivery: "email",
    });

  it("R-INV-01: one invitation costs six statements: two reads, the tenant lock, one write of every row with its audit record and counter, begin and commit", async () => {
    await create("warm@acme.com");
    log = [];
    const result = await create("lean@acme.com");
    const statements = log;
    log = null;
    expect(result.created).toHaveLength(1);
    const id = result.created[0]!.invitation!.id;

    // Every row in one statement: invitation, token hash, email, audit record and counter.
    const writes = (table: string) =>
      statements.filter(
        (s) => s.includes(`insert into "${table}"`) || s.includes(`insert into ${table} `),
      );
    const tables = [
      "foyer_invitations",
      "foyer_invitation_tokens",
      "foyer_outbox",
      "foyer_audit_events",
      "foyer_invitation_counts",
    ];
    for (const table of tables) expect(writes(table), table).toHaveLength(1);
    expect(new Set(tables.flatMap(writes)).size).toBe(1);
    expect(statements.filter((s) => /^(savepoint|release|rollback)/.test(s))).toEqual([]);
    expect(statements.filter((s) => s === "begin")).toHaveLength(1);
    expect(statements.at(-1)).toBe("commit");
    // The rules' reads: the actor's roles and tenants, the tenant lock, then pending
    // invitations and members (and seats, with a limit) in one.
    expect(statements.filter((s) => /^\(?select/.test(s))).toHaveLength(3);
    expect(statements).toHaveLength(6);

    // Nothing was lost on the way: the audit row and the counter are there.
    const events = await foyer.store.listAuditEvents({ invitationId: id, limit: 10 });
    expect(events.map((event) => event.action)).toEqual(["created"]);
    expect((await foyer.store.countInvitations(["acme"], undefined, new Date())).pending).toBe(2);
  });
});
