import { request } from "node:http";
import { createScryptHasher } from "@foyer/server/node";
import { afterEach, describe, expect, it } from "vitest";
import type { ReferenceAppOptions } from "./app.ts";
import { SEEDED_SIGN_INS } from "./seed.ts";
import { type RunningApp, startApp } from "./test-kit.ts";

// R-SEC-03 at the reference app's sign-in: failures count per client address, per account
// and across all clients, and the password hasher's queue is bounded. Clients come from
// loopback aliases (127.0.0.x, all routed to `lo` on Linux), so each has a real socket
// address of its own; the app trusts no forwarded header.

const alex = SEEDED_SIGN_INS.find((s) => s.email === "alex@acme.example")!;
const morgan = SEEDED_SIGN_INS.find((s) => s.roleId === "msp_admin")!;
const grace = SEEDED_SIGN_INS.find((s) => s.email === "grace@guardian.example")!;

let running: RunningApp | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(options: Partial<ReferenceAppOptions> = {}): Promise<RunningApp> {
  running = await startApp({
    inMemory: true,
    seed: true,
    passwordHasher: createScryptHasher({ N: 2 ** 14 }),
    loginRateLimit: { points: 1000, durationSeconds: 60 },
    ...options,
  });
  return running;
}

interface SignInAnswer {
  status: number;
  retryAfter: string | undefined;
  ms: number;
}

/** `POST /login` from the client address `from` (a 127.0.0.x alias). */
function signInFrom(from: string, email: string, password: string): Promise<SignInAnswer> {
  const { port } = new URL(running!.baseUrl);
  const body = JSON.stringify({ email, password });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        localAddress: from,
        method: "POST",
        path: "/login",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers["retry-after"],
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("failed sign-ins (R-SEC-03)", () => {
  it("R-SEC-03: failed sign-ins are limited per client address; other addresses still sign in", async () => {
    await start({ loginFailureLimits: { failedPerAddress: { points: 3, durationSeconds: 600 } } });
    for (let i = 0; i < 3; i += 1) {
      expect((await signInFrom("127.0.0.11", alex.email, "Wrong-Password-1!")).status).toBe(401);
    }
    // Spent: even the right password is refused from there, before it is hashed.
    const refused = await signInFrom("127.0.0.11", morgan.email, morgan.password);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(600);
    expect((await signInFrom("127.0.0.12", alex.email, alex.password)).status).toBe(200);
  });

  it("R-SEC-03: failed sign-ins of one account from many addresses lock that account only; a success clears them", async () => {
    await start({
      loginFailureLimits: {
        failedPerAccount: { points: 3, durationSeconds: 600 },
        failedGlobal: { points: 1000, durationSeconds: 60 },
      },
    });
    for (const from of ["127.0.0.21", "127.0.0.22", "127.0.0.23"]) {
      expect((await signInFrom(from, alex.email, "Wrong-Password-1!")).status).toBe(401);
    }
    // The address is normalised: case and spacing do not make another account.
    const locked = await signInFrom("127.0.0.24", ` ${alex.email.toUpperCase()}`, alex.password);
    expect(locked.status).toBe(429);
    expect((await signInFrom("127.0.0.24", morgan.email, morgan.password)).status).toBe(200);

    // Failures before a success do not add up with those after it.
    for (const outcome of [401, 401, 200, 401, 401, 200]) {
      const password = outcome === 200 ? grace.password : "Wrong-Password-1!";
      expect((await signInFrom("127.0.0.25", grace.email, password)).status).toBe(outcome);
    }
  });

  it("R-SEC-03: once failures from many addresses spend the global budget, those addresses wait and a legitimate sign-in goes through", async () => {
    await start({
      loginFailureLimits: {
        failedPerAddress: { points: 100, durationSeconds: 600 },
        failedGlobal: { points: 5, durationSeconds: 60 },
      },
    });
    const flood = Array.from({ length: 10 }, (_, i) => `127.0.0.${31 + i}`);
    // Each address fails once: 5 spend the global budget, and the other 5, which had not
    // failed yet, still get their (failing) try.
    for (const from of flood) {
      expect((await signInFrom(from, `nobody${from}@acme.example`, "Guess-123456!")).status).toBe(
        401,
      );
    }
    // The global budget is spent: every flooding address is refused before hashing.
    const second = await Promise.all(
      flood.map((from) => signInFrom(from, alex.email, "Guess-123456!")),
    );
    for (const answer of second) {
      expect(answer.status).toBe(429);
      expect(Number(answer.retryAfter)).toBeLessThanOrEqual(60);
    }
    // Someone who has not failed signs in.
    expect((await signInFrom("127.0.0.50", alex.email, alex.password)).status).toBe(200);
  });
});

describe("the password hasher's queue (R-SEC-03)", () => {
  it("R-SEC-03: sign-ins beyond the hasher's bounded queue are refused at once with 429 and Retry-After", async () => {
    // One hash at a time and one waiting, at a cost that keeps a hash busy for a while.
    await start({
      passwordHasher: createScryptHasher({ N: 2 ** 16, concurrency: 1, maxQueue: 1 }),
    });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        signInFrom(`127.0.0.${60 + i}`, alex.email, i === 0 ? alex.password : "Wrong-1!aA"),
      ),
    );
    const refused = answers.filter((a) => a.status === 429);
    const checked = answers.filter((a) => a.status === 200 || a.status === 401);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(checked.length).toBeGreaterThanOrEqual(2);
    expect(refused.length + checked.length).toBe(8);
    for (const answer of refused) expect(answer.retryAfter).toBe("1");
    // The refusals did not wait for the hashes.
    const slowestRefusal = Math.max(...refused.map((a) => a.ms));
    const slowestCheck = Math.max(...checked.map((a) => a.ms));
    expect(slowestRefusal).toBeLessThan(slowestCheck);
  });
});
