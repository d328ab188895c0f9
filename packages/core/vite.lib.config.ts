// Library build (ESM + declarations into dist); run by `pnpm build`.
import { defineConfig } from "vite";
import { defineLibConfig } from "../../scripts/vite-lib.ts";

export default defineConfig(
  defineLibConfig({
    root: import.meta.dirname,
    entries: { index: "src/index.ts", rules: "src/rules.ts" },
    preserveModules: true,
  }),
);
