import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { mkdir, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { type Dialect, Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { createTestFoyer, type TestFoyer } from "../src/fixtures.ts";
import { createKyselyStore } from "../src/store/kysely/kysely-store.ts";
import { PGliteDialect } from "../src/store/pglite-dialect.ts";
import type { FoyerDatabase } from "../src/store/schema.ts";
import { createBetterAuthPeer, seedBetterAuthInvitations } from "./lib/better-auth.ts";
import { directCaller } from "./lib/load.ts";
import { seedInvitations } from "./lib/seed.ts";
import { round2, summarize } from "./lib/stats.ts";
import { postgresLocation } from "./lib/targets.ts";

// `pnpm bench:peers`: Foyer beside Better Auth's organization plugin on the same database
// (PostgreSQL and PGlite) in the same process, each through its Fetch handler, calls
// interleaved one for one; then, on PostgreSQL, Foyer's list over real HTTP under an
// open-loop load against a floor (a bare Express route running the same page query with
// `pg`). Prints every figure with its ratio and exits 1 when a budget fails.
//
// Flags: --quick (fewer rows and calls, for CI or trying it), --only=postgres|pglite,
//        --no-fail, --instances=N (also measure N Foyer processes behind one port).
// Env:   FOYER_BENCH_ADMIN_URL (server where the fresh database is made; default
//        postgres://postgres@127.0.0.1:5432/test).

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const noFail = args.includes("--no-fail");
const only = args.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const instances = Number(
  args.find((arg) => arg.startsWith("--instances="))?.slice("--instances=".length) ?? 0,
);

const CONFIG = {
  largeRows: quick ? 10_000 : 100_000,
  smallRows: 1_000,
  singles: quick ? 60 : 300,
  lists: quick ? 60 : 300,
  pageLimit: 50,
  /** Seconds per open-loop step. */
  stepSeconds: quick ? 1.5 : 4,
  rates: [50, 100, 200, 300, 400, 500, 650, 800, 1000, 1250, 1500, 2000],
};

const BUDGETS = {
  countsVsPeer: 0.5,
  countsScaling: 1.5,
  singleVsPeer: 0.6,
  listP50VsPeer: 0.4,
  listP99VsPeer: 0.6,
  openLoopVsFloor: 0.6,
  openLoopP99Ms: 25,
};

const ADMIN_URL = process.env.FOYER_BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const HTTP_CHILD = fileURLToPath(new URL("./lib/http-child.ts", import.meta.url));

const LARGE = { tenantId: "acme", actorId: "dana", org: "big" };
const SMALL = { tenantId: "guardian", actorId: "gwen", org: "small" };
const CREATE = { tenantId: "northwind", actorId: "mia", org: "create" };

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

interface Engine {
  name: "postgres" | "pglite";
  /** A new dialect on the same database (destroying it leaves the database alone). */
  dialect(): Dialect;
  url: string | null;
  close(): Promise<void>;
}

async function postgresEngine(): Promise<Engine> {
  const location = await postgresLocation(ADMIN_URL);
  log(`[postgres] database ${location.created ?? "(FOYER_BENCH_DATABASE_URL)"}`);
  return {
    name: "postgres",
    url: location.url,
    dialect: () =>
      new PostgresDialect({ pool: new pg.Pool({ connectionString: location.url, max: 10 }) }),
    close: () => location.drop(),
  };
}

async function pgliteEngine(): Promise<Engine> {
  const pglite = await PGlite.create();
  return {
    name: "pglite",
    url: null,
    dialect: () => new PGliteDialect({ pglite, closeOnDestroy: false }),
    close: () => pglite.close(),
  };
}

interface Row {
  figure: string;
  foyer: number;
  peer: number;
  /** What the peer column is. */
  peerName: string;
  unit: string;
  ratio: number;
  budget: number | null;
  pass: boolean;
}

type Call = () => Promise<{ status: number; text: string }>;

/** Runs two calls alternately `count` times; answers each one's latencies. */
async function interleave(count: number, a: Call, b: Call): Promise<[number[], number[]]> {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < count; i += 1) {
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const which of order) {
      const started = performance.now();
      const response = await (which === 0 ? a : b)();
      times[which as 0 | 1].push(performance.now() - started);
      if (response.status !== 200) {
        throw new Error(
          `${which === 0 ? "Foyer" : "peer"} answered ${response.status}: ${response.text.slice(0, 300)}`,
        );
      }
    }
  }
  return times;
}

