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

  it("R-EML-02: asks only about pending rows still queued, newest first, at most 20", () => {
    const rows = [
      row("sent", "2026-01-01T10:00:00Z", "pending", "sent"),
      row("old", "2026-01-01T09:00:00Z", "pending", "queued"),
      row("new", "2026-01-01T11:00:00Z", "pending", "queued"),
      row("revoked", "2026-01-01T12:00:00Z", "revoked", "queued"),
    ];
    expect(queuedIds(rows)).toEqual(["new", "old"]);
    const many = Array.from({ length: 30 }, (_, i) =>
      row(`r${i}`, `2026-01-01T10:${String(i).padStart(2, "0")}:00Z`, "pending", "queued"),
    );
    expect(queuedIds(many)).toHaveLength(20);
    expect(queuedIds(many)[0]).toBe("r29");
  });
});
