import {
  AUDIT_COLUMNS,
  INVITATION_COLUMNS,
  OUTBOX_COLUMNS,
  TOKEN_COLUMNS,
} from "../../src/store/schema.ts";

// The floor of a batch of invitations: the rows Foyer writes for one batch call (each
// invitation, its token hash, its outbox reference, its audit record, and the tenant's
// counter), written by plain SQL inside the database in one transaction. Each row copies a
// row Foyer itself wrote (every column, so the floor follows the schema) with its keys and
// address made new: the database does the same work, and nothing of Foyer's runs.

/** One SQL literal (the values here are the bench's own, but quote them all the same). */
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** `insert into <table> (…every column…) select … from <table> where <key> = <template>`. */
function copyRows(
  table: string,
  columns: Record<string, { name: string }>,
  replace: Record<string, string>,
  where: string,
  count: number,
): string {
  const names = Object.values(columns).map((column) => column.name);
  const values = names.map((name) => replace[name] ?? `t.${JSON.stringify(name)}`);
  return `insert into ${table} (${names.map((name) => JSON.stringify(name)).join(", ")})
    select ${values.join(", ")} from ${table} t, generate_series(1, ${count}) as n
    where ${where}`;
}

/**
 * The floor's SQL (one simple-protocol string: begin, five inserts, commit) for `count`
 * invitations copied from the invitation `templateId` Foyer wrote with its token, email
 * and audit record. `label` makes the new keys unique per run.
 */
export function batchFloorSql(templateId: string, label: string, count: number): string {
  const key = (prefix: string) => `${literal(`${prefix}_${label}_`)} || n`;
  const invitation = key("floor_inv");
  const template = literal(templateId);
  const address = `${literal(`floor.${label}.`)} || n || '@floor.example.com'`;
  return [
    "begin",
    copyRows(
      "foyer_invitations",
      INVITATION_COLUMNS,
      { id: invitation, email: address },
      `t.id = ${template}`,
      count,
    ),
    copyRows(
      "foyer_invitation_tokens",
      TOKEN_COLUMNS,
      {
        hash: `encode(sha256(convert_to(${invitation}, 'UTF8')), 'hex')`,
        invitation_id: invitation,
      },
      `t.invitation_id = ${template}`,
      count,
    ),
    copyRows(
      "foyer_outbox",
      OUTBOX_COLUMNS,
      { id: key("floor_mail"), invitation_id: invitation, to: address },
      `t.invitation_id = ${template}`,
      count,
    ),
    copyRows(
      "foyer_audit_events",
      AUDIT_COLUMNS,
      { id: key("floor_aud"), invitation_id: invitation, subject_email: address },
      `t.invitation_id = ${template}`,
      count,
    ),
    `insert into foyer_invitation_counts as c (tenant_id, status, total)
      select tenant_id, status, ${count} from foyer_invitations where id = ${template}
      on conflict (tenant_id, status) do update set total = c.total + excluded.total`,
    "commit",
  ].join(";\n");
}
