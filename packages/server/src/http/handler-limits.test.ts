import { describe, expect, it } from "vitest";
import { FoyerServiceError } from "../errors.ts";
import { hashRequest } from "./idempotency.ts";
import { createMemoryRateLimiter } from "./rate-limit.ts";
import { CREATE_BODY, setup } from "./test-setups.ts";

describe("createFoyerHandler: rate limits", () => {
  it("R-SDK-07: public routes are limited per client address with 429 and Retry-After", async () => {
    const { send, calls } = setup({
      rateLimiter: createMemoryRateLimiter({ public: { points: 2, durationSeconds: 60 } }),
    });
    const preview = (clientAddress: string) =>
      send("POST", "/public/invitations/preview", { json: { token: "t" }, clientAddress });
    expect((await preview("10.0.0.1")).status).toBe(200);
    expect((await preview("10.0.0.1")).status).toBe(200);
    const refused = await preview("10.0.0.1");
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    const retryAfter = Number(refused.response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.response.headers.get("referrer-policy")).toBe("no-referrer");
    expect((await preview("10.0.0.2")).status).toBe(200);
    expect(calls).toHaveLength(3);
  });

  it("R-SDK-07: creation is limited per actor, not per address", async () => {
    const { send } = setup({
      rateLimiter: createMemoryRateLimiter({ create: { points: 1, durationSeconds: 60 } }),
    });
    const create = (actor: string, clientAddress: string) =>
      send("POST", "/invitations", { json: CREATE_BODY, actor, clientAddress });
    expect((await create("actor-1", "10.0.0.1")).status).toBe(200);
    const refused = await create("actor-1", "10.0.0.9");
    expect(refused.status).toBe(429);
    expect(refused.response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await create("actor-2", "10.0.0.1")).status).toBe(200);
    expect((await send("GET", "/invitations")).status).toBe(200);
  });
});

