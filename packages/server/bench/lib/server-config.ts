import { fileURLToPath } from "node:url";

// What \`pnpm bench\` (server part) runs with: its flags, sizes, budgets and fixture tenants,
// shared by server-bench.ts and its parts under lib/.

export const args = new Set(process.argv.slice(2));
export const quick = args.has("--quick");
export const noFail = args.has("--no-fail");
/**
 * Seed lapsed, never-answered rows as the expiry sweep leaves them (stored `expired`), as a
 * running server keeps them; `--seed-unswept` seeds them still `pending`, the backlog of a
 * server whose dispatcher has not run (the tab counts then count that backlog).
 */
export const sweptExpired = !args.has("--seed-unswept");
export const only = [...args].find((arg) => arg.startsWith("--only="))?.slice("--only=".length);

export const CONFIG = {
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

export const BUDGETS = {
  /** A batch of 1,000 over HTTP against the same rows written by plain SQL in the database. */
  batchVsFloor: 2,
  scalingP50: 2,
};

export const ADMIN_URL =
  process.env.FOYER_BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
export const RESULTS_DIR = `${REPO_ROOT}bench-results`;
export const RUN_ID = Date.now().toString(36);
export const TSX_API = import.meta.resolve("tsx/esm/api");
export const WORKER_URL = new URL("./load-worker.ts", import.meta.url).href;

/** Fixture tenants and actors the bench uses. */
export const BATCH = { tenantId: "northwind", actorId: "mia", roleId: "client_user" };
export const LARGE = { tenantId: "acme", actorId: "dana" };
export const SMALL = { tenantId: "guardian", actorId: "gwen" };

export const notes: string[] = [];

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}
