import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@foyer/source"] },
  ssr: { resolve: { conditions: ["@foyer/source"] } },
  test: {
    projects: ["packages/*/vitest.config.ts", "./vitest.storybook.config.ts"],
  },
});
