import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Foyer, PasswordHasher } from "@foyer/server";
import type { Express } from "express";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// docs/embedding.md cannot drift: its TypeScript blocks are written out under their titles
// and compiled against the workspace packages with a host's strict settings, its Express
// host is started and taken through a whole invitation, and its lists of CSS variables,
// slots and install lines are compared with the packages they describe.

const root = fileURLToPath(new URL("../../../", import.meta.url));
const guidePath = join(root, "docs/embedding.md");
const guide = readFileSync(guidePath, "utf8");

/** What the test uses of the guide's server modules. */
interface GuideApp {
  createApp(options: { publicBaseUrl: string }): Promise<{ app: Express; foyer: Foyer }>;
}
interface GuideUser {
  id: string;
  email: string;
  passwordHash: string;
}
interface GuideUsers {
  addUser(user: Omit<GuideUser, "id"> & Record<string, unknown>): GuideUser;
  findUserByEmail(email: string): GuideUser | null;
  createApiKey(userId: string): string;
}
interface GuideFoyer {
  passwordHasher: PasswordHasher;
}

interface Block {
  lang: string;
  title: string | null;
  code: string;
  line: number;
}

function codeBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const fence = /^```(\w*)([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm;
  for (const match of markdown.matchAll(fence)) {
    const title = /title="([^"]+)"/.exec(match[2] ?? "")?.[1] ?? null;
    blocks.push({
      lang: match[1] ?? "",
      title,
      code: match[3] ?? "",
      line: markdown.slice(0, match.index).split("\n").length,
    });
  }
  return blocks;
}

const blocks = codeBlocks(guide);
const compiled = blocks.filter((b) => ["ts", "tsx", "css"].includes(b.lang));

// Inside the reference package, so the blocks resolve @foyer/* (to their sources), express,
// react and msw the way a host's files resolve its dependencies.
const outDir = join(root, "packages/reference", `.guide-check-${randomBytes(4).toString("hex")}`);

beforeAll(() => {
  mkdirSync(outDir, { recursive: true });
  for (const block of compiled) {
    if (!block.title) continue;
    const file = join(outDir, block.title);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, block.code);
  }
  // What a vite host has: types for `import "./file.css"`.
  writeFileSync(join(outDir, "env.d.ts"), '/// <reference types="vite/client" />\n');
});

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe("docs/embedding.md", () => {
  it("R-SDK-03: every TypeScript and CSS block has a file name, and the guide has blocks of each kind", () => {
    const untitled = compiled.filter((b) => !b.title).map((b) => `line ${b.line}`);
    expect(untitled).toEqual([]);
    const titles = compiled.map((b) => b.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).toEqual(
      expect.arrayContaining(["server/app.ts", "server/foyer.ts", "web/team-settings.tsx"]),
    );
    // Only shell install lines are left uncompiled, and those are checked below.
    const others = blocks.filter((b) => !["ts", "tsx", "css"].includes(b.lang));
    expect(others.map((b) => b.lang)).toEqual(["sh"]);
  });

  it("R-SDK-03, R-UI-05, R-UI-06, R-UI-07: every TypeScript block compiles with a host's strict settings", () => {
    const files = readdirSync(outDir, { recursive: true, encoding: "utf8" })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => join(outDir, f));
    const base = JSON.parse(readFileSync(join(root, "tsconfig.base.json"), "utf8")) as {
      compilerOptions: Record<string, unknown>;
    };
    const { options, errors } = ts.convertCompilerOptionsFromJson(
      {
        ...base.compilerOptions,
        jsx: "react-jsx",
        types: ["node", "vite/client"],
        noEmit: true,
      },
      outDir,
    );
    expect(errors).toEqual([]);
    const program = ts.createProgram(files, options);
    const diagnostics = ts.getPreEmitDiagnostics(program);
    const text = ts.formatDiagnostics(diagnostics, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => outDir,
      getNewLine: () => "\n",
    });
    expect(text).toBe("");
  }, 120_000);

  it("R-SDK-03: the guide's Express host runs: an admin invites, the invitee accepts and signs in with the hash Foyer made; an API key authenticates", async () => {
    const { createApp } = (await import(join(outDir, "server/app.ts"))) as GuideApp;
    const users = (await import(join(outDir, "server/users.ts"))) as GuideUsers;
    const foyerModule = (await import(join(outDir, "server/foyer.ts"))) as GuideFoyer;

    const { app, foyer } = await createApp({ publicBaseUrl: "http://localhost:3000" });
    const server = app.listen(0, "127.0.0.1");
    await new Promise<void>((done) => server.once("listening", done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const admin = users.addUser({
        email: "ada@acme.example",
        firstName: "Ada",
        lastName: "Admin",
        passwordHash: await foyerModule.passwordHasher.hash("Admin-Password-2026!"),
        tenantId: "acme",
        roleId: "admin",
        active: true,
      });
      const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${base}${path}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: "http://localhost:3000",
            ...headers,
          },
          body: JSON.stringify(body),
        });

      const login = await post("/login", { email: admin.email, password: "Admin-Password-2026!" });
      expect(login.status).toBe(200);
      const cookie = login.headers.get("set-cookie")!.split(";")[0]!;

      const created = await post(
        "/api/foyer/invitations",
        {
          tenantId: "acme",
          emails: ["new.member@acme.example"],
          roleId: "member",
          delivery: "link",
        },
        { cookie },
      );
      expect(created.status).toBe(200);
      const batch = (await created.json()) as { created: { link: string }[] };
      const link = batch.created[0]!.link;
      expect(link.startsWith("http://localhost:3000/accept-invite#token=")).toBe(true);
      const token = new URLSearchParams(new URL(link).hash.slice(1)).get("token")!;

      const password = "Member-Password-2026!";
      const accepted = await post("/api/foyer/public/invitations/accept", {
        token,
        firstName: "Nia",
        lastName: "Member",
        password,
        passwordConfirmation: password,
      });
      expect(accepted.status).toBe(200);
      // signIn: the accept's answer carries the host's own session cookie.
      expect(accepted.headers.get("set-cookie")).toMatch(/^sid=/);

      // The password-hash contract: the host's sign-in verifies the hash Foyer handed over.
      const member = users.findUserByEmail("new.member@acme.example")!;
      expect(member.passwordHash).not.toContain(password);
      expect((await post("/login", { email: member.email, password })).status).toBe(200);
      expect((await post("/login", { email: member.email, password: "wrong" })).status).toBe(401);

      // A bearer host: the same authenticate hook reads an API key.
      const key = users.createApiKey(admin.id);
      const context = await fetch(`${base}/api/foyer/context`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(context.status).toBe(200);
      expect(((await context.json()) as { actor: { id: string } }).actor.id).toBe(admin.id);
      // A member's key can do what the member can: no invitations.
      const invitations = await fetch(`${base}/api/foyer/invitations?tenantId=acme`, {
        headers: { authorization: `Bearer ${users.createApiKey(member.id)}` },
      });
      expect(invitations.status).toBe(403);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await foyer.dispatcher.stop();
    }
  }, 60_000);

  it("R-UI-06: the table of CSS variables lists exactly the variables of styles.css, with their values", () => {
    const css = readFileSync(join(root, "packages/react/src/styles.css"), "utf8");
    const light = css.slice(0, css.indexOf('[data-foyer-theme="dark"]'));
    const defined = new Map<string, string>();
    for (const match of light.matchAll(/(--foyer-[a-z-]+):\s*([^;]+);/g)) {
      defined.set(match[1]!, match[2]!.trim());
    }
    const table = section("css-variables");
    const rows = [...table.matchAll(/^\| `(--foyer-[a-z-]+)`\s*\|\s*([^|]+?)\s*\|/gm)].map(
      (m) => [m[1]!, m[2]!.replaceAll("`", "")] as const,
    );
    expect(rows.map(([name]) => name).sort()).toEqual([...defined.keys()].sort());
    for (const [name, value] of rows) {
      if (name === "--foyer-shadow") continue; // described in words
      expect(value, name).toBe(defined.get(name));
    }
    // The brand example sets only real variables.
    const brand = blocks.find((b) => b.title === "web/brand.css")!.code;
    for (const match of brand.matchAll(/(--foyer-[a-z-]+):/g)) {
      expect(defined.has(match[1]!), match[1]).toBe(true);
    }
  });

  it("R-UI-06: the lists of classNames slots match each component's slot type", () => {
    const listed = section("slots");
    for (const [component, dir] of [
      ["InvitationsTable", "invitations-table"],
      ["BulkInviteModal", "bulk-invite-modal"],
      ["AcceptInvitePage", "accept-invite-page"],
    ] as const) {
      const source = readFileSync(
        join(root, `packages/react/src/components/${dir}/slots.ts`),
        "utf8",
      );
      const slots = [...source.matchAll(/\| "(\w+)"/g)].map((m) => m[1]);
      const item =
        new RegExp(`- \`${component}\`:([\\s\\S]*?)(?=\\n- \`|$)`).exec(listed)?.[1] ?? "";
      const documented = [...item.matchAll(/`(\w+)`/g)].map((m) => m[1]);
      expect(documented, component).toEqual(slots);
    }
  });

  it("R-SDK-03: the install lines name the published packages and exactly the peers a host provides", () => {
    const install = blocks.find((b) => b.lang === "sh")!.code;
    const named = [...install.matchAll(/pnpm add (?:-D )?([^\n]+)/g)].flatMap((m) =>
      m[1]!.trim().split(/\s+/),
    );
    const manifests = ["core", "client", "react", "server", "msw"].map(
      (dir) =>
        JSON.parse(readFileSync(join(root, `packages/${dir}/package.json`), "utf8")) as {
          name: string;
          private?: boolean;
          peerDependencies?: Record<string, string>;
        },
    );
    const published = manifests.filter((m) => !m.private).map((m) => m.name);
    const peers = new Set(
      manifests
        .filter((m) => m.name !== "@foyer/core")
        .flatMap((m) => Object.keys(m.peerDependencies ?? {}))
        // vitest is a peer only of @foyer/server/conformance, for authors of stores.
        .filter((p) => p !== "vitest"),
    );
    for (const name of named) {
      if (name.startsWith("@foyer/")) expect(published, name).toContain(name);
      else expect(peers.has(name), `${name} is not a peer of any package`).toBe(true);
    }
    expect([...peers].filter((p) => !named.includes(p))).toEqual([]);
    // The peer table explains each of them.
    for (const peer of peers) expect(guide).toContain(`| \`${peer}`);
  });
});

