// The InvitationsTable bench page (built by vite.config.ts, driven by table-bench.mjs).
// Seeds the `busy` scenario of @foyer/msw (10,000 invitations in Acme) and gives the client a
// `fetch` that calls that mock's real Foyer handler in the page: no service worker, no
// network. Then mounts FoyerProvider + InvitationsTable and times it with performance.now().
//
//   ?mode=cold  empty query cache: mount -> skeleton -> first list call -> first page painted
//   ?mode=warm  the first page already in the query cache: mount -> first page painted
//               (render only: no API call between the mount and the rows)
//   ?host       before the timer, render a stand-in host app (host-shell.tsx: React DOM and
//               TanStack Query code run once), as InvitationsTable is mounted in a live app
//   ?prime      before the timer, mount the table once elsewhere on the page, wait for its
//               rows, unmount it: the measured mount then runs already-compiled code
//   ?floor      instead of InvitationsTable, a bare table on the same client and query (React,
//               TanStack Query, the client and its contract, 18 plain rows): what any table
//               fed by this API costs in this page, the floor under the cold figure
//   ?tab=pending|history  the tab the table opens on (default pending)
//   ?hold       wait for `__foyerBench.start()` before mounting (to start a profiler first)
//
// Before the timer: seeding, one list call straight to the handler (so the store's sort
// index is built, as a long-running server has it), and a full GC when the browser exposes
// `gc` (--js-flags=--expose-gc), so the seeding's garbage is not collected inside the timing.
// The driver reads `window.__foyerBench`.
import "@foyer/react/styles.css";
import { createFoyerClient, type FoyerClient } from "@foyer/client";
import { createFoyerMsw, scenarios } from "@foyer/msw";
import {
  FoyerProvider,
  type InvitationListKeyQuery,
  type InvitationsTab,
  InvitationsTable,
  invitationsInfiniteQueryOptions,
} from "@foyer/react";
import { QueryClient, QueryClientProvider, useInfiniteQuery } from "@tanstack/react-query";
import { createRoot } from "react-dom/client";
import { mountHostShell } from "./host-shell.tsx";

/** One call the client made, as the in-page handler saw it. */
export interface RequestRecord {
  method: string;
  path: string;
  /** A GET of /invitations (a page of the list). */
  list: boolean;
  /** The `limit` query parameter: rows the call asked for. */
  limit: number | null;
  cursor: boolean;
  counts: boolean;
  status: number;
  /** performance.now() when the handler got the call and when it answered. */
  startMs: number;
  endMs: number;
}

export interface FirstRenderResult {
  mode: "cold" | "warm";
  host: boolean;
  primed: boolean;
  /** The bare table of `?floor` was measured, not InvitationsTable. */
  floor: boolean;
  tab: InvitationsTab;
  /** Rows of the tab (the handler's counts). */
  total: number;
  /** Everything before the timer: seeding, handler warm-up, host shell, priming, prefetch, gc. */
  seedMs: number;
  gc: boolean;
  /** Every time below is in ms from the `root.render()` call. */
  skeletonCommittedMs: number | null;
  skeletonPaintedMs: number | null;
  firstListRequestStartMs: number | null;
  firstListRequestEndMs: number | null;
  /** The first `[data-slot=row]` was in the DOM (MutationObserver). */
  rowsCommittedMs: number;
  /** The animation frame that paints those rows began (requestAnimationFrame callback). */
  rowsFrameMs: number;
  /**
   * After that frame was painted: a message posted from the frame's rAF callback ran. Tasks
   * queued before it (React's follow-up renders) run first, so this is "rows on screen and
   * the main thread free again".
   */
  rowsPaintedMs: number;
  /** `[data-slot=row]` elements when the first rows were painted, and 300 ms later. */
  rowsAtPaint: number;
  rowsSettled: number;
  /** Longest task (PerformanceObserver 'longtask', >= 50 ms) between the mount and the paint. */
  longestTaskMs: number;
  /** Calls made from the mount until 300 ms after the paint. */
  requests: RequestRecord[];
  /** List calls answered before the mount (the warm-mode prefetch). */
  prefetchRequests: number;
}

export interface ScrollOptions {
  /** Pixels added to scrollTop every animation frame. */
  stepPx: number;
  timeoutMs: number;
  /** How long to watch after the last row appeared, for stray calls and row counts. */
  settleMs: number;
}

