import { describe, expect, it } from "vitest";
import type { IdempotencyRow, Store } from "../types.ts";
import { NOW, newId } from "./fixtures.ts";

/** Idempotency keys. */
export function describeIdempotency(store: () => Store): void {
  describe("idempotency keys (R-SDK-08)", () => {
    const claim = (key: string, requestHash = "hash-1"): IdempotencyRow => ({
      key,
      requestHash,
      state: "in_progress",
      status: null,
      body: null,
      createdAt: NOW,
      owner: null,
    });
    /** A stored row without its owner, which each store sets its own way. */
    const unowned = (row: IdempotencyRow | null) => (row ? { ...row, owner: null } : row);

    it("R-SDK-08: a key is claimed once; later claims answer the stored row; complete stores the answer; release frees the key", async () => {
      const key = newId("idem");
      expect(await store().claimIdempotencyKey(claim(key))).toBeNull();
      expect(unowned(await store().claimIdempotencyKey(claim(key, "hash-2")))).toEqual(claim(key));

      await store().completeIdempotencyKey(key, 201, '{"created":1}');
      expect(unowned(await store().claimIdempotencyKey(claim(key)))).toEqual({
        ...claim(key),
        state: "done",
        status: 201,
        body: '{"created":1}',
      });

      await store().releaseIdempotencyKey(key);
      expect(await store().claimIdempotencyKey(claim(key, "hash-3"))).toBeNull();
      expect(await store().claimIdempotencyKey(claim(key))).toMatchObject({
        requestHash: "hash-3",
      });
    });

    it("R-SDK-08: of two concurrent claims of one key exactly one wins", async () => {
      const key = newId("idem");
      const results = await Promise.all([
        store().claimIdempotencyKey(claim(key, "first")),
        store().claimIdempotencyKey(claim(key, "second")),
      ]);
      expect(results.filter((result) => result === null)).toHaveLength(1);
      const loser = results.find((result) => result !== null);
      expect(["first", "second"]).toContain(loser?.requestHash);
      expect(loser?.state).toBe("in_progress");
    });
  });
}
