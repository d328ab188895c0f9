import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { batchFloorSql } from "./lib/batch-floor.ts";
import { type CpuSummary, profileCpu } from "./lib/cpu-profile.ts";
import { type Explained, explainList } from "./lib/explain-list.ts";
import { job, type ListFigures, measureList, runInWorker } from "./lib/list-figures.ts";
import { type SeedSummary, seedInvitations } from "./lib/seed.ts";
import {
  ADMIN_URL,
  args,
  BATCH,
  BUDGETS,
  CONFIG,
  LARGE,
  log,
  noFail,
  notes,
  only,
  quick,
  RESULTS_DIR,
  RUN_ID,
  SMALL,
  sweptExpired,
} from "./lib/server-config.ts";
import { fmt, pad, printProfile, printTable } from "./lib/server-report.ts";
import { type LatencySummary, median, round2, roundSummary, summarize } from "./lib/stats.ts";
import { pgliteTarget, postgresLocation, postgresTarget, type Target } from "./lib/targets.ts";

// `pnpm bench` (server part): batch creation and list latency through real HTTP (Express 5 on
// an ephemeral port, `foyerExpress` at /api/foyer), on PGlite (in memory) and PostgreSQL.
// Prints a table and writes bench-results/server.json at the repository root. Exit code 1
// when a budget fails, unless --no-fail.
//
// Flags: --no-fail, --quick (smaller data, for trying the bench itself),
//        --only=postgres|pglite, --direct (skip HTTP: call the Fetch handler directly),
//        --seed-unswept (seed lapsed, never-answered rows still stored `pending`, the backlog
//        of a server whose expiry sweep has not run, instead of the `expired` it leaves).
// Env:   FOYER_BENCH_DATABASE_URL (use this database instead of creating one),
//        FOYER_BENCH_ADMIN_URL (server where the fresh database is created;
//        default postgres://postgres@127.0.0.1:5432/test).

function addresses(label: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `b${RUN_ID}.${label}.${i}@batch.example.com`);
}

async function createBatch(target: Target, emails: string[]): Promise<number> {
  const started = performance.now();
  const response = await target.call("POST", "/invitations", BATCH.actorId, {
    tenantId: BATCH.tenantId,
    roleId: BATCH.roleId,
    emails,
    delivery: "email",
  });
  const ms = performance.now() - started;
  if (response.status !== 200) {
    throw new Error(
      `POST /invitations answered ${response.status}: ${response.text.slice(0, 300)}`,
    );
  }
  const body: unknown = JSON.parse(response.text);
  const created: unknown = typeof body === "object" && body ? Reflect.get(body, "created") : null;
  if (!Array.isArray(created) || created.length !== emails.length) {
    throw new Error(`Expected ${emails.length} created, got ${response.text.slice(0, 300)}`);
  }
  return ms;
}

interface BatchFigures {
  runsMs: number[];
  medianMs: number;
  /** The same rows written by plain SQL inside the database, one transaction per run. */
  floorRunsMs: number[];
  floorMedianMs: number;
  ratioToFloor: number;
  singlesTotalMs: number;
  singlesPerRequestMs: LatencySummary;
  ratioSingleToBatch: number;
  outboxRowsWritten: number;
  profile: {
    requestMs: number;
    store: { method: string; count: number; ms: number }[];
    cpu: CpuSummary;
  };
}

