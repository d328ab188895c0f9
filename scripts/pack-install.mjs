#!/usr/bin/env node
// `pnpm check:pack` (after `pnpm build`): the packages as a host gets them. Packs every
// publishable package with `pnpm pack`, installs the tarballs with npm into a scratch project
// in the system's temporary directory (outside the workspace, so nothing resolves to the
// sources), imports every entry point of every package there, and runs them together: an
// Express app on PGlite with Foyer's router, the client calling it, the MSW mock seeding a
// scenario, and the React components rendered to HTML. Exits 1 on any failure.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "..");
const manifestOf = (dir) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const packages = readdirSync(join(root, "packages"))
  .map((name) => join(root, "packages", name))
  .filter((dir) => existsSync(join(dir, "package.json")))
  .map((dir) => ({ dir, manifest: manifestOf(dir) }))
  .filter(({ manifest }) => manifest.private !== true);

function run(command, args, cwd) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

const scratch = mkdtempSync(join(tmpdir(), "foyer-pack-"));
if (!relative(root, scratch).startsWith(".."))
  throw new Error(`${scratch} is inside the workspace`);
let failed = false;
try {
  // 1. The tarballs, as `pnpm publish` would upload them (workspace:* turned into versions).
  const tarballs = join(scratch, "tarballs");
  mkdirSync(tarballs);
  const files = {};
  for (const { dir, manifest } of packages) {
    if (!existsSync(join(dir, "dist")))
      throw new Error(`${manifest.name} has no dist: run pnpm build first`);
    const before = new Set(readdirSync(tarballs));
    run("pnpm", ["pack", "--pack-destination", tarballs], dir);
    const made = readdirSync(tarballs).find((f) => !before.has(f));
    if (!made) throw new Error(`pnpm pack wrote no tarball for ${manifest.name}`);
    files[manifest.name] = `file:${join(tarballs, made)}`;
    console.log(`packed ${manifest.name}@${manifest.version}: ${made}`);
  }

  // 2. A host project: the tarballs plus the peers a host brings, at the workspace's versions.
  const versionOf = (name) => {
    for (const { manifest } of [
      ...packages,
      { manifest: manifestOf(join(root, "packages/reference")) },
      { manifest: manifestOf(root) },
    ]) {
      const version = manifest.devDependencies?.[name] ?? manifest.dependencies?.[name];
      if (version && !version.startsWith("workspace:")) return version;
    }
    throw new Error(`No version of ${name} in the workspace`);
  };
  const peers = [
    "react",
    "react-dom",
    "@tanstack/react-query",
    "express",
    "pg",
    "@electric-sql/pglite",
    "msw",
  ];
  const project = join(scratch, "host");
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify(
      {
        name: "foyer-pack-host",
        private: true,
        type: "module",
        dependencies: { ...files, ...Object.fromEntries(peers.map((p) => [p, versionOf(p)])) },
        // The packages' dependencies on each other resolve to the tarballs, not the registry.
        overrides: files,
      },
      null,
      2,
    ),
  );
  run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
    project,
  );
  console.log(`installed into ${project}`);

  // 3. Every entry point imports; then the packages work together.
  const entries = packages.flatMap(({ manifest }) =>
    Object.keys(manifest.exports).map((key) => `${manifest.name}${key.slice(1)}`),
  );
  writeFileSync(
    join(project, "smoke.mjs"),
    `import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
const entries = ${JSON.stringify(entries)};
for (const entry of entries) {
  if (entry.endsWith(".css")) {
    if (!existsSync(fileURLToPath(import.meta.resolve(entry)))) throw new Error(entry + " is missing");
  } else if (entry.endsWith("/conformance")) {
    // Needs vitest (an optional peer, for authors of stores): resolved, not run.
    import.meta.resolve(entry);
  } else {
    const module = await import(entry);
    if (Object.keys(module).length === 0) throw new Error(entry + " exports nothing");
  }
  console.log("imported " + entry);
}

const { createFoyer } = await import("@foyer/server");
const { foyerExpress } = await import("@foyer/server/express");
const { createScryptHasher } = await import("@foyer/server/node");
const { createPGliteStore } = await import("@foyer/server/pglite");
const { createFoyerClient, isFoyerError } = await import("@foyer/client");
const { createFoyerMsw } = await import("@foyer/msw");
const React = await import("react");
const { renderToString } = await import("react-dom/server");
const { FoyerProvider, InvitationsTable } = await import("@foyer/react");
const express = (await import("express")).default;

const foyer = createFoyer({
  store: await createPGliteStore(),
  hooks: { authenticate: () => null, createAccount: async () => ({ id: "u1" }) },
  publicBaseUrl: "http://localhost:3000",
  passwordHasher: createScryptHasher(),
  tokenSecrets: "a-token-secret-for-the-pack-check-0123456789",
  logger: { info() {}, warn() {}, error() {} },
});
const app = express();
app.use("/api/foyer", foyerExpress(foyer));
const server = app.listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
try {
  const client = createFoyerClient({ baseUrl: "http://127.0.0.1:" + server.address().port + "/api/foyer" });
  const refused = await client.getContext().then(() => null, (error) => error);
  if (!isFoyerError(refused) || refused.code !== "UNAUTHENTICATED") throw new Error("getContext: " + refused);
  console.log("client -> express -> foyer: UNAUTHENTICATED as expected");
} finally {
  server.close();
  await foyer.dispatcher.stop();
}

const mock = createFoyerMsw({ scenario: "busy" });
await mock.ready;
const page = await mock.foyer.services.listInvitations(mock.actor, { limit: 5 });
if (page.items.length !== 5) throw new Error("msw busy scenario: " + page.items.length);
console.log("msw scenario seeded");

const html = renderToString(
  React.createElement(FoyerProvider, { client: createFoyerClient({ baseUrl: "/api/foyer" }) },
    React.createElement(InvitationsTable, { tenantId: "acme" })),
);
if (!html.includes("foyer-root")) throw new Error("InvitationsTable rendered: " + html.slice(0, 200));
console.log("InvitationsTable rendered on the server");
`,
  );
  process.stdout.write(run("node", ["smoke.mjs"], project));
  console.log(
    `${packages.length} packages packed, installed outside the workspace and working together`,
  );
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
