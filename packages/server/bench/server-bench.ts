import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { CompiledQuery } from "kysely";
import type { InvitationCursor, InvitationListQuery } from "../src/store/types.ts";
import { type CpuSummary, profileCpu } from "./lib/cpu-profile.ts";
import { type ListLoadJob, type ListLoadResult, runListLoad } from "./lib/load.ts";
import { type SeedSummary, seedInvitations } from "./lib/seed.ts";
import { type LatencySummary, median, round2, summarize } from "./lib/stats.ts";
import { pgliteTarget, postgresLocation, postgresTarget, type Target } from "./lib/targets.ts";

// `pnpm bench` (server part): batch creation and list latency through real HTTP (Express 5 on
// an ephemeral port, `foyerExpress` at /api/foyer), on PGlite (in memory) and PostgreSQL.
// Prints a table and writes bench-results/server.json at the repository root. Exit code 1
// when a budget fails, unless --no-fail.
//
// Flags: --no-fail, --quick (smaller data, for trying the bench itself),
//        --only=postgres|pglite, --direct (skip HTTP: call the Fetch handler directly),
//        --seed-swept-expired (seed lapsed, never-answered rows as stored `expired`, as a
//        sweep that settles them would leave them, instead of today's stored `pending`).
// Env:   FOYER_BENCH_DATABASE_URL (use this database instead of creating one),
//        FOYER_BENCH_ADMIN_URL (server where the fresh database is created;
//        default postgres://postgres@127.0.0.1:5432/test).

const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const noFail = args.has("--no-fail");
const sweptExpired = args.has("--seed-swept-expired");
const only = [...args].find((arg) => arg.startsWith("--only="))?.slice("--only=".length);

const CONFIG = {
  batchSize: 1_000,
  batchRuns: quick ? 2 : 5,
  singles: quick ? 200 : 1_000,
  largeRows: quick ? 10_000 : 100_000,
  smallRows: 1_000,
  clients: 50,
  pageLimit: 50,
  /** Requests per client per round; each load alternates small and large tenants. */
  requestsPerClient: quick ? 10 : 20,
  rounds: 2,
  pgliteRequestsPerClient: quick ? 4 : 8,
  serialRequests: quick ? 50 : 200,
};

const BUDGETS = {
  batchMs: 150,
  listP99Ms: 25,
  scalingP50: 2,
};

const ADMIN_URL = process.env.FOYER_BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const RESULTS_DIR = `${REPO_ROOT}bench-results`;
const RUN_ID = Date.now().toString(36);
const TSX_API = import.meta.resolve("tsx/esm/api");
const WORKER_URL = new URL("./lib/load-worker.ts", import.meta.url).href;

/** Fixture tenants and actors the bench uses. */
const BATCH = { tenantId: "northwind", actorId: "mia", roleId: "client_user" };
const LARGE = { tenantId: "acme", actorId: "dana" };
const SMALL = { tenantId: "guardian", actorId: "gwen" };

const notes: string[] = [];

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

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

  const runsMs: number[] = [];
  for (let run = 0; run < CONFIG.batchRuns; run += 1) {
    runsMs.push(await createBatch(target, addresses(`run-${run}`, CONFIG.batchSize)));
    log(`[${target.name}] batch ${run + 1}/${CONFIG.batchRuns}: ${runsMs.at(-1)?.toFixed(1)} ms`);
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
    singlesTotalMs: round2(singlesTotalMs),
    singlesPerRequestMs: roundSummary(summarize(perRequest)),
    // Scaled to the batch size when --quick sends fewer singles.
    ratioSingleToBatch: round2(((singlesTotalMs / CONFIG.singles) * CONFIG.batchSize) / medianMs),
    outboxRowsWritten: Number(outbox[0]?.n ?? 0),
    profile: { requestMs: round2(requestMs), store: storeRows, cpu: cpu.summary },
  };
}

function roundSummary(summary: LatencySummary): LatencySummary {
  return {
    count: summary.count,
    min: round2(summary.min),
    p50: round2(summary.p50),
    p90: round2(summary.p90),
    p99: round2(summary.p99),
    max: round2(summary.max),
    mean: round2(summary.mean),
  };
}

