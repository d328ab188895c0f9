import { describe, expect, it } from "vitest";
import { DEAD_LINK_CODES, isDeadLinkCode } from "./dead-links.ts";
import { ERROR_CODES } from "./errors.ts";

describe("dead-link codes", () => {
  it("R-INV-13: the codes that end an invitation link for good are the token's own 4xx answers", () => {
    expect([...DEAD_LINK_CODES].sort()).toEqual([
      "INVITATION_ALREADY_USED",
      "INVITATION_EXPIRED",
      "INVITATION_REVOKED",
      "INVITATION_SUPERSEDED",
      "TENANT_INACTIVE",
      "TOKEN_INVALID",
    ]);
    for (const code of DEAD_LINK_CODES)
      expect(ERROR_CODES[code].status).toBeGreaterThanOrEqual(404);
    expect(isDeadLinkCode("INVITATION_EXPIRED")).toBe(true);
    expect(isDeadLinkCode("RATE_LIMITED")).toBe(false);
    expect(isDeadLinkCode("INTERNAL")).toBe(false);
    expect(isDeadLinkCode(undefined)).toBe(false);
  });
});
