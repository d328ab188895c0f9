import { describe, expect, it } from "vitest";
import { createSemaphore, SemaphoreFullError } from "./semaphore.ts";

describe("createSemaphore", () => {
  it("R-PWD-02: never runs more than the limit at once, and runs every task in order", async () => {
    const run = createSemaphore(2);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const tasks = Array.from({ length: 10 }, (_, i) =>
      run(async () => {
        started.push(i);
        active += 1;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        active -= 1;
        return i;
      }),
    );
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("releases the slot when a task throws", async () => {
    const run = createSemaphore(1);
    await expect(run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await run(async () => "next")).toBe("next");
  });

  it("R-SEC-03: tasks its admission check refuses are refused at once, not queued", async () => {
    const run = createSemaphore(1, { admit: (waiting) => waiting < 1 });
    let release: () => void = () => undefined;
    const first = run(() => new Promise<string>((resolve) => (release = () => resolve("first"))));
    const second = run(async () => "second");
    await expect(run(async () => "third")).rejects.toBeInstanceOf(SemaphoreFullError);
    release();
    expect(await Promise.all([first, second])).toEqual(["first", "second"]);
    // Room again once the queue drained.
    expect(await run(async () => "fourth")).toBe("fourth");
  });
});
