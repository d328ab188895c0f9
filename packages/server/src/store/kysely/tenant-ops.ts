import { type Selectable, sql } from "kysely";
import type { TenantsTable } from "../schema.ts";
import type { MemberRow, StoreOps } from "../types.ts";
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
