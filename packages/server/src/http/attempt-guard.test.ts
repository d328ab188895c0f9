import { describe, expect, it } from "vitest";
import { FoyerServiceError } from "../errors.ts";
import { createScryptHasher } from "../node.ts";
import { createMemoryStore } from "../store/memory/memory-store.ts";
import { createFoyerHandler } from "./handler.ts";
import type { RateLimits } from "./rate-limit.ts";
import { clientAddressKey, createMemoryRateLimiter } from "./rate-limit.ts";
import { createFakeServices, createRecordingLogger } from "./test-doubles.ts";

// R-SEC-03: password hashing cannot be starved. The hasher's queue is bounded, and accepts
// (the public route that costs a hash) are refused before any work once failures spent the
// budget of their client address, of their token, or of all clients together.

const GOOD = "g".repeat(43);

function setup(limits: Partial<RateLimits>, acceptService?: () => Promise<never>) {
  const calls: unknown[] = [];
  const { services } = createFakeServices(
    acceptService
      ? { acceptInvitation: acceptService }
      : {
          async acceptInvitation(body) {
            calls.push(body);
            const token = (body as { token: string }).token;
            if (token !== GOOD) throw new FoyerServiceError("TOKEN_INVALID");
            throw new FoyerServiceError("USER_ALREADY_EXISTS");
          },
        },
  );
  const handler = createFoyerHandler({
    services,
    hooks: { authenticate: () => null },
    store: createMemoryStore(),
    rateLimiter: createMemoryRateLimiter({
      public: { points: 1000, durationSeconds: 60 },
      ...limits,
    }),
    logger: createRecordingLogger(),
    maxBodyBytes: 4096,
  });
  async function accept(token: string, clientAddress: string) {
    const response = await handler(
      new Request("https://foyer.invalid/public/invitations/accept", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          token,
          firstName: "Nora",
          lastName: "Quinn",
          password: "Violet-Harbor-73!",
          passwordConfirmation: "Violet-Harbor-73!",
        }),
      }),
      { clientAddress },
    );
    const body = (await response.json()) as { error?: { code: string } };
    return {
      status: response.status,
      code: body.error?.code,
      retryAfter: response.headers.get("retry-after"),
    };
  }
  return { accept, calls };
}

const token = (n: number) => `t${String(n).padStart(42, "0")}`;
const tenMinutes = { durationSeconds: 600 };

