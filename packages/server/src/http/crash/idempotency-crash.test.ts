import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { startFixture, stopFixture } from "../../fixture-process.ts";
import { postgresTestUrl } from "../../store/test-setups.ts";

// R-SDK-07: a process killed with SIGKILL in the middle of an idempotent request leaves its
// Idempotency-Key claimed and nothing written. A retry with the same key must run at once
// (not answer IDEMPOTENCY_IN_PROGRESS until a timer runs out) and create exactly one result.
// Each instance is `instance.fixture.ts` in a child process of its own; on PostgreSQL they
// share a database of their own (made from FOYER_TEST_DATABASE_URL's, dropped afterwards),
// so the other PostgreSQL suites' truncations cannot touch their keys.

const running: ChildProcess[] = [];

interface Instance {
  child: ChildProcess;
  port: number;
  /** Resolves when the instance printed `hanging` (a request is stuck half-way). */
  hanging: Promise<void>;
}

async function start(env: Record<string, string>): Promise<Instance> {
  const started = await startFixture("src/http/crash/instance.fixture.ts", env, /listening (\d+)/);
  const { child } = started;
  running.push(child);
  const hanging = new Promise<void>((resolve) => {
    const check = () => {
      if (started.output().includes("hanging")) resolve();
    };
    child.stdout?.on("data", check);
    check();
  });
  return { child, port: Number(started.ready[1]), hanging };
}

async function kill(instance: Instance, signal: NodeJS.Signals): Promise<void> {
  await stopFixture(instance.child, signal);
}

/** Kills whatever instance a test left running. */
async function killAll(): Promise<void> {
  for (const child of running.splice(0)) await stopFixture(child, "SIGKILL");
}

afterEach(killAll);

interface CreateAnswer {
  status: number;
  replayed: string | null;
  body: { created?: { email: string }[]; error?: { code: string } };
}

function create(instance: Instance, key: string, email: string): Promise<CreateAnswer> {
  return fetch(`http://127.0.0.1:${instance.port}/api/invitations`, {
    method: "POST",
    headers: {
      authorization: "Bearer crash-admin",
      "content-type": "application/json",
      "idempotency-key": key,
    },
    body: JSON.stringify({
      tenantId: "acme",
      emails: [email],
      roleId: "crash_member",
      delivery: "link",
    }),
  }).then(async (response) => ({
    status: response.status,
    replayed: response.headers.get("idempotency-replayed"),
    body: (await response.json()) as CreateAnswer["body"],
  }));
}

async function invitationsTo(instance: Instance, email: string): Promise<number> {
  const response = await fetch(
    `http://127.0.0.1:${instance.port}/api/invitations?tenantId=acme&status=all&q=${encodeURIComponent(email)}`,
    { headers: { authorization: "Bearer crash-admin" } },
  );
  expect(response.status).toBe(200);
  const page = (await response.json()) as { items: { email: string }[] };
  return page.items.filter((item) => item.email === email).length;
}

/** Sends a create that gets stuck half-way in `victim`, then kills it with SIGKILL. */
async function crashMidRequest(victim: Instance, key: string, email: string): Promise<void> {
  const stuck = create(victim, key, email).catch(() => null);
  await victim.hanging;
  await kill(victim, "SIGKILL");
  // The connection died with the process: the client saw no answer.
  expect(await stuck).toBeNull();
}

async function retryCreatesOne(survivor: Instance, key: string, email: string): Promise<void> {
  const retry = await create(survivor, key, email);
  expect(retry.body.error?.code, JSON.stringify(retry.body)).toBeUndefined();
  expect(retry.status).toBe(200);
  expect(retry.replayed).toBeNull();
  expect(retry.body.created?.map((c) => c.email)).toEqual([email]);
  // The key now holds the answer: a further retry replays it and creates nothing.
  const again = await create(survivor, key, email);
  expect(again.status).toBe(200);
  expect(again.replayed).toBe("true");
  expect(await invitationsTo(survivor, email)).toBe(1);
}

describe("Idempotency-Key after a crash (R-SDK-07)", () => {
  it("R-SDK-07: PGlite: a key whose request died with its process is usable again by the next process at once", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "foyer-crash-"));
    try {
      const victim = await start({ FOYER_DATA_DIR: dataDir, FOYER_HANG: "1" });
      await crashMidRequest(victim, "crash-key-pglite", "kept@acme.example.com");
      const next = await start({ FOYER_DATA_DIR: dataDir });
      await retryCreatesOne(next, "crash-key-pglite", "kept@acme.example.com");
      await kill(next, "SIGTERM");
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000);

  it.runIf(postgresTestUrl !== undefined)(
    "R-SDK-07: PostgreSQL: a key whose request died with one instance is usable on the other at once",
    async () => {
      const base = new URL(postgresTestUrl ?? "postgres://localhost/none");
      const name = `${base.pathname.slice(1)}_idem_${process.pid}`;
      const url = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
      const admin = new pg.Client({ connectionString: base.toString() });
      await admin.connect();
      try {
        await admin.query(`drop database if exists "${name}"`);
        await admin.query(`create database "${name}"`);
        await crashOnPostgres(url);
      } finally {
        // The instances hold sessions of the database: gone before it is dropped.
        await killAll();
        await admin.query(`drop database if exists "${name}" with (force)`);
        await admin.end();
      }
    },
    240_000,
  );
});

/** Two instances on one database; the one holding a key dies; the other takes the retry. */
async function crashOnPostgres(url: string): Promise<void> {
  const [victim, survivor] = await Promise.all([
    start({ DATABASE_URL: url, FOYER_HANG: "1" }),
    start({ DATABASE_URL: url }),
  ]);
  const key = "crash-key-postgres";
  const email = "kept@acme.example.com";
  // While the owner lives, its key stays in progress everywhere.
  const stuck = create(victim, key, email).catch(() => null);
  await victim.hanging;
  const meanwhile = await create(survivor, key, email);
  expect(meanwhile.status).toBe(409);
  expect(meanwhile.body.error?.code).toBe("IDEMPOTENCY_IN_PROGRESS");
  await kill(victim, "SIGKILL");
  expect(await stuck).toBeNull();
  await retryCreatesOne(survivor, key, email);
}
