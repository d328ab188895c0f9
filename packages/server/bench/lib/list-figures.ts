import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { type ListLoadJob, type ListLoadResult, runListLoad } from "./load.ts";
import { CONFIG, LARGE, log, SMALL, TSX_API, WORKER_URL } from "./server-config.ts";
import { type LatencySummary, round2, roundSummary, summarize } from "./stats.ts";
import type { Target } from "./targets.ts";

// List latency under a closed-loop load (clients in a worker thread walking cursor pages),
// one client walking pages, and first pages with counts, per tenant size and tab.

export function runInWorker(target: Target, job: ListLoadJob): Promise<ListLoadResult> {
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

export interface ListFigures {
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

export async function serialList(
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

export async function measureList(
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

export function emptyPool() {
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

export function job(
  tenant: { tenantId: string; actorId: string },
  status: "all" | "pending",
  clients: number,
  requests: number,
): ListLoadJob {
  return { ...tenant, status, limit: CONFIG.pageLimit, clients, requests };
}