async function benchEngine(
  engine: Engine,
): Promise<{ rows: Row[]; extra: Record<string, unknown> }> {
  const rows: Row[] = [];
  const row = (
    figure: string,
    foyer: number,
    peer: number,
    peerName: string,
    budget: number | null,
    unit = " ms",
  ) => {
    const ratio = round2(foyer / peer);
    rows.push({
      figure: `${engine.name}: ${figure}`,
      foyer: round2(foyer),
      peer: round2(peer),
      peerName,
      unit,
      ratio,
      budget,
      pass: budget === null || ratio <= budget,
    });
  };

  let foyerStatements: string[] = [];
  const foyerDb = new Kysely<FoyerDatabase>({
    dialect: engine.dialect(),
    log(event) {
      if (event.level === "query") foyerStatements.push(event.query.sql);
    },
  });
  const store = await createKyselyStore({ db: foyerDb, kind: engine.name });
  const foyer: TestFoyer = await createTestFoyer(store);
  const foyerCall = directCaller(foyer.handler);
  const peer = await createBetterAuthPeer(engine.dialect(), [LARGE.org, SMALL.org, CREATE.org]);

  log(`[${engine.name}] seeding ${CONFIG.largeRows} + ${CONFIG.smallRows} invitations each`);
  const now = new Date();
  const actors = foyer.fixture.actors;
  for (const [tenant, count, roleIds, invitedBy, seed] of [
    [LARGE.tenantId, CONFIG.largeRows, ["client_user", "client_admin"], actors.acmeAdmin, 1],
    [
      SMALL.tenantId,
      CONFIG.smallRows,
      ["guardian_standard", "guardian_admin"],
      actors.guardianAdmin,
      2,
    ],
  ] as const) {
    await seedInvitations(store, {
      tenantId: tenant,
      count,
      roleIds: [...roleIds] as [string, ...string[]],
      invitedBy,
      now,
      seed,
      // What the expiry sweep leaves: lapsed rows stored as expired.
      sweptStatus: "expired",
    });
  }
  await seedBetterAuthInvitations(
    engine.dialect(),
    peer.orgs[LARGE.org]!,
    peer.ownerId,
    CONFIG.largeRows,
  );
  await seedBetterAuthInvitations(
    engine.dialect(),
    peer.orgs[SMALL.org]!,
    peer.ownerId,
    CONFIG.smallRows,
  );
  const side = new Kysely({ dialect: engine.dialect() });
  await sql`analyze`.execute(side);
  await side.destroy();

  // One single invitation.
  const runId = Date.now().toString(36);
  let n = 0;
  const foyerCreate: Call = () =>
    foyerCall("POST", "/invitations", CREATE.actorId, {
      tenantId: CREATE.tenantId,
      roleId: "client_user",
      emails: [`s${runId}.${n++}@single.example.com`],
      delivery: "email",
    });
  let m = 0;
  const peerCreate: Call = () =>
    peer.call("POST", "/organization/invite-member", {
      email: `s${runId}.${m++}@single.example.com`,
      role: "member",
      organizationId: peer.orgs[CREATE.org],
    });
  log(`[${engine.name}] single invitations`);
  await interleave(10, foyerCreate, peerCreate);
  foyerStatements = [];
  peer.takeStatements();
  await foyerCreate();
  await peerCreate();
  const statementsPerCreate = { foyer: foyerStatements.length, peer: peer.takeStatements().length };
  const [foyerSingles, peerSingles] = await interleave(CONFIG.singles, foyerCreate, peerCreate);
  const singles = { foyer: summarize(foyerSingles), peer: summarize(peerSingles) };
  row(
    "one single invitation p50",
    singles.foyer.p50,
    singles.peer.p50,
    "Better Auth",
    BUDGETS.singleVsPeer,
  );
  rows.push({
    figure: `${engine.name}: SQL statements per single invitation`,
    foyer: statementsPerCreate.foyer,
    peer: statementsPerCreate.peer,
    peerName: "Better Auth",
    unit: "",
    ratio: round2(statementsPerCreate.foyer / statementsPerCreate.peer),
    budget: null,
    pass: true,
  });

  // The list at 100k rows: Foyer's first page of the pending tab; Better Auth's list call.
  const page = (tenantId: string, counts: boolean) =>
    `/invitations?tenantId=${tenantId}&status=pending&sort=sentAt&order=desc&limit=${CONFIG.pageLimit}${counts ? "&counts=true" : ""}`;
  const peerList: Call = () =>
    peer.call("GET", `/organization/list-invitations?organizationId=${peer.orgs[LARGE.org]}`);
  log(`[${engine.name}] list pages`);
  await interleave(
    10,
    () => foyerCall("GET", page(LARGE.tenantId, false), LARGE.actorId),
    peerList,
  );
  const [foyerList, peerListTimes] = await interleave(
    CONFIG.lists,
    () => foyerCall("GET", page(LARGE.tenantId, false), LARGE.actorId),
    peerList,
  );
  const list = { foyer: summarize(foyerList), peer: summarize(peerListTimes) };
  const rowsLabel = CONFIG.largeRows.toLocaleString("en");
  row(
    `list page at ${rowsLabel} rows p50`,
    list.foyer.p50,
    list.peer.p50,
    "Better Auth",
    BUDGETS.listP50VsPeer,
  );
  row(
    `list page at ${rowsLabel} rows p99`,
    list.foyer.p99,
    list.peer.p99,
    "Better Auth",
    BUDGETS.listP99VsPeer,
  );

  log(`[${engine.name}] first page + counts`);
  const [countsLarge, peerForCounts] = await interleave(
    CONFIG.lists,
    () => foyerCall("GET", page(LARGE.tenantId, true), LARGE.actorId),
    peerList,
  );
  const [countsSmall] = await interleave(
    CONFIG.lists,
    () => foyerCall("GET", page(SMALL.tenantId, true), SMALL.actorId),
    () => foyerCall("GET", page(LARGE.tenantId, true), LARGE.actorId),
  );
  const counts = {
    large: summarize(countsLarge),
    small: summarize(countsSmall),
    peer: summarize(peerForCounts),
  };
  row(
    `first page + counts at ${rowsLabel} rows p50 (peer: its list call)`,
    counts.large.p50,
    counts.peer.p50,
    "Better Auth",
    BUDGETS.countsVsPeer,
  );
  row(
    `first page + counts p50, ${rowsLabel} rows / ${CONFIG.smallRows.toLocaleString("en")} rows`,
    counts.large.p50,
    counts.small.p50,
    "Foyer at 1k",
    BUDGETS.countsScaling,
  );
  const peerPage = JSON.parse((await peerList()).text) as unknown[];
  await peer.close();
  await foyerDb.destroy();
  return {
    rows,
    extra: {
      singles,
      list,
      counts,
      statementsPerCreate,
      peerListRows: Array.isArray(peerPage) ? peerPage.length : null,
    },
  };
}