async function measureBatch(target: Target): Promise<BatchFigures> {
  log(`[${target.name}] warm-up`);
  for (let i = 0; i < 5; i += 1) await createBatch(target, addresses(`warm-small-${i}`, 10));
  for (let i = 0; i < 5; i += 1) await createBatch(target, addresses(`warm-one-${i}`, 1));
  await createBatch(target, addresses("warm-full", CONFIG.batchSize));

  // The floor copies a row Foyer wrote, with its token hash, email and audit record.
  const [template] = await target.raw(
    "select id from foyer_invitations where tenant_id = $1 and email = $2",
    [BATCH.tenantId, addresses("warm-one-0", 1)[0]],
  );
  const floor = async (run: string): Promise<number> => {
    const started = performance.now();
    await target.exec(batchFloorSql(String(template?.id), `${RUN_ID}_${run}`, CONFIG.batchSize));
    return performance.now() - started;
  };
  await floor("warm");
  const runsMs: number[] = [];
  const floorRunsMs: number[] = [];
  for (let run = 0; run < CONFIG.batchRuns; run += 1) {
    // Interleaved, alternating which goes first, so a noisy neighbour hits both alike.
    if (run % 2 === 1) floorRunsMs.push(await floor(`run${run}`));
    runsMs.push(await createBatch(target, addresses(`run-${run}`, CONFIG.batchSize)));
    if (run % 2 === 0) floorRunsMs.push(await floor(`run${run}`));
    log(
      `[${target.name}] batch ${run + 1}/${CONFIG.batchRuns}: ${runsMs.at(-1)?.toFixed(1)} ms, floor ${floorRunsMs.at(-1)?.toFixed(1)} ms`,
    );
  }

  // One more batch, not counted, with the store calls timed and the main thread profiled.
  target.profile.reset();
  target.profile.recording = true;
  let requestMs = 0;
  const cpu = await profileCpu(async () => {
    requestMs = await createBatch(target, addresses("profiled", CONFIG.batchSize));
  });
  target.profile.recording = false;
  await writeProfile(`${target.name}-batch`, cpu.raw);
  const storeRows = target.profile.rows().map((row) => ({ ...row, ms: round2(row.ms) }));

  log(`[${target.name}] ${CONFIG.singles} single-address requests`);
  const singles = addresses("single", CONFIG.singles);
  const perRequest: number[] = [];
  const started = performance.now();
  for (const email of singles) perRequest.push(await createBatch(target, [email]));
  const singlesTotalMs = performance.now() - started;
  const medianMs = median(runsMs);
  const outbox = await target.raw(
    "select count(*)::int as n from foyer_outbox where tenant_id = $1",
    [BATCH.tenantId],
  );
  return {
    runsMs: runsMs.map(round2),
    medianMs: round2(medianMs),
    floorRunsMs: floorRunsMs.map(round2),
    floorMedianMs: round2(median(floorRunsMs)),
    ratioToFloor: round2(medianMs / median(floorRunsMs)),
    singlesTotalMs: round2(singlesTotalMs),
    singlesPerRequestMs: roundSummary(summarize(perRequest)),
    // Scaled to the batch size when --quick sends fewer singles.
    ratioSingleToBatch: round2(((singlesTotalMs / CONFIG.singles) * CONFIG.batchSize) / medianMs),
    outboxRowsWritten: Number(outbox[0]?.n ?? 0),
    profile: { requestMs: round2(requestMs), store: storeRows, cpu: cpu.summary },
  };
}

async function writeProfile(name: string, raw: unknown): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(`${RESULTS_DIR}/server-${name}.cpuprofile`, JSON.stringify(raw));
}

/** Server-side CPU of one client walking pages of the large tenant (clients in a worker). */
async function profileList(target: Target): Promise<CpuSummary> {
  const cpu = await profileCpu(async () => {
    await runInWorker(target, job(LARGE, "all", 1, CONFIG.serialRequests));
  });
  await writeProfile(`${target.name}-list`, cpu.raw);
  return cpu.summary;
}

async function analyze(target: Target): Promise<void> {
  await target.raw("analyze");
}

export interface TargetFigures {
  transport: "express" | "direct";
  batch: BatchFigures;
  seed: SeedSummary[];
  list: Record<"large" | "small", Record<"all" | "pending", ListFigures>>;
  /** Main-thread (server) CPU while one client walks list pages. */
  listCpu: CpuSummary;
  explain: Explained[];
}

async function benchTarget(target: Target): Promise<TargetFigures> {
  const batch = await measureBatch(target);
  log(`[${target.name}] seeding ${CONFIG.largeRows} + ${CONFIG.smallRows} invitations`);
  const actors = target.foyer.fixture.actors;
  const now = new Date();
  const seed = [
    await seedInvitations(target.foyer.store, {
      tenantId: LARGE.tenantId,
      count: CONFIG.largeRows,
      roleIds: ["client_user", "client_admin"],
      invitedBy: actors.acmeAdmin,
      now,
      seed: 1,
      sweptStatus: sweptExpired ? "expired" : "pending",
    }),
    await seedInvitations(target.foyer.store, {
      tenantId: SMALL.tenantId,
      count: CONFIG.smallRows,
      roleIds: ["guardian_standard", "guardian_admin"],
      invitedBy: actors.guardianAdmin,
      now,
      seed: 2,
      sweptStatus: sweptExpired ? "expired" : "pending",
    }),
  ].map((summary) => ({ ...summary, ms: round2(summary.ms) }));
  await analyze(target);
  log(`[${target.name}] seeded in ${seed.map((s) => `${(s.ms / 1000).toFixed(1)} s`).join(" + ")}`);
  const list = await measureList(target);
  const listCpu = await profileList(target);
  const explain = target.name === "postgres" ? await explainList(target) : [];
  return { transport: target.transport, batch, seed, list, listCpu, explain };
}

interface Budget {
  name: string;
  value: number;
  limit: number;
  unit: "ms" | "x";
  pass: boolean;
}

