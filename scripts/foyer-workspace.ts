// Resolves `@foyer/*` imports from code outside the packages (stories, the Storybook and
// stories-test configs) to the workspace sources, the way a host's node_modules would resolve
// them, but through each package's "@foyer/source" export condition. The repo root has no
// `node_modules/@foyer` links, so without this, `stories/` could not import the packages.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultClientConditions, type Plugin } from "vite";

const root = join(import.meta.dirname, "..");

/** Vite's client conditions with "@foyer/source" first, for `resolve.conditions`. */
export const foyerConditions: string[] = ["@foyer/source", ...defaultClientConditions];

interface Manifest {
  exports?: Record<string, string | Record<string, string>>;
}

/** `@foyer/<name><subpath>` -> the file its "@foyer/source" export condition names. */
export function resolveFoyerSource(name: string, subpath: string): string | null {
  const dir = join(root, "packages", name);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
  } catch {
    return null;
  }
  const target = manifest.exports?.[`.${subpath}`];
  const file = typeof target === "string" ? target : target?.["@foyer/source"];
  return file ? join(dir, file) : null;
}

/** Vite plugin: `@foyer/*` from anywhere resolves to the workspace package's source. */
export function foyerWorkspace(): Plugin {
  return {
    name: "foyer:workspace",
    enforce: "pre",
    resolveId(id) {
      const match = /^@foyer\/([^/]+)(\/.*)?$/.exec(id);
      if (!match?.[1]) return null;
      return resolveFoyerSource(match[1], match[2] ?? "");
    },
  };
}