describe("documentation links", () => {
  it("R-SDK-03: docs and source comments point only to files that exist", () => {
    const missing: string[] = [];
    const docs = ["README.md", "CONTRIBUTING.md", "docs/embedding.md"];
    for (const doc of docs) {
      const text = readFileSync(join(root, doc), "utf8");
      for (const match of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        const target = match[1]!;
        if (/^[a-z]+:/i.test(target)) continue;
        if (!existsSync(resolve(root, dirname(doc), target))) missing.push(`${doc} -> ${target}`);
      }
    }
    // Markdown files named in comments and docs anywhere in the sources.
    const code = /\.(ts|tsx|css|mjs|js)$/;
    const sources = [
      ...docs,
      ...readdirSync(join(root, "packages")).flatMap((pkg) =>
        ["src", "web/src", "bench", "scripts"]
          .map((dir) => join(root, "packages", pkg, dir))
          .filter((dir) => existsSync(dir))
          .flatMap((dir) => listFiles(dir, code)),
      ),
      ...listFiles(join(root, "stories"), code),
      ...listFiles(join(root, "scripts"), code),
      ...listFiles(join(root, ".storybook"), code),
    ];
    for (const file of sources) {
      const text = readFileSync(resolve(root, file), "utf8");
      for (const match of text.matchAll(/(?<![\w/.-])((?:[\w-]+\/)*[A-Z][A-Za-z_-]*\.md)\b/g)) {
        const name = match[1]!;
        const candidates = [resolve(root, dirname(file), name), resolve(root, name)];
        if (!candidates.some((c) => existsSync(c))) missing.push(`${file} -> ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("README", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const part = (heading: string) => {
    const start = readme.indexOf(`\n## ${heading}\n`);
    expect(start).toBeGreaterThan(-1);
    const end = readme.indexOf("\n## ", start + 1);
    return readme.slice(start, end === -1 ? undefined : end);
  };
  const addresses = (text: string) =>
    new Set([...text.matchAll(/[\w.+-]+@[\w-]+\.example/g)].map((m) => m[0]));

  it("R-SDK-03: links the embedding guide and says what the password hash must be checked with", () => {
    expect(readme).toContain("](docs/embedding.md)");
    expect(part("Mount Foyer in your Express app")).toContain(
      "passwordHasher.verify(password, hash)",
    );
  });

  it("R-INV-12: the curl walkthrough invites an address the browser walkthrough does not, so either order works", () => {
    const seeded = new Set(
      [...part("Seeded sign-ins").matchAll(/`([\w.+-]+@[\w-]+\.example)`/g)].map((m) => m[1]),
    );
    const browser = [...addresses(part("Walkthrough in the browser"))].filter(
      (a) => !seeded.has(a),
    );
    const curl = [...addresses(part("Walkthrough with curl"))].filter((a) => !seeded.has(a));
    expect(browser.length).toBeGreaterThan(0);
    expect(curl.length).toBeGreaterThan(0);
    expect(curl.filter((a) => browser.includes(a))).toEqual([]);
  });
});

/** The text between `<!-- name:start -->` and `<!-- name:end -->` of the guide. */
function section(name: string): string {
  const start = guide.indexOf(`<!-- ${name}:start -->`);
  const end = guide.indexOf(`<!-- ${name}:end -->`);
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return guide.slice(start, end);
}

/** Files below `dir` matching `pattern`, relative to the repository, without dependencies or builds. */
function listFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter(
      (f) =>
        pattern.test(f) &&
        !/(^|\/)(node_modules|dist|\.guide-check-[^/]+|storybook-static)\//.test(f),
    )
    .map((f) => relative(root, join(dir, f)));
}
