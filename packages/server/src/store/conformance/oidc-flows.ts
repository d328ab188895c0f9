import { describe, expect, it } from "vitest";
import { CONSTRAINTS, UniqueViolationError } from "../errors.ts";
import type { OidcFlowRow, Store } from "../types.ts";
import { minutes, newId, tenantFixture } from "./fixtures.ts";

function flowFixture(tenantId: string, overrides: Partial<OidcFlowRow> = {}): OidcFlowRow {
  return {
    stateHash: newId("state"),
    providerId: "dev",
    tenantId,
    purpose: "join",
    tokenHash: newId("hash"),
    tokenKid: "k1",
    createdAt: minutes(-1),
    expiresAt: minutes(9),
    ...overrides,
  };
}

/** Sign-up flows with an identity provider: stored by state hash, taken once, purged. */
export function describeOidcFlows(store: () => Store): void {
  describe("identity sign-up flows", () => {
    it("R-LNK-06: a flow is taken exactly once, even by racing callbacks", async () => {
      const tenant = tenantFixture();
      await store().upsertTenant(tenant);
      const flow = flowFixture(tenant.id, { purpose: "accept" });
      await store().insertOidcFlow(flow);
      const duplicate = store().insertOidcFlow(
        flowFixture(tenant.id, { stateHash: flow.stateHash }),
      );
      await expect(duplicate).rejects.toBeInstanceOf(UniqueViolationError);
      await expect(duplicate).rejects.toMatchObject({ constraint: CONSTRAINTS.oidcFlowState });

      const taken = await Promise.all([
        store().takeOidcFlow(flow.stateHash),
        store().transaction((tx) => tx.takeOidcFlow(flow.stateHash)),
        store().takeOidcFlow(flow.stateHash),
      ]);
      expect(taken.filter((row) => row !== null)).toEqual([flow]);
      expect(await store().takeOidcFlow(flow.stateHash)).toBeNull();
    });

    it("R-LNK-06: deleteExpiredOidcFlows removes only flows expired by then", async () => {
      const tenant = tenantFixture();
      await store().upsertTenant(tenant);
      const expired = flowFixture(tenant.id, { expiresAt: minutes(-5) });
      const expiresNow = flowFixture(tenant.id, { expiresAt: minutes(0) });
      const live = flowFixture(tenant.id, { expiresAt: minutes(5) });
      for (const row of [expired, expiresNow, live]) await store().insertOidcFlow(row);

      expect(await store().deleteExpiredOidcFlows(minutes(0))).toBe(2);
      expect(await store().takeOidcFlow(expired.stateHash)).toBeNull();
      expect(await store().takeOidcFlow(expiresNow.stateHash)).toBeNull();
      expect(await store().takeOidcFlow(live.stateHash)).toEqual(live);
    });
  });
}
