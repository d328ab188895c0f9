import { PGlite } from "@electric-sql/pglite";
import { Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../migrations.ts";
import { PGliteDialect } from "../pglite-dialect.ts";
import {
  AUDIT_COLUMNS,
  type ColumnMap,
  EMAIL_VERIFICATION_COLUMNS,
  FOYER_TABLES,
  type FoyerDatabase,
  IDEMPOTENCY_COLUMNS,
  INVITATION_COLUMNS,
  INVITATION_COUNT_COLUMNS,
  INVITE_LINK_COLUMNS,
  LINK_DOMAIN_COLUMNS,
  MEMBER_COLUMNS,
  OIDC_FLOW_COLUMNS,
  OUTBOX_COLUMNS,
  ROLE_COLUMNS,
  type SqlType,
  TENANT_COLUMNS,
  TOKEN_COLUMNS,
} from "../schema.ts";

// The column maps are the one description of each table the code uses; the migrations are
// frozen SQL (an applied migration never changes). This test holds the two together.

const MAPS: Record<(typeof FOYER_TABLES)[number], ColumnMap<Record<string, unknown>>> = {
  foyer_tenants: TENANT_COLUMNS,
  foyer_roles: ROLE_COLUMNS,
  foyer_members: MEMBER_COLUMNS,
  foyer_invitations: INVITATION_COLUMNS,
  foyer_invitation_counts: INVITATION_COUNT_COLUMNS,
  foyer_invitation_tokens: TOKEN_COLUMNS,
  foyer_outbox: OUTBOX_COLUMNS,
  foyer_audit_events: AUDIT_COLUMNS,
  foyer_idempotency_keys: IDEMPOTENCY_COLUMNS,
  foyer_invite_links: INVITE_LINK_COLUMNS,
  foyer_invite_link_domains: LINK_DOMAIN_COLUMNS,
  foyer_email_verifications: EMAIL_VERIFICATION_COLUMNS,
  foyer_oidc_flows: OIDC_FLOW_COLUMNS,
};

/** How information_schema names each SQL type of the maps. */
const DATA_TYPES: Record<SqlType, string> = {
  text: "text",
  integer: "integer",
  boolean: "boolean",
  timestamptz: "timestamp with time zone",
  jsonb: "jsonb",
};

describe("schema", () => {
  let db: Kysely<FoyerDatabase>;

  beforeAll(async () => {
    db = new Kysely({
      dialect: new PGliteDialect({ pglite: await PGlite.create(), closeOnDestroy: true }),
    });
    await migrateToLatest(db);
  });
  afterAll(() => db.destroy());

  it("R-SDK-04: every table's column map names exactly the columns and types the migrations create", async () => {
    const { rows } = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = current_schema() and table_name like 'foyer\\_%'
        and table_name not like 'foyer\\_migration%'`.execute(db);
    const created = (table: string) =>
      rows
        .filter((row) => row.table_name === table)
        .map((row) => `${row.column_name} ${row.data_type}`)
        .sort();
    expect(new Set(rows.map((row) => row.table_name))).toEqual(new Set(FOYER_TABLES));
    for (const table of FOYER_TABLES) {
      const mapped = Object.values(MAPS[table])
        .map((column) => `${column.name} ${DATA_TYPES[column.type]}`)
        .sort();
      expect(created(table), table).toEqual(mapped);
    }
  });
});
