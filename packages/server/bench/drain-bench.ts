import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { createTestFoyer, type TestFoyer } from "../src/fixtures.ts";
import { createPostgresStore } from "../src/pg.ts";
import { createPGliteStore } from "../src/pglite.ts";
import { createSmtpMailer } from "../src/smtp.ts";
import type { Store } from "../src/store/types.ts";
import { type CpuSummary, profileCpu } from "./lib/cpu-profile.ts";
import { round2 } from "./lib/stats.ts";
import { postgresLocation } from "./lib/targets.ts";

// `pnpm bench` (outbox part, alone: `pnpm --filter @foyer/server bench:drain`): queues
// 2,000 invitation emails, then drains the outbox with the default dispatcher settings
// through `createSmtpMailer` into an smtp-server on 127.0.0.1 (in a worker thread), on
// PostgreSQL and on PGlite. Prints messages per second and heap/RSS at the start, the middle
// and the end of the drain; writes bench-results/drain.json at the repository root. Exit
// code 1 when a budget fails, unless --no-fail.
//
// Flags: --no-fail, --quick (500 messages), --only=postgres|pglite, --profile (CPU profile
//        of the drain by module and function; slows it down), --concurrency=N (dispatcher
//        concurrency and SMTP connections instead of the defaults).
// Env:   FOYER_BENCH_DATABASE_URL, FOYER_BENCH_ADMIN_URL (as for `bench`).

const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const noFail = args.has("--no-fail");
const profile = args.has("--profile");
const flag = (name: string) =>
  [...args].find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const concurrency = flag("concurrency") ? Number(flag("concurrency")) : undefined;
const only = [...args].find((arg) => arg.startsWith("--only="))?.slice("--only=".length);

const MESSAGES = quick ? 500 : 2_000;
const WARM_UP = 100;
const BUDGETS = { perSecond: 200, rssGrowthMb: 50 };
const ADMIN_URL = process.env.FOYER_BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const RESULTS_DIR = fileURLToPath(new URL("../../../bench-results", import.meta.url));
const RUN_ID = Date.now().toString(36);
const TSX_API = import.meta.resolve("tsx/esm/api");
const SINK_URL = new URL("./lib/sink-worker.ts", import.meta.url).href;

interface Memory {
  at: "start" | "middle" | "end";
  sent: number;
  heapMb: number;
  rssMb: number;
}

