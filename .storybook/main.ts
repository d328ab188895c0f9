// Storybook for Foyer's components: every state, mocked by @foyer/msw (the real server
// handler over an in-memory store, run in the browser by MSW's service worker).
import type { StorybookConfig } from "@storybook/react-vite";
import { mergeConfig } from "vite";
import { foyerConditions, foyerWorkspace } from "../scripts/foyer-workspace.ts";

const config: StorybookConfig = {
  stories: ["../stories/**/*.stories.tsx"],
  addons: ["@storybook/addon-a11y", "@storybook/addon-vitest"],
  framework: { name: "@storybook/react-vite", options: {} },
  // mockServiceWorker.js (msw init public), served at the root of the Storybook.
  staticDirs: ["../public"],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      plugins: [foyerWorkspace()],
      resolve: { conditions: foyerConditions },
    }),
};

export default config;
