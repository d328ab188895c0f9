import { describe, expect, it } from "vitest";
import { createScryptHasher, OWASP_SCRYPT } from "./node.ts";

describe("createScryptHasher", () => {
  it("R-PWD-02: defaults to OWASP's scrypt parameters (N=2^17, r=8, p=1) with a bounded concurrency", () => {
    const hasher = createScryptHasher();
    expect(hasher.params).toEqual(OWASP_SCRYPT);
    expect(hasher.params.N).toBe(131072);
    expect(hasher.concurrency).toBeGreaterThanOrEqual(1);
    expect(hasher.concurrency).toBeLessThanOrEqual(4);
  });

  it("R-PWD-02: hashes at the default cost, verifies the right password and refuses a wrong one", async () => {
    const hasher = createScryptHasher();
    const hash = await hasher.hash("Correct-Horse-9");
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain("Correct-Horse-9");
    expect(await hasher.verify("Correct-Horse-9", hash)).toBe(true);
    expect(await hasher.verify("Correct-Horse-8", hash)).toBe(false);
    expect(await hasher.verify("Correct-Horse-9", "scrypt$garbage")).toBe(false);
  });

  it("R-PWD-02: salts every hash, so equal passwords give different hashes", async () => {
    const hasher = createScryptHasher({ N: 2 ** 12 });
    const [a, b] = await Promise.all([hasher.hash("Same-Pass-1"), hasher.hash("Same-Pass-1")]);
    expect(a).not.toBe(b);
    expect(await hasher.verify("Same-Pass-1", a)).toBe(true);
    expect(await hasher.verify("Same-Pass-1", b)).toBe(true);
  });
});