export interface ScrollResult {
  total: number;
  stepPx: number;
  /** From the first scroll step until the last row (aria-rowindex = total + 1) was in the DOM. */
  reachedLastRowMs: number;
  frames: number;
  /** Longest interval between two animation frames while scrolling. */
  longestFrameMs: number;
  longTasks: number;
  longestTaskMs: number;
  longTaskTotalMs: number;
  /** Most `[data-slot=row]` elements at once (checked on every DOM change and frame). */
  maxRows: number;
  rowsAtEnd: number;
  /** The scroller's full height at the end (every loaded row times the row height). */
  scrollHeightPx: number;
  loadingMoreAtEnd: boolean;
  /** Every list call of the measured table, its first page included. */
  listRequests: number;
  listRequestsDuringScroll: number;
  /** The largest `limit` any of those calls asked for. */
  maxLimit: number;
  /** Most calls in the handler at once. */
  maxInFlight: number;
  /** Time spent in the page's handler by the calls made while scrolling. */
  handlerMsTotal: number;
  requestsAfterEnd: number;
}

export interface FoyerBench {
  /** Resolves when everything before the timer is done (the mount is next, or held). */
  seeded: Promise<void>;
  /** With ?hold: mounts the table (the driver starts a profiler first). */
  start(): void;
  firstRender: Promise<FirstRenderResult>;
  scrollToEnd(options: ScrollOptions): Promise<ScrollResult>;
}

declare global {
  interface Window {
    __foyerBench?: FoyerBench;
    /** Present when Chromium runs with --js-flags=--expose-gc. */
    gc?: () => void;
  }
}

const BASE_PATH = "/api/foyer";
const scenario = scenarios.busy;
const TENANT = scenario.tenantId;
/** InvitationsTable's default `pageSize`; the warm prefetch must use the same query key. */
const TABLE_PAGE_SIZE = 50;
const ROW = '[data-slot="row"]';

const params = new URLSearchParams(location.search);
const mode: "cold" | "warm" = params.get("mode") === "warm" ? "warm" : "cold";
const primed = params.has("prime");
const withHost = params.has("host");
const floor = params.has("floor");
const tab: InvitationsTab = params.get("tab") === "history" ? "history" : "pending";
const container = document.getElementById("bench-root")!;

const requests: RequestRecord[] = [];
/** Index in `requests` of the measured table's first call (or of the warm prefetch). */
let firstMeasuredRequest = 0;
let inFlight = 0;
let maxInFlight = 0;
const longTasks: { startTime: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    longTasks.push({ startTime: entry.startTime, duration: entry.duration });
  }
}).observe({ type: "longtask", buffered: true });

let markSeeded = () => {};
const seeded = new Promise<void>((resolve) => {
  markSeeded = resolve;
});
let start = () => {};
const started = params.has("hold")
  ? new Promise<void>((resolve) => {
      start = resolve;
    })
  : Promise.resolve();

const countRows = (within: ParentNode = container) => within.querySelectorAll(ROW).length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The next animation frame's start, and when a message posted from it ran (after its paint). */
function nextPaint(): Promise<{ frame: number; painted: number }> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ frame, painted: performance.now() });
      channel.port2.postMessage(null);
    });
  });
}

function listQuery(): InvitationListKeyQuery {
  return { status: tab, sort: "sentAt", order: "desc", limit: TABLE_PAGE_SIZE, tenantId: TENANT };
}

/** Rows InvitationsTable paints in the bench viewport; the floor table renders as many. */
const FLOOR_ROWS = 18;

/** `?floor`: the least a table of this API does: one list query, a skeleton, plain rows. */
function FloorTable({ client }: { client: FoyerClient }) {
  const list = useInfiniteQuery(invitationsInfiniteQueryOptions(client, listQuery()));
  const page = list.data?.pages[0];
  const dates = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
  return (
    <table>
      <tbody>
        {page
          ? page.items.slice(0, FLOOR_ROWS).map((invitation) => (
              <tr key={invitation.id} data-slot="row" style={{ height: 44 }}>
                <td>
                  <input type="checkbox" aria-label={`Select ${invitation.email}`} />
                </td>
                <td>{invitation.email}</td>
                <td>{invitation.role.name}</td>
                <td>{invitation.invitedBy?.name ?? ""}</td>
                <td>{dates.format(new Date(invitation.sentAt))}</td>
                <td>{dates.format(new Date(invitation.expiresAt))}</td>
                <td>{invitation.status}</td>
                <td>{invitation.delivery.status}</td>
                <td>
                  <button type="button">Actions</button>
                </td>
              </tr>
            ))
          : Array.from({ length: 5 }, (_, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: skeleton rows have no identity
              <tr key={index} data-slot="skeleton" style={{ height: 44 }}>
                <td colSpan={9} />
              </tr>
            ))}
      </tbody>
    </table>
  );
}

