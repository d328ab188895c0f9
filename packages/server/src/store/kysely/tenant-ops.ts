import { type Selectable, sql } from "kysely";
import type { TenantsTable } from "../schema.ts";
import { nearestFirst } from "../tenant-tree.ts";
import type { MemberRow, StoreOps } from "../types.ts";
import { runPrepared } from "./prepared.ts";
import { chunk, type Db, MAX_IN_LIST } from "./sql.ts";
import { members, roles, tenants } from "./tables.ts";

/** Tenants, roles and members: the host's data, synchronised into Foyer. */
export function tenantOps(
  db: Db,
): Pick<
  StoreOps,
  | "getTenant"
  | "listChildTenants"
  | "listTenantTree"
  | "upsertTenant"
  | "listRoles"
  | "upsertRole"
  | "getAccessScope"
  | "findMembersByEmails"
  | "insertMember"
  | "countActiveMembers"
> {
  return {
    async getTenant(id) {
      const row = await db
        .selectFrom("foyer_tenants")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? tenants.fromRecord(row) : null;
    },

    async listChildTenants(parentId) {
      const rows = await db
        .selectFrom("foyer_tenants")
        .selectAll()
        .where("parent_id", "=", parentId)
        .orderBy("id")
        .execute();
      return rows.map(tenants.fromRecord);
    },

    async listTenantTree(rootId) {
      // `union`, not `union all`: a parent loop written by hand ends instead of recursing.
      const { rows } = await sql<Selectable<TenantsTable>>`with recursive tree as (
          select * from foyer_tenants where id = ${rootId}
          union
          select child.* from foyer_tenants child join tree on child.parent_id = tree.id
        ) select * from tree order by id`.execute(db);
      return rows.map(tenants.fromRecord);
    },

    async upsertTenant(tenant) {
      const { id, ...values } = tenants.toRecord(tenant);
      await db
        .insertInto("foyer_tenants")
        .values({ id, ...values })
        .onConflict((conflict) => conflict.column("id").doUpdateSet(values))
        .execute();
    },

    async listRoles() {
      const rows = await db
        .selectFrom("foyer_roles")
        .selectAll()
        .orderBy("rank", "desc")
        .orderBy("id")
        .execute();
      return rows.map(roles.fromRecord);
    },

    async upsertRole(role) {
      const { id, ...values } = roles.toRecord(role);
      await db
        .insertInto("foyer_roles")
        .values({ id, ...values })
        .onConflict((conflict) => conflict.column("id").doUpdateSet(values))
        .execute();
    },

    async getAccessScope(tenantId) {
      // The three lists travel as JSON (no tenant or role column is a timestamp).
      // Every admin call reads it: a prepared statement (planning it took longer than running it).
      const { rows } = await runPrepared(
        db,
        sql<{
          roles: Record<string, unknown>[];
          tree: Record<string, unknown>[];
          ancestors: Record<string, unknown>[];
        }>`select
          (select coalesce(jsonb_agg(to_jsonb(r) order by r.rank desc, r.id), '[]'::jsonb)
            from foyer_roles r) as roles,
          (with recursive tree as (
              select * from foyer_tenants where id = ${tenantId}
              union
              select child.* from foyer_tenants child join tree on child.parent_id = tree.id
            ) select coalesce(jsonb_agg(to_jsonb(t) order by t.id), '[]'::jsonb) from tree t
          ) as tree,
          (with recursive up as (
              select parent.* from foyer_tenants parent
                join foyer_tenants t on parent.id = t.parent_id where t.id = ${tenantId}
              union
              select parent.* from foyer_tenants parent join up on parent.id = up.parent_id
            ) select coalesce(jsonb_agg(to_jsonb(u)), '[]'::jsonb) from up u
          ) as ancestors`,
      );
      const row = rows[0];
      const tree = (row?.tree ?? []).map(tenants.fromJson);
      return {
        roles: (row?.roles ?? []).map(roles.fromJson),
        tree,
        ancestors: nearestFirst(tree, (row?.ancestors ?? []).map(tenants.fromJson), tenantId),
      };
    },

    async findMembersByEmails(emails) {
      const found: MemberRow[] = [];
      const lowered = [...new Set(emails.map((email) => email.toLowerCase()))];
      for (const part of chunk(lowered, MAX_IN_LIST)) {
        const rows = await db
          .selectFrom("foyer_members")
          .selectAll()
          .where(sql<string>`lower(email)`, "in", part)
          .orderBy("id")
          .execute();
        found.push(...rows.map(members.fromRecord));
      }
      return found;
    },

    async insertMember(member) {
      await db.insertInto("foyer_members").values(members.toRecord(member)).execute();
    },

    async countActiveMembers(tenantId) {
      const row = await db
        .selectFrom("foyer_members")
        .select((eb) => eb.cast<number>(eb.fn.countAll(), "integer").as("count"))
        .where("tenant_id", "=", tenantId)
        .where("status", "=", "active")
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
  };
}
