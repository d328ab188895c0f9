import { describe, expect, it } from "vitest";
import { windowFor } from "./use-windowed-rows.ts";

describe("windowFor", () => {
  it("R-UI-01: draws the rows in view plus overscan and leaves space for all the others", () => {
    const w = windowFor(10_000, { top: 44 * 100, height: 440, rowHeight: 44 }, 5);
    expect(w).toEqual({
      start: 95,
      end: 115,
      paddingTop: 95 * 44,
      paddingBottom: (10_000 - 115) * 44,
    });
    expect(w.end - w.start).toBeLessThanOrEqual(20);
  });

  it("R-UI-01: stays inside the list at both ends", () => {
    expect(windowFor(3, { top: 0, height: 900, rowHeight: 44 }, 5)).toEqual({
      start: 0,
      end: 3,
      paddingTop: 0,
      paddingBottom: 0,
    });
    const last = windowFor(100, { top: 99 * 44, height: 440, rowHeight: 44 }, 5);
    expect(last.end).toBe(100);
    expect(last.paddingBottom).toBe(0);
    expect(windowFor(0, { top: -40, height: 440, rowHeight: 44 }, 5).end).toBe(0);
  });
});