function table(client: FoyerClient, queryClient: QueryClient) {
  if (floor) {
    return (
      <QueryClientProvider client={queryClient}>
        <FloorTable client={client} />
      </QueryClientProvider>
    );
  }
  return (
    <FoyerProvider client={client} queryClient={queryClient} appearance={{ theme: "light" }}>
      <InvitationsTable tenantId={TENANT} defaultTab={tab} />
    </FoyerProvider>
  );
}

function newQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } });
}

/** Mounts the table in a scratch element until its rows are painted, then removes it. */
async function prime(client: FoyerClient): Promise<void> {
  const host = document.createElement("div");
  container.before(host);
  const queryClient = newQueryClient();
  const root = createRoot(host);
  const shown = new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => {
      if (countRows(host) === 0) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(host, { childList: true, subtree: true });
  });
  root.render(table(client, queryClient));
  await shown;
  await nextPaint();
  await sleep(200);
  root.unmount();
  host.remove();
  queryClient.clear();
}

async function firstRender(): Promise<FirstRenderResult> {
  const seedStart = performance.now();
  const mock = createFoyerMsw({ baseUrl: BASE_PATH, scenario });
  await mock.ready;
  const { foyer } = mock;
  // What @foyer/msw's MSW handler does with a call, minus MSW: the real handler over the
  // seeded store, then the outbox run that a non-GET call queues.
  const callHandler = async (request: Request): Promise<Response> => {
    const response = await foyer.handler(request, { clientAddress: "127.0.0.1" });
    if (request.method !== "GET") await foyer.dispatcher.runOnce();
    return response;
  };
  const warmUrl = new URL(`${BASE_PATH}/invitations`, location.origin);
  for (const [key, value] of Object.entries({ ...listQuery(), limit: 1, counts: "true" })) {
    warmUrl.searchParams.set(key, String(value));
  }
  const warm = await callHandler(new Request(warmUrl));
  if (warm.status !== 200) throw new Error(`The warm-up list call answered ${warm.status}.`);
  const warmBody = (await warm.json()) as { counts: Record<InvitationsTab, number> | null };
  const total = warmBody.counts?.[tab] ?? 0;

  const benchFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const limit = url.searchParams.get("limit");
    const record: RequestRecord = {
      method: request.method,
      path: url.pathname.slice(BASE_PATH.length),
      list: request.method === "GET" && url.pathname === `${BASE_PATH}/invitations`,
      limit: limit === null ? null : Number(limit),
      cursor: url.searchParams.has("cursor"),
      counts: url.searchParams.get("counts") === "true",
      status: 0,
      startMs: performance.now(),
      endMs: 0,
    };
    requests.push(record);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const response = await callHandler(request);
      record.status = response.status;
      return response;
    } finally {
      inFlight -= 1;
      record.endMs = performance.now();
    }
  };
  const client = createFoyerClient({
    baseUrl: `${location.origin}${BASE_PATH}`,
    fetch: benchFetch as typeof fetch,
    retry: 0,
  });
  if (withHost) await mountHostShell(container);
  if (primed) await prime(client);
  firstMeasuredRequest = requests.length;
  maxInFlight = 0;
  const queryClient = newQueryClient();
  if (mode === "warm") {
    await queryClient.prefetchInfiniteQuery(invitationsInfiniteQueryOptions(client, listQuery()));
  }
  const prefetchRequests = requests.length - firstMeasuredRequest;
  const gc = typeof window.gc === "function";
  window.gc?.();
  const seedMs = performance.now() - seedStart;
  await sleep(50);
  markSeeded();
  await started;

  let skeletonCommitted: number | null = null;
  let rowsCommitted = 0;
  let rowsAtPaint = 0;
  let skeletonPaint: Promise<{ painted: number }> | null = null;
  const rowsPaint = new Promise<{ frame: number; painted: number }>((resolve, reject) => {
    const observer = new MutationObserver(() => {
      const now = performance.now();
      if (skeletonCommitted === null && container.querySelector('[data-slot="skeleton"]')) {
        skeletonCommitted = now;
        skeletonPaint = nextPaint();
      }
      const failed = container.querySelector('[data-slot="error"], [data-slot="empty"]');
      if (failed) {
        observer.disconnect();
        reject(new Error(`The table showed its ${failed.getAttribute("data-slot")} state.`));
        return;
      }
      if (!container.querySelector(ROW)) return;
      observer.disconnect();
      rowsCommitted = now;
      void nextPaint().then((paint) => {
        rowsAtPaint = countRows();
        resolve(paint);
      });
    });
    observer.observe(container, { childList: true, subtree: true });
  });

  performance.mark("foyer-bench:render");
  const t0 = performance.now();
  createRoot(container).render(table(client, queryClient));
  const paint = await rowsPaint;
  const skeleton = await (skeletonPaint as Promise<{ painted: number }> | null);
  performance.mark("foyer-bench:first-rows-painted");
  await sleep(300);
  const mounted = requests.slice(firstMeasuredRequest + prefetchRequests);
  const firstList = mounted.find((request) => request.list);
  const since = (at: number | null | undefined) => (at == null ? null : at - t0);
  const duringFirstRender = longTasks.filter(
    (task) => task.startTime + task.duration >= t0 && task.startTime <= paint.painted,
  );
  return {
    mode,
    host: withHost,
    primed,
    floor,
    tab,
    total,
    seedMs,
    gc,
    skeletonCommittedMs: since(skeletonCommitted),
    skeletonPaintedMs: since(skeleton?.painted),
    firstListRequestStartMs: since(firstList?.startMs),
    firstListRequestEndMs: since(firstList?.endMs),
    rowsCommittedMs: rowsCommitted - t0,
    rowsFrameMs: paint.frame - t0,
    rowsPaintedMs: paint.painted - t0,
    rowsAtPaint,
    rowsSettled: countRows(),
    longestTaskMs: Math.max(0, ...duringFirstRender.map((task) => task.duration)),
    requests: mounted,
    prefetchRequests,
  };
}

