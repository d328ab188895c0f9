#!/usr/bin/env node
// `pnpm check:packages`: lints every publishable package as it would be published (run
// `pnpm build` first). Fails on any problem:
// - publint --strict (warnings count as errors),
// - @arethetypeswrong/cli on the packed tarball, ESM-only profile (node10 and CJS-require
//   resolutions are out of scope for ESM-only packages),
// - every source module that starts with "use client" keeps the directive in dist (R-UI-09).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "..");
const bin = (name) => join(root, "node_modules", ".bin", name);

const packages = readdirSync(join(root, "packages"))
  .map((name) => join(root, "packages", name))
  .filter((dir) => existsSync(join(dir, "package.json")))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
  .filter(({ manifest }) => manifest.private !== true);

/** Runs a command quietly; returns its combined output and whether it succeeded. */
function run(command, args, cwd) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", npm_config_loglevel: "error" },
  });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`
    .split("\n")
    .filter((line) => !line.startsWith("npm warn"))
    .join("\n")
    .trim();
  return { ok: result.status === 0, output };
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Source modules with a "use client" directive whose built module lost it. */
function lostDirectives(dir) {
  const lost = [];
  const src = join(dir, "src");
  for (const file of walk(src)) {
    if (!/\.tsx?$/.test(file) || /\.(test|test-d|ssr\.test)\.tsx?$/.test(file)) continue;
    if (!/^\s*["']use client["']/.test(readFileSync(file, "utf8"))) continue;
    const built = join(dir, "dist", relative(src, file).replace(/\.tsx?$/, ".js"));
    if (!existsSync(built) || !/^\s*["']use client["']/.test(readFileSync(built, "utf8"))) {
      lost.push(relative(root, built));
    }
  }
  return lost;
}

let failed = 0;
for (const { dir, manifest } of packages) {
  const name = manifest.name;
  const problems = [];
  if (!existsSync(join(dir, "dist"))) {
    problems.push("no dist: run `pnpm build` first");
  } else {
    const publint = run(bin("publint"), ["--strict"], dir);
    if (!publint.ok || !/All good!/.test(publint.output))
      problems.push(`publint:\n${publint.output}`);

    // Stylesheets have no type declarations to check.
    const cssEntries = Object.keys(manifest.exports ?? {}).filter((key) => key.endsWith(".css"));
    const attwArgs = ["--pack", ".", "--profile", "esm-only", "--format", "table-flipped"];
    if (cssEntries.length > 0) attwArgs.push("--exclude-entrypoints", ...cssEntries);
    const attw = run(bin("attw"), attwArgs, dir);
    if (!attw.ok) problems.push(`attw:\n${attw.output}`);

    const lost = lostDirectives(dir);
    if (lost.length > 0) problems.push(`"use client" missing in:\n  ${lost.join("\n  ")}`);
  }
  if (problems.length === 0) {
    console.log(`PASS ${name}: publint, attw (esm-only), "use client" directives`);
  } else {
    failed += 1;
    console.log(`FAIL ${name}\n${problems.join("\n")}`);
  }
}

const passed = packages.length - failed;
console.log(`\ncheck:packages: ${passed} passed, ${failed} failed`);
// CI (.ci/run) sums these counts with the test reports: FOYER_REPORT names the file.
if (process.env.FOYER_REPORT) {
  const report = { numPassedTests: passed, numFailedTests: failed };
  writeFileSync(process.env.FOYER_REPORT, `${JSON.stringify(report)}\n`);
}
process.exit(failed === 0 ? 0 : 1);