function runInWorker(target: Target, job: ListLoadJob): Promise<ListLoadResult> {
  if (!target.baseUrl) return runListLoad(target.call, job);
  // Workers do not inherit tsx's loader on Node 20: register it, then load the worker module.
  const bootstrap = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); });`;
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData: { ...job, baseUrl: target.baseUrl },
  });
  return new Promise((resolve, reject) => {
    worker.once("message", (message: ListLoadResult) => resolve(message));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`load worker exited with ${code}`));
    });
  });
}

interface ListFigures {
  concurrent: LatencySummary;
  throughputPerS: number;
  /** Share of the wall time the server's event loop (main thread) was busy. */
  serverLoopBusy: number;
  /** CPU of the whole bench process (server thread and client worker) per request. */
  processCpuPerRequestMs: number;
  restarts: number;
  deepestPage: number;
  errors: number;
  serial: LatencySummary;
  firstPageWithCounts: LatencySummary;
}

async function serialList(
  target: Target,
  tenant: { tenantId: string; actorId: string },
  status: "all" | "pending",
  requests: number,
  counts: boolean,
): Promise<LatencySummary> {
  const latencies: number[] = [];
  const base = `/invitations?tenantId=${tenant.tenantId}&status=${status}&sort=sentAt&order=desc&limit=${CONFIG.pageLimit}`;
  let cursor: string | null = null;
  for (let i = 0; i < requests; i += 1) {
    const path =
      counts || !cursor
        ? `${base}${counts ? "&counts=true" : ""}`
        : `${base}&cursor=${encodeURIComponent(cursor)}`;
    const started = performance.now();
    const response = await target.call("GET", path, tenant.actorId);
    latencies.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
    const body: unknown = JSON.parse(response.text);
    const next: unknown = typeof body === "object" && body ? Reflect.get(body, "nextCursor") : null;
    cursor = typeof next === "string" ? next : null;
  }
  return roundSummary(summarize(latencies));
}

async function measureList(
  target: Target,
): Promise<Record<"large" | "small", Record<"all" | "pending", ListFigures>>> {
  const requests =
    target.name === "pglite" ? CONFIG.pgliteRequestsPerClient : CONFIG.requestsPerClient;
  const statuses = ["all", "pending"] as const;
  const tenants = { large: LARGE, small: SMALL } as const;
  const pools = {
    large: { all: emptyPool(), pending: emptyPool() },
    small: { all: emptyPool(), pending: emptyPool() },
  };
  log(`[${target.name}] list warm-up`);
  for (const status of statuses) {
    for (const size of ["small", "large"] as const) {
      await runInWorker(target, job(tenants[size], status, 5, 10));
    }
  }
  for (let round = 0; round < CONFIG.rounds; round += 1) {
    for (const status of statuses) {
      // Alternate sizes so a noisy neighbour on the shared machine hits both alike.
      for (const size of ["small", "large"] as const) {
        log(`[${target.name}] list ${size} status=${status} round ${round + 1}/${CONFIG.rounds}`);
        const elu = performance.eventLoopUtilization();
        const cpu = process.cpuUsage();
        const result = await runInWorker(
          target,
          job(tenants[size], status, CONFIG.clients, requests),
        );
        const pool = pools[size][status];
        pool.eluActive += performance.eventLoopUtilization(elu).active;
        const used = process.cpuUsage(cpu);
        pool.processCpuMs += (used.user + used.system) / 1000;
        pool.latencies.push(...result.latencies);
        pool.wallMs += result.wallMs;
        pool.restarts += result.restarts;
        pool.errors += result.errors;
        pool.deepestPage = Math.max(pool.deepestPage, result.deepestPage);
      }
    }
  }
  const figures = { large: {}, small: {} } as Record<
    "large" | "small",
    Record<"all" | "pending", ListFigures>
  >;
  for (const size of ["large", "small"] as const) {
    for (const status of statuses) {
      const pool = pools[size][status];
      const serialCount = target.name === "pglite" ? 50 : CONFIG.serialRequests;
      figures[size][status] = {
        concurrent: roundSummary(summarize(pool.latencies)),
        throughputPerS: round2((pool.latencies.length / pool.wallMs) * 1000),
        serverLoopBusy: round2(pool.eluActive / pool.wallMs),
        processCpuPerRequestMs: round2(pool.processCpuMs / pool.latencies.length),
        restarts: pool.restarts,
        deepestPage: pool.deepestPage,
        errors: pool.errors,
        serial: await serialList(target, tenants[size], status, serialCount, false),
        firstPageWithCounts: await serialList(target, tenants[size], status, 20, true),
      };
    }
  }
  return figures;
}

function emptyPool() {
  return {
    latencies: [] as number[],
    wallMs: 0,
    restarts: 0,
    errors: 0,
    deepestPage: 0,
    eluActive: 0,
    processCpuMs: 0,
  };
}

function job(
  tenant: { tenantId: string; actorId: string },
  status: "all" | "pending",
  clients: number,
  requests: number,
): ListLoadJob {
  return { ...tenant, status, limit: CONFIG.pageLimit, clients, requests };
}

interface Explained {
  label: string;
  executionMs: number;
  planningMs: number;
  sql: string;
  plan: string[];
}

/**
 * EXPLAIN ANALYZE of the list query at the first page, a deep page and the last page, and of
 * the counts query a first page with `counts=true` adds.
 */
async function explainList(target: Target): Promise<Explained[]> {
  const out: Explained[] = [];
  const positions: {
    label: string;
    status: "all" | "pending" | "counts";
    page: number | "last";
  }[] = [
    { label: "all, page 1", status: "all", page: 1 },
    { label: "all, page 40", status: "all", page: 40 },
    { label: "pending, page 1", status: "pending", page: 1 },
    { label: "pending, last page", status: "pending", page: "last" },
    { label: "counts (first page)", status: "counts", page: 1 },
  ];
  for (const position of positions) {
    const filter = position.status;
    const queries = await target.captureSql(async (store) => {
      if (filter === "counts") {
        await store.countInvitations([LARGE.tenantId], undefined, new Date());
        return;
      }
      const now = new Date();
      let after: InvitationCursor | undefined;
      for (let page = 1; ; page += 1) {
        const query: InvitationListQuery = {
          tenantIds: [LARGE.tenantId],
          filter,
          sort: "sentAt",
          order: "desc",
          after,
          limit: CONFIG.pageLimit + 1,
          now,
        };
        const rows = await store.listInvitations(query);
        if (page === position.page || rows.length <= CONFIG.pageLimit) return;
        const last = rows[CONFIG.pageLimit - 1];
        if (!last) return;
        after = { value: last.sentAt, id: last.id };
      }
    });
    const query: CompiledQuery | undefined = queries.at(-1);
    if (!query) continue;
    const rows = await target.raw(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]);
    const plan = rows.map((row) => String(row["QUERY PLAN"]));
    const number = (prefix: string) =>
      Number(plan.find((line) => line.startsWith(prefix))?.replace(/[^0-9.]/g, "") ?? Number.NaN);
    out.push({
      label: position.label,
      executionMs: number("Execution Time"),
      planningMs: number("Planning Time"),
      sql: query.sql,
      plan,
    });
  }
  return out;
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

interface TargetFigures {
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
      name: "PostgreSQL: batch of 1,000 (median of runs)",
      value: pgFigures.batch.medianMs,
      limit: BUDGETS.batchMs,
      unit: "ms",
      pass: pgFigures.batch.medianMs <= BUDGETS.batchMs,
    },
  ];
  for (const status of ["all", "pending"] as const) {
    const p99 = list.large[status].concurrent.p99;
    out.push({
      name: `PostgreSQL: list p99 at ${CONFIG.largeRows.toLocaleString("en")} rows, status=${status}`,
      value: p99,
      limit: BUDGETS.listP99Ms,
      unit: "ms",
      pass: p99 <= BUDGETS.listP99Ms,
    });
  }
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

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function fmt(value: number | undefined, unit = ""): string {
  if (value === undefined || Number.isNaN(value)) return "-";
  return `${value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)}${unit}`;
}

function printTable(results: Partial<Record<"postgres" | "pglite", TargetFigures>>): void {
  const pgF = results.postgres;
  const liteF = results.pglite;
  const rows: [string, string, string][] = [];
  const both = (label: string, get: (f: TargetFigures) => number | undefined, unit = " ms") =>
    rows.push([
      label,
      fmt(pgF ? get(pgF) : undefined, unit),
      fmt(liteF ? get(liteF) : undefined, unit),
    ]);
  both(
    `batch ${CONFIG.batchSize} addresses, median of ${CONFIG.batchRuns}`,
    (f) => f.batch.medianMs,
  );
  both("batch runs min", (f) => Math.min(...f.batch.runsMs));
  both("batch runs max", (f) => Math.max(...f.batch.runsMs));
  both(`${CONFIG.singles} single-address requests, total`, (f) => f.batch.singlesTotalMs);
  both("single-address request p50", (f) => f.batch.singlesPerRequestMs.p50);
  both("ratio singles / batch (per 1,000)", (f) => f.batch.ratioSingleToBatch, "x");
  for (const size of ["large", "small"] as const) {
    const rowsLabel = (size === "large" ? CONFIG.largeRows : CONFIG.smallRows).toLocaleString("en");
    for (const status of ["all", "pending"] as const) {
      const label = `list ${rowsLabel} rows status=${status}, ${CONFIG.clients} clients`;
      both(`${label} p50`, (f) => f.list[size][status].concurrent.p50);
      both(`${label} p99`, (f) => f.list[size][status].concurrent.p99);
      both(`${label} req/s`, (f) => f.list[size][status].throughputPerS, "");
      both(`${label} server loop busy`, (f) => f.list[size][status].serverLoopBusy * 100, "%");
      both(
        `list ${rowsLabel} rows status=${status}, 1 client p50`,
        (f) => f.list[size][status].serial.p50,
      );
      both(
        `list ${rowsLabel} rows status=${status}, 1 client p99`,
        (f) => f.list[size][status].serial.p99,
      );
      both(
        `first page + counts ${rowsLabel} rows status=${status}, 1 client p50`,
        (f) => f.list[size][status].firstPageWithCounts.p50,
      );
    }
  }
  for (const status of ["all", "pending"] as const) {
    both(
      `list p50 ratio large/small status=${status}`,
      (f) => f.list.large[status].concurrent.p50 / f.list.small[status].concurrent.p50,
      "x",
    );
    both(
      `list p99 ratio large/small status=${status}`,
      (f) => f.list.large[status].concurrent.p99 / f.list.small[status].concurrent.p99,
      "x",
    );
  }
  const width = Math.max(...rows.map((row) => row[0].length));
  console.log("");
  console.log(`${pad("metric", width)}  ${pad("postgres", 10, true)}  ${pad("pglite", 10, true)}`);
  console.log("-".repeat(width + 24));
  for (const [label, pgValue, liteValue] of rows) {
    console.log(`${pad(label, width)}  ${pad(pgValue, 10, true)}  ${pad(liteValue, 10, true)}`);
  }
}

function printCpu(title: string, cpu: CpuSummary): void {
  console.log(`  ${title}: main-thread CPU by module over ${fmt(cpu.totalMs, " ms")} of wall time`);
  for (const row of cpu.byModule.slice(0, 8)) {
    console.log(
      `    ${pad(row.module, 44)} ${pad(fmt(row.ms, " ms"), 10, true)} ${pad(fmt(row.share, "%"), 7, true)}`,
    );
  }
}

function printProfile(name: string, figures: TargetFigures): void {
  const { profile } = figures.batch;
  console.log("");
  console.log(
    `${name}: one profiled batch of ${CONFIG.batchSize} (request ${fmt(profile.requestMs, " ms")}), store calls:`,
  );
  for (const row of profile.store.slice(0, 10)) {
    console.log(
      `    ${pad(row.method, 32)} ${pad(String(row.count), 5, true)} calls ${pad(fmt(row.ms, " ms"), 10, true)}`,
    );
  }
  printCpu("batch", profile.cpu);
  printCpu(`list walk (1 client, ${CONFIG.serialRequests} pages)`, figures.listCpu);
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
    "List latency is closed-loop: 50 clients in a worker thread, each waiting for its answer before the next request; it includes queueing in the one Node server process and the pool of 10 connections.",
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
