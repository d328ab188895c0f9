import { Session } from "node:inspector/promises";

/** The parts of a V8 CPU profile the summary reads. */
interface CpuProfile {
  nodes: {
    id: number;
    hitCount?: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

/** Self time of the main thread by where the code lives (package, Foyer file, Node, GC). */
export interface CpuSummary {
  totalMs: number;
  byModule: { module: string; ms: number; share: number }[];
  topFunctions: { fn: string; ms: number }[];
}

function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  const foyer = /\/packages\/([^/]+)\/(?:src|bench)\/(.+)$/.exec(url);
  if (foyer?.[1] && foyer[2]) return `@foyer/${foyer[1]}/${foyer[2]}`;
  if (url.startsWith("node:")) return "node internals";
  return url;
}

function summarizeProfile(profile: CpuProfile): CpuSummary {
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const samples = profile.samples?.length ?? 0;
  const perSample = samples > 0 ? totalMs / samples : 0;
  const modules = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const module = moduleOf(url, functionName);
    modules.set(module, (modules.get(module) ?? 0) + hits * perSample);
    const fn = `${functionName || "(anonymous)"} ${module}:${lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + hits * perSample);
  }
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    totalMs: round(totalMs),
    byModule: [...modules.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([module, ms]) => ({ module, ms: round(ms), share: round((ms / totalMs) * 100) })),
    topFunctions: [...functions.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([fn, ms]) => ({ fn, ms: round(ms) })),
  };
}

/** Profiles the main thread while `fn` runs; answers the raw profile and a summary. */
export async function profileCpu(
  fn: () => Promise<void>,
): Promise<{ raw: unknown; summary: CpuSummary }> {
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
    await session.post("Profiler.start");
    await fn();
    const { profile } = await session.post("Profiler.stop");
    return { raw: profile, summary: summarizeProfile(profile as CpuProfile) };
  } finally {
    session.disconnect();
  }
}
