import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestFoyer, createTestPasswordHasher, TEST_TOKEN_SECRET } from "../fixtures.ts";
import { createFoyer, type Foyer } from "../foyer.ts";
import { createPostgresStore } from "../pg.ts";
import type { Store } from "../store/types.ts";
import type { Logger, Mailer } from "../types.ts";

// R-EML-05 on PostgreSQL: two Foyer instances (each with its own pool, as two servers behind
// a load balancer) share one database. Both dispatchers drain the outbox while 24 workers
// revoke and resend the invitations through the HTTP handler. No transaction may deadlock,
// no request may fail, no email may go out twice or after its invitation was revoked, and
// every delivery status must say what happened.

const adminUrl = process.env.FOYER_TEST_DATABASE_URL;
if (!adminUrl) console.warn("concurrency.test.ts skipped: FOYER_TEST_DATABASE_URL is not set.");

const BATCHES = 3;
const PER_BATCH = 150;
const WORKERS = 24;

interface Sent {
  outboxId: string;
  to: string;
  at: number;
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function deadlocks(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("select pg_stat_clear_snapshot()");
    const result = await client.query<{ deadlocks: string }>(
      "select deadlocks from pg_stat_database where datname = current_database()",
    );
    return Number(result.rows[0]?.deadlocks ?? 0);
  } finally {
    client.release();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(adminUrl)("outbox under concurrency on PostgreSQL (two instances)", () => {
  const name = `foyer_race_${randomBytes(5).toString("hex")}`;
  let url: string;
  let pool: pg.Pool;
  const stores: Store[] = [];

  beforeAll(async () => {
    await admin(adminUrl!, `create database ${name}`);
    const parsed = new URL(adminUrl!);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    pool = new pg.Pool({ connectionString: url, max: 2 });
    // The forced drop at the end ends whatever connection is still open.
    pool.on("error", () => {});
  });

  afterAll(async () => {
    for (const store of stores) await store.close();
    await pool?.end();
    await admin(adminUrl!, `drop database if exists ${name} with (force)`);
  });

  it("R-EML-05: revokes and resends racing two dispatchers: no deadlock, no 5xx, no duplicate, no email after a revoke, statuses right", async () => {
    const sent: Sent[] = [];
    const errors: string[] = [];
    const logger: Logger = {
      info() {},
      warn() {},
      error: (message, data) => errors.push(`${message} ${JSON.stringify(data)}`),
    };
    // One mail server for both instances; each send takes a moment, so revokes land mid-send.
    const mailer: Mailer = {
      async send(message) {
        await sleep(2);
        sent.push({ outboxId: message.id ?? "", to: message.to, at: Date.now() });
      },
    };
    const settings = { batchSize: 20, concurrency: 4 };
    const storeA = await createPostgresStore({ connectionString: url, max: 8 });
    const storeB = await createPostgresStore({ connectionString: url, max: 8 });
    stores.push(storeA, storeB);
    const a = await createTestFoyer(storeA, { mailer, logger, dispatcher: settings });
    const b: Foyer = createFoyer({
      store: storeB,
      publicBaseUrl: "https://app.example.com",
      passwordHasher: createTestPasswordHasher(),
      tokenSecrets: TEST_TOKEN_SECRET,
      mailer,
      logger,
      rateLimiter: null,
      dispatcher: settings,
      hooks: {
        authenticate: (request) =>
          a.actorsById.get(
            /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "",
          ) ?? null,
        ...a.users.hooks,
      },
    });
    const dana = a.fixture.actors.acmeAdmin;

    const ids: string[] = [];
    for (let batch = 0; batch < BATCHES; batch += 1) {
      const result = await a.services.createInvitations(dana, {
        tenantId: "acme",
        roleId: "client_user",
        emails: Array.from({ length: PER_BATCH }, (_, i) => `p${batch}-${i}@acme.com`),
      });
      ids.push(...result.created.map((c) => c.invitation!.id));
    }
    const deadlocksBefore = await deadlocks(pool);

    // Both dispatchers drain while the workers act.
    let racing = true;
    const drain = async (foyer: Foyer) => {
      while (racing) {
        if ((await foyer.dispatcher.runOnce()) === 0) await sleep(3);
      }
    };
    const dispatching = [drain(a), drain(b)];

    const statuses: number[] = [];
    const actions = new Map<string, "revoke" | "resend" | "resend+revoke" | "none">();
    ids.forEach((id, index) => {
      const pick = index % 8;
      actions.set(
        id,
        pick < 4 ? "revoke" : pick < 6 ? "resend" : pick === 6 ? "resend+revoke" : "none",
      );
    });
    const call = async (foyer: Foyer, id: string, action: "revoke" | "resend") => {
      const response = await foyer.handler(
        new Request(`https://app.example.com/invitations/${id}/${action}`, {
          method: "POST",
          headers: { authorization: `Bearer ${dana.id}`, "content-type": "application/json" },
          body: "{}",
        }),
      );
      statuses.push(response.status);
    };
    const queue = ids.filter((id) => actions.get(id) !== "none");
    let next = 0;
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, worker) => {
        const foyer = worker % 2 === 0 ? a : b;
        while (next < queue.length) {
          const id = queue[next++]!;
          const action = actions.get(id)!;
          if (action === "resend+revoke") {
            await call(foyer, id, "resend");
            await call(worker % 2 === 0 ? b : a, id, "revoke");
          } else await call(foyer, id, action as "revoke" | "resend");
        }
      }),
    );
    racing = false;
    await Promise.all(dispatching);
    // Whatever is still queued goes out now.
    while ((await a.dispatcher.runOnce()) + (await b.dispatcher.runOnce()) > 0);

    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(errors).toEqual([]);
    await sleep(1_100); // the statistics collector flushes about once a second
    expect((await deadlocks(pool)) - deadlocksBefore).toBe(0);

    // No email twice.
    const outboxIds = sent.map((s) => s.outboxId);
    expect(new Set(outboxIds).size).toBe(outboxIds.length);

    const emails = await storeA.listEmails({});
    const sentIds = new Set(outboxIds);
    for (const email of emails) {
      // Every email either went out exactly once or was cancelled; nothing is left over.
      expect(["sent", "cancelled"]).toContain(email.status);
      expect(sentIds.has(email.id)).toBe(email.status === "sent");
    }
    const sentAt = new Map(sent.map((s) => [s.outboxId, s.at]));
    for (const id of ids) {
      const row = (await storeA.getInvitation(id))!;
      const own = emails.filter((email) => email.invitationId === id);
      const latest = own.at(-1)!;
      const action = actions.get(id)!;
      expect(row.status).toBe(
        action === "revoke" || action === "resend+revoke" ? "revoked" : "pending",
      );
      // The invitation's delivery status is its latest email's fate.
      expect(row.deliveryStatus).toBe(latest.status);
      if (row.status === "revoked") {
        // Nothing was sent after the revoke (the revoke waited for a send in flight).
        for (const email of own.filter((e) => e.status === "sent")) {
          expect(sentAt.get(email.id)!).toBeLessThanOrEqual(row.revokedAt!.getTime());
        }
      } else {
        expect(latest.status).toBe("sent");
      }
      if (action === "resend") expect(own).toHaveLength(2);
    }
    // The race was real: some revokes caught an email in the queue, some came after it went.
    const revoked = await Promise.all(
      ids.filter((id) => actions.get(id) === "revoke").map((id) => storeA.getInvitation(id)),
    );
    expect(revoked.some((row) => row?.deliveryStatus === "cancelled")).toBe(true);
    expect(revoked.some((row) => row?.deliveryStatus === "sent")).toBe(true);
  }, 120_000);
});
