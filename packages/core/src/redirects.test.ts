import { describe, expect, it } from "vitest";
import { sameOriginUrl } from "./redirects.ts";

const ORIGIN = "https://app.acme.com";

describe("sameOriginUrl", () => {
  it("R-SEC-02: accepts relative paths and absolute URLs on the page's origin", () => {
    expect(sameOriginUrl("/welcome?x=1", ORIGIN)).toBe("https://app.acme.com/welcome?x=1");
    expect(sameOriginUrl("https://app.acme.com/app", ORIGIN)).toBe("https://app.acme.com/app");
  });

  it("R-SEC-02: refuses other origins, other schemes and tricks that leave the origin", () => {
    for (const value of [
      "https://evil.example/app",
      "//evil.example/app",
      "/\\evil.example",
      "javascript:alert(1)",
      "data:text/html,hi",
      "http://app.acme.com/app",
      "https://app.acme.com.evil.example/",
      "",
      undefined,
    ]) {
      expect(sameOriginUrl(value, ORIGIN), String(value)).toBeNull();
    }
  });
});
