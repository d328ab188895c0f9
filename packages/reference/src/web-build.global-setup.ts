import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import type { TestProject } from "vitest/node";

// Vitest global setup of the reference project: builds the demo pages (web/) once into a
// temporary directory, so the tests serve what `pnpm start` serves without touching
// web/dist. Test files read the directory with `inject("foyerWebDir")`.

declare module "vitest" {
  export interface ProvidedContext {
    foyerWebDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), "foyer-reference-web-"));
  await build({
    configFile: fileURLToPath(new URL("../web/vite.config.ts", import.meta.url)),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
  project.provide("foyerWebDir", outDir);
  return async () => {
    await rm(outDir, { recursive: true, force: true });
  };
}
