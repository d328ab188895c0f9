import { describe, expect, it } from "vitest";
import { DEFAULT_PASSWORD_POLICY, evaluatePassword, isCommonPassword } from "./password.ts";

const failed = (password: string) =>
  evaluatePassword(password)
    .rules.filter((r) => !r.met)
    .map((r) => r.id);

describe("evaluatePassword", () => {
  it("R-PWD-01: the default policy wants 8+ characters with upper, lower, digit and symbol", () => {
    expect(failed("")).toEqual([
      "minLength",
      "uppercase",
      "lowercase",
      "digit",
      "symbol",
      "notCommon",
    ]);
    expect(failed("abcdefgh")).toEqual(["uppercase", "digit", "symbol"]);
    expect(failed("Lanterns1")).toEqual(["symbol"]);
    expect(failed("Abcdefg1")).toEqual(["symbol", "notCommon"]);
    expect(failed("Ab1!")).toEqual(["minLength"]);
    expect(evaluatePassword("Tr1cky-Lantern!").ok).toBe(true);
  });

  it("R-PWD-01: rejects passwords longer than 128 characters", () => {
    expect(failed(`Aa1!${"x".repeat(125)}`)).toEqual(["maxLength"]);
    expect(evaluatePassword(`Aa1!${"x".repeat(124)}`).ok).toBe(true);
  });

  it("R-PWD-01: rejects the most common passwords even when they fit the shape", () => {
    for (const common of ["Password1!", "P@ssw0rd", "Welcome123!", "Qwerty123!", "Summer2026!"]) {
      expect(isCommonPassword(common), common).toBe(true);
      expect(failed(common), common).toContain("notCommon");
    }
    expect(isCommonPassword("Tr1cky-Lantern!")).toBe(false);
  });

  it("R-PWD-01: the policy is configurable and reports each rule with its number for the live checklist", () => {
    const policy = { ...DEFAULT_PASSWORD_POLICY, minLength: 12, requireSymbol: false };
    const check = evaluatePassword("Abcdefgh1", policy);
    expect(check.rules.map((r) => r.id)).toEqual([
      "minLength",
      "uppercase",
      "lowercase",
      "digit",
      "notCommon",
      "maxLength",
    ]);
    expect(check.rules[0]).toEqual({ id: "minLength", met: false, count: 12 });
    expect(evaluatePassword("Abcdefghijk1", policy).ok).toBe(true);
  });

  it("counts characters, not UTF-16 units, and accepts non-Latin letters", () => {
    expect(evaluatePassword("Ünïcødé9✓").ok).toBe(true);
  });
});
