import { mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { createScryptHasher } from "@foyer/server/node";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CHROMIUM_ARGS, chromiumPath } from "../../../scripts/chromium.mjs";
import { SEEDED_SIGN_INS } from "./seed.ts";
import { call, type RunningApp, signIn, startApp } from "./test-kit.ts";
import { findUserByEmail } from "./users.ts";

// Identity providers in a real Chromium against the reference app with Dev SSO: Globex (the
// tenant with SSO) invites someone, who accepts with "Accept with Dev SSO" only, first with
// the wrong account (refused, back on the page with why), then with the invited one (signed
// in). And a join through Acme's link with an address the provider did not verify lands on
// "Check your email". Each page is checked with axe and photographed at 390 and 1920 px.

const OUT = fileURLToPath(new URL("../test-output/sso/", import.meta.url));
const morgan = SEEDED_SIGN_INS.find((s) => s.roleId === "msp_admin")!;

let running: RunningApp;
let browser: Browser;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  [running, browser] = await Promise.all([
    startApp({
      inMemory: true,
      seed: true,
      devOidc: true,
      passwordHasher: createScryptHasher({ N: 2 ** 14 }),
      webDir: inject("foyerWebDir"),
    }),
    chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

/** Axe finds nothing, and the page is photographed at its full height. */
async function check(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(violations, `axe on ${name}`).toEqual([]);
  await page.screenshot({ path: `${OUT}${name}.png`, fullPage: true });
}

/** Signs in at the development provider's login form as `email`. */
async function providerLogin(page: Page, email: string): Promise<void> {
  await page.waitForURL((url) => url.pathname.startsWith("/dev/oidc/"));
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("anything");
  await page.locator('button[type="submit"]').click();
}

/** A link-delivered invitation from the MSP admin; answers its token. */
async function inviteByLink(tenantId: string, email: string): Promise<string> {
  const cookie = await signIn(running.baseUrl, morgan.email, morgan.password);
  const created = await call<{ created: Array<{ link: string }> }>(
    running.baseUrl,
    "POST",
    "/api/foyer/invitations",
    { cookie, body: { tenantId, emails: [email], roleId: "client_user", delivery: "link" } },
  );
  expect(created.status).toBe(200);
  return new URL(created.body.created[0]?.link ?? "").hash.replace(/^#token=/, "");
}

describe("identity providers in the browser", () => {
  for (const width of [390, 1920]) {
    it(`R-INV-12 R-UI-04: Globex's invitee accepts with Dev SSO only, the wrong account refused (${width} px)`, async () => {
      const email = `sso.${width}@globex.example`;
      const token = await inviteByLink("globex", email);
      const context = await browser.newContext({
        baseURL: running.baseUrl,
        viewport: { width, height: 900 },
      });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(error.message));
      await page.goto(`/accept-invite#token=${token}`);
      await page.getByRole("heading", { name: "You're invited to join Globex" }).waitFor();
      const button = page.getByRole("button", { name: "Accept with Dev SSO" });
      await button.waitFor();
      expect(await page.getByLabel("Password", { exact: true }).count()).toBe(0);
      await check(page, `${width}-01-sso-invitation`);

      await button.click();
      await providerLogin(page, "someone.else@globex.example");
      await page.waitForURL((url) => url.pathname === "/accept-invite");
      await page
        .getByRole("alert")
        .getByText("The account you signed in with is not the address this invitation was sent to.")
        .waitFor();
      await check(page, `${width}-02-wrong-account`);

      // Dev SSO asks again (prompt=login), so the invitee can be the right account.
      await page.getByRole("button", { name: "Accept with Dev SSO" }).click();
      await providerLogin(page, email);
      await page.waitForURL((url) => url.pathname === "/");
      await page.getByText(email).first().waitFor();
      await check(page, `${width}-03-signed-in`);
      expect(await findUserByEmail(running.reference.db, email)).toMatchObject({
        tenant_id: "globex",
        email_verified: true,
        password_hash: null,
      });
      expect(problems).toEqual([]);
      await context.close();
    }, 90_000);
  }

  it("R-LNK-06: an account made through Dev SSO signs in again with it on /login; a stranger is told there is no account", async () => {
    const email = "sso.again@globex.example";
    const token = await inviteByLink("globex", email);
    const context = await browser.newContext({ baseURL: running.baseUrl });
    const page = await context.newPage();
    await page.goto(`/accept-invite#token=${token}`);
    await page.getByRole("button", { name: "Accept with Dev SSO" }).click();
    await providerLogin(page, email);
    await page.waitForURL((url) => url.pathname === "/");
    await context.clearCookies();

    await page.goto("/login?next=/");
    await page.getByRole("link", { name: "Sign in with Dev SSO" }).click();
    await providerLogin(page, "nobody.here@globex.example");
    await page.waitForURL((url) => url.pathname === "/login");
    await page
      .getByRole("alert")
      .getByText("No account here was created with that sign-in.")
      .waitFor();
    await check(page, "sign-in-no-account");

    await page.getByRole("link", { name: "Sign in with Dev SSO" }).click();
    await providerLogin(page, email);
    // Back on the sign-in page after the refusal, the default next page is the Team page.
    await page.waitForURL((url) => url.pathname === "/admin");
    const me = await page.evaluate(() => fetch("/me").then((r) => r.json()));
    expect(me).toMatchObject({ user: { email } });
    await check(page, "signed-in-again");
    await context.close();
  }, 90_000);
});