// ---- HTTP, open loop -------------------------------------------------------------------

interface Server {
  port: number;
  child: ChildProcess;
  stop(): Promise<{ maxRssMb: number }>;
}

async function startServer(mode: "foyer" | "floor", url: string, workers: number): Promise<Server> {
  const child = fork(HTTP_CHILD, [mode, url, String(workers)], {
    execArgv: ["--conditions=@foyer/source", "--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const [message] = (await once(child, "message")) as [{ port: number }];
  return {
    port: message.port,
    child,
    async stop() {
      child.send("stop");
      const [stats] = (await once(child, "message")) as [{ maxRssMb: number }];
      await once(child, "exit");
      return stats;
    },
  };
}

/** Sends `rate` requests per second for `seconds`, each at its scheduled time; latency from then. */
async function openLoop(
  port: number,
  path: string,
  headers: Record<string, string>,
  rate: number,
  seconds: number,
): Promise<{ p50: number; p99: number; errors: number; sent: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now() + 20;
  const done: Promise<void>[] = [];
  const send = (scheduled: number) =>
    new Promise<void>((resolve) => {
      const request = http.request(
        { host: "127.0.0.1", port, path, headers, agent },
        (response) => {
          response.resume();
          response.on("end", () => {
            if (response.statusCode !== 200) errors += 1;
            latencies.push(performance.now() - scheduled);
            resolve();
          });
        },
      );
      request.on("error", () => {
        errors += 1;
        latencies.push(performance.now() - scheduled);
        resolve();
      });
      request.end();
    });
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + (next * 1000) / rate <= now) {
        done.push(send(start + (next * 1000) / rate));
        next += 1;
      }
      if (next >= total) resolve();
      // Sleep until the next send is due (a busy loop would take the server's CPU).
      else setTimeout(tick, Math.max(0, start + (next * 1000) / rate - performance.now()));
    };
    tick();
  });
  await Promise.all(done);
  agent.destroy();
  const summary = summarize(latencies);
  return { p50: summary.p50, p99: summary.p99, errors, sent: total };
}

