// @ts-check
// `pnpm bench` (table part; alone: `pnpm --filter @foyer/react bench`): InvitationsTable over
// the 10,000 invitations of @foyer/msw's `busy` scenario, in Debian's Chromium, from a
// production build of bench/table-bench.html (vite.config.ts beside this file).
//
// Each sample is a fresh page. The page seeds the mock and calls its real handler through the
// client's `fetch` (no service worker, no network), then mounts FoyerProvider + InvitationsTable
// and reports its own performance.now() figures (see table-bench.tsx):
//   first render, cold   root.render() -> skeleton -> first list call -> first page painted
//   first render, warm   root.render() -> first page painted, the page already in the cache
//   first render, host   like cold, in a page where a stand-in host app (React + TanStack
//                        Query, bench/host-shell.tsx) was rendered before the timer
//   first render, floor  like cold, with a bare table on the same client and query in place
//                        of InvitationsTable (see table-bench.tsx): what any table costs here
//   first render, primed like cold, after the table was mounted and unmounted once in the
//                        page before the timer (its code compiled and run once)
//   scroll to the end    scrollTop += step every frame until the last row is in the DOM,
//                        once on the Pending tab and once on History (together every row)
// Prints a table against the budgets, writes bench-results/table.json at the repository root,
// and exits 1 when a budget fails, unless --no-fail.
//
// Flags: --no-fail, --quick (fewer samples), --iterations=N (first-render samples per mode,
//        default 7), --scroll-runs=N (per tab, default 3), --step=PX (scroll per frame,
//        default 2200 = 50 rows), --only=first|scroll, --no-build (reuse bench/dist),
//        --profile (also write CPU profiles of one cold first render and one Pending scroll
//        to bench-results/table-*.cpuprofile).
//        Flags of the server bench (--only=postgres|pglite, --direct, ...) are ignored.
// Env:   CHROMIUM_PATH (default /usr/bin/chromium); FOYER_BENCH_MINIFY=0 builds the page
//        unminified (readable function names in --profile output).
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { build } from "vite";
import { chromiumPath, CHROMIUM_ARGS as SHARED_CHROMIUM_ARGS } from "../../../scripts/chromium.mjs";
import { serveStatic } from "../../../scripts/static-server.mjs";

const argv = process.argv.slice(2);
const args = new Set(argv);
/** @param {string} name */
const option = (name) =>
  argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(`--${name}=`.length);
const quick = args.has("--quick");
const noFail = args.has("--no-fail");
const onlyArg = option("only");
const only = onlyArg === "first" || onlyArg === "scroll" ? onlyArg : null;
const profile = args.has("--profile");
/** The first-render series and the page query of each. */
const SERIES = /** @type {const} */ ({
  cold: { mode: "cold" },
  host: { mode: "cold", host: "1" },
  primed: { mode: "cold", prime: "1" },
  floor: { mode: "cold", floor: "1" },
  warm: { mode: "warm" },
});
/** @typedef {keyof typeof SERIES} Series */
const SERIES_NAMES = /** @type {Series[]} */ (Object.keys(SERIES));
const TABS = /** @type {const} */ (["pending", "history"]);

const CONFIG = {
  iterations: Number(option("iterations") ?? (quick ? 3 : 7)),
  scrollRuns: Number(option("scroll-runs") ?? (quick ? 1 : 3)),
  scroll: { stepPx: Number(option("step") ?? 2200), timeoutMs: 60_000, settleMs: 500 },
  viewport: { width: 1280, height: 900 },
  /** InvitationsTable's default page size, which the bench page uses. */
  pageSize: 50,
};

const BUDGETS = {
  /**
   * Cold first render of InvitationsTable over the floor's (a bare table on the same client,
   * query and data), in main-thread CPU time, medians of one run with the series alternated:
   * what the table adds to what any table of this API costs in a fresh page, as a ratio that
   * holds on any machine, however busy.
   */
  coldOverFloor: 2,
  /** `[data-slot=row]` elements in the DOM at any time. */
  renderedRows: 60,
  /** Rows any one list call may ask for (the contract's largest page). */
  rowsPerRequest: 100,
};

