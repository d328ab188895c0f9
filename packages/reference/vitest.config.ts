import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@foyer/source"] },
  ssr: { resolve: { conditions: ["@foyer/source"] } },
  test: {
    name: "reference",
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Builds the demo pages (web/) once for the tests that serve them.
    globalSetup: ["./src/web-build.global-setup.ts"],
  },
});
