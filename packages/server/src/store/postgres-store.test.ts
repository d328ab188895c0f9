import pg from "pg";
import { describe, expect, it } from "vitest";
import { createPostgresStore } from "../pg.ts";
import { describeServiceConformance } from "../services/service-conformance.ts";
import { describeStoreConformance } from "./conformance/describe-store-conformance.ts";
import { postgresStoreSetup, postgresTestUrl } from "./test-setups.ts";
import type { IdempotencyRow } from "./types.ts";

if (!postgresTestUrl) {
  console.info("Skipping the PostgreSQL store suite: FOYER_TEST_DATABASE_URL is not set.");
}

describe.skipIf(!postgresTestUrl)("PostgreSQL (FOYER_TEST_DATABASE_URL)", () => {
  describeStoreConformance("PostgreSQL", postgresStoreSetup);
  describeServiceConformance("PostgreSQL", postgresStoreSetup);

  it("R-SDK-07: a key in progress stays claimed while its instance lives and is claimed again the moment it is gone", async () => {
    const url = postgresTestUrl ?? "";
    const [owner, other] = await Promise.all([
      createPostgresStore({ connectionString: url, max: 2 }),
      createPostgresStore({ connectionString: url, max: 2 }),
    ]);
    try {
      const key = `owner-test:${crypto.randomUUID()}`;
      const claim = (requestHash: string): IdempotencyRow => ({
        key,
        requestHash,
        state: "in_progress",
        status: null,
        body: null,
        createdAt: new Date(),
        owner: null,
      });
      expect(await owner.claimIdempotencyKey(claim("first"))).toBeNull();
      const held = await other.claimIdempotencyKey(claim("second"));
      expect(held).toMatchObject({ requestHash: "first", state: "in_progress" });
      expect(held?.owner).toMatch(/^pg:\d+$/);
      // A finished key is never taken over, whoever wrote it.
      const doneKey = `${key}:done`;
      expect(await owner.claimIdempotencyKey({ ...claim("first"), key: doneKey })).toBeNull();
      await owner.completeIdempotencyKey(doneKey, 201, "{}");

      // The owner's session ends (as when its process dies): its key is free at once.
      await owner.close();
      expect(await other.claimIdempotencyKey(claim("second"))).toBeNull();
      expect(await other.claimIdempotencyKey(claim("third"))).toMatchObject({
        requestHash: "second",
      });
      expect(await other.claimIdempotencyKey({ ...claim("x"), key: doneKey })).toMatchObject({
        state: "done",
        status: 201,
      });

      // A key claimed before keys had owners counts as abandoned.
      const legacy = `${key}:legacy`;
      expect(await other.claimIdempotencyKey({ ...claim("old"), key: legacy })).toBeNull();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("update foyer_idempotency_keys set owner = null where key = $1", [
          legacy,
        ]);
      } finally {
        await client.end();
      }
      const fresh = await createPostgresStore({ connectionString: url, max: 2 });
      try {
        expect(await fresh.claimIdempotencyKey({ ...claim("new"), key: legacy })).toBeNull();
      } finally {
        await fresh.close();
      }
    } finally {
      await owner.close();
      await other.close();
    }
  });
});