describe("createFoyerHandler: Idempotency-Key", () => {
  const withKey = (key: string, json: unknown = CREATE_BODY, actor = "actor-1") => ({
    json,
    actor,
    headers: { "idempotency-key": key },
  });

  it("R-SDK-08: a retry with the same key replays the first answer and runs the service once", async () => {
    const { send, calls } = setup();
    const first = await send("POST", "/invitations", withKey("k-1"));
    const second = await send("POST", "/invitations", withKey("k-1", { ...CREATE_BODY }));
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.response.headers.get("idempotency-replayed")).toBe("true");
    expect(first.response.headers.get("idempotency-replayed")).toBeNull();
    expect(calls.filter((call) => call.method === "createInvitations")).toHaveLength(1);
  });

  it("R-SDK-08: key order does not change the request hash", async () => {
    const { send, calls } = setup();
    await send("POST", "/invitations", withKey("k-order", CREATE_BODY));
    const reordered = await send(
      "POST",
      "/invitations",
      withKey("k-order", { roleId: "client_user", emails: CREATE_BODY.emails, tenantId: "acme" }),
    );
    expect(reordered.status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it("R-SDK-08: the same key with another body answers 422 IDEMPOTENCY_KEY_REUSED", async () => {
    const { send, calls } = setup();
    await send("POST", "/invitations", withKey("k-2"));
    const other = await send(
      "POST",
      "/invitations",
      withKey("k-2", { ...CREATE_BODY, emails: ["other@acme.example.com"] }),
    );
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(calls).toHaveLength(1);
  });

  it("R-SDK-08: keys are scoped per actor and per route", async () => {
    const { send, calls } = setup();
    await send("POST", "/invitations", withKey("shared"));
    expect(
      (await send("POST", "/invitations", withKey("shared", CREATE_BODY, "actor-2"))).status,
    ).toBe(200);
    const resend = await send("POST", "/invitations/inv-1/resend", withKey("shared", {}));
    expect(resend.status).toBe(200);
    expect(calls.map((call) => call.method)).toEqual([
      "createInvitations",
      "createInvitations",
      "resendInvitation",
    ]);
  });

  it("R-SDK-08: a request still running answers 409 IDEMPOTENCY_IN_PROGRESS", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { send } = setup({
      override: {
        async createInvitations() {
          await gate;
          return { dryRun: false, created: [], skipped: [], seatsLeft: null };
        },
      },
    });
    const first = send("POST", "/invitations", withKey("k-slow"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await send("POST", "/invitations", withKey("k-slow"));
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("IDEMPOTENCY_IN_PROGRESS");
    release();
    expect((await first).status).toBe(200);
  });

  it("R-SDK-07: age alone never frees a key: one its live owner still holds stays in progress", async () => {
    const { send, store, calls } = setup();
    // Claimed ten minutes ago by this very process (a memory store has no other owner).
    await store.claimIdempotencyKey({
      key: "actor-1:createInvitations:k-old",
      requestHash: await hashRequest("POST", "/invitations", CREATE_BODY),
      state: "in_progress",
      status: null,
      body: null,
      createdAt: new Date(Date.now() - 10 * 60_000),
      owner: null,
    });
    const answer = await send("POST", "/invitations", withKey("k-old"));
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe("IDEMPOTENCY_IN_PROGRESS");
    expect(calls).toHaveLength(0);
  });

  it("R-SDK-08: a 4xx answer is kept and replayed; a thrown error releases the key", async () => {
    let attempts = 0;
    const { send } = setup({
      override: {
        async createInvitations() {
          attempts += 1;
          if (attempts === 1) throw new Error("connection reset");
          throw new FoyerServiceError("SEAT_LIMIT_REACHED");
        },
      },
    });
    expect((await send("POST", "/invitations", withKey("k-err"))).status).toBe(500);
    const refused = await send("POST", "/invitations", withKey("k-err"));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("SEAT_LIMIT_REACHED");
    const replay = await send("POST", "/invitations", withKey("k-err"));
    expect(replay.body).toEqual(refused.body);
    expect(replay.response.headers.get("idempotency-replayed")).toBe("true");
    expect(attempts).toBe(2);
  });

  it("R-INV-11: a replay never carries the plaintext link, which is not stored", async () => {
    const { send, store } = setup();
    const first = await send(
      "POST",
      "/invitations",
      withKey("k-link", { ...CREATE_BODY, delivery: "link" }),
    );
    expect(first.body.created[0].link).toMatch(/#token=secret-1$/);
    const replay = await send(
      "POST",
      "/invitations",
      withKey("k-link", { ...CREATE_BODY, delivery: "link" }),
    );
    expect(replay.body.created[0].link).toBeNull();
    expect(replay.body.created[0].invitation).toEqual(first.body.created[0].invitation);
    const stored = await store.claimIdempotencyKey({
      key: "actor-1:createInvitations:k-link",
      requestHash: "",
      state: "in_progress",
      status: null,
      body: null,
      createdAt: new Date(),
      owner: null,
    });
    expect(stored?.body).not.toContain("secret-1");
  });

  it("R-SDK-08: an Idempotency-Key that is too long or not printable answers 400 naming the header", async () => {
    const { send, calls } = setup();
    for (const key of ["k".repeat(256), "caf\u00e9"]) {
      const { status, body } = await send("POST", "/invitations", withKey(key));
      expect(status).toBe(400);
      expect(body.error.issues[0].path).toBe("Idempotency-Key");
    }
    expect((await send("POST", "/invitations", withKey("k".repeat(255)))).status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it("R-SDK-08: an invalid body is answered 400 without claiming the key", async () => {
    const { send, calls } = setup();
    expect((await send("POST", "/invitations", withKey("k-fix", { emails: [] }))).status).toBe(400);
    expect((await send("POST", "/invitations", withKey("k-fix"))).status).toBe(200);
    expect(calls).toHaveLength(1);
  });
});
