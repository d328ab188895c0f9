import { act, render, renderHook, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Notices, useAnnouncer } from "./announcer.tsx";

/** A host of the notices with a button that announces one. */
function Host() {
  const announcer = useAnnouncer();
  return (
    <>
      <button type="button" onClick={() => announcer.announce("Done.")}>
        go
      </button>
      <Notices announcer={announcer} label="Notifications" dismissLabel="Dismiss" />
    </>
  );
}

describe("notices", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("R-UI-01: notices hide themselves, results after 5 s and failures after 10 s", () => {
    const { result } = renderHook(() => useAnnouncer());
    act(() => {
      result.current.announce("Invitation to ana@acme.com sent again.");
      result.current.announce("Couldn't revoke the invitation.", { tone: "error" });
    });
    expect(result.current.notices.map((n) => n.tone)).toEqual(["success", "error"]);
    act(() => vi.advanceTimersByTime(5000));
    expect(result.current.notices.map((n) => n.tone)).toEqual(["error"]);
    act(() => vi.advanceTimersByTime(5000));
    expect(result.current.notices).toEqual([]);
  });

  it("R-UI-08: while the pointer or focus is on them they stay, and then get their full time again", () => {
    const { result } = renderHook(() => useAnnouncer());
    act(() => {
      result.current.announce("Invitation sent again.");
      result.current.pause();
    });
    act(() => vi.advanceTimersByTime(60_000));
    expect(result.current.notices).toHaveLength(1);
    act(() => result.current.resume());
    act(() => vi.advanceTimersByTime(4900));
    expect(result.current.notices).toHaveLength(1);
    act(() => vi.advanceTimersByTime(100));
    expect(result.current.notices).toHaveLength(0);
  });

  it("R-UI-08: the live region exists before any notice, so the first one is announced", () => {
    render(<Host />);
    const region = screen.getByRole("status", { name: "Notifications" });
    expect(region.getAttribute("aria-live")).toBe("polite");
    expect(region.textContent).toBe("");
    act(() => screen.getByRole("button", { name: "go" }).click());
    expect(region.textContent).toContain("Done.");
  });
});