function budgets(pgFigures: TargetFigures | undefined): Budget[] {
  if (!pgFigures) return [];
  const list = pgFigures.list;
  const out: Budget[] = [
    {
      name: `PostgreSQL: batch of ${CONFIG.batchSize.toLocaleString("en")} / the same rows in plain SQL, one transaction (medians of runs)`,
      value: pgFigures.batch.ratioToFloor,
      limit: BUDGETS.batchVsFloor,
      unit: "x",
      pass: pgFigures.batch.ratioToFloor <= BUDGETS.batchVsFloor,
    },
  ];
  for (const status of ["all", "pending"] as const) {
    const ratio = round2(list.large[status].concurrent.p50 / list.small[status].concurrent.p50);
    out.push({
      name: `PostgreSQL: list p50 ${CONFIG.largeRows.toLocaleString("en")} / ${CONFIG.smallRows.toLocaleString("en")} rows, status=${status}`,
      value: ratio,
      limit: BUDGETS.scalingP50,
      unit: "x",
      pass: ratio <= BUDGETS.scalingP50,
    });
  }
  return out;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  const transport: "express" | "direct" = args.has("--direct") ? "direct" : await expressUsable();
  if (transport === "direct") {
    notes.push(
      "Requests went to foyer.handler(new Request(...)) directly, not through Express over HTTP.",
    );
  }
  const results: Partial<Record<"postgres" | "pglite", TargetFigures>> = {};
  let database: string | null = null;

  if (only !== "pglite") {
    const location = await postgresLocation(ADMIN_URL);
    database = location.created ?? "(FOYER_BENCH_DATABASE_URL)";
    log(`[postgres] database ${database}`);
    try {
      const target = await postgresTarget(location.url, transport);
      try {
        results.postgres = await benchTarget(target);
      } finally {
        await target.close();
      }
    } finally {
      await location.drop();
    }
  }
  if (only !== "postgres") {
    const target = await pgliteTarget(transport);
    try {
      results.pglite = await benchTarget(target);
    } finally {
      await target.close();
    }
  }

  const budgetRows = budgets(results.postgres);
  const pass = budgetRows.every((budget) => budget.pass);
  printTable(results);
  for (const [name, figures] of Object.entries(results)) printProfile(name, figures);
  if (results.postgres && results.postgres.explain.length > 0) {
    console.log("");
    console.log(
      "postgres: EXPLAIN ANALYZE in the large tenant (single run, full plans in the JSON)",
    );
    for (const explained of results.postgres.explain) {
      const buffers = explained.plan.find((line) => line.includes("Buffers:"))?.trim() ?? "";
      const scan = explained.plan.find((line) => line.includes("Scan"))?.trim() ?? "";
      console.log(
        `  ${pad(explained.label, 20)} ${pad(fmt(explained.executionMs, " ms"), 9, true)}  ${pad(buffers, 26)} ${scan.replace(/\s+\(cost=.*$/, "")}`,
      );
    }
  }
  console.log("");
  console.log("budgets");
  for (const budget of budgetRows) {
    const unit = budget.unit === "ms" ? " ms" : "x";
    console.log(
      `  ${budget.pass ? "PASS" : "FAIL"}  ${budget.name}: ${fmt(budget.value, unit)} (budget ≤ ${budget.limit}${unit})`,
    );
  }
  if (budgetRows.length === 0) console.log("  (no PostgreSQL run: budgets not evaluated)");
  const cpus = os.cpus();
  notes.push(
    `Client and server share this machine (${cpus.length} CPUs); load average at start ${loadBefore.map((l) => l.toFixed(2)).join(" ")}, at end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}.`,
    "List latency is closed-loop: 50 clients in a worker thread, each waiting for its answer before the next request; it includes queueing in the one Node server process and the pool of 10 connections, so it carries no budget: the list's latency budget is bench:peers's open loop at fixed rates against a bare Express floor.",
  );
  for (const note of notes) console.log(`note: ${note}`);

  const report = {
    timestamp: startedAt.toISOString(),
    durationS: round2((Date.now() - startedAt.getTime()) / 1000),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    loadAverage: { start: loadBefore.map(round2), end: os.loadavg().map(round2) },
    transport,
    database,
    quick,
    seedSweptExpired: sweptExpired,
    config: CONFIG,
    budgets: budgetRows,
    pass,
    results,
    notes,
  };
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(`${RESULTS_DIR}/server.json`, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${RESULTS_DIR}/server.json (CPU profiles: server-*.cpuprofile)`);
  process.exitCode = pass || noFail ? 0 : 1;
}

async function expressUsable(): Promise<"express" | "direct"> {
  try {
    const module = await import("../src/express.ts");
    if (typeof module.foyerExpress === "function") return "express";
  } catch (error) {
    notes.push(`src/express.ts could not be loaded (${String(error)}).`);
  }
  return "direct";
}

await main();
