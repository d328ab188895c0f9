// The browser every Chromium run in this repository launches: Debian's (tools that download
// their own browser fail on this machine), or CHROMIUM_PATH, with the same headless flags.
// Used by the stories (vitest.storybook.config.ts), the reference app's end-to-end test, the
// table bench and the screenshot script.

/** Path of the Chromium binary: `CHROMIUM_PATH`, else Debian's. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Headless, no sandbox, no GPU, and nothing that reaches the network on its own. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
