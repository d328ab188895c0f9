import { sql } from "kysely";
import { CONSTRAINTS } from "../errors.ts";
import type { InvitationRow, MemberRow, StoreOps } from "../types.ts";
import { CountDeltas, countedWrite } from "./invitation-counts.ts";
import { runPrepared } from "./prepared.ts";
import type { RowMapping } from "./row-mapping.ts";
import { bulkInsert, type Db, insertAll, ROWS_PER_BULK_INSERT } from "./sql.ts";
import { audit, invitations, members, outbox, tokens } from "./tables.ts";

// Creating invitations, one round trip for what the rules read and one for what they write:
// the single invitation is the most common write, and its cost is mostly round trips.

type Table =
  | "foyer_invitations"
  | "foyer_invitation_tokens"
  | "foyer_outbox"
  | "foyer_audit_events";

/** A row of `checkInvitees`' one statement: an open invitation, a member, or the seats taken. */
interface InviteeRow {
  kind: "invitation" | "member" | "seats";
  record: Record<string, unknown> | null;
  n: number | string | null;
}

interface Part {
  table: Table;
  mapping: RowMapping<unknown, unknown>;
  rows: readonly unknown[];
  key: string;
  keyConstraint: string;
}

/**
 * `insertNewInvitations` and `checkInvitees`. `deltas` collects the counter changes of the
 * transaction `db` belongs to (null outside one).
 */
export function newInvitationOps(
  db: Db,
  deltas: CountDeltas | null,
): Pick<StoreOps, "insertNewInvitations" | "checkInvitees"> {
  return {
    async insertNewInvitations(batch) {
      const parts = (
        [
          ["foyer_invitations", invitations, batch.invitations, "id", CONSTRAINTS.invitationId],
          ["foyer_invitation_tokens", tokens, batch.tokens, "hash", CONSTRAINTS.tokenHash],
          ["foyer_outbox", outbox, batch.emails, "id", CONSTRAINTS.outboxId],
          ["foyer_audit_events", audit, batch.audit, "id", CONSTRAINTS.auditId],
        ] as const
      )
        .map(
          ([table, mapping, rows, key, keyConstraint]): Part => ({
            table,
            mapping: mapping as RowMapping<unknown, unknown>,
            rows,
            key,
            keyConstraint,
          }),
        )
        .filter((part) => part.rows.length > 0);
      if (parts.length === 0) return;
      if (parts.some((part) => part.rows.length > ROWS_PER_BULK_INSERT)) {
        // More rows than one statement binds: table by table, in chunks.
        await countedWrite(db, deltas, { savepoint: false }, async (trx, counted) => {
          for (const part of parts) {
            await insertAll(trx, part.table, part.mapping, part.rows, {
              key: part.key as never,
              keyConstraint: part.keyConstraint,
              ...(part.table === "foyer_invitations"
                ? { otherConstraint: CONSTRAINTS.pendingInvitation }
                : {}),
            });
          }
          for (const row of batch.invitations) counted.add(row.tenantId, row.status, 1);
        });
        return;
      }
      // One statement, all or none: each table's insert is a data-modifying CTE (foreign keys
      // are checked at the end of the statement, so tokens may name the new invitations),
      // and the counters come last, as the transaction's last write (invitation-counts.ts):
      // every delta of the transaction, after the rows above are in (their unique indexes
      // are the only place this statement can wait). A failed statement ends a SQL
      // transaction, so the deltas need no undoing.
      const counted = new CountDeltas();
      if (deltas) counted.merge(deltas);
      for (const row of batch.invitations) counted.add(row.tenantId, row.status, 1);
      const names = parts.map((_, index) => `w${index}`);
      const written = sql.join(
        names.map((name) => sql`(select count(*) from ${sql.id(name)})`),
        sql` + `,
      );
      const counters = counted.take(sql`${written} >= 0`);
      deltas?.take();
      const writes = [
        ...parts.map(
          (part, index) =>
            sql`${sql.id(names[index]!)} as (${bulkInsert(part.table, part.mapping, part.rows)} returning 1)`,
        ),
        ...(counters ? [sql`counters as (${counters})`] : []),
      ];
      const statement = sql`with ${sql.join(writes)} select 1`;
      // A single invitation's rows (one per table) make one of a few fixed texts: prepared.
      if (parts.every((part) => part.rows.length === 1)) await runPrepared(db, statement);
      else await statement.execute(db);
    },

    async checkInvitees(tenantId, emails, seatsAt) {
      const lowered = [...new Set(emails.map((email) => email.toLowerCase()))];
      const seats =
        seatsAt === null
          ? sql``
          : sql`union all
            select 'seats', null,
              (select count(*) from foyer_members
                where tenant_id = ${tenantId} and status = 'active')
              + coalesce((select sum(total) from foyer_invitation_counts
                where tenant_id = ${tenantId} and status = 'pending'), 0)
              - (select count(*) from foyer_invitations
                where tenant_id = ${tenantId} and status = 'pending' and expires_at <= ${seatsAt})`;
      if (lowered.length === 0 && seatsAt === null)
        return { open: [], members: [], seatsTaken: null };
      // Both lookups probe their indexes once per address: (tenant_id, lower(email)) of
      // pending rows, and lower(email) of members. Each is a lateral subquery that `offset 0`
      // keeps from being flattened into a join, so the planner cannot trade the probes for a
      // hash join over every pending row of the tenant, which it did whenever the tenant's
      // statistics lagged behind its growth (21 ms instead of 1 ms for 1,000 addresses
      // against 20,000 pending rows). Not `= any(list)` either, which walks the tenant's
      // whole index range too (8 ms there). Rows travel as JSON so both tables fit one
      // result (and a prepared statement's result type does not change with a migration).
      const [only] = lowered;
      const one = lowered.length === 1 && only !== undefined;
      // One address (the single invitation, the most common write) is a one-row list, so
      // its text does not change with the batch: it runs prepared. A longer list is an
      // array parameter, planned per call.
      const wanted = () =>
        one
          ? sql`(values (cast(${only} as text))) as wanted(email)`
          : sql`unnest(cast(${lowered} as text[])) as wanted(email)`;
      const statement = sql<InviteeRow>`(select 'invitation' as kind, record, null::numeric as n
          from ${wanted()}
          cross join lateral (select i.id, to_jsonb(i) as record from foyer_invitations i
            where i.tenant_id = ${tenantId} and i.status = 'pending'
              and lower(i.email) = wanted.email offset 0) found
          order by found.id)
        union all
        (select 'member', record, null
          from ${wanted()}
          cross join lateral (select m.id, to_jsonb(m) as record from foyer_members m
            where lower(m.email) = wanted.email offset 0) found
          order by found.id)
        ${seats}`;
      const { rows } = await (one ? runPrepared(db, statement) : statement.execute(db));
      const open: InvitationRow[] = [];
      const found: MemberRow[] = [];
      let seatsTaken: number | null = null;
      for (const row of rows) {
        if (row.kind === "invitation" && row.record) open.push(invitations.fromJson(row.record));
        else if (row.kind === "member" && row.record) found.push(members.fromJson(row.record));
        else if (row.kind === "seats") {
          // The transaction's own unwritten counter changes count too.
          seatsTaken = Number(row.n) + (deltas?.get(tenantId, "pending") ?? 0);
        }
      }
      return { open, members: found, seatsTaken };
    },
  };
}
