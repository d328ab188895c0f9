import { beforeEach, describe, expect, it } from "vitest";
import type { InvitationRow, Store } from "../types.ts";
import {
  expectedIds,
  FILTERS,
  invitationFixture,
  listDataset,
  NOW,
  pageThrough,
} from "./fixtures.ts";

/** Listing and counting invitations: filters, search, keyset pages, counts. */
export function describeListing(store: () => Store): void {
  describe("listing and counting (R-INV-09)", () => {
    let rows: InvitationRow[] = [];
    const tenantA = "ten_list_a";
    const tenantB = "ten_list_b";
    const base = {
      tenantIds: [tenantA],
      sort: "sentAt" as const,
      order: "desc" as const,
      limit: 4,
    };

    beforeEach(async () => {
      rows = listDataset(tenantA, tenantB);
      await store().insertInvitations(rows);
    });
    const rowsOf = (tenantId: string) => rows.filter((row) => row.tenantId === tenantId);

    it("R-INV-06: each status filter answers exactly its rows, pending rows past expiry counting as expired", async () => {
      for (const filter of FILTERS) {
        const page = await store().listInvitations({ ...base, filter, limit: 100, now: NOW });
        expect(
          page.map((row) => row.id),
          filter,
        ).toEqual(expectedIds(rowsOf(tenantA), { filter, sort: "sentAt", order: "desc" }));
      }
      const expired = await store().listInvitations({
        ...base,
        filter: "expired",
        limit: 100,
        now: NOW,
      });
      expect(expired.filter((row) => row.status === "pending")).toHaveLength(6);
    });

    it("R-INV-09: cursor pages sorted by sentAt or expiresAt, ascending or descending, visit every row exactly once in order", async () => {
      for (const sort of ["sentAt", "expiresAt"] as const) {
        for (const order of ["asc", "desc"] as const) {
          for (const filter of ["all", "pending", "history"] as const) {
            const ids = await pageThrough(store(), { ...base, filter, sort, order, limit: 3 });
            expect(ids, `${filter} ${sort} ${order}`).toEqual(
              expectedIds(rowsOf(tenantA), { filter, sort, order }),
            );
            expect(new Set(ids).size).toBe(ids.length);
          }
        }
      }
    });

    it("R-INV-09: search is a case-insensitive substring of the email and takes % and _ literally", async () => {
      const percent = invitationFixture({ tenantId: tenantA, email: "100%sure@example.com" });
      await store().insertInvitations([percent]);
      rows.push(percent);
      const search = async (text: string) =>
        (
          await store().listInvitations({
            ...base,
            filter: "all",
            search: text,
            limit: 100,
            now: NOW,
          })
        ).map((row) => row.id);

      expect(await search("PERSON0")).toEqual(
        expectedIds(rowsOf(tenantA), {
          filter: "all",
          search: "person0",
          sort: "sentAt",
          order: "desc",
        }),
      );
      expect(await search("_ops")).toEqual(
        expectedIds(rowsOf(tenantA), {
          filter: "all",
          search: "_ops",
          sort: "sentAt",
          order: "desc",
        }),
      );
      expect(await search("_ops")).toHaveLength(11);
      expect(await search("%")).toEqual([percent.id]);
      expect(await search("n_1")).toEqual([]);
      const pending = await pageThrough(store(), { ...base, filter: "pending", search: "OPS" });
      expect(pending).toEqual(
        expectedIds(rowsOf(tenantA), {
          filter: "pending",
          search: "ops",
          sort: "sentAt",
          order: "desc",
        }),
      );
    });

    it("R-INV-09: a list across several tenants pages through the rows of those tenants only", async () => {
      for (const order of ["asc", "desc"] as const) {
        const ids = await pageThrough(store(), {
          ...base,
          tenantIds: [tenantA, tenantB],
          filter: "all",
          order,
          limit: 5,
        });
        expect(ids).toEqual(expectedIds(rows, { filter: "all", sort: "sentAt", order }));
      }
      const onlyB = await pageThrough(store(), { ...base, tenantIds: [tenantB], filter: "all" });
      expect(onlyB.sort()).toEqual(
        rowsOf(tenantB)
          .map((row) => row.id)
          .sort(),
      );
      expect(
        await store().listInvitations({ ...base, tenantIds: [], filter: "all", now: NOW }),
      ).toEqual([]);
    });

    it("R-INV-09: countInvitations answers every status count in one call, with and without search", async () => {
      const expected = (tenantIds: string[], search?: string) => {
        const scoped = rows.filter((row) => tenantIds.includes(row.tenantId));
        return Object.fromEntries(
          FILTERS.map((filter) => [
            filter,
            expectedIds(scoped, { filter, search, sort: "sentAt", order: "asc" }).length,
          ]),
        );
      };
      const counts = await store().countInvitations([tenantA], undefined, NOW);
      expect(counts).toEqual(expected([tenantA]));
      expect(counts).toEqual({
        pending: 10,
        accepted: 7,
        expired: 9,
        revoked: 6,
        history: 22,
        all: 32,
      });
      expect(await store().countInvitations([tenantA, tenantB], undefined, NOW)).toEqual(
        expected([tenantA, tenantB]),
      );
      expect(await store().countInvitations([tenantA], "_OPS", NOW)).toEqual(
        expected([tenantA], "_ops"),
      );
      expect(await store().countInvitations([], undefined, NOW)).toEqual({
        pending: 0,
        accepted: 0,
        expired: 0,
        revoked: 0,
        history: 0,
        all: 0,
      });
    });

    it("R-INV-09: the tab counts follow every insert and status change, inside and outside transactions, and a rolled-back write leaves them as they were", async () => {
      // A full count reads every row: the oracle the counters are held to.
      const fullCount = (tenantIds: string[]) => {
        const scoped = rows.filter((row) => tenantIds.includes(row.tenantId));
        return Object.fromEntries(
          FILTERS.map((filter) => [
            filter,
            expectedIds(scoped, { filter, sort: "sentAt", order: "asc" }).length,
          ]),
        );
      };
      const settle = (id: string, patch: Partial<InvitationRow>) => {
        const index = rows.findIndex((row) => row.id === id);
        rows[index] = { ...rows[index]!, ...patch };
      };
      const pendingA = rowsOf(tenantA).filter(
        (row) => row.status === "pending" && row.expiresAt > NOW,
      );
      const lapsedA = rowsOf(tenantA).filter(
        (row) => row.status === "pending" && row.expiresAt <= NOW,
      );
      // Outside a transaction: accept one, revoke one, settle a lapsed one as expired.
      await store().updateInvitation(pendingA[0]!.id, { status: "accepted", acceptedAt: NOW });
      settle(pendingA[0]!.id, { status: "accepted" });
      await store().updateInvitation(pendingA[1]!.id, { status: "revoked", revokedAt: NOW });
      settle(pendingA[1]!.id, { status: "revoked" });
      await store().updateInvitation(lapsedA[0]!.id, { status: "expired" });
      settle(lapsedA[0]!.id, { status: "expired" });
      // A patch without a status leaves the counts alone.
      await store().updateInvitation(pendingA[2]!.id, { resendCount: 3 });
      expect(await store().countInvitations([tenantA], undefined, NOW)).toEqual(
        fullCount([tenantA]),
      );

      // Inside a transaction: its own reads see its writes before it commits.
      const fresh = invitationFixture({ tenantId: tenantA, email: "fresh@example.com" });
      await store().transaction(async (tx) => {
        await tx.insertInvitations([fresh]);
        await tx.updateInvitation(pendingA[3]!.id, { status: "revoked", revokedAt: NOW });
        // A refused insert (the address already has a pending invitation) is not counted.
        await expect(
          tx.insertInvitations([invitationFixture({ tenantId: tenantA, email: fresh.email })]),
        ).rejects.toMatchObject({ name: "UniqueViolationError" });
        rows.push(fresh);
        settle(pendingA[3]!.id, { status: "revoked" });
        expect(await tx.countInvitations([tenantA], undefined, NOW)).toEqual(fullCount([tenantA]));
        expect(await tx.countPendingInvitations(tenantA, NOW)).toBe(fullCount([tenantA]).pending);
      });
      expect(await store().countInvitations([tenantA], undefined, NOW)).toEqual(
        fullCount([tenantA]),
      );

      // A transaction that fails changes nothing.
      const before = fullCount([tenantA, tenantB]);
      await expect(
        store().transaction(async (tx) => {
          await tx.insertInvitations([
            invitationFixture({ tenantId: tenantB, email: "rolled@example.com" }),
          ]);
          await tx.updateInvitation(pendingA[4]!.id, { status: "accepted", acceptedAt: NOW });
          throw new Error("abort");
        }),
      ).rejects.toThrow("abort");
      expect(await store().countInvitations([tenantA, tenantB], undefined, NOW)).toEqual(before);
      // The counters agree with the search path, which counts row by row.
      expect(await store().countInvitations([tenantA, tenantB], undefined, NOW)).toEqual(
        await store().countInvitations([tenantA, tenantB], "@", NOW),
      );
      expect(await store().countPendingInvitations(tenantB, NOW)).toBe(
        fullCount([tenantB]).pending,
      );
    });
  });
}