async function benchHttp(url: string): Promise<{ rows: Row[]; extra: Record<string, unknown> }> {
  const path = `/api/foyer/invitations?tenantId=${LARGE.tenantId}&status=pending&sort=sentAt&order=desc&limit=${CONFIG.pageLimit}`;
  const floorPath = `/floor?tenantId=${LARGE.tenantId}&limit=${CONFIG.pageLimit}`;
  const headers = { authorization: `Bearer ${LARGE.actorId}` };
  const variants: { name: string; mode: "foyer" | "floor"; workers: number; path: string }[] = [
    { name: "floor", mode: "floor", workers: 1, path: floorPath },
    { name: "foyer", mode: "foyer", workers: 1, path },
  ];
  if (instances > 1)
    variants.push({ name: `foyer x${instances}`, mode: "foyer", workers: instances, path });
  const servers = new Map<string, Server>();
  for (const variant of variants)
    servers.set(variant.name, await startServer(variant.mode, url, variant.workers));
  const best = new Map<string, number>(variants.map((v) => [v.name, 0]));
  const steps: Record<string, unknown>[] = [];
  const failing = new Map<string, number>(variants.map((v) => [v.name, 0]));
  for (const rate of CONFIG.rates) {
    // Interleaved: every variant at this rate before the next rate.
    for (const variant of variants) {
      if ((failing.get(variant.name) ?? 0) >= 2) continue;
      const server = servers.get(variant.name)!;
      // A short warm-up at the rate, then the measured step.
      await openLoop(server.port, variant.path, headers, rate, 0.3);
      const result = await openLoop(server.port, variant.path, headers, rate, CONFIG.stepSeconds);
      const ok = result.errors === 0 && result.p99 <= BUDGETS.openLoopP99Ms;
      steps.push({ variant: variant.name, rate, ...result, ok });
      log(
        `[http] ${variant.name} ${rate}/s: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, errors ${result.errors}`,
      );
      if (ok) {
        best.set(variant.name, Math.max(best.get(variant.name) ?? 0, rate));
        failing.set(variant.name, 0);
      } else failing.set(variant.name, (failing.get(variant.name) ?? 0) + 1);
    }
    if (variants.every((v) => (failing.get(v.name) ?? 0) >= 2)) break;
  }
  const rss: Record<string, number> = {};
  for (const [name, server] of servers) rss[name] = (await server.stop()).maxRssMb;
  const floor = best.get("floor") ?? 0;
  const rows: Row[] = [];
  const foyerRate = best.get("foyer") ?? 0;
  const ratio = round2(foyerRate / Math.max(1, floor));
  rows.push({
    figure: `postgres: HTTP list, open loop, highest rate with p99 ≤ ${BUDGETS.openLoopP99Ms} ms (req/s)`,
    foyer: foyerRate,
    peer: floor,
    peerName: "bare Express + pg",
    unit: "",
    ratio,
    budget: null,
    pass: ratio >= BUDGETS.openLoopVsFloor,
  });
  if (instances > 1) {
    const many = best.get(`foyer x${instances}`) ?? 0;
    rows.push({
      figure: `postgres: HTTP list, ${instances} Foyer processes (req/s)`,
      foyer: many,
      peer: foyerRate,
      peerName: "1 process",
      unit: "",
      ratio: round2(many / Math.max(1, foyerRate)),
      budget: null,
      pass: true,
    });
  }
  rows.push({
    figure: "postgres: peak RSS of the server under that load (MB)",
    foyer: rss.foyer ?? 0,
    peer: rss.floor ?? 0,
    peerName: "bare Express + pg",
    unit: "",
    ratio: round2((rss.foyer ?? 0) / Math.max(1, rss.floor ?? 1)),
    budget: null,
    pass: true,
  });
  return { rows, extra: { steps, best: Object.fromEntries(best), rssMb: rss } };
}

