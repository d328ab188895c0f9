#!/usr/bin/env node
// `node scripts/screenshots.mjs`: PNGs of each component in light, dark, German and an error
// state, taken in Debian's Chromium from the built Storybook (run `pnpm build-storybook`
// first) into docs/screenshots/. Each story is loaded on its own page and captured after its
// play function (and the a11y check) finished.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "./chromium.mjs";
import { serveStatic } from "./static-server.mjs";

const root = join(import.meta.dirname, "..");
const staticDir = join(root, "storybook-static");
const outDir = join(root, "docs/screenshots");

/**
 * How each component is framed: the viewport, the element the PNG is cropped to, and a margin
 * of the surrounding page kept around it.
 * - table: padded layout; the story root plus the body's 16px padding, so borders don't touch
 *   the edge of the image.
 * - wide: a table story framed at 1440px (History with long addresses), in a window to fit it.
 * - narrow: a table story framed at 390px, a phone's width.
 * - modal: the Radix dialog's panel with some of the scrim around it; the viewport is tall
 *   enough (the CSV preview is ~970px) that the dialog's body doesn't scroll and cut off the
 *   message field.
 * - page: fullscreen layout; the whole page component, taken from the full (scrollable) page so
 *   the submit button isn't cut off, in a narrower window so the 420px card isn't lost in grey.
 */
const FRAMES = {
  table: { viewport: { width: 1280, height: 800 }, selector: "#storybook-root", margin: 16 },
  wide: { viewport: { width: 1500, height: 700 }, selector: "#storybook-root", margin: 16 },
  narrow: { viewport: { width: 422, height: 900 }, selector: "#storybook-root", margin: 16 },
  modal: { viewport: { width: 1280, height: 1100 }, selector: ".foyer-dialog", margin: 32 },
  page: { viewport: { width: 800, height: 1000 }, selector: "#storybook-root", margin: 0 },
};

/** [file name, story id, frame] */
const SHOTS = [
  ["invitations-table-light", "components-invitationstable--pending", "table"],
  ["invitations-table-dark", "components-invitationstable--dark", "table"],
  ["invitations-table-de", "components-invitationstable--german", "table"],
  ["invitations-table-error", "components-invitationstable--error-state", "table"],
  ["invitations-table-empty", "components-invitationstable--empty", "table"],
  ["invitations-table-loading", "components-invitationstable--loading", "table"],
  ["invitations-table-all-tenants", "components-invitationstable--all-tenants", "table"],
  ["invitations-table-all-tenants-dark", "components-invitationstable--all-tenants-dark", "table"],
  ["invitations-table-all-tenants-de", "components-invitationstable--all-tenants-german", "table"],
  ["invitations-table-history", "components-invitationstable--history-long-addresses", "wide"],
  [
    "invitations-table-history-dark",
    "components-invitationstable--history-long-addresses-dark",
    "wide",
  ],
  [
    "invitations-table-history-de",
    "components-invitationstable--history-long-addresses-german",
    "wide",
  ],
  ["invitations-table-narrow", "components-invitationstable--narrow-container", "narrow"],
  ["invitations-table-narrow-dark", "components-invitationstable--narrow-container-dark", "narrow"],
  ["invitations-table-narrow-de", "components-invitationstable--narrow-container-german", "narrow"],
  ["bulk-invite-modal-light", "components-bulkinvitemodal--chips", "modal"],
  ["bulk-invite-modal-dark", "components-bulkinvitemodal--dark", "modal"],
  ["bulk-invite-modal-de", "components-bulkinvitemodal--german", "modal"],
  ["bulk-invite-modal-error", "components-bulkinvitemodal--seat-limit-reached", "modal"],
  ["bulk-invite-modal-results", "components-bulkinvitemodal--results-summary", "modal"],
  ["bulk-invite-modal-csv", "components-bulkinvitemodal--csv-preview", "modal"],
  ["bulk-invite-modal-checked", "components-bulkinvitemodal--checked-before-sending", "modal"],
  ["bulk-invite-modal-discard", "components-bulkinvitemodal--discard-question", "modal"],
  ["accept-invite-page-light", "components-acceptinvitepage--valid-token", "page"],
  ["accept-invite-page-dark", "components-acceptinvitepage--dark", "page"],
  ["accept-invite-page-de", "components-acceptinvitepage--german", "page"],
  ["accept-invite-page-error", "components-acceptinvitepage--expired", "page"],
  ["accept-invite-page-invalid", "components-acceptinvitepage--invalid", "page"],
  ["accept-invite-page-weak-password", "components-acceptinvitepage--weak-password", "page"],
  ["accept-invite-page-sso", "components-acceptinvitepage--sso-tenant", "page"],
  ["accept-invite-page-sso-wrong-account", "components-acceptinvitepage--sso-wrong-account", "page"],
  ["invite-link-dialog-light", "components-invitelinkdialog--enabled", "modal"],
  ["invite-link-dialog-dark", "components-invitelinkdialog--dark", "modal"],
  ["invite-link-dialog-de", "components-invitelinkdialog--german", "modal"],
  ["invite-link-dialog-sso", "components-invitelinkdialog--sso-tenant", "modal"],
  [
    "invite-link-dialog-regenerate",
    "components-invitelinkdialog--regenerate-with-confirmation",
    "modal",
  ],
  ["join-page-light", "components-joinpage--form", "page"],
  ["join-page-provider", "components-joinpage--continue-with-provider", "page"],
  ["join-page-dark", "components-joinpage--dark", "page"],
  ["join-page-de", "components-joinpage--german", "page"],
  ["join-page-invalid", "components-joinpage--invalid-link", "page"],
  ["verify-email-page-verified", "components-verifyemailpage--verified", "page"],
  ["verify-email-page-invalid", "components-verifyemailpage--invalid-link", "page"],
];

