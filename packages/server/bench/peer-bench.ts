import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Kysely, sql } from "kysely";
import { createTestFoyer, type TestFoyer } from "../src/fixtures.ts";
import { createKyselyStore } from "../src/store/kysely/kysely-store.ts";
import type { FoyerDatabase } from "../src/store/schema.ts";
import { measureBatch } from "./lib/batch-figures.ts";
import { createBetterAuthPeer, seedBetterAuthInvitations } from "./lib/better-auth.ts";
import { directCaller } from "./lib/load.ts";
import { benchHttp } from "./lib/open-loop.ts";
import { type Engine, pgliteEngine, postgresEngine } from "./lib/peer-engines.ts";
import { type Call, interleave, print, type Row, ratioRow } from "./lib/peer-rows.ts";
import { seedInvitations } from "./lib/seed.ts";
import { median, summarize } from "./lib/stats.ts";

// `pnpm bench:peers`: Foyer beside Better Auth's organization plugin on the same database
// (PostgreSQL and PGlite) in the same process, each through its Fetch handler, calls
// interleaved one for one; then, on PostgreSQL, Foyer's list over real HTTP under an
// open-loop load against a floor (a bare Express route running the same page query with
// `pg`). Prints every figure with its ratio and exits 1 when a budget fails.
//
// Flags: --quick (fewer rows and calls, for CI or trying it), --only=postgres|pglite,
//        --no-fail, --instances=N (also measure N Foyer processes behind one port),
//        --no-http (skip the open-loop HTTP part).
// Env:   FOYER_BENCH_ADMIN_URL (server where the fresh database is made; default
//        postgres://postgres@127.0.0.1:5432/test).

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const noFail = args.includes("--no-fail");
const noHttp = args.includes("--no-http");
const only = args.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const instances = Number(
  args.find((arg) => arg.startsWith("--instances="))?.slice("--instances=".length) ?? 0,
);

const CONFIG = {
  largeRows: quick ? 10_000 : 100_000,
  smallRows: 1_000,
  singles: quick ? 60 : 300,
  batchSize: 1_000,
  batchRuns: quick ? 3 : 5,
  /** Better Auth has no batch call: this many invite calls, scaled to the batch size. */
  peerBatchCalls: quick ? 200 : 1_000,
  /** Calls per list series: a p99 of 1,000 is its 10th-worst call, not one noisy spike. */
  lists: quick ? 100 : 1_000,
  pageLimit: 50,
  /** Seconds per open-loop step. */
  stepSeconds: quick ? 1.5 : 4,
  rates: [10, 20, 35, 50, 75, 100, 150, 200, 300, 400, 500, 650, 800, 1000, 1250, 1500],
};

