import { describe, expect, it } from "vitest";
import { createMemoryRateLimiter, DEFAULT_RATE_LIMITS } from "./rate-limit.ts";

describe("createMemoryRateLimiter", () => {
  it("R-SDK-07: by default 30 public requests per minute pass per address, the 31st is refused", async () => {
    const limiter = createMemoryRateLimiter();
    expect(DEFAULT_RATE_LIMITS.public).toEqual({ points: 30, durationSeconds: 60 });
    for (let i = 0; i < 30; i += 1) {
      expect(await limiter.consume("public", "10.0.0.1")).toEqual({ ok: true });
    }
    const refused = await limiter.consume("public", "10.0.0.1");
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    expect(await limiter.consume("public", "10.0.0.2")).toEqual({ ok: true });
  });

  it("R-SDK-07: by default 120 creates per minute pass per actor, in a bucket apart from public", async () => {
    const limiter = createMemoryRateLimiter();
    for (let i = 0; i < 120; i += 1) {
      expect((await limiter.consume("create", "actor-1")).ok).toBe(true);
    }
    expect((await limiter.consume("create", "actor-1")).ok).toBe(false);
    expect((await limiter.consume("public", "actor-1")).ok).toBe(true);
  });

  it("R-SDK-07: custom limits replace the defaults per bucket and the window ends", async () => {
    const limiter = createMemoryRateLimiter({ public: { points: 1, durationSeconds: 1 } });
    expect((await limiter.consume("public", "a")).ok).toBe(true);
    const refused = await limiter.consume("public", "a");
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await limiter.consume("public", "a")).ok).toBe(true);
    for (let i = 0; i < 120; i += 1) await limiter.consume("create", "b");
    expect((await limiter.consume("create", "b")).ok).toBe(false);
  });
});
