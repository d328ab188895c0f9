import { describe, expect, it } from "vitest";
import { runWithConcurrency } from "./run-with-concurrency.ts";

describe("runWithConcurrency", () => {
  it("R-UI-01: bulk actions keep at most `limit` requests in flight and settle every item", async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await runWithConcurrency([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      if (n % 3 === 0) throw new Error(`no ${n}`);
      return n * 10;
    });
    expect(peak).toBe(3);
    expect(results.map((r) => r.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    expect(results[0]).toEqual({ item: 1, status: "fulfilled", value: 10 });
  });
});
