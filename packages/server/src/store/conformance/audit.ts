import { describe, expect, it } from "vitest";
import type { AuditRow, Store } from "../types.ts";
import { auditFixture, byKey, minutes, newId } from "./fixtures.ts";

/** The audit trail. */
export function describeAudit(store: () => Store): void {
  describe("audit trail", () => {
    it("R-INV-14: audit events list newest first, filter by tenant or invitation, and page with a cursor", async () => {
      const invitationId = newId("inv");
      const events = [
        auditFixture({
          tenantId: "ten_a",
          invitationId,
          at: minutes(-50),
          action: "created",
          data: { batch: 1 },
        }),
        auditFixture({ tenantId: "ten_a", invitationId, at: minutes(-40), action: "resent" }),
        auditFixture({ tenantId: "ten_a", at: minutes(-30), action: "joined", source: "link" }),
        auditFixture({ tenantId: "ten_a", at: minutes(-30), action: "joined", source: "link" }),
        auditFixture({
          tenantId: "ten_a",
          invitationId,
          at: minutes(-30),
          action: "revoked",
          actorId: null,
          actorEmail: null,
          actorName: null,
        }),
        auditFixture({
          tenantId: "ten_b",
          at: minutes(-10),
          action: "expired",
          source: "system",
        }),
        auditFixture({
          tenantId: "ten_a",
          at: minutes(-5),
          action: "accepted",
          data: { nested: { ok: true }, list: [1, 2] },
        }),
      ];
      await store().insertAuditEvents(events);
      const newestFirst = (list: AuditRow[]) =>
        [...list].sort(
          (a, b) => -byKey({ time: a.at.getTime(), id: a.id }, { time: b.at.getTime(), id: b.id }),
        );
      const tenantA = newestFirst(events.filter((event) => event.tenantId === "ten_a"));

      expect(await store().listAuditEvents({ tenantIds: ["ten_a"], limit: 50 })).toEqual(tenantA);
      const paged: AuditRow[] = [];
      let before: { at: Date; id: string } | undefined;
      for (;;) {
        const page = await store().listAuditEvents({ tenantIds: ["ten_a"], limit: 2, before });
        paged.push(...page);
        const last = page.at(-1);
        if (page.length < 2 || !last) break;
        before = { at: last.at, id: last.id };
      }
      expect(paged.map((event) => event.id)).toEqual(tenantA.map((event) => event.id));

      expect(
        (await store().listAuditEvents({ invitationId, limit: 50 })).map((event) => event.action),
      ).toEqual(["revoked", "resent", "created"]);
      expect(await store().listAuditEvents({ tenantIds: ["ten_a", "ten_b"], limit: 1 })).toEqual([
        events[6],
      ]);
      expect(await store().listAuditEvents({ tenantIds: [], limit: 10 })).toEqual([]);
    });
  });
}
