// Every story as a test in real Chromium (Debian's, not a downloaded one): render, play, and
// an axe check that fails on any violation (preview: `parameters.a11y.test = "error"`).
// A project of the root `vitest.config.ts`, so `pnpm test` runs it; alone: `pnpm test:stories`.
import { join } from "node:path";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/chromium.mjs";
import { foyerConditions, foyerWorkspace } from "./scripts/foyer-workspace.ts";

// No telemetry from a test run, whichever command started it (the machine has no network).
process.env.STORYBOOK_DISABLE_TELEMETRY ??= "1";

export default defineConfig({
  plugins: [
    foyerWorkspace(),
    storybookTest({ configDir: join(import.meta.dirname, ".storybook") }),
  ],
  resolve: { conditions: foyerConditions },
  publicDir: join(import.meta.dirname, "public"),
  optimizeDeps: {
    include: [
      "react",
      "react-dom",
      "react-dom/client",
      "react/jsx-runtime",
      "react/jsx-dev-runtime",
      "@tanstack/react-query",
      "msw",
      "msw/browser",
      "msw-storybook-addon",
    ],
  },
  test: {
    name: "storybook",
    testTimeout: 30_000,
    // One browser page at a time: the machine has two cores shared with other jobs.
    fileParallelism: false,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: chromiumPath,
          args: CHROMIUM_ARGS,
        },
      }),
      instances: [{ browser: "chromium" }],
    },
  },
});