interface DrainFigures {
  messages: number;
  seconds: number;
  perSecond: number;
  rounds: number;
  memory: Memory[];
  peakRssMb: number;
  rssGrowthMb: number;
  /** CPU of this process (dispatcher, database client, SMTP client and server) per message. */
  cpuMsPerMessage: number;
  cpu?: CpuSummary;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Memory after a full collection (the bench runs with --expose-gc), so growth means retention. */
function memory(at: Memory["at"], sent: number): Memory {
  globalThis.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { at, sent, heapMb: round2(heapUsed / 2 ** 20), rssMb: round2(rss / 2 ** 20) };
}

async function queue(foyer: TestFoyer, label: string, count: number): Promise<void> {
  const admin = foyer.fixture.actors.mspAdmin;
  for (let from = 0; from < count; from += 1_000) {
    const size = Math.min(1_000, count - from);
    const result = await foyer.services.createInvitations(admin, {
      tenantId: "northwind",
      roleId: "client_user",
      emails: Array.from(
        { length: size },
        (_, i) => `d${RUN_ID}.${label}.${from + i}@drain.example.com`,
      ),
      delivery: "email",
    });
    if (result.created.length !== size)
      throw new Error(`Queued ${result.created.length} of ${size}`);
  }
}

interface SinkWorker {
  url: string;
  /** Message-IDs of what the server accepted, in order. */
  ids(): Promise<string[]>;
  stop(): Promise<void>;
}

async function startSinkWorker(): Promise<SinkWorker> {
  // Workers do not inherit tsx's loader on Node 20: register it, then load the worker module.
  const bootstrap = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(SINK_URL)}); });`;
  const worker = new Worker(bootstrap, { eval: true });
  const url = await new Promise<string>((resolve, reject) => {
    worker.once("message", (message: { url: string }) => resolve(message.url));
    worker.once("error", reject);
  });
  return {
    url,
    ids: () =>
      new Promise((resolve) => {
        worker.once("message", (message: { ids: string[] }) => resolve(message.ids));
        worker.postMessage("ids");
      }),
    async stop() {
      worker.postMessage("stop");
      await new Promise((resolve) => setTimeout(resolve, 100));
      await worker.terminate();
    },
  };
}

/** Runs the dispatcher until nothing is due; samples memory at the middle of the drain. */
async function drain(foyer: TestFoyer, samples?: Memory[]): Promise<{ rounds: number }> {
  let rounds = 0;
  let sent = 0;
  for (let attempted = await foyer.dispatcher.runOnce(); attempted > 0; ) {
    rounds += 1;
    sent += attempted;
    if (samples?.length === 1 && sent >= MESSAGES / 2) samples.push(memory("middle", sent));
    attempted = await foyer.dispatcher.runOnce();
  }
  return { rounds };
}

async function measure(name: string, store: Store): Promise<DrainFigures> {
  const sink = await startSinkWorker();
  const mailer = createSmtpMailer({
    url: sink.url,
    from: "Northwind <no-reply@northwind.test>",
    ...(concurrency ? { maxConnections: concurrency } : {}),
  });
  try {
    const foyer = await createTestFoyer(store, {
      mailer,
      ...(concurrency ? { dispatcher: { concurrency } } : {}),
    });
    log(`[${name}] warm-up: ${WARM_UP} messages`);
    await queue(foyer, "warm", WARM_UP);
    await drain(foyer);
    const before = (await sink.ids()).length;
    log(`[${name}] queueing ${MESSAGES} invitation emails`);
    await queue(foyer, "run", MESSAGES);
    const samples: Memory[] = [memory("start", 0)];
    let peakRss = samples[0]!.rssMb;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss / 2 ** 20);
    }, 50);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    let rounds = 0;
    const run = async () => {
      ({ rounds } = await drain(foyer, samples));
    };
    let cpu: CpuSummary | undefined;
    if (profile) {
      const profiled = await profileCpu(run);
      cpu = profiled.summary;
      await mkdir(RESULTS_DIR, { recursive: true });
      await writeFile(`${RESULTS_DIR}/drain-${name}.cpuprofile`, JSON.stringify(profiled.raw));
    } else await run();
    const cpuUsed = process.cpuUsage(cpuBefore);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const ids = (await sink.ids()).slice(before);
    samples.push(memory("end", ids.length));
    const delivered = new Set(ids);
    const left = (await store.listEmails({})).filter((email) => email.status !== "sent");
    if (delivered.size !== MESSAGES || left.length > 0) {
      throw new Error(`Drained ${delivered.size} of ${MESSAGES}; ${left.length} not sent`);
    }
    const figures = {
      messages: MESSAGES,
      seconds: round2(seconds),
      perSecond: round2(MESSAGES / seconds),
      rounds,
      memory: samples,
      peakRssMb: round2(peakRss),
      rssGrowthMb: round2(samples[2]!.rssMb - samples[0]!.rssMb),
      cpuMsPerMessage: round2((cpuUsed.user + cpuUsed.system) / 1000 / MESSAGES),
      ...(cpu ? { cpu } : {}),
    };
    log(`[${name}] ${figures.perSecond} messages/s`);
    return figures;
  } finally {
    mailer.close();
    await sink.stop();
  }
}

async function postgres(): Promise<DrainFigures> {
  const location = await postgresLocation(ADMIN_URL);
  try {
    const store = await createPostgresStore({ connectionString: location.url });
    try {
      return await measure("postgres", store);
    } finally {
      await store.close();
    }
  } finally {
    await location.drop();
  }
}

async function pglite(): Promise<DrainFigures> {
  const instance = await PGlite.create();
  const store = await createPGliteStore({ pglite: instance });
  try {
    return await measure("pglite", store);
  } finally {
    await store.close();
    await instance.close();
  }
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const results: Partial<Record<"postgres" | "pglite", DrainFigures>> = {};
  if (only !== "pglite") results.postgres = await postgres();
  if (only !== "postgres") results.pglite = await pglite();
  const budgets = Object.entries(results).flatMap(([name, figures]) => [
    {
      name: `${name}: drain ${figures.messages} messages to SMTP`,
      value: figures.perSecond,
      limit: `≥ ${BUDGETS.perSecond}/s`,
      pass: figures.perSecond >= BUDGETS.perSecond,
    },
    {
      name: `${name}: RSS growth over the drain`,
      value: figures.rssGrowthMb,
      limit: `≤ ${BUDGETS.rssGrowthMb} MB`,
      pass: figures.rssGrowthMb <= BUDGETS.rssGrowthMb,
    },
  ]);
  console.log("");
  console.log(`outbox drain: ${MESSAGES} invitation emails over SMTP (127.0.0.1, smtp-server)`);
  console.log(
    `${pad("", 10)}${pad("msg/s", 7, true)}${pad("s", 7, true)}${pad("CPU ms/msg", 12, true)}  heap / RSS MB at start, middle, end`,
  );
  for (const [name, f] of Object.entries(results)) {
    const mem = f.memory.map((m) => `${m.heapMb.toFixed(0)}/${m.rssMb.toFixed(0)}`).join(", ");
    console.log(
      `${pad(name, 10)}${pad(f.perSecond.toFixed(0), 7, true)}${pad(f.seconds.toFixed(1), 7, true)}${pad(f.cpuMsPerMessage.toFixed(2), 12, true)}  ${mem} (peak RSS ${f.peakRssMb.toFixed(0)})`,
    );
    for (const row of f.cpu?.byModule.slice(0, 10) ?? []) {
      console.log(
        `    ${pad(row.module, 48)} ${pad(row.ms.toFixed(0), 7, true)} ms ${pad(row.share.toFixed(1), 5, true)}%`,
      );
    }
    for (const row of f.cpu?.topFunctions.slice(0, 10) ?? []) {
      console.log(`    ${pad(row.fn.slice(0, 80), 80)} ${pad(row.ms.toFixed(0), 7, true)} ms`);
    }
  }
  console.log("budgets");
  for (const budget of budgets) {
    console.log(
      `  ${budget.pass ? "PASS" : "FAIL"}  ${budget.name}: ${budget.value} (budget ${budget.limit})`,
    );
  }
  const loads = `load average at start ${loadBefore.map((l) => l.toFixed(2)).join(" ")}, at end ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`;
  console.log(
    `note: ${os.cpus().length} CPUs, ${loads}. The rate is wall-clock: other load on the machine lowers it; CPU ms/msg (every thread of this process: dispatcher, database client or PGlite, SMTP client and server) does not depend on it as much.`,
  );
  const report = {
    timestamp: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: { start: loadBefore.map(round2), end: os.loadavg().map(round2) },
    quick,
    budgets,
    pass: budgets.every((budget) => budget.pass),
    results,
  };
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(`${RESULTS_DIR}/drain.json`, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote ${RESULTS_DIR}/drain.json`);
  process.exitCode = report.pass || noFail ? 0 : 1;
}

await main();