describe("the scrypt hasher's queue (R-SEC-03)", () => {
  it("R-SEC-03: past its bounded queue a hash is refused at once with RATE_LIMITED and a retry time, before any running hash ends", async () => {
    const hasher = createScryptHasher({ N: 2 ** 14, concurrency: 1, maxQueue: 2 });
    expect(hasher.maxQueue).toBe(2);
    const settled: string[] = [];
    const attempts = Array.from({ length: 8 }, (_, i) =>
      hasher.hash(`Password-${i}!`).then(
        () => settled.push(`hashed ${i}`),
        (error: unknown) => {
          settled.push(`refused ${i}`);
          expect(error).toBeInstanceOf(FoyerServiceError);
          expect((error as FoyerServiceError).code).toBe("RATE_LIMITED");
          expect((error as FoyerServiceError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
        },
      ),
    );
    await Promise.all(attempts);
    // One running, two waiting; the other five are refused before the first hash is done.
    expect(settled.slice(0, 5)).toEqual([3, 4, 5, 6, 7].map((i) => `refused ${i}`));
    expect(settled.slice(5)).toEqual(["hashed 0", "hashed 1", "hashed 2"]);
    // verify shares the same queue.
    const hash = await hasher.hash("Correct-Horse-9!");
    const checks = await Promise.allSettled(
      Array.from({ length: 6 }, () => hasher.verify("Correct-Horse-9!", hash)),
    );
    expect(checks.filter((c) => c.status === "fulfilled" && c.value === true)).toHaveLength(3);
    expect(checks.filter((c) => c.status === "rejected")).toHaveLength(3);
  });

  it("R-SEC-03: a hash is not queued when the expected wait, from recent hash durations, exceeds maxWaitMs", async () => {
    const hasher = createScryptHasher({ N: 2 ** 14, concurrency: 1, maxQueue: 10, maxWaitMs: 1 });
    // One hash measured, so the hasher knows how long one takes.
    await hasher.hash("Warm-Up-Pass-1!");
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, (_, i) => hasher.hash(`Password-${i}!`)),
    );
    // The first finds the slot free; the rest would wait longer than 1 ms and are refused.
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "rejected", "rejected"]);
    const refusal = (results[1] as PromiseRejectedResult).reason as FoyerServiceError;
    expect(refusal.code).toBe("RATE_LIMITED");
    expect(refusal.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it("R-SEC-03: keeps OWASP's scrypt parameters and a queue of twice the concurrency by default", () => {
    const hasher = createScryptHasher();
    expect(hasher.params).toEqual({ N: 2 ** 17, r: 8, p: 1, keyLength: 32 });
    expect(hasher.maxQueue).toBe(2 * hasher.concurrency);
    expect(hasher.maxWaitMs).toBe(1000);
  });

  it("R-SEC-03: an accept refused by a full hasher answers 429 with Retry-After", async () => {
    const { accept } = setup({}, async () => {
      throw new FoyerServiceError("RATE_LIMITED", { retryAfterSeconds: 1 });
    });
    const answer = await accept(GOOD, "10.0.0.1");
    expect(answer).toEqual({ status: 429, code: "RATE_LIMITED", retryAfter: "1" });
  });
});

describe("failed accepts (R-SEC-03)", () => {
  it("R-SEC-03: failed accepts are limited per client address; other addresses go on", async () => {
    const { accept, calls } = setup({ failedPerAddress: { points: 3, ...tenMinutes } });
    for (let i = 0; i < 3; i += 1) {
      expect((await accept(token(i), "10.0.0.1")).code).toBe("TOKEN_INVALID");
    }
    const refused = await accept(token(9), "10.0.0.1");
    expect(refused.status).toBe(429);
    expect(refused.code).toBe("RATE_LIMITED");
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(600);
    expect(calls).toHaveLength(3);
    // The same subscriber's other IPv6 addresses share its /64 budget.
    for (let i = 0; i < 3; i += 1) await accept(token(i), `2001:db8:7:7::${i + 1}`);
    expect((await accept(token(5), "2001:db8:7:7:ffff::9")).status).toBe(429);
    expect((await accept(token(5), "10.0.0.2")).code).toBe("TOKEN_INVALID");
  });

  it("R-SEC-03: failed accepts of one token are limited from every address together", async () => {
    const { accept } = setup({
      failedPerAddress: { points: 100, ...tenMinutes },
      failedPerAccount: { points: 3, ...tenMinutes },
    });
    for (let i = 1; i <= 3; i += 1) {
      expect((await accept(token(1), `10.0.1.${i}`)).code).toBe("TOKEN_INVALID");
    }
    expect((await accept(token(1), "10.0.1.4")).status).toBe(429);
    expect((await accept(token(2), "10.0.1.4")).code).toBe("TOKEN_INVALID");
  });

  it("R-SEC-03: once failures across all clients spend the global budget, addresses that failed wait and fresh ones go ahead", async () => {
    const { accept } = setup({
      failedPerAddress: { points: 100, ...tenMinutes },
      failedGlobal: { points: 5, durationSeconds: 60 },
    });
    for (let i = 1; i <= 5; i += 1) {
      expect((await accept(token(i), `10.0.2.${i}`)).code).toBe("TOKEN_INVALID");
    }
    for (let i = 1; i <= 5; i += 1) {
      const refused = await accept(token(10 + i), `10.0.2.${i}`);
      expect(refused.status, `10.0.2.${i}`).toBe(429);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    }
    // Someone who has not failed (the invitee with the real link) is not locked out.
    expect((await accept(GOOD, "10.0.2.99")).code).toBe("USER_ALREADY_EXISTS");
  });

  it("only failures of the secret count: other refusals never lock anybody out", async () => {
    const { accept } = setup({ failedPerAddress: { points: 2, ...tenMinutes } });
    for (let i = 0; i < 5; i += 1) {
      expect((await accept(GOOD, "10.0.3.1")).code).toBe("USER_ALREADY_EXISTS");
    }
  });
});

describe("Retry-After (R-SEC-03)", () => {
  it("R-SEC-03: an address that comes back before its Retry-After is refused, and each early try counts as its failure", async () => {
    const limiter = createMemoryRateLimiter({
      failedPerAddress: { points: 3, ...tenMinutes },
      failedGlobal: { points: 1000, durationSeconds: 60 },
    });
    const hasty = { address: "10.0.4.1", account: "a@x.example" };
    await limiter.deferAttempts(hasty, 30);
    for (let i = 0; i < 3; i += 1) {
      const early = await limiter.checkAttempt(hasty);
      expect(early.ok).toBe(false);
      if (!early.ok) expect(early.retryAfterSeconds).toBeLessThanOrEqual(30);
    }
    // Three early tries spent the address's failure budget, for 15 minutes, not 30 seconds.
    const spent = await limiter.checkAttempt(hasty);
    expect(spent.ok).toBe(false);
    if (!spent.ok) expect(spent.retryAfterSeconds).toBeGreaterThan(30);
    // The account did nothing wrong; another address signs in to it.
    expect((await limiter.checkAttempt({ address: "10.0.4.2", account: "a@x.example" })).ok).toBe(
      true,
    );
  });

  it("R-SEC-03: an accept refused by a full hasher sets the Retry-After it answers", async () => {
    const { accept } = setup({ failedPerAddress: { points: 2, ...tenMinutes } }, async () => {
      throw new FoyerServiceError("RATE_LIMITED", { retryAfterSeconds: 30 });
    });
    expect((await accept(GOOD, "10.0.5.1")).retryAfter).toBe("30");
    // Straight back: refused by the limiter (no work), and it counts.
    for (let i = 0; i < 2; i += 1) {
      const early = await accept(GOOD, "10.0.5.1");
      expect(early.status).toBe(429);
      expect(Number(early.retryAfter)).toBeLessThanOrEqual(30);
    }
    expect(Number((await accept(GOOD, "10.0.5.1")).retryAfter)).toBeGreaterThan(30);
  });
});

describe("clientAddressKey", () => {
  it("counts IPv4 as is, IPv4-mapped IPv6 as IPv4, and IPv6 per /64", () => {
    expect(clientAddressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(clientAddressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(clientAddressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientAddressKey("2001:0db8:0001:0002:0:0:0:9")).toBe("2001:db8:1:2::/64");
    expect(clientAddressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientAddressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(clientAddressKey("::1")).toBe("0:0:0:0::/64");
    expect(clientAddressKey("unknown")).toBe("unknown");
  });
});

describe("failed joins (R-SEC-03, R-LNK-07)", () => {
  function joinSetup() {
    let hashed = 0;
    const { services } = createFakeServices({
      async joinWithInviteLink(body) {
        hashed += 1;
        const email = (body as { email: string }).email;
        if (email.startsWith("taken")) throw new FoyerServiceError("USER_ALREADY_EXISTS");
        throw new FoyerServiceError("PASSWORD_TOO_WEAK");
      },
    });
    const handler = createFoyerHandler({
      services,
      hooks: { authenticate: () => null },
      store: createMemoryStore(),
      rateLimiter: createMemoryRateLimiter({
        public: { points: 1000, durationSeconds: 60 },
        failedPerAddress: { points: 3, ...tenMinutes },
      }),
      logger: createRecordingLogger(),
      maxBodyBytes: 4096,
    });
    const join = async (email: string, clientAddress: string) => {
      const response = await handler(
        new Request("https://foyer.invalid/public/invite-links/join", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            token: GOOD,
            firstName: "Pia",
            lastName: "Probe",
            email,
            password: "Violet-Harbor-73!",
            passwordConfirmation: "Violet-Harbor-73!",
            acceptTerms: true,
          }),
        }),
        { clientAddress },
      );
      const body = (await response.json()) as { error?: { code: string } };
      return body.error?.code;
    };
    return { join, hashed: () => hashed };
  }

  it("R-LNK-07: probing which addresses are registered through a join spends the address's budget", async () => {
    const { join, hashed } = joinSetup();
    for (let i = 0; i < 3; i += 1) {
      expect(await join(`taken${i}@acme.com`, "10.0.6.1")).toBe("USER_ALREADY_EXISTS");
    }
    expect(await join("taken9@acme.com", "10.0.6.1")).toBe("RATE_LIMITED");
    expect(hashed()).toBe(3);
    // A weak password is the person's own mistake, not a probe: it locks nobody out.
    for (let i = 0; i < 5; i += 1) {
      expect(await join("fresh@acme.com", "10.0.6.2")).toBe("PASSWORD_TOO_WEAK");
    }
  });
});
