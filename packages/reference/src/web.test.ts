import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createScryptHasher } from "@foyer/server/node";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { localInviteLink } from "./mailbox-page.ts";
import { SEEDED_SIGN_INS } from "./seed.ts";
import { type RunningApp, signIn, startApp } from "./test-kit.ts";

// The demo host app's pages over HTTP: what the server answers for /admin, /accept-invite and
// /login, their headers, and the assets they load. The browser side is in demo.e2e.test.ts.

const alex = SEEDED_SIGN_INS.find((s) => s.email === "alex@acme.example")!;
let running: RunningApp;

beforeAll(async () => {
  running = await startApp({
    inMemory: true,
    seed: true,
    passwordHasher: createScryptHasher({ N: 2 ** 14 }),
    webDir: inject("foyerWebDir"),
  });
});

afterAll(async () => {
  await running?.stop();
});

const get = (path: string, cookie?: string) =>
  fetch(`${running.baseUrl}${path}`, {
    redirect: "manual",
    headers: { accept: "text/html", ...(cookie ? { cookie } : {}) },
  });

/** Every `<script>` of a page loads a file (no inline code), and each file is served. */
async function expectScriptsAreFiles(html: string): Promise<void> {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(body?.trim()).toBe("");
    const src = /\bsrc="([^"]+)"/.exec(attributes ?? "")?.[1];
    expect(src).toMatch(/^\/assets\/.+\.js$/);
    const asset = await fetch(`${running.baseUrl}${src}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toContain("javascript");
    expect(asset.headers.get("cache-control")).toContain("immutable");
  }
  expect(html).not.toMatch(/\son[a-z]+=/i);
}

function expectPageHeaders(answer: Response): void {
  expect(answer.status).toBe(200);
  expect(answer.headers.get("content-type")).toContain("text/html");
  expect(answer.headers.get("cache-control")).toBe("no-store");
  const csp = answer.headers.get("content-security-policy") ?? "";
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-inline");
  expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
}

describe("demo pages", () => {
  it("R-UI-04: GET /accept-invite answers the invitee page with Referrer-Policy: no-referrer and no inline script", async () => {
    const answer = await get("/accept-invite");
    expectPageHeaders(answer);
    expect(answer.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await answer.text();
    expect(html).toContain('<div id="root"></div>');
    expect(html).toContain('<meta name="referrer" content="no-referrer"');
    await expectScriptsAreFiles(html);
  });

  it("R-LNK-06 / R-LNK-09: GET /join and /verify-email answer their pages like the invitee page", async () => {
    for (const path of ["/join", "/verify-email"]) {
      const answer = await get(path);
      expectPageHeaders(answer);
      expect(answer.headers.get("referrer-policy")).toBe("no-referrer");
      const html = await answer.text();
      expect(html).toContain('<div id="root"></div>');
      await expectScriptsAreFiles(html);
    }
  });

  it("R-LNK-06: the join page's terms and privacy links lead to pages", async () => {
    for (const [path, title] of [
      ["/terms", "Terms of Service"],
      ["/privacy", "Privacy Policy"],
    ] as const) {
      const answer = await get(path);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(await answer.text()).toContain(`<h1>${title}</h1>`);
    }
  });

  it("R-UI-01: /admin sends a signed-out visitor to /login with the way back, and a forged cookie too", async () => {
    const plain = await get("/admin");
    expect(plain.status).toBe(302);
    expect(plain.headers.get("location")).toBe("/login?next=%2Fadmin");

    const withQuery = await get("/admin?tenant=acme");
    expect(withQuery.headers.get("location")).toBe(
      `/login?next=${encodeURIComponent("/admin?tenant=acme")}`,
    );

    const forged = await get("/admin", "foyer_ref_session=s%3Anope.nope");
    expect(forged.status).toBe(302);
    expect(forged.headers.get("location")).toBe("/login?next=%2Fadmin");
  });

  it("R-UI-01, R-UI-02: /admin serves the admin page to a signed-in user", async () => {
    const cookie = await signIn(running.baseUrl, alex.email, alex.password);
    const answer = await get("/admin", cookie);
    expectPageHeaders(answer);
    const html = await answer.text();
    expect(html).toContain("<title>Team invitations");
    await expectScriptsAreFiles(html);
  });

  it("GET /login serves the sign-in form, which posts by script to the same origin", async () => {
    const answer = await get("/login?next=%2Fadmin");
    expectPageHeaders(answer);
    const html = await answer.text();
    expect(html).toContain('id="sign-in"');
    expect(html).toContain('autocomplete="current-password"');
    await expectScriptsAreFiles(html);
  });

  it("unknown assets are 404s in the error shape", async () => {
    const answer = await fetch(`${running.baseUrl}/assets/nope.js`);
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it("the home page greets the signed-in user and links the admin page", async () => {
    const signedOut = await (await get("/")).text();
    expect(signedOut).toContain('href="/admin"');
    expect(signedOut).not.toContain("Signed in as");
    const cookie = await signIn(running.baseUrl, alex.email, alex.password);
    const signedIn = await (await get("/", cookie)).text();
    expect(signedIn).toContain("Signed in as <strong>Alex");
    expect(signedIn).toContain("Acme Corp");
  });

  it("R-EML-03: the dev mailbox is a page in a browser, offering invitation links on this server", async () => {
    await running.reference.foyer.dispatcher.runOnce();
    const answer = await get("/dev/mailbox");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toContain("text/html");
    expect(answer.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await answer.text();
    expect(html).toContain("Development mailbox");
    expect(html).toMatch(/href="\/accept-invite#token=[^"]+">Open on this server/);
    // Programs still get JSON.
    const json = await fetch(`${running.baseUrl}/dev/mailbox`);
    expect(json.headers.get("content-type")).toContain("application/json");
  });

  it("localInviteLink keeps only the path and fragment of invitation links", () => {
    expect(localInviteLink("https://acme.example.com/accept-invite#token=abc")).toBe(
      "/accept-invite#token=abc",
    );
    expect(localInviteLink("https://acme.example.com/verify-email#token=k1.x")).toBe(
      "/verify-email#token=k1.x",
    );
    expect(localInviteLink("https://acme.example.com/join#token=k1.y")).toBe("/join#token=k1.y");
    expect(localInviteLink("https://acme.example.com/other#token=abc")).toBeNull();
    expect(localInviteLink("not a url")).toBeNull();
  });
});

describe("demo pages without a build", () => {
  it("answer 503 saying how to build them", async () => {
    const empty = await mkdtemp(join(tmpdir(), "foyer-no-web-"));
    const bare = await startApp({ inMemory: true, webDir: empty });
    try {
      const answer = await fetch(`${bare.baseUrl}/accept-invite`);
      expect(answer.status).toBe(503);
      expect(await answer.text()).toContain("pnpm start");
    } finally {
      await bare.stop();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