/** `node scripts/screenshots.mjs join-page accept-invite-page-sso`: only the shots so named. */
const only = process.argv.slice(2);
const shots =
  only.length === 0 ? SHOTS : SHOTS.filter(([name]) => only.some((start) => name.startsWith(start)));

/**
 * The frame's element plus its margin, in page coordinates (a full-page screenshot's clip), or
 * undefined (the whole page) when nothing matches.
 * @param {import("playwright-core").Page} page
 * @param {(typeof FRAMES)[keyof typeof FRAMES]} frame
 */
async function cropTo(page, frame) {
  const box = await page.locator(frame.selector).first().boundingBox();
  if (!box) return undefined;
  const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
  const x = Math.max(0, Math.floor(box.x + scroll.x - frame.margin));
  const y = Math.max(0, Math.floor(box.y + scroll.y - frame.margin));
  return {
    x,
    y,
    width: Math.ceil(box.x + scroll.x + box.width + frame.margin) - x,
    height: Math.ceil(box.y + scroll.y + box.height + frame.margin) - y,
  };
}

if (!existsSync(join(staticDir, "iframe.html"))) {
  console.error("No storybook-static: run `pnpm build-storybook` first.");
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });

const server = await serveStatic(staticDir);
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: CHROMIUM_ARGS,
  headless: true,
});
const problems = [];
try {
  for (const [name, id, frameName] of shots) {
    const frame = FRAMES[frameName];
    // A fresh context per story: its own service worker registration and storage.
    const context = await browser.newContext({ viewport: frame.viewport, reducedMotion: "reduce" });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${server.url}/iframe.html?id=${id}&viewMode=story`);
    const phase = await page
      .waitForFunction(
        () => {
          // Storybook 10's last phase is "finished" (after afterEach, where the a11y check
          // runs); "completed" is only passed through on the way there.
          const render = window.__STORYBOOK_PREVIEW__?.currentRender;
          const current = render?.phase;
          return ["finished", "errored", "aborted"].includes(current) ? current : false;
        },
        undefined,
        { timeout: 20_000 },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => "timeout");
    // Let fades and the focus ring settle.
    await page.waitForTimeout(250);
    const file = join(outDir, `${name}.png`);
    const clip = await cropTo(page, frame);
    if (!clip) errors.push(`nothing matches ${frame.selector}`);
    await page.screenshot({ path: file, fullPage: true, clip, animations: "disabled" });
    const status =
      phase === "finished" && errors.length === 0 ? "ok" : `${phase} ${errors.join("; ")}`;
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
console.log(`\n${shots.length} screenshots in docs/screenshots; ${problems.length} with problems`);
process.exit(problems.length === 0 ? 0 : 1);
