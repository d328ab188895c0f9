import pg from "pg";
import { describe, expect, it } from "vitest";
import { parseTimestamptz } from "./timestamptz.ts";

const pgParse = pg.types.getTypeParser(1184, "text") as (text: string) => unknown;
const parse = (text: string) => parseTimestamptz(text, pgParse);

describe("parseTimestamptz", () => {
  it("R-SDK-04: reads every form PostgreSQL writes exactly as pg's own parser does", () => {
    const samples = [
      "2026-12-03 11:51:45.123456+00",
      "2026-12-03 11:51:45+00",
      "2026-12-03 11:51:45.1+00",
      "2026-12-03 11:51:45.999999+00",
      "2026-02-28 23:59:59.5-08",
      "2026-03-01 00:00:00+05:30",
      "1970-01-01 00:00:00+00",
      "2026-07-04 09:08:07.000001-03:30",
      "1890-01-01 12:00:00+00:09:21",
      "0099-06-01 00:00:00+00",
      "2026-06-01 00:00:00+00 BC",
      "infinity",
      "-infinity",
    ];
    // And a thousand random instants in several offsets.
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pad = (n: number, width = 2) => String(Math.trunc(n)).padStart(width, "0");
    for (let i = 0; i < 1000; i += 1) {
      const date = new Date(Date.UTC(1900, 0, 1) + random() * 200 * 365.25 * 86_400_000);
      const offsetHours = Math.floor(random() * 27) - 12;
      const offsetMinutes = [0, 30, 45][Math.floor(random() * 3)] ?? 0;
      const shifted = new Date(
        date.getTime() +
          offsetHours * 3_600_000 +
          Math.sign(offsetHours || 1) * offsetMinutes * 60_000,
      );
      const micros = Math.floor(random() * 1_000_000);
      const fraction = i % 3 === 0 ? "" : `.${pad(micros, 6).replace(/0+$/, "") || "0"}`;
      const sign = offsetHours < 0 ? "-" : "+";
      const offset = `${sign}${pad(Math.abs(offsetHours))}${offsetMinutes ? `:${pad(offsetMinutes)}` : ""}`;
      samples.push(
        `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())} ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}${fraction}${offset}`,
      );
    }
    for (const text of samples) {
      const ours = parse(text);
      const theirs = pgParse(text);
      expect(ours instanceof Date ? ours.getTime() : ours, text).toEqual(
        theirs instanceof Date ? theirs.getTime() : theirs,
      );
    }
  });
});
