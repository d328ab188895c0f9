import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresRateLimiter } from "./postgres-rate-limiter.ts";

const url = process.env.FOYER_TEST_DATABASE_URL;
if (!url) {
  console.info(
    "postgres-rate-limiter.test.ts skipped: set FOYER_TEST_DATABASE_URL to a PostgreSQL database",
  );
}

describe.skipIf(!url)("createPostgresRateLimiter", () => {
  let pool: pg.Pool;
  const tableName = `foyer_rl_test_${Date.now().toString(36)}`;

  beforeAll(() => {
    pool = new pg.Pool({ connectionString: url, max: 4 });
  });
  afterAll(async () => {
    await pool.query(`drop table if exists "${tableName}"`);
    await pool.end();
  });

  it("R-SDK-07: two limiter instances on one pool share each budget (several servers, one count)", async () => {
    const limits = { public: { points: 3, durationSeconds: 60 } };
    const first = createPostgresRateLimiter({ pool, limits, tableName });
    const second = createPostgresRateLimiter({ pool, limits, tableName });
    const address = `10.1.${Math.floor(Math.random() * 250)}.7`;
    expect((await first.consume("public", address)).ok).toBe(true);
    expect((await second.consume("public", address)).ok).toBe(true);
    expect((await first.consume("public", address)).ok).toBe(true);
    const refused = await second.consume("public", address);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    expect((await first.consume("public", `${address}9`)).ok).toBe(true);
    const { rows } = await pool.query<{ points: number }>(
      `select points from "${tableName}" where key = $1`,
      [`foyer_public:${address}`],
    );
    expect(rows[0]?.points).toBe(4);
  });

  it("R-SDK-07: the create bucket counts apart from public, and long keys still count apart", async () => {
    const limiter = createPostgresRateLimiter({
      pool,
      limits: { create: { points: 1, durationSeconds: 60 } },
      tableName,
    });
    const longA = `a${"x".repeat(300)}`;
    const longB = `b${"x".repeat(300)}`;
    expect((await limiter.consume("create", longA)).ok).toBe(true);
    expect((await limiter.consume("create", longA)).ok).toBe(false);
    expect((await limiter.consume("create", longB)).ok).toBe(true);
    expect((await limiter.consume("public", longA)).ok).toBe(true);
  });

  it("R-SEC-03: failed attempts count across instances: per address, per account, and the global lockdown", async () => {
    const limits = {
      failedPerAddress: { points: 3, durationSeconds: 600 },
      failedPerAccount: { points: 100, durationSeconds: 600 },
      failedGlobal: { points: 5, durationSeconds: 60 },
    };
    const first = createPostgresRateLimiter({ pool, limits, tableName: `${tableName}_f` });
    const second = createPostgresRateLimiter({ pool, limits, tableName: `${tableName}_f` });
    const net = `10.2.${Math.floor(Math.random() * 250)}`;
    // Three failures from one address, spread over both instances, spend its budget.
    await first.recordAttempt({ address: `${net}.1`, account: "a@x.example" }, "failed");
    await second.recordAttempt({ address: `${net}.1`, account: "b@x.example" }, "failed");
    expect((await first.checkAttempt({ address: `${net}.1` })).ok).toBe(true);
    await first.recordAttempt({ address: `${net}.1`, account: "c@x.example" }, "failed");
    expect((await second.checkAttempt({ address: `${net}.1` })).ok).toBe(false);
    // Two more from other addresses spend the global budget of 5: whoever failed waits…
    await second.recordAttempt({ address: `${net}.2`, account: "d@x.example" }, "failed");
    await first.recordAttempt({ address: `${net}.3`, account: "e@x.example" }, "failed");
    expect((await first.checkAttempt({ address: `${net}.2` })).ok).toBe(false);
    expect((await second.checkAttempt({ address: `${net}.3` })).ok).toBe(false);
    // …and an address without failures goes ahead.
    expect((await second.checkAttempt({ address: `${net}.4`, account: "f@x.example" })).ok).toBe(
      true,
    );
    // A Retry-After given by one instance holds on the other.
    await first.deferAttempts({ address: `${net}.5` }, 30);
    expect((await second.checkAttempt({ address: `${net}.5` })).ok).toBe(false);
    expect((await second.checkAttempt({ address: `${net}.6` })).ok).toBe(true);
    await pool.query(`drop table if exists "${tableName}_f"`);
  });
});
