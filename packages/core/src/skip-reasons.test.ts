import { describe, expect, it } from "vitest";
import { groupSkipped, SKIP_REASONS, skipMessage, skipReasons } from "./skip-reasons.ts";

describe("skip reasons", () => {
  it("R-INV-02: every reason has one English label and message, listed in display order", () => {
    expect(skipReasons).toEqual([
      "invalid_email",
      "duplicate_in_batch",
      "already_pending",
      "already_member",
      "deactivated_user",
      "domain_not_allowed",
      "seat_limit",
    ]);
    for (const reason of skipReasons) {
      expect(SKIP_REASONS[reason].label).toMatch(/^[A-Z][^.]+$/);
      expect(skipMessage(reason)).toMatch(/^[A-Z].+\.$/);
    }
    expect(skipMessage("deactivated_user")).toMatch(/deactivated user/);
  });

  it("R-INV-02: skipped addresses group by reason, reasons in display order, addresses in order", () => {
    const groups = groupSkipped([
      { reason: "seat_limit" as const, email: "c@x.co" },
      { reason: "already_pending" as const, email: "a@x.co" },
      { reason: "seat_limit" as const, email: "d@x.co" },
      { reason: "invalid_email" as const, email: null },
    ]);
    expect(groups.map((g) => [g.reason, g.entries.map((e) => e.email)])).toEqual([
      ["invalid_email", [null]],
      ["already_pending", ["a@x.co"]],
      ["seat_limit", ["c@x.co", "d@x.co"]],
    ]);
  });
});
