import { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestFoyer, type TestFoyer } from "../../fixtures.ts";
import { PGliteDialect } from "../pglite-dialect.ts";
import type { FoyerDatabase } from "../schema.ts";
import { createKyselyStore } from "./kysely-store.ts";

// What one single invitation costs the database, read from Kysely's log: every rule still
// runs (the reads) and every row is still written (invitation, token, email, audit record,
// counter), in one statement per table and without savepoints.

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

  it("R-INV-01: one invitation is written in one statement per table and one transaction, with its audit record and counter", async () => {
    await create("warm@acme.com");
    log = [];
    const result = await create("lean@acme.com");
    const statements = log;
    log = null;
    expect(result.created).toHaveLength(1);
    const id = result.created[0]!.invitation!.id;

    const writes = (table: string) =>
      statements.filter(
        (s) => s.startsWith(`insert into "${table}"`) || s.startsWith(`insert into ${table} `),
      );
    expect(writes("foyer_invitations")).toHaveLength(1);
    expect(writes("foyer_invitation_tokens")).toHaveLength(1);
    expect(writes("foyer_outbox")).toHaveLength(1);
    expect(writes("foyer_audit_events")).toHaveLength(1);
    expect(writes("foyer_invitation_counts")).toHaveLength(1);
    expect(statements.filter((s) => /^(savepoint|release|rollback)/.test(s))).toEqual([]);
    expect(statements.filter((s) => s === "begin")).toHaveLength(1);
    expect(statements.at(-1)).toBe("commit");
    // The rules' reads: actor's roles and tenants, the tenant lock, pending and members.
    expect(statements.filter((s) => s.startsWith("select")).length).toBeLessThanOrEqual(6);
    expect(statements.length).toBeLessThanOrEqual(13);

    // Nothing was lost on the way: the audit row and the counter are there.
    const events = await foyer.store.listAuditEvents({ invitationId: id, limit: 10 });
    expect(events.map((event) => event.action)).toEqual(["created"]);
    expect((await foyer.store.countInvitations(["acme"], undefined, new Date())).pending).toBe(2);
  });
});
