#!/usr/bin/env node
// `pnpm size`: what a host ships, gzip-measured, under two bundlers. Each case is a small host
// module that imports Foyer by its package names (resolved through the "@foyer/source"
// condition, so no build is needed and the numbers follow the code), bundled twice, each time
// in production mode, minified and code-split, with react, react-dom, react/jsx-runtime and
// @tanstack/react-query external (the host has them anyway):
//   - vite 8 (rolldown), an app build;
//   - esbuild, the way the peer kits were measured. It splits chunks by file: a file that a
//     page's entry can reach through any static import (a barrel's re-export included) goes in
//     a chunk the entry loads, as soon as anything uses it, an on-demand chunk included. So
//     browser code imports @foyer/core/rules (no schemas, no error table), and the on-demand
//     parts of components import neither Radix nor the public hooks (their component passes
//     them what they need).
// Every budget must hold under both.
//
// "Up front" is the entry chunk plus every chunk it imports statically; chunks reached only
// through `import()` are reported apart as "on demand": the response schemas (with zod), the
// CSV reader (papaparse), and what a component does not paint at first: the insides of
// BulkInviteModal and InviteLinkDialog (imported once the closed dialog has rendered) and the
// forms of AcceptInvitePage and JoinPage (imported beside the preview each page waits for).
// zod in an up-front chunk fails a case: pages load the schemas on demand.
// Writes bench-results/size.json; exits 1 when a budget fails, and then lists the heaviest
// modules of the failing case.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { build as esbuild } from "esbuild";
import { build } from "vite";

const root = join(import.meta.dirname, "..");
const KB = 1024;
const EXTERNAL = ["react", "react-dom", "react/jsx-runtime", "@tanstack/react-query"];

// ---------------------------------------------------------------------------------------
// The cases, in one place. A component is measured once @foyer/react exports it.
// ---------------------------------------------------------------------------------------
const COMPONENTS = {
  InvitationsTable: "invitations-table",
  BulkInviteModal: "bulk-invite-modal",
  AcceptInvitePage: "accept-invite-page",
  InviteLinkDialog: "invite-link-dialog",
  JoinPage: "join-page",
  VerifyEmailPage: "verify-email-page",
};
/**
 * The kit a host mounts together, up front, held to `BUDGETS.kit`: the admin's components and
 * the accept page. JoinPage and VerifyEmailPage are pages of their own (a host puts each on its
 * own route), so they are held to the invitee page budget alone, and every component together
 * is reported for information.
 */
const KIT = ["InvitationsTable", "BulkInviteModal", "AcceptInvitePage", "InviteLinkDialog"];
/** The invitee's pages: each alone must stay within `BUDGETS.inviteePage`. */
const INVITEE_PAGES = new Set(["AcceptInvitePage", "JoinPage", "VerifyEmailPage"]);
const BUDGETS = {
  /**
   * The kit's four components + provider + client, up front, Radix Dialog and react-window
   * included: 56 KB, ≤ 0.65× the lightest peer kit (WorkOS, 86.9 KB, measured with esbuild).
   * Before the dialogs' insides and the accept form were loaded on demand it was 61.7 KB
   * (vite) / 65.0 KB (esbuild); the row menu's portal and identity sign-up then grew it to
   * 53.5 / 56.5 KB. Since each dialog ships the English strings of its inside with the
   * inside's chunk (only the frame's trigger, header and discard question up front) it is
   * 51.5 KB (vite) / 54.5 KB (esbuild) with "Accept with {provider}", 0.63× WorkOS; every
   * component together is reported, without a budget. What remains is mostly Radix Dialog
   * with react-remove-scroll (17.7 KB), react-window (5.8 KB: useVirtualizer alone, List and
   * Grid are shaken off) and ky.
   */
  kit: 56 * KB,
  /** An invitee's page alone (accept, join, verify email). */
  inviteePage: 20 * KB,
  /** styles.css with its @imports. */
  css: 6 * KB,
};

const reactIndex = readFileSync(join(root, "packages/react/src/index.ts"), "utf8");
const exported = (name) => new RegExp(`export \\{[^}]*\\b${name}\\b[^}]*\\}`).test(reactIndex);
const components = Object.keys(COMPONENTS).filter(exported);

/** A host module that mounts `names` from @foyer/react with a client. */
const host = (names) =>
  [
    `export { ${["FoyerProvider", ...names].join(", ")} } from "@foyer/react";`,
    `export { createFoyerClient, isFoyerError } from "@foyer/client";`,
  ].join("\n");

/** A host module that mounts every one of `names` with the whole client. */
const everything = (names) =>
  [
    `export { FoyerProvider, ${names.join(", ")} } from "@foyer/react";`,
    `export * from "@foyer/client";`,
  ].join("\n");

