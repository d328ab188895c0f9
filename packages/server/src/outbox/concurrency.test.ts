import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureProcess, startFixture, stopFixture } from "../fixture-process.ts";
import { createPostgresStore } from "../pg.ts";
import type { Store } from "../store/types.ts";
import { createOwnDatabase, type OwnDatabase } from "./own-database.fixture.ts";
import { type SmtpSink, startSmtpSink } from "./smtp-sink.fixture.ts";

// R-EML-05 on PostgreSQL: two Foyer server processes (`race-instance.fixture.ts`, as two
// servers behind a load balancer) share one database, and both dispatchers drain the outbox
// into one SMTP server in this process while 24 workers, split over both servers, revoke and
// resend the invitations over HTTP. No transaction may deadlock, no request may fail, no
// email may go out twice or after its invitation was revoked, and every delivery status
// must say what happened.

const adminUrl = process.env.FOYER_TEST_DATABASE_URL;
if (!adminUrl) console.warn("concurrency.test.ts skipped: FOYER_TEST_DATABASE_URL is not set.");

const BATCHES = 3;
const PER_BATCH = 400;
const WORKERS = 24;

interface Instance {
  process: FixtureProcess;
  port: number;
}

async function startInstance(env: Record<string, string>): Promise<Instance> {
  const started = await startFixture("src/outbox/race-instance.fixture.ts", env, /listening (\d+)/);
  return { process: started, port: Number(started.ready[1]) };
}

const stopInstance = (instance: Instance) => stopFixture(instance.process.child);

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

/** The outbox id a Message-ID carries (`<id@domain>`, the id a UUID). */
const outboxIdOf = (messageId: string) => /^<([^@>]+)@/.exec(messageId)?.[1] ?? messageId;

describe.runIf(adminUrl)("outbox under concurrency on PostgreSQL (two server processes)", () => {
  let database: OwnDatabase;
  let pool: pg.Pool;
  let sink: SmtpSink;
  let store: Store;
  const instances: Instance[] = [];

  beforeAll(async () => {
    database = await createOwnDatabase(adminUrl!, "foyer_race");
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    // The forced drop at the end ends whatever connection is still open.
    pool.on("error", () => {});
    // Each message is answered a moment after its data, so revokes land mid-send.
    sink = await startSmtpSink({ parse: false, dataDelayMs: 2 });
    const env = { DATABASE_URL: database.url, SMTP_URL: sink.url };
    // One after the other: the first migrates the database.
    instances.push(await startInstance(env));
    instances.push(await startInstance(env));
    store = await createPostgresStore({ connectionString: database.url, max: 2 });
  }, 180_000);

  afterAll(async () => {
    await Promise.all(instances.map(stopInstance));
    await store?.close();
    await sink?.stop();
    await pool?.end();
    await database?.drop();
  }, 60_000);

  it("R-EML-05: revokes and resends racing two dispatchers in two processes: no deadlock, no 5xx, no duplicate, no email after a revoke, statuses right", async () => {
    const [a, b] = instances as [Instance, Instance];
    const call = async (instance: Instance, path: string, body: unknown) => {
      const response = await fetch(`http://127.0.0.1:${instance.port}/api${path}`, {
        method: "POST",
        headers: { authorization: "Bearer race-admin", "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    };

    // 3 × 400 invitations, queued while both dispatchers already drain.
    const ids: string[] = [];
    for (let batch = 0; batch < BATCHES; batch += 1) {
      const answer = await call(batch % 2 === 0 ? a : b, "/invitations", {
        tenantId: "acme",
        roleId: "race_member",
        emails: Array.from({ length: PER_BATCH }, (_, i) => `p${batch}-${i}@acme.example.com`),
      });
      expect(answer.status).toBe(200);
      const body = JSON.parse(answer.text) as { created: { invitation: { id: string } }[] };
      ids.push(...body.created.map((c) => c.invitation.id));
    }
    expect(ids).toHaveLength(BATCHES * PER_BATCH);
    const deadlocksBefore = await deadlocks(pool);

    const statuses: number[] = [];
    const actions = new Map<string, "revoke" | "resend" | "resend+revoke" | "none">();
    ids.forEach((id, index) => {
      const pick = index % 8;
      actions.set(
        id,
        pick < 4 ? "revoke" : pick < 6 ? "resend" : pick === 6 ? "resend+revoke" : "none",
      );
    });
    const act = async (instance: Instance, id: string, action: "revoke" | "resend") => {
      const answer = await call(instance, `/invitations/${id}/${action}`, {});
      statuses.push(answer.status);
    };
    const queue = ids.filter((id) => actions.get(id) !== "none");
    let next = 0;
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, worker) => {
        const [mine, other] = worker % 2 === 0 ? [a, b] : [b, a];
        while (next < queue.length) {
          const id = queue[next++]!;
          const action = actions.get(id)!;
          if (action === "resend+revoke") {
            await act(mine, id, "resend");
            await act(other, id, "revoke");
          } else await act(mine, id, action as "revoke" | "resend");
        }
      }),
    );

    // Both dispatchers deliver whatever is still queued.
    const settled = ["sent", "cancelled", "failed"];
    for (let waited = 0; ; waited += 100) {
      const emails = await store.listEmails({});
      if (emails.every((email) => settled.includes(email.status))) break;
      if (waited > 90_000) throw new Error("The outbox did not drain in 90 s.");
      await sleep(100);
    }
    await Promise.all(instances.map(stopInstance));

    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(instances.flatMap((instance) => instance.process.stderr)).toEqual([]);
    await sleep(1_100); // the statistics collector flushes about once a second
    expect((await deadlocks(pool)) - deadlocksBefore).toBe(0);

    // No email twice.
    const outboxIds = sink.received.map((message) => outboxIdOf(message.messageId));
    expect(new Set(outboxIds).size).toBe(outboxIds.length);

    const emails = await store.listEmails({});
    const arrivedAt = new Map(
      sink.received.map((message) => [outboxIdOf(message.messageId), message.at]),
    );
    for (const email of emails) {
      // Every email either went out exactly once or was cancelled; nothing is left over.
      expect(["sent", "cancelled"]).toContain(email.status);
      expect(arrivedAt.has(email.id)).toBe(email.status === "sent");
    }
    for (const id of ids) {
      const row = (await store.getInvitation(id))!;
      const own = emails.filter((email) => email.invitationId === id);
      const latest = own.at(-1)!;
      const action = actions.get(id)!;
      expect(row.status).toBe(
        action === "revoke" || action === "resend+revoke" ? "revoked" : "pending",
      );
      // The invitation's delivery status is its latest email's fate.
      expect(row.deliveryStatus).toBe(latest.status);
      if (row.status === "revoked") {
        // Nothing arrived after the revoke (the revoke waited for a send in flight).
        for (const email of own.filter((e) => e.status === "sent")) {
          expect(arrivedAt.get(email.id)!).toBeLessThanOrEqual(row.revokedAt!.getTime());
        }
      } else {
        expect(latest.status).toBe("sent");
      }
      if (action === "resend") expect(own).toHaveLength(2);
    }
    // The race was real: some revokes caught an email in the queue, some came after it went.
    const revoked = await Promise.all(
      ids.filter((id) => actions.get(id) === "revoke").map((id) => store.getInvitation(id)),
    );
    expect(revoked.some((row) => row?.deliveryStatus === "cancelled")).toBe(true);
    expect(revoked.some((row) => row?.deliveryStatus === "sent")).toBe(true);
  }, 240_000);
});