const BUDGETS = {
  batchVsFloor: 2,
  batchVsPeer: 0.02,
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

const LARGE = { tenantId: "acme", actorId: "dana", org: "big" };
const SMALL = { tenantId: "guardian", actorId: "gwen", org: "small" };
const CREATE = { tenantId: "northwind", actorId: "mia", org: "create" };

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** The same invitations in both: a large and a small tenant (organization) each. */
async function seedBoth(
  engine: Engine,
  foyer: TestFoyer,
  peer: Awaited<ReturnType<typeof createBetterAuthPeer>>,
): Promise<void> {
  const store = foyer.store;
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
  ) => rows.push(ratioRow(`${engine.name}: ${figure}`, foyer, peer, peerName, budget));

  // Statements are counted only around the call that is counted: a log kept for the whole
  // run would keep every SQL string alive and slow each young-generation collection of the
  // shared heap, which lands on the calls measured later.
  let foyerStatements: string[] | null = null;
  const foyerDb = new Kysely<FoyerDatabase>({
    dialect: engine.foyerDialect(),
    log(event) {
      if (event.level === "query") foyerStatements?.push(event.query.sql);
    },
  });
  const store = await createKyselyStore({ db: foyerDb, kind: engine.name });
  const foyer: TestFoyer = await createTestFoyer(store);
  const foyerCall = directCaller(foyer.handler);
  const peer = await createBetterAuthPeer(engine.dialect(), [LARGE.org, SMALL.org, CREATE.org]);

  await seedBoth(engine, foyer, peer);

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
  await foyerCreate();
  const statementsPerCreate = {
    foyer: foyerStatements.length,
    peer: await peer.countStatements(peerCreate),
  };
  foyerStatements = null;
  const [foyerSingles, peerSingles] = await interleave(CONFIG.singles, foyerCreate, peerCreate);
  const singles = { foyer: summarize(foyerSingles), peer: summarize(peerSingles) };
  row(
    "one single invitation p50",
    singles.foyer.p50,
    singles.peer.p50,
    "Better Auth",
    BUDGETS.singleVsPeer,
  );
  rows.push(
    ratioRow(
      `${engine.name}: SQL statements per single invitation`,
      statementsPerCreate.foyer,
      statementsPerCreate.peer,
      "Better Auth",
      null,
      "",
    ),
  );

  // A batch of 1,000 in one call, against its floor and against Better Auth's 1,000 calls.
  log(`[${engine.name}] batches of ${CONFIG.batchSize}`);
  const batch = await measureBatch({
    size: CONFIG.batchSize,
    runs: CONFIG.batchRuns,
    peerCalls: CONFIG.peerBatchCalls,
    call: foyerCall,
    tenant: { tenantId: CREATE.tenantId, actorId: CREATE.actorId, roleId: "client_user" },
    peer,
    peerOrgId: peer.orgs[CREATE.org]!,
    exec: (text) => engine.exec(text),
    log: (message) => log(`[${engine.name}] ${message}`),
  });
  const batchLabel = `batch of ${CONFIG.batchSize.toLocaleString("en")} in one call`;
  row(
    `${batchLabel}, median of ${CONFIG.batchRuns} (peer: the same rows in plain SQL, one transaction)`,
    median(batch.foyerMs),
    median(batch.floorMs),
    "floor",
    BUDGETS.batchVsFloor,
  );
  row(
    `${batchLabel} (peer: ${CONFIG.batchSize.toLocaleString("en")} invite calls${batch.peerCalls < CONFIG.batchSize ? `, scaled from ${batch.peerCalls}` : ""})`,
    median(batch.foyerMs),
    batch.peerMs,
    "Better Auth",
    BUDGETS.batchVsPeer,
  );

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
  // Its growth with the table compares the two sizes within one loop, each call of one
  // beside a call of the other, so the same noise falls on both.
  const [countsSmall, countsLargeBeside] = await interleave(
    CONFIG.lists,
    () => foyerCall("GET", page(SMALL.tenantId, true), SMALL.actorId),
    () => foyerCall("GET", page(LARGE.tenantId, true), LARGE.actorId),
  );
  const counts = {
    large: summarize(countsLarge),
    small: summarize(countsSmall),
    largeBeside: summarize(countsLargeBeside),
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
    counts.largeBeside.p50,
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
      batch,
      peerListRows: Array.isArray(peerPage) ? peerPage.length : null,
    },
  };
}

async function main(): Promise<void> {
  const started = new Date();
  const rows: Row[] = [];
  const extra: Record<string, unknown> = {};
  const load = os.loadavg();
  if (only !== "pglite") {
    const engine = await postgresEngine(ADMIN_URL, log);
    try {
      const result = await benchEngine(engine);
      rows.push(...result.rows);
      extra.postgres = result.extra;
      if (!noHttp) {
        log("[http] open loop");
        const http = await benchHttp(engine.url!, {
          tenant: LARGE,
          pageLimit: CONFIG.pageLimit,
          rates: CONFIG.rates,
          stepSeconds: CONFIG.stepSeconds,
          p99Ms: BUDGETS.openLoopP99Ms,
          atLeast: BUDGETS.openLoopVsFloor,
          instances,
          log,
        });
        rows.push(...http.rows);
        extra.http = http.extra;
      }
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
  print(rows, BUDGETS.openLoopVsFloor);
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
