import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, chromiumPath } from "../../../scripts/chromium.mjs";
import { type RunningApp, startApp } from "./test-kit.ts";

// R-SDK-05: the API reference at /api-docs renders /openapi.json in Chromium from files the
// app serves itself (swagger-ui-dist), with nothing fetched from another host.

let running: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [running, browser] = await Promise.all([
    startApp({ inMemory: true }),
    chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describe("API reference", () => {
  it("R-SDK-05: /api-docs renders every route of /openapi.json offline, under its CSP, linked from the home page", async () => {
    const home = await fetch(`${running.baseUrl}/`);
    expect(await home.text()).toContain('href="/api-docs"');

    const context = await browser.newContext({ baseURL: running.baseUrl });
    const page = await context.newPage();
    const problems: string[] = [];
    const elsewhere: string[] = [];
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith("http") && url.origin !== running.baseUrl) {
        elsewhere.push(request.url());
      }
    });
    const answer = await page.goto("/api-docs");
    expect(answer?.status()).toBe(200);
    expect(answer?.headers()["content-security-policy"]).toContain("script-src 'self'");

    const document = (await (await fetch(`${running.baseUrl}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { summary?: string }>>;
    };
    await page.locator(".opblock").first().waitFor();
    const shown = await page.locator(".opblock-summary-path").allTextContents();
    const paths = Object.keys(document.paths);
    expect(paths.length).toBeGreaterThan(5);
    for (const path of paths) {
      expect(
        shown.map((p) => p.replace(/\u200b/g, "")),
        path,
      ).toContain(path);
    }
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("R-SDK-05: only the renderer's own files are served from the package", async () => {
    const css = await fetch(`${running.baseUrl}/api-docs/assets/swagger-ui.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toContain("text/css");
    for (const file of ["package.json", "index.js", "constructor", "..%2Fpackage.json"]) {
      const answer = await fetch(`${running.baseUrl}/api-docs/assets/${file}`);
      expect(answer.status, file).toBe(404);
    }
  });
});
