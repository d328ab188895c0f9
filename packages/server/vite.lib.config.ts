// Library build (ESM + declarations into dist); run by `pnpm build`.
import { defineConfig } from "vite";
import { defineLibConfig } from "../../scripts/vite-lib.ts";

export default defineConfig(
  defineLibConfig({
    root: import.meta.dirname,
    entries: {
      index: "src/index.ts",
      express: "src/express.ts",
      node: "src/node.ts",
      pglite: "src/pglite.ts",
      pg: "src/pg.ts",
      smtp: "src/smtp.ts",
      oidc: "src/oidc.ts",
      store: "src/store.ts",
      testing: "src/testing.ts",
      conformance: "src/conformance.ts",
      "bin/foyer-migrate": "src/bin/foyer-migrate.ts",
    },
    preserveModules: true,
  }),
);