/** The shared flags, plus gc(): the page collects seeding's garbage before its timer starts. */
const CHROMIUM_ARGS = [...SHARED_CHROMIUM_ARGS, "--js-flags=--expose-gc"];
const executablePath = chromiumPath;
const BENCH_DIR = fileURLToPath(new URL("./", import.meta.url));
const DIST_DIR = fileURLToPath(new URL("./dist", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const RESULTS_DIR = `${REPO_ROOT}bench-results`;

/** @type {string[]} */
const notes = [];

/** @param {string} message */
function log(message) {
  process.stderr.write(`${message}\n`);
}

/** @param {number[]} values */
function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** @param {number} value */
const round2 = (value) => Math.round(value * 100) / 100;

/** @param {number[]} values */
function summary(values) {
  return {
    count: values.length,
    median: round2(median(values)),
    min: round2(Math.min(...values)),
    max: round2(Math.max(...values)),
  };
}

/**
 * One fresh page: opens the bench page, waits for its first render, optionally scrolls to
 * the end. With `profileTo`, the page holds before mounting and the first render (or the
 * scroll, when given) is recorded by the V8 CPU profiler into that file.
 * @param {import("playwright-core").Browser} browser
 * @param {string} url
 * @param {{ stepPx: number, timeoutMs: number, settleMs: number } | null} scroll
 * @param {string | null} [profileTo]
 */
async function samplePage(browser, url, scroll, profileTo = null) {
  const context = await browser.newContext({ viewport: CONFIG.viewport });
  try {
    const page = await context.newPage();
    /** @type {string[]} */
    const errors = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    // First-render samples hold before mounting, so the driver can read the main thread's
    // counters (and start a profiler) right before the timer starts.
    await page.goto(scroll ? url : `${url}&hold=1`);
    await page.waitForFunction(() => window.__foyerBench !== undefined, null, { timeout: 30_000 });
    const cdp = await context.newCDPSession(page);
    const startProfile = async () => {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
      await cdp.send("Profiler.start");
    };
    const stopProfile = async () => {
      if (!profileTo) return;
      const { profile: cpu } = await cdp.send("Profiler.stop");
      await writeFile(profileTo, JSON.stringify(cpu));
    };
    /** @type {Record<string, number> | null} */
    let work = null;
    if (!scroll) {
      await withTimeout(
        page.evaluate(() => window.__foyerBench?.seeded),
        60_000,
        "seeding",
      );
      // Thread-time counters: the main thread's CPU time, which other processes on a busy
      // machine do not stretch the way they stretch wall-clock time.
      await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
      const before = await mainThreadCounters(cdp);
      if (profileTo) await startProfile();
      await page.evaluate(() => window.__foyerBench?.start());
      await withTimeout(
        page.evaluate(() => window.__foyerBench?.firstRender),
        60_000,
        "first render",
      );
      const after = await mainThreadCounters(cdp);
      work = Object.fromEntries(
        Object.keys(after).map((name) => [
          name,
          round2(((after[name] ?? 0) - (before[name] ?? 0)) * 1000),
        ]),
      );
    }
    const first = await withTimeout(
      page.evaluate(() => window.__foyerBench?.firstRender),
      60_000,
      "first render",
    );
    if (first && work) Object.assign(first, { work });
    if (!scroll) await stopProfile();
    if (profileTo && scroll) await startProfile();
    const scrolled = scroll
      ? await withTimeout(
          page.evaluate((options) => window.__foyerBench?.scrollToEnd(options), scroll),
          scroll.timeoutMs + 30_000,
          "scroll to the end",
        )
      : null;
    if (profileTo && scroll) await stopProfile();
    if (errors.length > 0) notes.push(`${url}: page errors: ${errors.join(" | ")}`);
    if (!first) throw new Error(`${url}: no first-render result`);
    return { first, scrolled };
  } finally {
    await context.close();
  }
}

/**
 * The renderer main thread's counters, in seconds of thread time (`Performance.enable` with
 * `timeDomain: "threadTicks"`): all of its CPU time, and that of scripts, V8 compiling, style
 * and layout.
 * @param {import("playwright-core").CDPSession} cdp
 * @returns {Promise<Record<string, number>>}
 */
async function mainThreadCounters(cdp) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const wanted = {
    ThreadTime: "cpuMs",
    ScriptDuration: "scriptMs",
    V8CompileDuration: "compileMs",
    RecalcStyleDuration: "styleMs",
    LayoutDuration: "layoutMs",
  };
  /** @type {Record<string, number>} */
  const out = {};
  for (const metric of metrics) {
    const name = /** @type {Record<string, string>} */ (wanted)[metric.name];
    if (name) out[name] = metric.value;
  }
  return out;
}

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
function withTimeout(promise, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return /** @type {Promise<T>} */ (Promise.race([promise, timeout])).finally(() =>
    clearTimeout(timer),
  );
}

/** @param {number | undefined | null} value @param {string} [unit] */
function fmt(value, unit = "") {
  if (value === undefined || value === null || Number.isNaN(value)) return "-";
  if (!Number.isFinite(value)) return String(value);
  const digits = Number.isInteger(value) ? 0 : value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit}`;
}

async function main() {
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  if (!args.has("--no-build")) {
    log("[table] vite build (production) of bench/table-bench.html");
    await build({ configFile: `${BENCH_DIR}vite.config.ts`, logLevel: "error" });
  }
  const server = await serveStatic(DIST_DIR);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const chromiumVersion = browser.version();
  const pageUrl = (/** @type {Record<string, string>} */ query) =>
    `${server.url}/table-bench.html?${new URLSearchParams(query)}`;

  /** @type {Record<Series, any[]>} */
  const firstRenders = { cold: [], host: [], primed: [], warm: [], floor: [] };
  /** @type {Record<"pending" | "history", any[]>} */
  const scrolls = { pending: [], history: [] };
  /** @type {string[]} */
  const profiles = [];
  try {
    if (only !== "scroll") {
      // Alternate the series so a noisy neighbour on the shared machine hits all alike.
      for (let i = 0; i < CONFIG.iterations; i += 1) {
        for (const series of SERIES_NAMES) {
          const { first } = await samplePage(
            browser,
            pageUrl({ ...SERIES[series], tab: "pending" }),
            null,
          );
          firstRenders[series].push(first);
          log(
            `[table] first render ${series} ${i + 1}/${CONFIG.iterations}: rows painted at ${fmt(first.rowsPaintedMs, " ms")}, ${first.rowsSettled} rows in the DOM`,
          );
        }
      }
    }
    if (only !== "first") {
      for (let i = 0; i < CONFIG.scrollRuns; i += 1) {
        for (const tab of TABS) {
          const { first, scrolled } = await samplePage(
            browser,
            pageUrl({ mode: "cold", tab }),
            CONFIG.scroll,
          );
          scrolls[tab].push({ first, scrolled });
          log(
            `[table] scroll ${tab} ${i + 1}/${CONFIG.scrollRuns}: last of ${scrolled?.total} rows after ${fmt(scrolled?.reachedLastRowMs, " ms")}, ${scrolled?.listRequests} list calls, at most ${scrolled?.maxRows} rows in the DOM`,
          );
        }
      }
    }
    if (profile) {
      await mkdir(RESULTS_DIR, { recursive: true });
      const firstTo = `${RESULTS_DIR}/table-first-render-cold.cpuprofile`;
      await samplePage(browser, pageUrl({ mode: "cold", tab: "pending" }), null, firstTo);
      const scrollTo = `${RESULTS_DIR}/table-scroll-pending.cpuprofile`;
      await samplePage(browser, pageUrl({ mode: "cold", tab: "pending" }), CONFIG.scroll, scrollTo);
      profiles.push(firstTo, scrollTo);
      log(`[table] CPU profiles (not counted in the figures): ${profiles.join(", ")}`);
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }

  const figures = summarizeAll(firstRenders, scrolls);
  const budgets = checkBudgets(figures);
  printTable(figures, budgets);

  const results = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    environment: {
      node: process.version,
      chromium: chromiumVersion,
      chromiumArgs: CHROMIUM_ARGS,
      viewport: CONFIG.viewport,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      loadavgBefore: loadBefore.map(round2),
      loadavgAfter: os.loadavg().map(round2),
    },
    config: { ...CONFIG, quick, only },
    definitions: {
      page: "A production build (vite, React production) of bench/table-bench.html, a fresh browser context and page per sample. @foyer/msw's `busy` scenario (10,000 invitations in Acme) is seeded in the page and the client's fetch calls that mock's real Foyer handler in the page (no service worker, no network). Before the timer: seeding, one list call to the handler (builds the store's sort index), the warm prefetch or priming mount where the series has one, and gc().",
      cold: "ms from root.render() of FoyerProvider + InvitationsTable (tenant acme, Pending tab, empty query cache) until a message posted from the first animation frame after the first [data-slot=row] was committed ran, i.e. the first 50-row page is painted and the tasks queued before it (React's follow-up renders) are done. Includes the skeleton, the first list call (counts=true) in the page's handler, response parsing and the re-render. Code runs for the first time in the page (parse, lazy compile).",
      warm: "the same with the first page already in the QueryClient: render only, no API call between mount and rows.",
      host: "like cold, in a page where a stand-in host app (bench/host-shell.tsx: a React + TanStack Query screen with a 40-row table, loaded and updated once) was rendered before the timer: React DOM's and TanStack Query's code has run, as in a live app; Foyer's code (table, hooks, client, contract) runs for the first time.",
      floor:
        "like cold, but with a bare table in place of InvitationsTable: the same client, query and data through TanStack Query, a skeleton, then 18 plain rows of 9 cells (as many as InvitationsTable paints). The cost of any table of this API in this page (React, TanStack Query, the client and contract running for the first time); cold minus floor is InvitationsTable's own.",
      primed:
        "like cold, but the table was mounted (with its own empty cache), painted and unmounted once in the page before the timer: compiled code, the same cold data path.",
      rowsFrameMs:
        "the start of the animation frame that paints the first rows (its rAF callback), before style, layout and paint of that frame.",
      scroll:
        "scrollTop += stepPx every animation frame from the top until the row with aria-rowindex = total + 1 is in the DOM; the table fetches each next page itself as the end nears. Long tasks from PerformanceObserver('longtask'); frames from rAF intervals.",
      budgetFirstRender: `the cold first render's main-thread CPU time (thread ticks from Chrome's Performance domain, mount -> rows painted) must be at most ${BUDGETS.coldOverFloor}x the floor's, medians of the same run (both a fresh page with the first API call; the series alternate). CPU time, because on a shared machine other processes stretch wall-clock time by half again from one sample to the next; the wall-clock ratios are reported beside it, and host, primed and warm over floor too.`,
    },
    budgets,
    ratiosToFloor: Object.fromEntries(
      /** @type {const} */ (["cold", "host", "primed", "warm"]).map((series) => {
        const f = figures.firstRender[series];
        const floor = figures.firstRender.floor;
        const ratio = (/** @type {number | undefined} */ a, /** @type {number | undefined} */ b) =>
          a && b ? round2(a / b) : null;
        return [
          series,
          {
            cpu: ratio(f?.cpuMs?.median, floor?.cpuMs?.median),
            wallClock: ratio(f?.rowsPaintedMs.median, floor?.rowsPaintedMs.median),
          },
        ];
      }),
    ),
    figures,
    samples: { firstRenders, scrolls },
    profiles,
    notes,
  };
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(`${RESULTS_DIR}/table.json`, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWrote ${RESULTS_DIR}/table.json`);
  for (const note of notes) console.log(`note: ${note}`);

  const failed = budgets.filter((item) => !item.pass);
  if (failed.length > 0) {
    console.log(`\n${failed.length} table budget(s) failed${noFail ? " (--no-fail)" : ""}.`);
    if (!noFail) process.exitCode = 1;
  } else if (budgets.length > 0) {
    console.log("\nEvery table budget passed.");
  }
}

/**
 * @param {any[]} items
 * @param {(item: any) => number | null | undefined} get
 */
function summaryOf(items, get) {
  const values = items.map(get).filter((value) => typeof value === "number");
  return values.length > 0 ? summary(/** @type {number[]} */ (values)) : null;
}

/**
 * @param {Record<Series, any[]>} firstRenders
 * @param {Record<"pending" | "history", any[]>} scrolls
 */
function summarizeAll(firstRenders, scrolls) {
  /** @type {Partial<Record<Series, Record<string, any>>>} */
  const firstRender = {};
  for (const series of SERIES_NAMES) {
    const samples = firstRenders[series];
    if (samples.length === 0) continue;
    /** @param {(sample: any) => number | null | undefined} get */
    const of = (get) => summaryOf(samples, get);
    const fetched = series !== "warm";
    firstRender[series] = {
      total: samples[0]?.total ?? null,
      rowsPaintedMs: of((s) => s.rowsPaintedMs),
      rowsFrameMs: of((s) => s.rowsFrameMs),
      rowsCommittedMs: of((s) => s.rowsCommittedMs),
      skeletonPaintedMs: fetched ? of((s) => s.skeletonPaintedMs) : null,
      firstListCallStartMs: fetched ? of((s) => s.firstListRequestStartMs) : null,
      firstListCallHandlerMs: fetched
        ? of((s) => s.firstListRequestEndMs - s.firstListRequestStartMs)
        : null,
      answerToRowsPaintedMs: fetched ? of((s) => s.rowsPaintedMs - s.firstListRequestEndMs) : null,
      longestTaskMs: of((s) => s.longestTaskMs),
      rowsAtPaint: of((s) => s.rowsAtPaint),
      rowsSettled: of((s) => s.rowsSettled),
      listCallsDuringFirstRender: of(
        (s) => s.requests.filter((/** @type {any} */ r) => r.list).length,
      ),
      seedMs: of((s) => s.seedMs),
      cpuMs: of((s) => s.work?.cpuMs),
      scriptMs: of((s) => s.work?.scriptMs),
      compileMs: of((s) => s.work?.compileMs),
      styleMs: of((s) => s.work?.styleMs),
      layoutMs: of((s) => s.work?.layoutMs),
      gc: samples.every((s) => s.gc),
    };
  }
  /** @type {Partial<Record<"pending" | "history", Record<string, any>>>} */
  const scroll = {};
  for (const tab of TABS) {
    if (scrolls[tab].length === 0) continue;
    const runs = scrolls[tab].map((run) => run.scrolled);
    /** @param {(run: any) => number} get */
    const of = (get) => summaryOf(runs, get);
    scroll[tab] = {
      total: runs[0]?.total ?? null,
      reachedLastRowMs: of((r) => r.reachedLastRowMs),
      longestFrameMs: of((r) => r.longestFrameMs),
      longestTaskMs: of((r) => r.longestTaskMs),
      longTasks: of((r) => r.longTasks),
      longTaskTotalMs: of((r) => r.longTaskTotalMs),
      frames: of((r) => r.frames),
      maxRows: of((r) => r.maxRows),
      rowsAtEnd: of((r) => r.rowsAtEnd),
      listRequests: of((r) => r.listRequests),
      maxLimit: of((r) => r.maxLimit),
      maxInFlight: of((r) => r.maxInFlight),
      handlerMsTotal: of((r) => r.handlerMsTotal),
      requestsAfterEnd: of((r) => r.requestsAfterEnd),
      loadingMoreAtEnd: runs.some((r) => r.loadingMoreAtEnd),
      firstRenderMs: summaryOf(scrolls[tab], (run) => run.first.rowsPaintedMs),
    };
  }
  return { firstRender, scroll };
}

/**
 * @param {string} name
 * @param {number} value
 * @param {number} limit
 * @param {"<=" | ">="} compare
 * @param {string} unit
 */
function budget(name, value, limit, compare, unit) {
  const pass = compare === "<=" ? value <= limit : value >= limit;
  return { name, value: round2(value), compare, limit, unit, pass };
}

/** @param {ReturnType<typeof summarizeAll>} figures */
function checkBudgets(figures) {
  const out = [];
  const { cold, floor } = figures.firstRender;
  if (cold?.cpuMs && floor?.cpuMs) {
    out.push(
      budget(
        `first render cold / floor, main-thread CPU time (mount -> first ${CONFIG.pageSize} rows painted, medians of ${cold.cpuMs.count}, one run)`,
        cold.cpuMs.median / floor.cpuMs.median,
        BUDGETS.coldOverFloor,
        "<=",
        "x",
      ),
    );
  }
  const afterFirst = Object.values(figures.firstRender).map((series) => series?.rowsSettled.max);
  if (afterFirst.length > 0) {
    out.push(
      budget(
        "row elements after first render, max",
        Math.max(...afterFirst),
        BUDGETS.renderedRows,
        "<=",
        "rows",
      ),
    );
  }
  for (const [tab, s] of Object.entries(figures.scroll)) {
    if (!s) continue;
    const label = `scroll ${tab} (${s.total?.toLocaleString("en")} rows)`;
    out.push(
      budget(
        `${label}: row elements at any time, max`,
        s.maxRows.max,
        BUDGETS.renderedRows,
        "<=",
        "rows",
      ),
      budget(
        `${label}: rows asked by one list call, max`,
        s.maxLimit.max,
        BUDGETS.rowsPerRequest,
        "<=",
        "rows",
      ),
      // Paged: at least one call per page of rows, never one call for everything.
      budget(
        `${label}: list calls, min (one per ${CONFIG.pageSize} rows)`,
        s.listRequests.min,
        Math.ceil((s.total ?? 0) / CONFIG.pageSize),
        ">=",
        "calls",
      ),
      budget(`${label}: list calls in flight at once, max`, s.maxInFlight.max, 1, "<=", "calls"),
      budget(
        `${label}: pages still loading after the last row (runs)`,
        s.loadingMoreAtEnd ? 1 : 0,
        0,
        "<=",
        "runs",
      ),
    );
  }
  return out;
}

/**
 * @param {ReturnType<typeof summarizeAll>} figures
 * @param {ReturnType<typeof checkBudgets>} budgets
 */
function printTable(figures, budgets) {
  /** @type {[string, string, string, string][]} */
  const rows = [];
  /**
   * @param {string} label
   * @param {{ median: number, min: number, max: number } | null | undefined} s
   * @param {string} [unit]
   */
  const add = (label, s, unit = " ms") => {
    if (s) rows.push([label, fmt(s.median, unit), fmt(s.min, unit), fmt(s.max, unit)]);
  };
  const titles = {
    cold: "first render cold: mount -> first rows painted",
    host: "first render in a host app (React already running): mount -> rows painted",
    warm: "first render warm (render only, page in cache): mount -> rows painted",
    primed: "first render primed (cold, code already run once): mount -> rows painted",
    floor: "floor: a bare table on the same client and query (cold): mount -> rows painted",
  };
  for (const series of SERIES_NAMES) {
    const f = figures.firstRender[series];
    if (!f) continue;
    add(`${titles[series]} (n=${f.rowsPaintedMs.count})`, f.rowsPaintedMs);
    add("  mount -> frame that paints the rows begins", f.rowsFrameMs);
    add("  mount -> rows in the DOM", f.rowsCommittedMs);
    add("  mount -> skeleton painted", f.skeletonPaintedMs);
    add("  mount -> first list call sent", f.firstListCallStartMs);
    add("  first list call in the page's handler", f.firstListCallHandlerMs);
    add("  answer -> rows painted (parse, render, paint)", f.answerToRowsPaintedMs);
    add("  longest task", f.longestTaskMs);
    add("  main thread CPU time (thread ticks)", f.cpuMs);
    add("    of which scripts / V8 compile", f.scriptMs);
    add("    V8 compile", f.compileMs);
    add("    style / layout", f.styleMs);
    add("    layout", f.layoutMs);
    add("  row elements after first render", f.rowsSettled, "");
    add("  list calls during first render", f.listCallsDuringFirstRender, "");
  }
  // The ratios to the floor, medians of this run: cold is the budget (CPU time), host beside
  // it, wall-clock ratios too.
  const floor = figures.firstRender.floor;
  for (const series of /** @type {const} */ (["cold", "host", "primed", "warm"])) {
    const f = figures.firstRender[series];
    if (f && floor?.cpuMs && f.cpuMs) {
      rows.push([
        `${series} / floor, main-thread CPU (medians)`,
        fmt(f.cpuMs.median / floor.cpuMs.median, "x"),
        "",
        "",
      ]);
    }
    if (f && floor) {
      rows.push([
        `${series} / floor, wall clock (medians)`,
        fmt(f.rowsPaintedMs.median / floor.rowsPaintedMs.median, "x"),
        "",
        "",
      ]);
    }
  }
  const anySeries = SERIES_NAMES.map((series) => figures.firstRender[series]).find(Boolean);
  add("before the timer: seeding 10,000 rows, warm-up call, gc", anySeries?.seedMs);
  for (const [tab, s] of Object.entries(figures.scroll)) {
    if (!s) continue;
    add(
      `scroll ${tab} (${s.total?.toLocaleString("en")} rows, ${CONFIG.scroll.stepPx} px/frame, n=${s.reachedLastRowMs.count}): time to last row`,
      s.reachedLastRowMs,
    );
    add("  frames", s.frames, "");
    add("  longest frame", s.longestFrameMs);
    add("  longest long task", s.longestTaskMs);
    add("  long tasks", s.longTasks, "");
    add("  long task time, total", s.longTaskTotalMs);
    add("  row elements, max at any time", s.maxRows, "");
    add("  row elements at the end", s.rowsAtEnd, "");
    add("  list calls (first page included)", s.listRequests, "");
    add("  rows asked by one call, max", s.maxLimit, "");
    add("  calls in flight at once, max", s.maxInFlight, "");
    add("  time in the page's handler, total", s.handlerMsTotal);
    add("  first render of this page (cold)", s.firstRenderMs);
  }
  const width = Math.max(...rows.map((row) => row[0].length), 20);
  const head = ["median", "min", "max"].map((title) => title.padStart(9)).join("  ");
  console.log("");
  console.log(`${"metric".padEnd(width)}  ${head}`);
  console.log("-".repeat(width + 33));
  for (const [label, ...values] of rows) {
    console.log(`${label.padEnd(width)}  ${values.map((value) => value.padStart(9)).join("  ")}`);
  }
  if (budgets.length === 0) return;
  const bw = Math.max(...budgets.map((item) => item.name.length));
  console.log("");
  console.log(`${"budget".padEnd(bw)}  ${"value".padStart(9)}  ${"limit".padStart(9)}  result`);
  console.log("-".repeat(bw + 30));
  for (const item of budgets) {
    const value = `${fmt(item.value)} ${item.unit}`.trim();
    const limit = `${item.compare} ${item.limit}`;
    console.log(
      `${item.name.padEnd(bw)}  ${value.padStart(9)}  ${limit.padStart(9)}  ${item.pass ? "pass" : "FAIL"}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
