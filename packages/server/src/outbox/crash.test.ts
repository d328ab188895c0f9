import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startFixture, stopFixture } from "../fixture-process.ts";
import { createTestFoyer } from "../fixtures.ts";
import { createPostgresStore } from "../pg.ts";
import { createPGliteStore } from "../pglite.ts";
import type { Store } from "../store/types.ts";
import { createOwnDatabase } from "./own-database.fixture.ts";
import { type SmtpSink, startSmtpSink } from "./smtp-sink.fixture.ts";

// R-EML-05: a dispatcher killed with SIGKILL while delivering loses nothing. Dispatchers run
// in child processes (`crash-dispatcher.fixture.ts`) and deliver to an smtp-server in this
// process that answers each message's data only after a delay, so a kill lands between the
// server taking a message and the dispatcher recording it. Two instances die that way, a
// third drains the rest and stops gracefully: every email arrived, and the copies a crash
// made carry the Message-ID of the first. On PGlite (one directory, opened by one process
// after another) and on PostgreSQL (a database of its own) when FOYER_TEST_DATABASE_URL is set.

const postgresUrl = process.env.FOYER_TEST_DATABASE_URL || undefined;
if (!postgresUrl)
  console.warn("crash.test.ts: PostgreSQL case skipped (no FOYER_TEST_DATABASE_URL).");
const INVITATIONS = 30;
const children: ChildProcess[] = [];
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) await stopFixture(child, "SIGKILL");
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startDispatcher(env: Record<string, string>): Promise<ChildProcess> {
  const { child } = await startFixture(
    "src/outbox/crash-dispatcher.fixture.ts",
    env,
    /dispatching/,
  );
  children.push(child);
  return child;
}

async function until(test: () => boolean, what: string, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Seeds the fixture and queues the invitation emails; answers the addresses. */
async function queueInvitations(store: Store): Promise<string[]> {
  const foyer = await createTestFoyer(store);
  const emails = Array.from({ length: INVITATIONS }, (_, i) => `crash-${i}@acme.com`);
  await foyer.services.createInvitations(foyer.fixture.actors.acmeAdmin, {
    tenantId: "acme",
    roleId: "client_user",
    emails,
    delivery: "email",
  });
  return emails;
}

/** Two dispatchers die mid-delivery, a third drains the rest and stops gracefully. */
async function crashAndRecover(sink: SmtpSink, env: Record<string, string>) {
  const childEnv = { ...env, SMTP_URL: sink.url, FOYER_LEASE_MS: "1500" };
  for (const killAt of [6, 14]) {
    const victim = await startDispatcher(childEnv);
    // The server holds this message's answer: the dispatcher is waiting for it.
    await until(() => sink.arrived >= killAt, `message data number ${killAt}`);
    expect(await stopFixture(victim, "SIGKILL")).toBeNull();
  }
  expect(sink.received.length).toBeLessThan(INVITATIONS);
  const survivor = await startDispatcher(childEnv);
  const distinct = () => new Set(sink.received.map((message) => message.messageId)).size;
  await until(() => distinct() === INVITATIONS, "every message");
  expect(await stopFixture(survivor, "SIGTERM")).toBe(0);
}

async function expectDelivered(store: Store, sink: SmtpSink, emails: string[]): Promise<void> {
  const outbox = await store.listEmails({});
  expect(outbox).toHaveLength(INVITATIONS);
  const idOf = new Map(outbox.map((email) => [email.to, email.id]));
  for (const email of outbox) expect(email.status).toBe("sent");
  for (const address of emails) {
    const copies = sink.received.filter((message) => message.to[0] === address);
    expect(copies.length, address).toBeGreaterThanOrEqual(1);
    // A copy sent again after a crash is recognisable: the same Message-ID as the first.
    for (const copy of copies) expect(copy.messageId).toBe(`<${idOf.get(address)}@acme.test>`);
  }
  // The kills landed mid-delivery: the server took messages their senders never recorded.
  expect(sink.received.length).toBeGreaterThan(INVITATIONS);
  const page = await store.listInvitations({
    tenantIds: ["acme"],
    filter: "all",
    sort: "sentAt",
    order: "desc",
    limit: 100,
    now: new Date(),
  });
  const crashed = page.filter((row) => emails.includes(row.email));
  expect(crashed).toHaveLength(INVITATIONS);
  for (const row of crashed) expect(row.deliveryStatus).toBe("sent");
}

describe("a dispatcher killed while delivering (R-EML-05)", () => {
  it("R-EML-05: PGlite: after SIGKILLs mid-delivery every email arrives, and a copy carries its first's Message-ID", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "foyer-outbox-crash-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const sink = await startSmtpSink({ dataDelayMs: 250 });
    cleanups.push(() => sink.stop());
    const seeding = await createPGliteStore({ dataDir });
    const emails = await queueInvitations(seeding);
    await seeding.close();
    await crashAndRecover(sink, { FOYER_DATA_DIR: dataDir });
    const store = await createPGliteStore({ dataDir });
    cleanups.push(() => store.close());
    await expectDelivered(store, sink, emails);
  }, 300_000);

  it.runIf(postgresUrl !== undefined)(
    "R-EML-05: PostgreSQL: after SIGKILLs mid-delivery every email arrives, and a copy carries its first's Message-ID",
    async () => {
      const database = await createOwnDatabase(postgresUrl!, "foyer_crash");
      cleanups.push(() => database.drop());
      const sink = await startSmtpSink({ dataDelayMs: 250 });
      cleanups.push(() => sink.stop());
      const store = await createPostgresStore({ connectionString: database.url, max: 4 });
      cleanups.push(() => store.close());
      const emails = await queueInvitations(store);
      await crashAndRecover(sink, { DATABASE_URL: database.url });
      await expectDelivered(store, sink, emails);
    },
    300_000,
  );
});
