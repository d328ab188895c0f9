import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { Row } from "./peer-rows.ts";
import { median, round2, summarize } from "./stats.ts";

// Foyer's list over real HTTP under an open-loop load (each request sent at its scheduled
// time, latency measured from then) against a floor: a bare Express route running the same
// page query with `pg` (see http-child.ts).

const HTTP_CHILD = fileURLToPath(new URL("./http-child.ts", import.meta.url));

/** What the open-loop part measures, and against which budget. */
export interface OpenLoopOptions {
  tenant: { tenantId: string; actorId: string };
  pageLimit: number;
  /** Requests per second, one step each, until every variant missed twice. */
  rates: number[];
  stepSeconds: number;
  /** The p99 a rate must keep to pass. */
  p99Ms: number;
  /** Foyer's best rate must reach this share of the floor's. */
  atLeast: number;
  /** Also measure this many Foyer processes behind one port (when above 1). */
  instances: number;
  log(message: string): void;
}

interface Server {
  port: number;
  child: ChildProcess;
  /** CPU time the server's processes used so far. */
  cpuMs(): Promise<number>;
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
    async cpuMs() {
      child.send("cpu");
      const [usage] = (await once(child, "message")) as [{ cpuMs: number }];
      return usage.cpuMs;
    },
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

export async function benchHttp(
  url: string,
  options: OpenLoopOptions,
): Promise<{ rows: Row[]; extra: Record<string, unknown> }> {
  const { tenant, pageLimit, rates, stepSeconds, p99Ms, atLeast, instances, log } = options;
  const path = `/api/foyer/invitations?tenantId=${tenant.tenantId}&status=pending&sort=sentAt&order=desc&limit=${pageLimit}`;
  const floorPath = `/floor?tenantId=${tenant.tenantId}&limit=${pageLimit}`;
  const headers = { authorization: `Bearer ${tenant.actorId}` };
  const variants: { name: string; mode: "foyer" | "floor"; workers: number; path: string }[] = [
    { name: "floor", mode: "floor", workers: 1, path: floorPath },
    { name: "foyer", mode: "foyer", workers: 1, path },
  ];
  if (instances > 1)
    variants.push({ name: `foyer x${instances}`, mode: "foyer", workers: instances, path });
  const servers = new Map<string, Server>();
  for (const variant of variants)
    servers.set(variant.name, await startServer(variant.mode, url, variant.workers));
  // Every server (every worker of a cluster) warmed alike before the first step: 100
  // requests each, so the first rate measures no worker's first statements and compiles.
  for (const variant of variants) {
    await openLoop(servers.get(variant.name)!.port, variant.path, headers, 50, 2);
  }
  const best = new Map<string, number>(variants.map((v) => [v.name, 0]));
  const steps: Record<string, unknown>[] = [];
  const failing = new Map<string, number>(variants.map((v) => [v.name, 0]));
  const cpu = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (const rate of rates) {
    // Interleaved: every variant at this rate before the next rate.
    for (const variant of variants) {
      if ((failing.get(variant.name) ?? 0) >= 2) continue;
      const server = servers.get(variant.name)!;
      // A short warm-up at the rate, then the measured step.
      await openLoop(server.port, variant.path, headers, rate, 0.3);
      const cpuBefore = await server.cpuMs();
      const result = await openLoop(server.port, variant.path, headers, rate, stepSeconds);
      const cpuPerRequestMs = round2(((await server.cpuMs()) - cpuBefore) / result.sent);
      const ok = result.errors === 0 && result.p99 <= p99Ms;
      steps.push({ variant: variant.name, rate, ...result, cpuPerRequestMs, ok });
      cpu.get(variant.name)?.push(cpuPerRequestMs);
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
    figure: `postgres: HTTP list, open loop, highest rate with p99 ≤ ${p99Ms} ms (req/s)`,
    foyer: foyerRate,
    peer: floor,
    peerName:
      floor === 0
        ? "bare Express + pg (it missed p99 at every rate: the machine is too busy to rank)"
        : "bare Express + pg",
    unit: "",
    ratio,
    budget: null,
    pass: ratio >= atLeast,
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
  // CPU time per request does not depend on what else the machine runs; its ratio bounds the
  // throughput ratio a quiet machine would show.
  const cpuMedian = (name: string) => median(cpu.get(name) ?? []);
  rows.push({
    figure: "postgres: HTTP list, server CPU per request (ms, median of the steps)",
    foyer: round2(cpuMedian("foyer")),
    peer: round2(cpuMedian("floor")),
    peerName: "bare Express + pg",
    unit: "",
    ratio: round2(cpuMedian("foyer") / cpuMedian("floor")),
    budget: null,
    pass: true,
  });
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
