import { performance } from "node:perf_hooks";
import { round2 } from "./stats.ts";

// The rows `pnpm bench:peers` prints: each figure of Foyer beside its peer, with the ratio
// and its budget.

export interface Row {
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

/** A figure's row: the ratio Foyer / peer, passing when within `budget` (none: always). */
export function ratioRow(
  figure: string,
  foyer: number,
  peer: number,
  peerName: string,
  budget: number | null,
  unit = " ms",
): Row {
  const ratio = round2(foyer / peer);
  return {
    figure,
    foyer: round2(foyer),
    peer: round2(peer),
    peerName,
    unit,
    ratio,
    budget,
    pass: budget === null || ratio <= budget,
  };
}

export type Call = () => Promise<{ status: number; text: string }>;

/** Runs two calls alternately `count` times; answers each one's latencies. */
export async function interleave(count: number, a: Call, b: Call): Promise<[number[], number[]]> {
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

/** Prints the rows as a table; `atLeast` is the budget of rows that must reach a ratio. */
export function print(rows: Row[], atLeast: number): void {
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
          ? `${r.pass ? "PASS" : "FAIL"} ≥ ${atLeast}`
          : "";
    console.log(
      `${r.figure.padEnd(width)}  ${`${r.foyer}${r.unit}`.padStart(9)}  ${`${r.peer}${r.unit}`.padStart(9)}  ${`${r.ratio}x`.padStart(6)}  ${budget.padEnd(10)}  ${r.peerName}`,
    );
  }
}
