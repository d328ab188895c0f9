#!/usr/bin/env node
// `pnpm size`: what a host ships, gzip-measured. Each case is a small host module that
// imports Foyer by its package names (resolved through the "@foyer/source" condition, so no
// build is needed and the numbers follow the code), bundled by vite 8 (rolldown) in
// production mode, minified, with react, react-dom, react/jsx-runtime and
// @tanstack/react-query external (the host has them anyway).
//
// "Up front" is the entry chunk plus every chunk it imports statically; chunks reached only
// through `import()` (papaparse for CSV) are reported apart as "on demand".
// Writes bench-results/size.json; exits 1 when a budget fails, and then lists the heaviest
// modules of the failing case.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { build } from "vite";

const root = join(import.meta.dirname, "..");
const KB = 1024;
const EXTERNAL = ["react", "react-dom", "react/jsx-runtime", "@tanstack/react-query"];

const reactIndex = readFileSync(join(root, "packages/react/src/index.ts"), "utf8");
const exported = (name) => new RegExp(`export \\{[^}]*\\b${name}\\b[^}]*\\}`).test(reactIndex);
const components = [
  "InvitationsTable",
  "BulkInviteModal",
  "AcceptInvitePage",
  "InviteLinkDialog",
].filter(exported);
const componentDir = {
  InvitationsTable: "invitations-table",
  BulkInviteModal: "bulk-invite-modal",
  AcceptInvitePage: "accept-invite-page",
  InviteLinkDialog: "invite-link-dialog",
};

/** A host module that mounts `names` from @foyer/react with a client. */
const host = (names) =>
  [
    `export { FoyerProvider, ${names.join(", ")} } from "@foyer/react";`,
    `export { createFoyerClient, isFoyerError } from "@foyer/client";`,
  ].join("\n");

const cases = [
  {
    id: "all",
    label: `all components + @foyer/client`,
    // What a host imports to use every component: the provider, each component and the
    // whole client, with everything they take from @foyer/core. (Core's server-side
    // policies and request schemas are not loaded by a page that does not import them; the
    // "core-everything" row shows what importing all of core would add.)
    code: [
      `export { FoyerProvider, ${components.join(", ")} } from "@foyer/react";`,
      `export * from "@foyer/client";`,
    ].join("\n"),
    budget: 43 * KB,
  },
  {
    id: "accept-invite-page",
    label: "AcceptInvitePage alone (+ provider, client)",
    code: host(["AcceptInvitePage"]),
    budget: 20 * KB,
    component: "AcceptInvitePage",
  },
  ...components
    .filter((name) => name !== "AcceptInvitePage")
    .map((name) => ({
      id: componentDir[name],
      label: `${name} alone (+ provider, client)`,
      code: host([name]),
      component: name,
    })),
  {
    id: "provider-client",
    label: "FoyerProvider + createFoyerClient only",
    code: host([]).replace("FoyerProvider, ", "FoyerProvider"),
  },
  {
    id: "core-everything",
    label: "@foyer/core, every export (for reference)",
    code: `export * from "@foyer/core";`,
  },
  {
    id: "styles",
    label: "styles.css (with its @imports)",
    code: `import "@foyer/react/styles.css";`,
    budget: 6 * KB,
    css: true,
  },
];

const gzip = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;

/** `@foyer/<name><subpath>` -> the source file its "@foyer/source" export condition names. */
function resolveWorkspaceExport(name, subpath) {
  const dir = join(root, "packages", name);
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const target = manifest.exports?.[`.${subpath}`];
  const file = typeof target === "string" ? target : target?.["@foyer/source"];
  if (!file) throw new Error(`@foyer/${name}${subpath} is not exported`);
  return join(dir, file);
}

