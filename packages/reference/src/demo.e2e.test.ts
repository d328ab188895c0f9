import { createScryptHasher } from "@foyer/server/node";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CHROMIUM_ARGS, chromiumPath } from "../../../scripts/chromium.mjs";
import { localInviteLink } from "./mailbox-page.ts";
import { SEEDED_SIGN_INS } from "./seed.ts";
import { type MailboxEntry, type RunningApp, startApp } from "./test-kit.ts";

// The demo host app in a real Chromium: an admin signs in, invites someone with the modal, the
// invitee opens the emailed link, accepts, and lands signed in. Nothing is mocked: the built
// pages, the Express app, Foyer and an in-memory PGlite database.

const morgan = SEEDED_SIGN_INS.find((s) => s.roleId === "msp_admin")!;

let running: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [running, browser] = await Promise.all([
    startApp({
      inMemory: true,
      seed: true,
      passwordHasher: createScryptHasher({ N: 2 ** 14 }),
      webDir: inject("foyerWebDir"),
    }),
    chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS }),
  ]);
  // Deliver the seed's emails now, so the mailbox holds only what the test sends next.
  await running.reference.foyer.dispatcher.runOnce();
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

/** Problems the page reports: script errors and Content-Security-Policy violations. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(`csp: ${message.text()}`);
    }
  });
  return problems;
}

/** Delivers queued email and answers the invitation link sent to `to`. */
async function invitationLinkTo(to: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    await running.reference.foyer.dispatcher.runOnce();
    const answer = await fetch(`${running.baseUrl}/dev/mailbox`);
    const messages = (await answer.json()) as MailboxEntry[];
    const link = messages
      .find((m) => m.to === to)
      ?.links.find((l) => l.includes("/accept-invite#token="));
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No invitation email to ${to}`);
}

describe("demo host app in Chromium", () => {
  it("R-UI-02, R-UI-04, R-INV-12: an admin invites with the modal, the invitee accepts from the emailed link and lands signed in", async () => {
    const context = await browser.newContext({ baseURL: running.baseUrl });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const invitee = "nora.quinn@acme.example";

    // Signed out, /admin sends the admin to the sign-in page and back.
    await page.goto("/admin");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/admin");
    await page.getByLabel("Email").fill(morgan.email);
    await page.getByLabel("Password").fill(morgan.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/admin");

    // The organisation picker lists the tenants of the context; the table follows the choice.
    const picker = page.getByLabel("Organisation");
    await expect.poll(() => picker.locator("option").allTextContents()).toContain("Acme Corp");
    await picker.selectOption("acme");
    expect(new URL(page.url()).searchParams.get("tenant")).toBe("acme");
    await page.getByText("jordan.lee@acme.example").waitFor();

    // Invite with the modal.
    await page.getByRole("button", { name: "Invite users" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Invite users" });
    await dialog.waitFor();
    await dialog.getByRole("textbox", { name: "Email addresses" }).fill(invitee);
    await dialog.getByRole("textbox", { name: "Email addresses" }).press("Enter");
    await dialog.getByRole("button", { name: /^Send 1 invitation/ }).click();
    await dialog
      .getByRole("region", { name: "Results" })
      .getByText("1 invited · 0 skipped")
      .waitFor();
    await dialog.getByRole("button", { name: "Done" }).click();
    await dialog.waitFor({ state: "hidden" });
    // The table shows the new pending invitation.
    await page.getByText(invitee).waitFor();

    // The invitee opens the link from the email (Acme's links carry its own invite base
    // URL; the same path and fragment on this server) in a browser of their own.
    const link = await invitationLinkTo(invitee);
    expect(link.startsWith("https://acme.example.com/accept-invite#token=")).toBe(true);
    const inviteeContext = await browser.newContext({ baseURL: running.baseUrl });
    const inviteePage = await inviteeContext.newPage();
    problems.push(...watchProblems(inviteePage));
    const acceptAnswer = await inviteePage.goto(localInviteLink(link)!);
    expect(acceptAnswer?.headers()["referrer-policy"]).toBe("no-referrer");
    await inviteePage.getByRole("heading", { name: "You're invited to join Acme Corp" }).waitFor();
    // The token left the address bar (and the history entry) once read.
    expect(inviteePage.url()).toBe(`${running.baseUrl}/accept-invite`);
    await expect
      .poll(() => inviteePage.getByLabel("Email", { exact: true }).inputValue())
      .toBe(invitee);

    await inviteePage.getByLabel("First name").fill("Nora");
    await inviteePage.getByLabel("Last name").fill("Quinn");
    await inviteePage.getByLabel("Password", { exact: true }).fill("Violet-Harbor-73!");
    await inviteePage.getByLabel("Confirm password").fill("Violet-Harbor-73!");
    await inviteePage.getByRole("button", { name: "Accept & create account" }).click();

    // Accepting signed the invitee in; the app's home page greets them.
    await inviteePage.waitForURL(`${running.baseUrl}/`);
    await inviteePage.getByText("Signed in as Nora Quinn").waitFor();
    const me = await inviteeContext.request.get("/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({
      user: { email: invitee, tenantId: "acme", roleId: "client_user", name: "Nora Quinn" },
    });

    // Back on the admin page, the invitation moved to History as accepted.
    await page.getByRole("tab", { name: /History/ }).click();
    await page
      .getByRole("row", { name: new RegExp(invitee) })
      .getByText("Accepted", { exact: true })
      .waitFor();

    expect(problems).toEqual([]);
    await inviteeContext.close();
    await context.close();
  });

  it("R-SEC-02: after signing in, /login?next=/.//127.0.0.1:3999/phish and its variants stay on the app", async () => {
    const context = await browser.newContext({ baseURL: running.baseUrl });
    const page = await context.newPage();
    const problems = watchProblems(page);
    // Every document the page navigates to, wherever it points.
    const visited: string[] = [];
    page.on("request", (request) => {
      if (request.isNavigationRequest()) visited.push(request.url());
    });
    const nexts = [
      "/.//127.0.0.1:3999/phish",
      "/..//127.0.0.1:3999/phish",
      "/./%5C127.0.0.1:3999/phish",
      "%2F%2F127.0.0.1:3999/phish",
      "/%09/127.0.0.1:3999/phish",
      "https:127.0.0.1:3999/phish",
    ];
    for (const next of nexts) {
      await context.clearCookies();
      await page.goto(`/login?next=${next}`);
      await page.getByLabel("Email").fill(morgan.email);
      await page.getByLabel("Password").fill(morgan.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname !== "/login", { waitUntil: "commit" });
      expect(new URL(page.url()).origin, next).toBe(running.baseUrl);
    }
    expect(visited.filter((url) => new URL(url).origin !== running.baseUrl)).toEqual([]);

    // R-SEC-01: the page's own sign-out (a same-origin JSON POST) still ends the session.
    await page.goto("/admin");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    expect((await context.request.get("/me")).status()).toBe(401);
    expect(problems).toEqual([]);
    await context.close();
  });
});
