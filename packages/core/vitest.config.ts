import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@foyer/source"] },
  ssr: { resolve: { conditions: ["@foyer/source"] } },
  test: { name: "core", environment: "node" },
});
