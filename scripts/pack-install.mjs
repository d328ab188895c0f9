#!/usr/bin/env node
// `pnpm check:pack` (after `pnpm build`): the packages as a host gets them. Packs every
// publishable package with `pnpm pack`, installs the tarballs with npm into a scratch project
// in the system's temporary directory (outside the workspace, so nothing resolves to the
// sources), imports every entry point of every package there, and runs them together: an
// Express app on PGlite with Foyer's router, the client calling it, the MSW mock seeding a
// scenario, and the React components rendered to HTML. Exits 1 on any failure.
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";

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
  await hostAppInChromium(project, versionOf);
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
} finally {
  // FOYER_PACK_KEEP=1 keeps the scratch project to look into a failure.
  if (process.env.FOYER_PACK_KEEP) console.log(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

/** The blocks of docs/embedding.md by their `title="…"`. */
function guideFiles() {
  const guide = readFileSync(join(root, "docs/embedding.md"), "utf8");
  const files = {};
  for (const match of guide.matchAll(/^```(\w*)([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm)) {
    const title = /title="([^"]+)"/.exec(match[2] ?? "")?.[1];
    if (title) files[title] = match[3];
  }
  return files;
}

/** A free port on the loopback interface. */
function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A host app made only of the tarballs and docs/embedding.md: the guide's Express server and
 * pages, built by vite; in Chromium the admin invites from the page with InvitationsTable,
 * the invitee accepts, and the new password signs in.
 */
async function hostAppInChromium(project, versionOf) {
  const tools = ["vite", "@vitejs/plugin-react", "tsx", "playwright-core"];
  run(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      "--loglevel=error",
      "-D",
      ...tools.map((tool) => `${tool}@${versionOf(tool)}`),
    ],
    project,
  );
  const guide = guideFiles();
  const fromGuide = [
    "server/users.ts",
    "server/foyer.ts",
    "server/app.ts",
    "web/foyer.ts",
    "web/team-settings.tsx",
    "web/accept-invite.tsx",
  ];
  for (const name of fromGuide) {
    if (!guide[name]) throw new Error(`docs/embedding.md has no block ${name}`);
    mkdirSync(dirname(join(project, name)), { recursive: true });
    writeFileSync(join(project, name), guide[name]);
  }
  const html = (title, entry) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><div id="root"></div><script type="module" src="./${entry}"></script></body></html>
`;
  writeFileSync(join(project, "web/index.html"), html("Team", "team-main.tsx"));
  writeFileSync(join(project, "web/accept-invite.html"), html("Join", "accept-main.tsx"));
  writeFileSync(
    join(project, "web/team-main.tsx"),
    `import { createRoot } from "react-dom/client";
import { TeamSettings } from "./team-settings";
createRoot(document.getElementById("root")!).render(<TeamSettings tenantId="acme" />);
`,
  );
  writeFileSync(
    join(project, "web/accept-main.tsx"),
    `import { createRoot } from "react-dom/client";
import { AcceptInvite } from "./accept-invite";
createRoot(document.getElementById("root")!).render(<AcceptInvite />);
`,
  );
  writeFileSync(
    join(project, "vite.config.mjs"),
    `import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
export default {
  root: here("web"),
  plugins: [react()],
  logLevel: "warn",
  build: {
    outDir: here("web/dist"),
    emptyOutDir: true,
    rollupOptions: { input: { index: here("web/index.html"), accept: here("web/accept-invite.html") } },
  },
};
`,
  );
  run("node", ["node_modules/vite/bin/vite.js", "build"], project);
  writeFileSync(
    join(project, "server/serve.ts"),
    `import { fileURLToPath } from "node:url";
import express from "express";
import { createApp } from "./app";
import { passwordHasher } from "./foyer";
import { addUser } from "./users";

const base = process.env.PUBLIC_BASE_URL!;
const dist = fileURLToPath(new URL("../web/dist/", import.meta.url));
const { app, foyer } = await createApp({ publicBaseUrl: base });
addUser({
  email: "ada@acme.example",
  firstName: "Ada",
  lastName: "Admin",
  passwordHash: await passwordHasher.hash("Admin-Password-2026!"),
  tenantId: "acme",
  roleId: "admin",
  active: true,
});
// The development mailbox Foyer delivers to when no mailer is given.
app.get("/dev/mailbox", (_req, res) => {
  res.json((foyer.mailer as unknown as { messages(): unknown[] }).messages());
});
app.get("/accept-invite", (_req, res) => res.sendFile(dist + "accept-invite.html"));
app.use(express.static(dist));
app.listen(Number(new URL(base).port), "127.0.0.1", () => console.log("listening"));
`,
  );
  const base = `http://127.0.0.1:${await freePort()}`;
  const server = spawn("node", ["--import", "tsx", "server/serve.ts"], {
    cwd: project,
    env: { ...process.env, PUBLIC_BASE_URL: base },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The host app did not start:\n${output}`)),
        60_000,
      );
      server.stdout.on("data", (chunk) => {
        output += chunk;
        if (output.includes("listening")) {
          clearTimeout(timer);
          resolve();
        }
      });
      server.stderr.on("data", (chunk) => {
        output += chunk;
      });
      server.once("exit", (code) => reject(new Error(`The host app exited (${code}):\n${output}`)));
    });
    writeFileSync(
      join(project, "browser.mjs"),
      `import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from ${JSON.stringify(join(root, "scripts/chromium.mjs"))};
const base = ${JSON.stringify(base)};
const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
try {
  const admin = await browser.newContext({ baseURL: base });
  admin.setDefaultTimeout(20_000);
  const login = await admin.request.post("/login", {
    data: { email: "ada@acme.example", password: "Admin-Password-2026!" },
    headers: { origin: base },
  });
  if (login.status() !== 200) throw new Error("sign-in answered " + login.status());
  const page = await admin.newPage();
  await page.goto("/");
  await page.getByText("No pending invitations").waitFor();
  await page.getByRole("button", { name: "Invite users" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Invite users" });
  const emails = dialog.getByRole("textbox", { name: "Email addresses" });
  await emails.fill("new.hire@acme.example");
  await emails.press("Enter");
  await dialog.getByRole("group", { name: "Role" }).getByRole("radio", { name: /^Member/ }).check();
  await dialog.getByRole("button", { name: /^Send 1 invitation/ }).click();
  await dialog.getByRole("region", { name: "Results" }).getByText("1 invited · 0 skipped").waitFor().catch(async (error) => {
    await page.screenshot({ path: "failure.png" });
    throw error;
  });
  await dialog.getByRole("button", { name: "Done" }).click();
  await page.getByRole("row", { name: /new\\.hire@acme\\.example/ }).waitFor();
  console.log("InvitationsTable lists the new invitation");

  let link;
  for (let attempt = 0; attempt < 100 && !link; attempt += 1) {
    const messages = await (await fetch(base + "/dev/mailbox")).json();
    link = messages.find((m) => m.to === "new.hire@acme.example")?.links.find((l) => l.includes("#token="));
    if (!link) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!link) throw new Error("no invitation email");
  const invitee = await (await browser.newContext()).newPage();
  invitee.setDefaultTimeout(20_000);
  await invitee.goto(link);
  await invitee.getByLabel("First name").fill("Nia");
  await invitee.getByLabel("Last name").fill("Hire");
  await invitee.getByLabel("Password", { exact: true }).fill("Member-Password-2026!");
  await invitee.getByLabel("Confirm password").fill("Member-Password-2026!");
  await invitee.getByRole("button", { name: "Accept & create account" }).click();
  await invitee.waitForURL((url) => url.pathname === "/dashboard");
  const again = await fetch(base + "/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "new.hire@acme.example", password: "Member-Password-2026!" }),
  });
  if (again.status !== 200) throw new Error("the new member's sign-in answered " + again.status);
  console.log("the invitee accepted in Chromium and signs in with the new password");
} finally {
  await browser.close();
}
`,
    );
    process.stdout.write(run("node", ["browser.mjs"], project));
    console.log("a host app built from the tarballs and the guide works in Chromium");
  } finally {
    server.kill();
  }
}
