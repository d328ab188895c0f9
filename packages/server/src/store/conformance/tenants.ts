import type { Role } from "@foyer/core";
import { describe, expect, it } from "vitest";
import { CONSTRAINTS, UniqueViolationError } from "../errors.ts";
import type { Store } from "../types.ts";
import { memberFixture, newId, tenantFixture } from "./fixtures.ts";

/** Tenants, roles and members: the host data Foyer keeps. */
export function describeTenants(store: () => Store): void {
  describe("tenants, roles and members", () => {
    it("R-SDK-04: a tenant round-trips, a second upsert updates it, and children are listed", async () => {
      const parent = tenantFixture({ name: "MSP", seatLimit: 10 });
      const child = tenantFixture({
        parentId: parent.id,
        name: "Client",
        logoUrl: "https://cdn.example.com/logo.png",
        accentColor: "#0a7",
        inviteBaseUrl: "https://client.example.com",
        ssoEnabled: true,
        seatLimit: 0,
        settings: {
          defaultExpiry: "3d",
          maxExpiry: "14d",
          reminderEnabled: true,
          reminderLeadHours: 24,
          requireEmailVerification: true,
          allowedDomains: ["example.com", "xn--bcher-kva.example"],
          emailLocale: "de",
          notifyInviterOnAccept: true,
        },
      });
      await store().upsertTenant(parent);
      await store().upsertTenant(child);
      expect(await store().getTenant(child.id)).toEqual(child);
      expect(await store().getTenant("missing")).toBeNull();

      await store().upsertTenant({ ...parent, status: "cancelled", seatLimit: null });
      expect(await store().getTenant(parent.id)).toEqual({
        ...parent,
        status: "cancelled",
        seatLimit: null,
      });
      expect(await store().listChildTenants(parent.id)).toEqual([child]);
      expect(await store().listChildTenants(child.id)).toEqual([]);
    });

    it("R-TEN-01: listTenantTree answers a tenant and every tenant below it, at any depth, and nothing else", async () => {
      const tenant = (id: string, parentId: string | null) => tenantFixture({ id, parentId });
      const tree = [
        tenant("t_root", null),
        tenant("t_b", "t_root"),
        tenant("t_a", "t_root"),
        tenant("t_a_1", "t_a"),
        tenant("t_a_1_x", "t_a_1"),
      ];
      for (const row of [...tree, tenant("t_other", null), tenant("t_other_1", "t_other")]) {
        await store().upsertTenant(row);
      }
      const ids = async (rootId: string) =>
        (await store().listTenantTree(rootId)).map((row) => row.id);
      expect(await ids("t_root")).toEqual(["t_a", "t_a_1", "t_a_1_x", "t_b", "t_root"]);
      expect(await store().listTenantTree("t_root")).toEqual(
        [...tree].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      expect(await ids("t_a_1")).toEqual(["t_a_1", "t_a_1_x"]);
      expect(await ids("t_b")).toEqual(["t_b"]);
      expect(await ids("missing")).toEqual([]);
    });

    it("R-SDK-04: roles round-trip with their permissions, highest rank first", async () => {
      const admin: Role = {
        id: newId("role"),
        name: "Admin",
        description: "Everything",
        rank: 100,
        permissions: ["invitations:read", "invitations:create", "invite_links:manage"],
        mspStaff: true,
        tenantId: null,
      };
      const user: Role = {
        id: newId("role"),
        name: "User",
        description: null,
        rank: 10,
        permissions: [],
        mspStaff: false,
        tenantId: "ten_1",
      };
      await store().upsertRole(user);
      await store().upsertRole(admin);
      expect(await store().listRoles()).toEqual([admin, user]);
      await store().upsertRole({ ...user, rank: 200, name: "Renamed" });
      expect(await store().listRoles()).toEqual([{ ...user, rank: 200, name: "Renamed" }, admin]);
    });

    it("R-TEN-01: getAccessScope answers what listRoles and listTenantTree answer, and the ancestors nearest first, together", async () => {
      const root = tenantFixture({
        id: "t_root",
        parentId: null,
        seatLimit: 5,
        settings: { ...tenantFixture().settings, allowedDomains: ["example.com"] },
      });
      for (const row of [
        root,
        tenantFixture({ id: "t_b", parentId: "t_root", ssoEnabled: true }),
        tenantFixture({ id: "t_a", parentId: "t_root", logoUrl: "https://x.example/l.png" }),
        tenantFixture({ id: "t_other", parentId: null }),
      ]) {
        await store().upsertTenant(row);
      }
      for (const [rank, permissions] of [
        [10, []],
        [50, ["invitations:read"]],
        [50, ["invitations:create"]],
      ] as const) {
        await store().upsertRole({
          id: newId("role"),
          name: `Rank ${rank}`,
          description: null,
          rank,
          permissions: [...permissions],
          mspStaff: false,
          tenantId: rank === 10 ? "t_a" : null,
        });
      }
      const both = await store().getAccessScope("t_root");
      expect(both.roles).toEqual(await store().listRoles());
      expect(both.roles).toHaveLength(3);
      expect(both.tree).toEqual(await store().listTenantTree("t_root"));
      expect(both.tree.map((row) => row.id)).toEqual(["t_a", "t_b", "t_root"]);
      expect(both.tree.find((row) => row.id === "t_root")).toEqual(root);
      expect(both.ancestors).toEqual([]);
      const deep = tenantFixture({ id: "t_b_1", parentId: "t_b" });
      await store().upsertTenant(deep);
      const below = await store().getAccessScope("t_b_1");
      expect(below.tree).toEqual([deep]);
      expect(below.ancestors.map((row) => row.id)).toEqual(["t_b", "t_root"]);
      expect(below.ancestors[1]).toEqual(root);
      expect(await store().getAccessScope("missing")).toEqual({
        roles: both.roles,
        tree: [],
        ancestors: [],
      });
    });

    it("R-INV-04: findMembersByEmails matches addresses case-insensitively in every tenant", async () => {
      const a = memberFixture({ tenantId: "ten_a", email: "dana@example.com" });
      const b = memberFixture({
        tenantId: "ten_b",
        email: "dana@example.com",
        status: "inactive",
      });
      const other = memberFixture({ tenantId: "ten_a", email: "erin@example.com" });
      for (const member of [a, b, other]) await store().insertMember(member);

      const found = await store().findMembersByEmails(["DANA@Example.com", "nobody@example.com"]);
      expect(found.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
      expect(found.find((m) => m.id === b.id)).toEqual(b);
      expect(await store().findMembersByEmails([])).toEqual([]);
    });

    it("R-INV-05: countActiveMembers counts only the tenant's active members", async () => {
      await store().insertMember(memberFixture({ tenantId: "ten_a" }));
      await store().insertMember(memberFixture({ tenantId: "ten_a" }));
      await store().insertMember(memberFixture({ tenantId: "ten_a", status: "inactive" }));
      await store().insertMember(memberFixture({ tenantId: "ten_b" }));
      expect(await store().countActiveMembers("ten_a")).toBe(2);
      expect(await store().countActiveMembers("ten_none")).toBe(0);
    });

    it("a user is a member of a tenant once: a second membership throws UniqueViolationError", async () => {
      const member = memberFixture({ tenantId: "ten_a" });
      await store().insertMember(member);
      const again = store().insertMember({ ...member, id: newId("mem") });
      await expect(again).rejects.toBeInstanceOf(UniqueViolationError);
      await expect(again).rejects.toMatchObject({ constraint: CONSTRAINTS.memberTenantUser });
      await store().insertMember({ ...member, id: newId("mem"), tenantId: "ten_b" });
      expect(await store().findMembersByEmails([member.email])).toHaveLength(2);
    });
  });
}