const kit = KIT.filter((name) => components.includes(name));
const cases = [
  {
    id: "kit",
    label: `${kit.length} kit components + @foyer/client`,
    // What a host imports to use the kit: the provider, each component and the whole client,
    // with everything they take from @foyer/core.
    code: everything(kit),
    budget: BUDGETS.kit,
  },
  {
    id: "all",
    label: `all ${components.length} components + @foyer/client`,
    code: everything(components),
  },
  ...components.map((name) => ({
    id: COMPONENTS[name],
    label: `${name} alone (+ provider, client)`,
    code: host([name]),
    component: name,
    ...(INVITEE_PAGES.has(name) ? { budget: BUDGETS.inviteePage } : {}),
  })),
  {
    id: "provider-client",
    label: "FoyerProvider + createFoyerClient only",
    code: host([]),
  },
  {
    id: "core-everything",
    label: "@foyer/core, every export (for reference)",
    code: `export * from "@foyer/core";`,
    reference: true,
  },
  {
    id: "styles",
    label: "styles.css (with its @imports)",
    code: `import "@foyer/react/styles.css";`,
    budget: BUDGETS.css,
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

const isExternal = (id, also = []) =>
  [...EXTERNAL, ...also].some((name) => id === name || id.startsWith(`${name}/`));

const shortId = (id) => {
  const path = relative(root, id.replace(/^\0/, ""));
  return path.replace(/^(\.\.\/)*node_modules\/\.pnpm\/[^/]+\/node_modules\//, "");
};

// ---------------------------------------------------------------------------------------
// Bundlers. Each returns { chunks: [{ name, code, isEntry, imports, dynamicImports,
// modules: { id: bytes } }], css: string }.
// ---------------------------------------------------------------------------------------

/** vite 8 (rolldown), an app build. */
async function bundleVite(code, alsoExternal = []) {
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
        external: (id) => isExternal(id, alsoExternal),
        checks: { bundlerTimings: false },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((output) => output.output);
  return {
    chunks: outputs
      .filter((o) => o.type === "chunk")
      .map((chunk) => ({
        name: chunk.fileName,
        code: chunk.code,
        isEntry: chunk.isEntry,
        imports: chunk.imports,
        dynamicImports: chunk.dynamicImports,
        modules: Object.fromEntries(
          Object.entries(chunk.modules).map(([id, info]) => [shortId(id), info.renderedLength]),
        ),
      })),
    css: outputs
      .filter((o) => o.type === "asset" && o.fileName.endsWith(".css"))
      .map((o) => String(o.source))
      .join("\n"),
  };
}

/** esbuild, ESM with code splitting, the way a host's esbuild (or tsup) build would. */
async function bundleEsbuild(code, alsoExternal = []) {
  const outdir = join(root, "bench-results", ".size-esbuild");
  const result = await esbuild({
    stdin: { contents: code, resolveDir: root, sourcefile: "foyer-size-host.js", loader: "js" },
    bundle: true,
    format: "esm",
    splitting: true,
    minify: true,
    target: "es2022",
    platform: "browser",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    conditions: ["@foyer/source"],
    outdir,
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [
      {
        name: "foyer-workspace",
        setup(builder) {
          builder.onResolve({ filter: /.*/ }, (args) => {
            if (isExternal(args.path, alsoExternal)) return { path: args.path, external: true };
            const match = args.path.match(/^@foyer\/([^/]+)(\/.*)?$/);
            if (!match) return undefined;
            return { path: resolveWorkspaceExport(match[1], match[2] ?? "") };
          });
        },
      },
    ],
  });
  const files = new Map(result.outputFiles.map((file) => [relative(root, file.path), file.text]));
  const chunks = [];
  let css = "";
  for (const [name, output] of Object.entries(result.metafile.outputs)) {
    const text = files.get(name) ?? "";
    if (name.endsWith(".css")) {
      css += text;
      continue;
    }
    if (!name.endsWith(".js")) continue;
    chunks.push({
      name,
      code: text,
      isEntry: output.entryPoint !== undefined,
      imports: output.imports
        .filter((i) => i.kind === "import-statement" && !i.external)
        .map((i) => i.path),
      dynamicImports: output.imports
        .filter((i) => i.kind === "dynamic-import" && !i.external)
        .map((i) => i.path),
      modules: Object.fromEntries(
        Object.entries(output.inputs).map(([id, info]) => [shortId(id), info.bytesInOutput]),
      ),
    });
  }
  return { chunks, css };
}

const BUNDLERS = {
  vite: { label: "vite 8 (rolldown)", bundle: bundleVite },
  esbuild: { label: "esbuild", bundle: bundleEsbuild },
};

/** Chunks loaded up front (entry + static imports) and on demand (dynamic imports only). */
function split(chunks) {
  const byName = new Map(chunks.map((chunk) => [chunk.name, chunk]));
  const entry = chunks.find((chunk) => chunk.isEntry);
  const upFront = new Set();
  const visit = (name) => {
    if (upFront.has(name) || !byName.has(name)) return;
    upFront.add(name);
    for (const next of byName.get(name).imports) visit(next);
  };
  visit(entry.name);
  return {
    upFront: [...upFront].map((name) => byName.get(name)),
    onDemand: chunks.filter((chunk) => !upFront.has(chunk.name)),
  };
}

/** Modules of the up-front chunks by bytes in the output (before gzip), largest first. */
function heaviest(chunks, limit = 12) {
  const sizes = new Map();
  for (const chunk of chunks) {
    for (const [id, bytes] of Object.entries(chunk.modules)) {
      sizes.set(id, (sizes.get(id) ?? 0) + bytes);
    }
  }
  return [...sizes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([module, bytes]) => ({ module, bytes }));
}

/** Per package (or node_modules dependency) bytes of the up-front code. */
function byPackage(chunks) {
  const sizes = new Map();
  for (const chunk of chunks) {
    for (const [path, bytes] of Object.entries(chunk.modules)) {
      const name = path.startsWith("packages/")
        ? `@foyer/${path.split("/")[1]}`
        : (path.match(/^(@[^/]+\/[^/]+|[^/]+)/)?.[1] ?? path);
      sizes.set(name, (sizes.get(name) ?? 0) + bytes);
    }
  }
  return Object.fromEntries([...sizes.entries()].sort((a, b) => b[1] - a[1]));
}

/**
 * What each dependency costs a failing case, in gzip bytes: the case bundled again with that
 * package external, subtracted from the full size (gzip does not add up per module, this does).
 */
async function attribute(c, row, bundler) {
  const candidates = Object.keys(row.byPackage)
    .filter((name) => name !== "@foyer/react" && !name.startsWith("foyer-size-host"))
    .filter((name) => row.byPackage[name] >= 3000)
    .slice(0, 10);
  const costs = [];
  for (const name of candidates) {
    const { upFront } = split((await BUNDLERS[bundler].bundle(c.code, [name])).chunks);
    costs.push({
      package: name,
      gzipBytes: row.gzip - gzip(upFront.map((x) => x.code).join("\n")),
    });
  }
  return costs.sort((a, b) => b.gzipBytes - a.gzipBytes);
}

const started = performance.now();
const results = [];
for (const c of cases) {
  const perBundler = {};
  for (const bundler of Object.keys(BUNDLERS)) {
    const output = await BUNDLERS[bundler].bundle(c.code);
    let row;
    if (c.css) {
      if (/@import/.test(output.css)) throw new Error("styles.css still holds @import rules");
      row = { raw: Buffer.byteLength(output.css), gzip: gzip(output.css), onDemandGzip: 0 };
    } else {
      const { upFront, onDemand } = split(output.chunks);
      const code = upFront.map((chunk) => chunk.code).join("\n");
      const modules = new Set(upFront.flatMap((chunk) => Object.keys(chunk.modules)));
      row = {
        raw: Buffer.byteLength(code),
        gzip: gzip(code),
        onDemandGzip: onDemand.reduce((sum, chunk) => sum + gzip(chunk.code), 0),
        onDemand: onDemand.map((chunk) => ({
          modules: Object.keys(chunk.modules),
          gzip: gzip(chunk.code),
        })),
        modules,
        heaviest: heaviest(upFront),
        byPackage: byPackage(upFront),
      };
    }
    const problems = [];
    if (c.budget !== undefined && row.gzip > c.budget) {
      problems.push(`over budget by ${((row.gzip - c.budget) / KB).toFixed(2)} KB`);
    }
    const zodUpFront = row.modules ? [...row.modules].filter((m) => m.startsWith("zod/")) : [];
    if (!c.reference && zodUpFront.length > 0) {
      problems.push(`zod up front: ${zodUpFront.slice(0, 4).join(", ")}`);
    }
    perBundler[bundler] = { ...row, problems };
  }
  results.push({ ...c, perBundler });
}

// Tree-shaking proof, under each bundler: a component alone pulls in no other component's
// modules, and is smaller than everything together.
for (const bundler of Object.keys(BUNDLERS)) {
  const all = results.find((r) => r.id === "all")?.perBundler[bundler];
  for (const r of results.filter((x) => x.component)) {
    const row = r.perBundler[bundler];
    for (const other of components.filter((name) => name !== r.component)) {
      const dir = `packages/react/src/components/${COMPONENTS[other]}/`;
      const leaked = [...row.modules].filter((m) => m.startsWith(dir));
      if (leaked.length > 0) row.problems.push(`pulls in ${other}: ${leaked.join(", ")}`);
    }
    if (all && row.gzip >= all.gzip) row.problems.push("not smaller than all components together");
  }
}

for (const r of results) {
  for (const bundler of Object.keys(BUNDLERS)) {
    const row = r.perBundler[bundler];
    if (row.problems.length > 0 && row.byPackage)
      row.attribution = await attribute(r, row, bundler);
  }
}

const fmt = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
const pad = (text, width) => String(text).padEnd(width);
const lines = [
  `${pad("case", 48)}${pad("vite gzip", 12)}${pad("esbuild gzip", 14)}${pad("budget", 10)}${pad("on demand (vite / esbuild)", 28)}result`,
];
let failures = 0;
for (const r of results) {
  const { vite, esbuild: esb } = r.perBundler;
  const problems = Object.entries(r.perBundler).flatMap(([bundler, row]) =>
    row.problems.map((problem) => `${bundler}: ${problem}`),
  );
  if (problems.length > 0) failures++;
  const onDemand =
    vite.onDemandGzip || esb.onDemandGzip
      ? `${fmt(vite.onDemandGzip)} / ${fmt(esb.onDemandGzip)}`
      : "-";
  lines.push(
    `${pad(r.label, 48)}${pad(fmt(vite.gzip), 12)}${pad(fmt(esb.gzip), 14)}${pad(
      r.budget ? fmt(r.budget) : "-",
      10,
    )}${pad(onDemand, 28)}${problems.length > 0 ? "FAIL" : "PASS"}${
      problems.length > 0 ? `  (${problems.join("; ")})` : ""
    }`,
  );
}
console.log(lines.join("\n"));

for (const r of results) {
  for (const [bundler, row] of Object.entries(r.perBundler)) {
    if (row.problems.length === 0 || !row.heaviest) continue;
    console.log(`\nWhy "${r.label}" is heavy under ${BUNDLERS[bundler].label}:`);
    console.log(
      "  gzip cost of each dependency with what only it pulls in (bundle without it, difference):",
    );
    for (const a of row.attribution ?? [])
      console.log(`  ${fmt(a.gzipBytes).padStart(10)}  ${a.package}`);
    console.log("  biggest modules (bytes in the output, before gzip):");
    for (const m of row.heaviest) console.log(`  ${String(m.bytes).padStart(10)}  ${m.module}`);
  }
}
const all = results.find((r) => r.id === "all");
for (const [bundler, row] of Object.entries(all?.perBundler ?? {})) {
  for (const chunk of row.onDemand ?? []) {
    const modules = chunk.modules.filter((m) => !m.startsWith("zod/"));
    const zod = chunk.modules.length - modules.length;
    console.log(
      `\non demand, ${bundler} (${fmt(chunk.gzip)} gzip): ${modules.join(", ")}${zod > 0 ? ` + ${zod} zod modules` : ""}`,
    );
  }
}

mkdirSync(join(root, "bench-results"), { recursive: true });
writeFileSync(
  join(root, "bench-results/size.json"),
  `${JSON.stringify(
    {
      tools: Object.fromEntries(
        Object.entries(BUNDLERS).map(([id, b]) => [
          id,
          `${b.label}, production, minified, code-split, gzip level 9`,
        ]),
      ),
      external: EXTERNAL,
      results: results.map((r) => ({
        id: r.id,
        label: r.label,
        budgetBytes: r.budget ?? null,
        ...Object.fromEntries(
          Object.entries(r.perBundler).map(([bundler, row]) => [
            bundler,
            {
              minifiedBytes: row.raw,
              gzipBytes: row.gzip,
              onDemandGzipBytes: row.onDemandGzip,
              onDemand: row.onDemand ?? [],
              pass: row.problems.length === 0,
              problems: row.problems,
              heaviest: row.heaviest ?? [],
              bytesByPackage: row.byPackage ?? {},
              gzipCostByDependency: row.attribution ?? [],
            },
          ]),
        ),
      })),
    },
    null,
    2,
  )}\n`,
);
console.log(
  `\nsize: ${results.length - failures} passed, ${failures} failed (${(
    (performance.now() - started) / 1000
  ).toFixed(1)} s) -> bench-results/size.json`,
);
// CI (.ci/run) sums these counts with the test reports: FOYER_REPORT names the file.
if (process.env.FOYER_REPORT) {
  const report = { numPassedTests: results.length - failures, numFailedTests: failures };
  writeFileSync(process.env.FOYER_REPORT, `${JSON.stringify(report)}\n`);
}
process.exit(failures === 0 ? 0 : 1);