function print(rows: Row[]): void {
  const width = Math.max(...rows.map((r) => r.figure.length));
  console.log("");
  console.log(
    `${"figure".padEnd(width)}  ${"Foyer".padStart(9)}  ${"peer".padStart(9)}  ${"ratio".padStart(6)}  budget      peer`,
  );
  console.log("-".repeat(width + 70));
  for (const r of rows) {
    const budget =
      r.budget !== null
        ? `${r.pass ? "PASS" : "FAIL"} ≤ ${r.budget}`
        : r.figure.includes("open loop")
          ? `${r.pass ? "PASS" : "FAIL"} ≥ ${BUDGETS.openLoopVsFloor}`
          : "";
    console.log(
      `${r.figure.padEnd(width)}  ${`${r.foyer}${r.unit}`.padStart(9)}  ${`${r.peer}${r.unit}`.padStart(9)}  ${`${r.ratio}x`.padStart(6)}  ${budget.padEnd(10)}  ${r.peerName}`,
    );
  }
}

async function main(): Promise<void> {
  const started = new Date();
  const rows: Row[] = [];
  const extra: Record<string, unknown> = {};
  const load = os.loadavg();
  if (only !== "pglite") {
    const engine = await postgresEngine();
    try {
      const result = await benchEngine(engine);
      rows.push(...result.rows);
      extra.postgres = result.extra;
      log("[http] open loop");
      const http = await benchHttp(engine.url!);
      rows.push(...http.rows);
      extra.http = http.extra;
    } finally {
      await engine.close();
    }
  }
  if (only !== "postgres") {
    const engine = await pgliteEngine();
    try {
      const result = await benchEngine(engine);
      rows.push(...result.rows);
      extra.pglite = result.extra;
    } finally {
      await engine.close();
    }
  }
  print(rows);
  const pass = rows.every((r) => r.pass);
  console.log(
    `\n${pass ? "all budgets pass" : "a budget FAILED"}; ${os.cpus().length} CPUs, load average ${load.map((l) => l.toFixed(2)).join(" ")} at start${quick ? "; --quick: smaller tables, fewer calls" : ""}`,
  );
  await mkdir(`${REPO_ROOT}bench-results`, { recursive: true });
  await writeFile(
    `${REPO_ROOT}bench-results/peers.json`,
    `${JSON.stringify({ timestamp: started.toISOString(), quick, config: CONFIG, budgets: BUDGETS, rows, extra, pass }, null, 2)}\n`,
  );
  console.log(`wrote ${REPO_ROOT}bench-results/peers.json`);
  process.exitCode = pass || noFail ? 0 : 1;
}

await main();
