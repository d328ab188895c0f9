import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@foyer/source"] },
  ssr: { resolve: { conditions: ["@foyer/source"] } },
  test: { name: "msw", environment: "node", testTimeout: 30_000, hookTimeout: 60_000 },
});
