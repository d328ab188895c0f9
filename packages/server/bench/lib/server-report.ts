import type { TargetFigures } from "../server-bench.ts";
import type { CpuSummary } from "./cpu-profile.ts";
import { CONFIG } from "./server-config.ts";

// The server bench's printed table and profiles.

export function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

export function fmt(value: number | undefined, unit = ""): string {
  if (value === undefined || Number.isNaN(value)) return "-";
  return `${value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)}${unit}`;
}

export function printTable(results: Partial<Record<"postgres" | "pglite", TargetFigures>>): void {
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
  both("floor: the same rows in plain SQL, median", (f) => f.batch.floorMedianMs);
  both("ratio batch / floor", (f) => f.batch.ratioToFloor, "x");
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

export function printCpu(title: string, cpu: CpuSummary): void {
  console.log(`  ${title}: main-thread CPU by module over ${fmt(cpu.totalMs, " ms")} of wall time`);
  for (const row of cpu.byModule.slice(0, 8)) {
    console.log(
      `    ${pad(row.module, 44)} ${pad(fmt(row.ms, " ms"), 10, true)} ${pad(fmt(row.share, "%"), 7, true)}`,
    );
  }
}

export function printProfile(name: string, figures: TargetFigures): void {
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
