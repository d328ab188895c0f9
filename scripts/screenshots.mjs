#!/usr/bin/env node
// `node scripts/screenshots.mjs`: PNGs of each component in light, dark, German and an error
// state, taken in Debian's Chromium from the built Storybook (run `pnpm build-storybook`
// first) into docs/screenshots/. Each story is loaded on its own page and captured after its
// play function (and the a11y check) finished.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serveStatic } from "./static-server.mjs";

const root = join(import.meta.dirname, "..");
const staticDir = join(root, "storybook-static");
const outDir = join(root, "docs/screenshots");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** [file name, story id, crop] — crop "root" captures only the story's content. */
const SHOTS = [
  ["invitations-table-light", "components-invitationstable--pending", "root"],
  ["invitations-table-dark", "components-invitationstable--dark", "root"],
  ["invitations-table-de", "components-invitationstable--german", "root"],
  ["invitations-table-error", "components-invitationstable--error-state", "root"],
  ["invitations-table-empty", "components-invitationstable--empty", "root"],
  ["invitations-table-loading", "components-invitationstable--loading", "root"],
  ["bulk-invite-modal-light", "components-bulkinvitemodal--chips", "page"],
  ["bulk-invite-modal-dark", "components-bulkinvitemodal--dark", "page"],
  ["bulk-invite-modal-de", "components-bulkinvitemodal--german", "page"],
  ["bulk-invite-modal-error", "components-bulkinvitemodal--seat-limit-reached", "page"],
  ["bulk-invite-modal-results", "components-bulkinvitemodal--results-summary", "page"],
  ["bulk-invite-modal-csv", "components-bulkinvitemodal--csv-preview", "page"],
  ["accept-invite-page-light", "components-acceptinvitepage--valid-token", "page"],
  ["accept-invite-page-dark", "components-acceptinvitepage--dark", "page"],
  ["accept-invite-page-de", "components-acceptinvitepage--german", "page"],
  ["accept-invite-page-error", "components-acceptinvitepage--expired", "page"],
  ["accept-invite-page-weak-password", "components-acceptinvitepage--weak-password", "page"],
];

if (!existsSync(join(staticDir, "iframe.html"))) {
  console.error("No storybook-static: run `pnpm build-storybook` first.");
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });

const server = await serveStatic(staticDir);
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
const problems = [];
try {
  for (const [name, id, crop] of SHOTS) {
    // A fresh context per story: its own service worker registration and storage.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: "reduce",
    });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${server.url}/iframe.html?id=${id}&viewMode=story`);
    const phase = await page
      .waitForFunction(
        () => {
          const render = window.__STORYBOOK_PREVIEW__?.currentRender;
          const current = render?.phase;
          return ["completed", "errored", "aborted"].includes(current) ? current : false;
        },
        undefined,
        { timeout: 20_000 },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => "timeout");
    // Let fades and the focus ring settle.
    await page.waitForTimeout(250);
    const file = join(outDir, `${name}.png`);
    const target = crop === "root" ? page.locator("#storybook-root") : page;
    await target.screenshot({ path: file, animations: "disabled" });
    const status =
      phase === "completed" && errors.length === 0 ? "ok" : `${phase} ${errors.join("; ")}`;
    if (status !== "ok") problems.push(`${name}: ${status}`);
    console.log(
      `${status === "ok" ? "ok  " : "WARN"} ${name}.png  (${id}) ${status === "ok" ? "" : status}`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`\n${SHOTS.length} screenshots in docs/screenshots; ${problems.length} with problems`);
process.exit(problems.length === 0 ? 0 : 1);