/** Bundles one host module; returns its outputs. */
async function bundle(code, alsoExternal = []) {
  const external = [...EXTERNAL, ...alsoExternal];
  const entryId = "\0foyer-size-host.js";
  const result = await build({
    configFile: false,
    root,
    mode: "production",
    logLevel: "silent",
    resolve: { conditions: ["@foyer/source"] },
    plugins: [
      react(),
      {
        name: "foyer-size-host",
        resolveId(id) {
          if (id === "foyer-size-host" || id.endsWith("/foyer-size-host")) return entryId;
          // A host resolves @foyer/* through node_modules; here through each workspace
          // package's `exports` and the "@foyer/source" condition.
          const match = id.match(/^@foyer\/([^/]+)(\/.*)?$/);
          if (match && alsoExternal.includes(`@foyer/${match[1]}`)) return { id, external: true };
          if (match) return resolveWorkspaceExport(match[1], match[2] ?? "");
          return null;
        },
        load(id) {
          return id === entryId ? code : null;
        },
      },
    ],
    build: {
      write: false,
      minify: true,
      cssMinify: true,
      target: "es2022",
      reportCompressedSize: false,
      copyPublicDir: false,
      modulePreload: false,
      // An app build (not library mode): full minification and process.env.NODE_ENV
      // replaced, as in a host's production bundle; the entry keeps its exports.
      rolldownOptions: {
        input: { host: "foyer-size-host" },
        preserveEntrySignatures: "exports-only",
        external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
        checks: { bundlerTimings: false },
      },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  return outputs.flatMap((output) => output.output);
}

/** Chunks loaded up front (entry + static imports) and on demand (dynamic imports only). */
function split(outputs) {
  const chunks = new Map(outputs.filter((o) => o.type === "chunk").map((c) => [c.fileName, c]));
  const entry = [...chunks.values()].find((c) => c.isEntry);
  const upFront = new Set();
  const visit = (name) => {
    if (upFront.has(name) || !chunks.has(name)) return;
    upFront.add(name);
    for (const next of chunks.get(name).imports) visit(next);
  };
  visit(entry.fileName);
  const onDemand = [...chunks.keys()].filter((name) => !upFront.has(name));
  return {
    upFront: [...upFront].map((name) => chunks.get(name)),
    onDemand: onDemand.map((name) => chunks.get(name)),
  };
}

const shortId = (id) => {
  const path = relative(root, id.replace(/^\0/, ""));
  return path.replace(/^node_modules\/\.pnpm\/[^/]+\/node_modules\//, "");
};

/** Modules of the up-front chunks by rendered size (before minification), largest first. */
function heaviest(chunks, limit = 12) {
  const sizes = new Map();
  for (const chunk of chunks) {
    for (const [id, info] of Object.entries(chunk.modules)) {
      sizes.set(shortId(id), (sizes.get(shortId(id)) ?? 0) + info.renderedLength);
    }
  }
  return [...sizes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([module, bytes]) => ({ module, renderedBytes: bytes }));
}

/** Per package (or node_modules dependency) rendered bytes of the up-front code. */
function byPackage(chunks) {
  const sizes = new Map();
  for (const chunk of chunks) {
    for (const [id, info] of Object.entries(chunk.modules)) {
      const path = shortId(id);
      const name = path.startsWith("packages/")
        ? `@foyer/${path.split("/")[1]}`
        : (path.match(/^(@[^/]+\/[^/]+|[^/]+)/)?.[1] ?? path);
      sizes.set(name, (sizes.get(name) ?? 0) + info.renderedLength);
    }
  }
  return Object.fromEntries([...sizes.entries()].sort((a, b) => b[1] - a[1]));
}

const started = performance.now();
const results = [];
const moduleSets = new Map();
for (const c of cases) {
  const outputs = await bundle(c.code);
  let row;
  if (c.css) {
    const css = outputs.filter((o) => o.type === "asset" && o.fileName.endsWith(".css"));
    const text = css.map((o) => String(o.source)).join("\n");
    if (/@import/.test(text)) throw new Error("styles.css still holds @import rules");
    row = { raw: Buffer.byteLength(text), gzip: gzip(text), onDemandGzip: 0, onDemand: [] };
  } else {
    const { upFront, onDemand } = split(outputs);
    const code = upFront.map((c2) => c2.code).join("\n");
    moduleSets.set(
      c.id,
      new Set(upFront.flatMap((chunk) => Object.keys(chunk.modules).map(shortId))),
    );
    row = {
      raw: Buffer.byteLength(code),
      gzip: gzip(code),
      onDemandGzip: onDemand.reduce((sum, chunk) => sum + gzip(chunk.code), 0),
      onDemand: onDemand.map((chunk) => ({
        modules: Object.keys(chunk.modules).map(shortId),
        gzip: gzip(chunk.code),
      })),
      heaviest: heaviest(upFront),
      byPackage: byPackage(upFront),
    };
  }
  const problems = [];
  if (c.budget !== undefined && row.gzip > c.budget) {
    problems.push(`over budget by ${((row.gzip - c.budget) / KB).toFixed(2)} KB`);
  }
  results.push({ ...c, ...row, problems });
}

// Tree-shaking proof: a component alone pulls in no other component's modules, and is
// smaller than everything together.
const all = results.find((r) => r.id === "all");
for (const r of results.filter((x) => x.component)) {
  const modules = moduleSets.get(r.id);
  for (const other of components.filter((name) => name !== r.component)) {
    const dir = `packages/react/src/components/${componentDir[other]}/`;
    const leaked = [...modules].filter((m) => m.startsWith(dir));
    if (leaked.length > 0) problems(r).push(`pulls in ${other}: ${leaked.join(", ")}`);
  }
  if (all && r.gzip >= all.gzip) problems(r).push("not smaller than all components together");
}
function problems(r) {
  return r.problems;
}

/**
 * What each dependency costs a failing case, in gzip bytes: the case bundled again with that
 * package external, subtracted from the full size (gzip does not add up per module, this
 * does).
 */
async function attribute(r) {
  const candidates = Object.keys(r.byPackage)
    .filter((name) => name !== "@foyer/react" && !name.startsWith("foyer-size-host"))
    .filter((name) => r.byPackage[name] >= 3000)
    .slice(0, 10);
  const costs = [];
  for (const name of candidates) {
    const { upFront } = split(await bundle(r.code, [name]));
    costs.push({ package: name, gzipBytes: r.gzip - gzip(upFront.map((c) => c.code).join("\n")) });
  }
  return costs.sort((a, b) => b.gzipBytes - a.gzipBytes);
}
for (const r of results) {
  if (r.problems.length > 0 && r.byPackage) r.attribution = await attribute(r);
}

const fmt = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
const pad = (text, width) => String(text).padEnd(width);
const lines = [
  `${pad("case", 52)}${pad("min", 11)}${pad("gzip", 11)}${pad("budget", 10)}${pad("on demand", 12)}result`,
];
for (const r of results) {
  const result = r.problems.length > 0 ? "FAIL" : "PASS";
  lines.push(
    `${pad(r.label, 52)}${pad(fmt(r.raw), 11)}${pad(fmt(r.gzip), 11)}${pad(
      r.budget ? fmt(r.budget) : "-",
      10,
    )}${pad(r.onDemandGzip ? fmt(r.onDemandGzip) : "-", 12)}${result}${
      r.problems.length > 0 ? `  (${r.problems.join("; ")})` : ""
    }`,
  );
}
console.log(lines.join("\n"));

const failed = results.filter((r) => r.problems.length > 0);
for (const r of failed) {
  if (!r.heaviest) continue;
  console.log(`\nWhy "${r.label}" is heavy:`);
  console.log(
    "  gzip cost of each dependency with what only it pulls in (bundle without it, difference):",
  );
  for (const a of r.attribution ?? []) {
    console.log(`  ${fmt(a.gzipBytes).padStart(10)}  ${a.package}`);
  }
  console.log("  biggest modules (rendered bytes before minification):");
  for (const m of r.heaviest) console.log(`  ${String(m.renderedBytes).padStart(10)}  ${m.module}`);
}
const onDemand = all?.onDemand ?? [];
for (const chunk of onDemand) {
  console.log(`\non demand (${fmt(chunk.gzip)} gzip): ${chunk.modules.join(", ")}`);
}

mkdirSync(join(root, "bench-results"), { recursive: true });
writeFileSync(
  join(root, "bench-results/size.json"),
  `${JSON.stringify(
    {
      tool: "vite 8 (rolldown), production, minified, gzip level 9",
      external: EXTERNAL,
      results: results.map((r) => ({
        id: r.id,
        label: r.label,
        minifiedBytes: r.raw,
        gzipBytes: r.gzip,
        budgetBytes: r.budget ?? null,
        onDemandGzipBytes: r.onDemandGzip,
        onDemand: r.onDemand,
        pass: r.problems.length === 0,
        problems: r.problems,
        heaviest: r.heaviest ?? [],
        renderedBytesByPackage: r.byPackage ?? {},
        gzipCostByDependency: r.attribution ?? [],
      })),
    },
    null,
    2,
  )}\n`,
);
console.log(
  `\nsize: ${results.length - failed.length} passed, ${failed.length} failed (${(
    (performance.now() - started) / 1000
  ).toFixed(1)} s) -> bench-results/size.json`,
);
// CI (.ci/run) sums these counts with the test reports: FOYER_REPORT names the file.
if (process.env.FOYER_REPORT) {
  const report = { numPassedTests: results.length - failed.length, numFailedTests: failed.length };
  writeFileSync(process.env.FOYER_REPORT, `${JSON.stringify(report)}\n`);
}
process.exit(failed.length === 0 ? 0 : 1);
