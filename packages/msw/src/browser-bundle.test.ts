import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { describe, expect, it } from "vitest";

// Storybook loads @foyer/msw in the browser from the workspace sources: a dev server follows
// every static import, a production build bundles them. Neither may meet a Node built-in or
// a test-only module (vitest) on the way.

const packagesDir = fileURLToPath(new URL("../../", import.meta.url));
const entry = fileURLToPath(new URL("./index.ts", import.meta.url));

/** Workspace package name -> its directory and `exports`. */
const workspace = new Map(
  readdirSync(packagesDir).flatMap((dir) => {
    try {
      const manifest = JSON.parse(readFileSync(join(packagesDir, dir, "package.json"), "utf8")) as {
        name: string;
        exports?: Record<string, Record<string, string>>;
      };
      return [[manifest.name, { dir: join(packagesDir, dir), exports: manifest.exports ?? {} }]];
    } catch {
      return [];
    }
  }),
);

/** Resolves a workspace specifier through its "@foyer/source" export condition. */
function resolveWorkspace(specifier: string): string | null {
  for (const [name, pkg] of workspace) {
    if (specifier !== name && !specifier.startsWith(`${name}/`)) continue;
    const subpath = `.${specifier.slice(name.length)}`;
    const target = pkg.exports[subpath]?.["@foyer/source"];
    if (!target) throw new Error(`${specifier} has no "@foyer/source" export`);
    return resolve(pkg.dir, target);
  }
  return null;
}

// Statements that load a module at run time. `import type` / `export type` are erased; an
// import whose every name is `type X` still loads the module under verbatimModuleSyntax.
const LOADS = /^\s*(?:import|export)(?!\s+type\s)(?:[^;'"]*?\sfrom)?\s*["']([^"']+)["']/gm;

/** Every non-workspace specifier reachable by static imports from `start`. */
function externalImports(start: string): Map<string, string> {
  const seen = new Set<string>();
  const external = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(LOADS)) {
      const specifier = match[1]!;
      const next = specifier.startsWith(".")
        ? resolve(dirname(file), specifier)
        : resolveWorkspace(specifier);
      if (next) queue.push(next);
      else if (!external.has(specifier)) external.set(specifier, file);
    }
  }
  return external;
}

const builtins = new Set(builtinModules);
const isNodeOnly = (specifier: string) =>
  specifier.startsWith("node:") ||
  builtins.has(specifier.split("/")[0]!) ||
  /^(?:vitest|@vitest\/)/.test(specifier);

describe("browser safety", () => {
  it("R-SDK-02: no static import reachable from @foyer/msw is a Node built-in or test-only", () => {
    // Control: the walk does see Node built-ins where they are (the scrypt hasher).
    const node = externalImports(resolveWorkspace("@foyer/server/node")!);
    expect([...node.keys()].filter(isNodeOnly)).toContain("node:crypto");

    const external = externalImports(entry);
    expect(external.has("msw")).toBe(true);
    const offenders = [...external]
      .filter(([specifier]) => isNodeOnly(specifier))
      .map(([specifier, file]) => `${specifier} (from ${file.slice(packagesDir.length)})`);
    expect(offenders).toEqual([]);
  });

  it("R-SDK-02: @foyer/msw bundles for the browser", async () => {
    const output = await build({
      configFile: false,
      logLevel: "silent",
      resolve: { conditions: ["@foyer/source", "browser", "module", "import", "default"] },
      build: {
        write: false,
        minify: false,
        lib: { entry, formats: ["es"], fileName: "foyer-msw" },
        rollupOptions: { external: [/^msw(\/|$)/] },
      },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) =>
      "output" in o ? o.output : [],
    );
    const code = chunks.map((chunk) => ("code" in chunk ? chunk.code : "")).join("\n");
    expect(code).toContain("createFoyerMsw");
    expect(code).not.toMatch(/from\s*["']node:/);
  }, 60_000);
});