async function scrollToEnd(options: ScrollOptions): Promise<ScrollResult> {
  await bench.firstRender;
  const scroller = container.querySelector<HTMLElement>('[data-slot="scroller"]');
  const tableElement = container.querySelector('[data-slot="table"]');
  if (!scroller || !tableElement) throw new Error("No table to scroll.");
  const rowCount = Number(tableElement.getAttribute("aria-rowcount"));
  if (!(rowCount > 1)) throw new Error(`The table does not know its row count (${rowCount}).`);
  const total = rowCount - 1;
  const lastRow = `${ROW}[aria-rowindex="${rowCount}"]`;
  const requestsBefore = requests.length;
  const tasksBefore = longTasks.length;
  let maxRows = countRows();
  let reachedAt: number | null = null;
  const observer = new MutationObserver(() => {
    maxRows = Math.max(maxRows, countRows());
    if (reachedAt === null && container.querySelector(lastRow)) reachedAt = performance.now();
  });
  observer.observe(container, { childList: true, subtree: true });

  const begin = performance.now();
  let frames = 0;
  let longestFrameMs = 0;
  await new Promise<void>((resolve, reject) => {
    let last: number | null = null;
    const frame = (now: number) => {
      if (last !== null) longestFrameMs = Math.max(longestFrameMs, now - last);
      last = now;
      frames += 1;
      maxRows = Math.max(maxRows, countRows());
      if (reachedAt !== null) {
        resolve();
        return;
      }
      if (performance.now() - begin > options.timeoutMs) {
        reject(
          new Error(
            `No last row after ${options.timeoutMs} ms: ${requests.length - requestsBefore} calls, scrollTop ${scroller.scrollTop} of ${scroller.scrollHeight}.`,
          ),
        );
        return;
      }
      // Clamped by the browser at the bottom of what is loaded so far.
      scroller.scrollTop += options.stepPx;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const reachedLastRowMs = (reachedAt ?? performance.now()) - begin;
  const requestsAtEnd = requests.length;
  await sleep(options.settleMs);
  observer.disconnect();
  maxRows = Math.max(maxRows, countRows());
  const tasks = longTasks.slice(tasksBefore).filter((task) => task.startTime >= begin);
  const lists = requests.slice(firstMeasuredRequest).filter((request) => request.list);
  const during = requests.slice(requestsBefore);
  return {
    total,
    stepPx: options.stepPx,
    reachedLastRowMs,
    frames,
    longestFrameMs,
    longTasks: tasks.length,
    longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)),
    longTaskTotalMs: tasks.reduce((sum, task) => sum + task.duration, 0),
    maxRows,
    rowsAtEnd: countRows(),
    scrollHeightPx: scroller.scrollHeight,
    loadingMoreAtEnd: container.querySelector('[data-slot="loading-more"]') !== null,
    listRequests: lists.length,
    listRequestsDuringScroll: during.filter((request) => request.list).length,
    maxLimit: Math.max(0, ...lists.map((request) => request.limit ?? Number.POSITIVE_INFINITY)),
    maxInFlight,
    handlerMsTotal: during.reduce((sum, request) => sum + (request.endMs - request.startMs), 0),
    requestsAfterEnd: requests.length - requestsAtEnd,
  };
}

const bench: FoyerBench = {
  seeded,
  start: () => start(),
  firstRender: firstRender(),
  scrollToEnd,
};
window.__foyerBench = bench;
