import type { Invitation } from "@foyer/core/rules";
import { describe, expect, it } from "vitest";
import { pollDelay, queuedIds } from "./use-delivery-polling.ts";

const row = (id: string, sentAt: string, status: Invitation["status"], delivery: string) =>
  ({ id, sentAt, status, delivery: { status: delivery } }) as unknown as Invitation;

describe("delivery polling", () => {
  it("R-EML-02: waits 1 s, then doubles the wait up to 30 s", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 9].map(pollDelay)).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it("R-EML-02: asks only about recent pending rows still queued, newest first, at most 10", () => {
    const now = Date.parse("2026-01-01T12:10:00Z");
    const rows = [
      row("sent", "2026-01-01T12:00:00Z", "pending", "sent"),
      row("older", "2026-01-01T12:01:00Z", "pending", "queued"),
      row("newer", "2026-01-01T12:05:00Z", "pending", "queued"),
      row("revoked", "2026-01-01T12:06:00Z", "revoked", "queued"),
      row("stale", "2026-01-01T11:00:00Z", "pending", "queued"),
    ];
    expect(queuedIds(rows, now)).toEqual(["newer", "older"]);
    const many = Array.from({ length: 30 }, (_, i) =>
      row(
        `r${i}`,
        `2026-01-01T12:${String(i % 10).padStart(2, "0")}:${String(i).padStart(2, "0")}Z`,
        "pending",
        "queued",
      ),
    );
    expect(queuedIds(many, now)).toHaveLength(10);
  });
});
