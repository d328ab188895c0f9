import react from "@vitejs/plugin-react";
import { defineProject } from "vitest/config";

export default defineProject({
  plugins: [react()],
  resolve: { conditions: ["@foyer/source"] },
  ssr: { resolve: { conditions: ["@foyer/source"] } },
  test: {
    name: "react",
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    testTimeout: 20_000,
  },
});
