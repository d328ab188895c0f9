// Shared library-build config for the publishable packages (`vite.lib.config.ts` in each).
// Kept apart from the vitest and Storybook configs so they never load the d.ts plugin.
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import type { Plugin, UserConfig } from "vite";
import dts from "vite-plugin-dts";

/** Options of {@link defineLibConfig}. */
export interface LibConfigOptions {
  /** The package directory (`import.meta.dirname` of its `vite.lib.config.ts`). */
  root: string;
  /** Entry name (output file name without extension) to source path relative to `root`. */
  entries: Record<string, string>;
  /**
   * Keep one output module per source module, so "use client" directives stay on each
   * component module and bundlers tree-shake per component.
   * @default false
   */
  preserveModules?: boolean;
  /**
   * Stylesheets to publish: output file name in `dist` to source path relative to `root`.
   * Their relative `@import`s are inlined, so `dist` holds one self-contained file each.
   * @default {}
   */
  styles?: Record<string, string>;
}

const TEST_FILES = [
  "src/**/*.test.ts",
  "src/**/*.test.tsx",
  "src/**/*.test-d.ts",
  "src/test/**",
  "src/**/test-setups.ts",
  "src/**/test-doubles.ts",
];

/**
 * Bare specifiers (dependencies, peers, `node:` builtins) stay imports; only the package's
 * own modules are bundled.
 */
function isExternal(id: string): boolean {
  return !id.startsWith(".") && !id.startsWith("\0") && !isAbsolute(id);
}

/** Inline relative `@import "./x.css";` rules, depth first, each file once. */
export function inlineCssImports(file: string, seen = new Set<string>()): string {
  if (seen.has(file)) return "";
  seen.add(file);
  const css = readFileSync(file, "utf8");
  return css.replace(
    /@import\s+(?:url\()?["'](\.{1,2}\/[^"']+)["']\)?\s*;/g,
    (_rule, path: string) => inlineCssImports(resolve(dirname(file), path), seen).trim(),
  );
}

/** Emits each stylesheet of `styles` into the bundle as a self-contained asset. */
function emitStyles(root: string, styles: Record<string, string>): Plugin {
  return {
    name: "foyer:emit-styles",
    generateBundle() {
      for (const [fileName, source] of Object.entries(styles)) {
        const file = resolve(root, source);
        this.addWatchFile(file);
        this.emitFile({ type: "asset", fileName, source: inlineCssImports(file) });
      }
    },
  };
}

/** Point relative `./x.ts` / `./x.tsx` specifiers in emitted declarations at `./x.js`. */
function rewriteExtensions(code: string): string {
  return code.replace(/(["'])(\.{1,2}\/[^"']*?)\.tsx?\1/g, "$1$2.js$1");
}

/** ESM library build of one package into `dist`, with declaration files beside the JS. */
export function defineLibConfig(options: LibConfigOptions): UserConfig {
  const { root, entries, preserveModules = false, styles = {} } = options;
  const input = Object.fromEntries(
    Object.entries(entries).map(([name, file]) => [name, resolve(root, file)]),
  );
  return {
    root,
    // Dependencies are imported from their published entry points, never from `src`.
    resolve: { conditions: [] },
    logLevel: "warn",
    plugins: [
      emitStyles(root, styles),
      dts({
        tsconfigPath: resolve(root, "tsconfig.json"),
        entryRoot: resolve(root, "src"),
        include: ["src"],
        exclude: TEST_FILES,
        compilerOptions: {
          // Workspace packages are resolved through their built `dist` declarations here.
          customConditions: [],
          noEmit: false,
          declaration: true,
          emitDeclarationOnly: true,
        },
        // TypeScript keeps the `.ts` extensions of relative imports in declarations.
        beforeWriteFile: (filePath, content) => ({ filePath, content: rewriteExtensions(content) }),
      }),
    ],
    build: {
      outDir: resolve(root, "dist"),
      emptyOutDir: true,
      target: "es2022",
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      lib: { entry: input, formats: ["es"] },
      rolldownOptions: {
        external: isExternal,
        // The d.ts plugin dominates build time by design; its timing notice is noise here.
        checks: { bundlerTimings: false },
        onLog(level, log, handler) {
          // Kept by preserveModules (each module is its own output file); `pnpm
          // check:packages` verifies every "use client" survives the build.
          if (preserveModules && log.code === "MODULE_LEVEL_DIRECTIVE") return;
          handler(level, log);
        },
        output: preserveModules
          ? {
              preserveModules: true,
              preserveModulesRoot: resolve(root, "src"),
              entryFileNames: "[name].js",
            }
          : { entryFileNames: "[name].js", chunkFileNames: "chunks/[name]-[hash].js" },
      },
    },
  };
}
