import { mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { createFoyer } from "@foyer/server";
import { createScryptHasher } from "@foyer/server/node";
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CHROMIUM_ARGS, chromiumPath } from "../../../scripts/chromium.mjs";
import { SEEDED_SIGN_INS, type SeededSignIn } from "./seed.ts";
import { type RunningApp, startApp } from "./test-kit.ts";
import { findUserByEmail } from "./users.ts";

// Each seed system's documented steps, followed through the reference app's pages in
// Debian's Chromium: sign-in, the team page, the invite dialog, the development mailbox, the
// invitee's page. No API shortcuts: what a person does, the test does with the mouse or the
// keyboard; the API is called only where a seed documents an API call, or to check that it
// refuses. Every page visited is checked with axe, and each step leaves a screenshot in
// packages/reference/test-output/seeds/<seed>/ (gitignored).

const OUT = fileURLToPath(new URL("../test-output/seeds/", import.meta.url));
const PASSWORD = "Harbor-Lantern-42!";

const who = (email: string) => SEEDED_SIGN_INS.find((s) => s.email === email)!;
const sam = who("sam@securelink.example");
const alex = who("alex@acme.example");
const morgan = who("morgan@northwind.example");
const gina = who("gina@globex.example");
const grace = who("grace@guardian.example");

/** A Guardian Pro invitation that expired before the tests started (see beforeAll). */
const GUARDIAN_EXPIRED = "old.hire@guardian.example";

let running: RunningApp;
let browser: Browser;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  [running, browser] = await Promise.all([
    startApp({
      inMemory: true,
      seed: true,
      passwordHasher: createScryptHasher({ N: 2 ** 14 }),
      webDir: inject("foyerWebDir"),
    }),
    chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS }),
  ]);
  // Emails go out as they would with `pnpm start`: the dispatcher runs in the background.
  running.reference.foyer.dispatcher.start(100);
  // Guardian Pro's history needs an expired invitation, as the seed gives Acme one: sent by
  // Grace ten days ago with a 7-day window (a Foyer over the same store, its clock set back).
  const graceUser = await findUserByEmail(running.reference.db, grace.email);
  const past = createFoyer({
    store: running.reference.foyer.store,
    hooks: {
      authenticate: () => null,
      createAccount: () => Promise.reject(new Error("No accounts from the backdated Foyer.")),
    },
    publicBaseUrl: running.baseUrl,
    passwordHasher: createScryptHasher({ N: 2 ** 14 }),
    tokenSecrets: "a-secret-of-the-backdated-foyer-only-0123",
    mailer: { send: async () => {} },
    now: () => new Date(Date.now() - 10 * 24 * 3_600_000),
  });
  await past.services.createInvitations(
    {
      id: graceUser!.id,
      email: grace.email,
      name: "Grace Lindqvist",
      tenantId: grace.tenantId,
      roleId: grace.roleId,
    },
    {
      tenantId: grace.tenantId,
      emails: [GUARDIAN_EXPIRED],
      roleId: "guardian_standard",
      expiresIn: "7d",
    },
  );
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Lets `ms` pass for one invitation only: its created, sent and expiry times move back
 * together (its window stays the one it was given), as if it had been sent that much
 * earlier. The rest of the app keeps the real time: moving the app's clock would let every
 * seeded invitation expire under the other walks. Answers the window after the move.
 */
async function ageInvitation(
  admin: SeededSignIn,
  email: string,
  ms: number,
): Promise<{ sentAt: number; expiresAt: number }> {
  const { foyer, db } = running.reference;
  const user = await findUserByEmail(db, admin.email);
  if (!user) throw new Error(`No user ${admin.email}`);
  const actor = {
    id: user.id,
    email: admin.email,
    name: null,
    tenantId: admin.tenantId,
    roleId: admin.roleId,
  };
  const page = await foyer.services.listInvitations(actor, {
    tenantId: admin.tenantId,
    q: email,
    status: "all",
  });
  const found = page.items.find((item) => item.email === email);
  if (!found) throw new Error(`No invitation to ${email}`);
  const row = await foyer.store.getInvitation(found.id);
  if (!row) throw new Error(`Invitation ${found.id} is not stored`);
  const back = (at: Date) => new Date(at.getTime() - ms);
  await foyer.store.updateInvitation(row.id, {
    createdAt: back(row.createdAt),
    sentAt: back(row.sentAt),
    expiresAt: back(row.expiresAt),
    ...(row.deliveryUpdatedAt ? { deliveryUpdatedAt: back(row.deliveryUpdatedAt) } : {}),
    ...(row.deliveryLastAttemptAt
      ? { deliveryLastAttemptAt: back(row.deliveryLastAttemptAt) }
      : {}),
  });
  return { sentAt: back(row.sentAt).getTime(), expiresAt: back(row.expiresAt).getTime() };
}

/** One person's browser, with a numbered screenshot and an axe check per step. */
class Walk {
  private count = 0;
  readonly problems: string[] = [];
  private constructor(
    readonly seed: string,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on("pageerror", (error) => this.problems.push(`pageerror: ${error.message}`));
    mkdirSync(`${OUT}${seed}`, { recursive: true });
  }

  static async open(seed: string, width = 1280): Promise<Walk> {
    const context = await browser.newContext({
      baseURL: running.baseUrl,
      viewport: { width, height: 900 },
      permissions: ["clipboard-read", "clipboard-write"],
    });
    // A step that does not happen fails within 15 s, naming what it waited for.
    context.setDefaultTimeout(15_000);
    return new Walk(seed, context, await context.newPage());
  }

  /**
   * Checks the page with axe and keeps a screenshot named after the step. An email shown as
   * is (`/dev/mailbox/<id>`, sandboxed: no script runs there, axe's neither) is only
   * photographed: it is the message, not a page of the app.
   */
  async step(name: string, options: { axe?: boolean } = {}): Promise<void> {
    if (options.axe ?? true) {
      // A dialog fading in has text at part opacity: axe would measure the contrast mid-way.
      // Endless ones (a spinner) are left out; a cancelled one counts as done.
      await this.page.evaluate(() =>
        Promise.all(
          document
            .getAnimations()
            .filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
            .map((a) => a.finished.catch(() => undefined)),
        ),
      );
      const results = await new AxeBuilder({ page: this.page }).analyze();
      const violations = results.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
      expect(violations, `axe on "${name}" (${this.page.url()})`).toEqual([]);
    }
    this.count += 1;
    const file = `${String(this.count).padStart(2, "0")}-${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.png`;
    await this.page.screenshot({ path: `${OUT}${this.seed}/${file}`, fullPage: true });
  }

  async signIn(email: string, password: string, next = "/admin"): Promise<void> {
    await this.page.goto(`/login?next=${encodeURIComponent(next)}`);
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
    await this.page.waitForURL((url) => url.pathname === next.split("?")[0]);
  }

  async signOut(): Promise<void> {
    await this.context.clearCookies();
  }

  async close(): Promise<void> {
    expect(this.problems).toEqual([]);
    await this.context.close();
  }

  /** The invite dialog, opened from the team page. */
  async openInviteDialog(): Promise<Locator> {
    await this.page.getByRole("button", { name: "Invite users" }).first().click();
    const dialog = this.page.getByRole("dialog", { name: "Invite users" });
    await dialog.waitFor();
    await dialog.getByRole("group", { name: "Role" }).getByRole("radio").first().waitFor();
    return dialog;
  }

  /** Opens the development mailbox and answers the newest email to `to` once it arrived. */
  async mailTo(to: string, nth: "newest" | "oldest" = "newest"): Promise<Locator> {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      await this.page.goto("/dev/mailbox");
      const messages = this.page.locator("li.message").filter({ hasText: to });
      if ((await messages.count()) > 0)
        return nth === "newest" ? messages.first() : messages.last();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`No email to ${to} arrived.`);
  }

  /** Follows the invitation link of an email in the mailbox to this server's accept page. */
  async openInvitation(message: Locator): Promise<void> {
    await message.getByRole("link", { name: "Open on this server" }).click();
    await this.page.waitForURL((url) => url.pathname === "/accept-invite");
  }

  /**
   * Opens a link in a fresh document: the invitee's page reads its token once, from the
   * fragment, and a link that differs only there would not load the page again.
   */
  async openLink(link: string): Promise<void> {
    await this.page.goto("about:blank");
    await this.page.goto(link);
  }

  /** Fills the invitee's form and accepts. */
  async accept(firstName: string, lastName: string): Promise<void> {
    await this.page.getByLabel("First name").fill(firstName);
    await this.page.getByLabel("Last name").fill(lastName);
    await this.page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await this.page.getByLabel("Confirm password").fill(PASSWORD);
    await this.page.getByRole("button", { name: "Accept & create account" }).click();
  }

  /** The link of an email as this server serves it (`/accept-invite#token=…`). */
  async linkOf(message: Locator): Promise<string> {
    const href = await message
      .getByRole("link", { name: "Open on this server" })
      .getAttribute("href");
    expect(href).toMatch(/^\/accept-invite#token=/);
    return href!;
  }

  /** The row of an address in the team page's table. */
  row(email: string): Locator {
    return this.page.getByRole("row", { name: new RegExp(email.replace(/[.]/g, "\\.")) });
  }

  /** Opens a row's action menu and clicks an action, as an admin does with the mouse. */
  async rowAction(email: string, action: "Resend" | "Revoke" | "Copy link"): Promise<void> {
    await this.page.getByRole("button", { name: `Actions for ${email}` }).click();
    await this.page.getByRole("menuitem", { name: action }).click();
  }
}

describe("seed systems in Chromium", { timeout: 180_000 }, () => {
  it("SecureLink (000) R-INV-02, R-UI-02, R-INV-06, R-INV-07, R-INV-08, R-INV-12, R-INV-13, R-UI-04: bulk invite from a CSV, results, the email, accept, sign in; revoke one and resend one; an email left unopened past its 7 days: its original link shows the expired page, resent from History it works again; each old link showing its error", async () => {
    const admin = await Walk.open("000-securelink");
    const { page } = admin;
    await admin.signIn(sam.email, sam.password);
    await page.getByRole("heading", { name: "Team invitations" }).waitFor();
    await admin.step("team page");

    // Bulk Invite with a CSV: two new people, one address twice, one invalid.
    const dialog = await admin.openInviteDialog();
    await dialog.locator("label", { hasText: "Upload CSV" }).click();
    const csv = [
      "email,first_name,last_name",
      "vpn.one@securelink.example,Vera,One",
      "vpn.two@securelink.example,Victor,Two",
      "vpn.three@securelink.example,Val,Three",
      "vpn.four@securelink.example,Vic,Four",
      "vpn.one@securelink.example,Vera,Again",
      "not-an-address,No,Body",
    ].join("\n");
    await dialog.locator('input[type="file"]').setInputFiles({
      name: "securelink-users.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await dialog.getByText("File: securelink-users.csv").waitFor();
    await pickRole(dialog, "VPN User");
    await admin.step("csv preview");
    await dialog.getByRole("button", { name: /^Send 4 invitations/ }).click();
    const results = dialog.getByRole("region", { name: "Results" });
    await results.getByText("4 invited · 2 skipped").waitFor();
    await results.getByText("Invalid address (1)").waitFor();
    await results.getByText("Repeated in this list (1)").waitFor();
    await admin.step("results summary");
    await dialog.getByRole("button", { name: "Done" }).click();
    await admin.row("vpn.two@securelink.example").waitFor();

    // The invitee's email, in the development mailbox.
    const invitee = await Walk.open("000-securelink-invitee");
    const email = await invitee.mailTo("vpn.one@securelink.example");
    await expect.poll(() => email.textContent()).toContain("SecureLink");
    await invitee.step("mailbox");
    await invitee.openInvitation(email);
    await invitee.page
      .getByRole("heading", { name: "You're invited to join SecureLink" })
      .waitFor();
    await invitee.step("accept page");
    await invitee.accept("Vera", "One");
    await invitee.page.waitForURL(`${running.baseUrl}/`);
    await invitee.page.getByText("Signed in as Vera One").waitFor();
    await invitee.step("signed in after accepting");
    // Sign in again from scratch with the new password.
    await invitee.signOut();
    await invitee.signIn("vpn.one@securelink.example", PASSWORD, "/");
    await invitee.page.getByText("Signed in as Vera One").waitFor();
    await invitee.step("signed in with the new password");

    // Revoke one; its link shows the revoked page.
    const twoLink = await invitee.linkOf(await invitee.mailTo("vpn.two@securelink.example"));
    await admin.rowAction("vpn.two@securelink.example", "Revoke");
    const confirm = page.getByRole("alertdialog");
    await confirm.getByText("Revoke invitation to vpn.two@securelink.example?").waitFor();
    await admin.step("revoke confirmation");
    await confirm.getByRole("button", { name: "Revoke" }).click();
    await page.getByText("Invitation to vpn.two@securelink.example revoked.").waitFor();
    await confirm.waitFor({ state: "detached" });
    await admin.step("revoked");
    await invitee.signOut();
    await invitee.page.goto(twoLink);
    await invitee.page.getByRole("heading", { name: "Invitation revoked" }).waitFor();
    await invitee.step("revoked link");

    // Resend: a fresh link, and the previous one shows that a newer invitation was sent.
    const threeLink = await invitee.linkOf(await invitee.mailTo("vpn.three@securelink.example"));
    await admin.rowAction("vpn.three@securelink.example", "Resend");
    await page.getByText("Invitation to vpn.three@securelink.example sent again.").waitFor();
    await admin.step("resent");
    await expect
      .poll(async () => invitee.linkOf(await invitee.mailTo("vpn.three@securelink.example")))
      .not.toBe(threeLink);
    await invitee.page.goto(threeLink);
    await invitee.page.getByRole("heading", { name: "A newer invitation was sent" }).waitFor();
    await invitee.step("old link after resend");

    // Expiry: vpn.four never opened the email. Its window is the default 7 days; an hour
    // before the end the original link still opens the invitation, an hour after it the
    // same link says it expired and to ask for a new one.
    const fourEmail = "vpn.four@securelink.example";
    const fourLink = await invitee.linkOf(await invitee.mailTo(fourEmail));
    const window = await ageInvitation(sam, fourEmail, 7 * DAY - HOUR);
    expect(window.expiresAt - window.sentAt).toBe(7 * DAY);
    await invitee.openLink(fourLink);
    await invitee.page
      .getByRole("heading", { name: "You're invited to join SecureLink" })
      .waitFor();
    await invitee.step("original link an hour before expiry");
    await ageInvitation(sam, fourEmail, 2 * HOUR);
    await invitee.openLink(fourLink);
    await invitee.page.getByRole("heading", { name: "Invitation expired" }).waitFor();
    await invitee.page
      .getByText("This invitation has expired. Ask your administrator to send a new one.")
      .waitFor();
    await expect.poll(() => invitee.page.getByLabel("Password", { exact: true }).count()).toBe(0);
    await invitee.step("original link after expiry");

    // The admin finds it Expired in History and resends it: back to Pending, a new email with
    // a fresh link that works, and the original link now points to the newer invitation.
    await page.reload();
    await page.getByRole("tab", { name: /History/ }).click();
    await admin.row(fourEmail).getByText("Expired", { exact: true }).waitFor();
    await admin.step("expired in history");
    await admin.rowAction(fourEmail, "Resend");
    await page.getByText(`Invitation to ${fourEmail} sent again.`).waitFor();
    await page.getByRole("tab", { name: /Pending/ }).click();
    await admin.row(fourEmail).getByText("Pending", { exact: true }).waitFor();
    await admin.step("expired invitation resent");
    await expect
      .poll(async () => invitee.linkOf(await invitee.mailTo(fourEmail)))
      .not.toBe(fourLink);
    await invitee.openInvitation(await invitee.mailTo(fourEmail));
    await invitee.page
      .getByRole("heading", { name: "You're invited to join SecureLink" })
      .waitFor();
    await invitee.step("resent link works");
    await invitee.openLink(fourLink);
    await invitee.page.getByRole("heading", { name: "A newer invitation was sent" }).waitFor();
    await invitee.step("original link after the resend");
    await invitee.close();
    await admin.close();
  });

  it("Inviting Users (002) R-INV-01, R-INV-03, R-INV-09, R-UI-01, R-INV-08, R-INV-12: invite with department and teams, the Pending tab's six columns, cancel with confirmation, the accept page shows organisation and role", async () => {
    const admin = await Walk.open("002-inviting-users");
    const { page } = admin;
    await admin.signIn(alex.email, alex.password);
    const dialog = await admin.openInviteDialog();
    const emails = dialog.getByRole("textbox", { name: "Email addresses" });
    await emails.fill("dana.fox@acme.example, eric.moss@acme.example");
    await emails.press("Enter");
    await pickRole(dialog, "Client user");
    await dialog.getByLabel("Department (optional)").selectOption("Engineering");
    await dialog.getByRole("checkbox", { name: "Platform" }).check();
    await dialog.getByRole("checkbox", { name: "Support" }).check();
    await admin.step("invite form");
    await dialog.getByRole("button", { name: /^Send 2 invitations/ }).click();
    await dialog
      .getByRole("region", { name: "Results" })
      .getByText("2 invited · 0 skipped")
      .waitFor();
    await admin.step("sent");
    await dialog.getByRole("button", { name: "Done" }).click();

    // The Pending tab: email, role, invited by, sent, expires, status.
    await page.getByRole("tab", { name: /Pending/ }).click();
    await admin.row("dana.fox@acme.example").waitFor();
    const headers = await page.getByRole("columnheader").allTextContents();
    for (const column of ["Email", "Role", "Invited by", "Sent", "Expires", "Status"]) {
      expect(
        headers.some((h) => h.includes(column)),
        column,
      ).toBe(true);
    }
    await expect
      .poll(() => admin.row("dana.fox@acme.example").textContent())
      .toContain("Alex Rivera");
    await admin.step("pending tab");

    // Cancel with confirmation: the row reads Revoked at once.
    await admin.rowAction("eric.moss@acme.example", "Revoke");
    const confirm = page.getByRole("alertdialog");
    await admin.step("cancel confirmation");
    await confirm.getByRole("button", { name: "Revoke" }).click();
    await page.getByText("Invitation to eric.moss@acme.example revoked.").waitFor();
    await confirm.waitFor({ state: "detached" });
    await admin.row("eric.moss@acme.example").getByText("Revoked", { exact: true }).waitFor();
    await admin.step("cancelled");

    // The invitee's page names the organisation and the role.
    const invitee = await Walk.open("002-inviting-users-invitee");
    await invitee.openInvitation(await invitee.mailTo("dana.fox@acme.example"));
    await invitee.page.getByRole("heading", { name: "You're invited to join Acme Corp" }).waitFor();
    await invitee.page.getByText("Role: Client user").waitFor();
    await invitee.step("accept page with organisation and role");
    await invitee.accept("Dana", "Fox");
    await invitee.page.waitForURL(`${running.baseUrl}/`);
    await invitee.page.getByText("Signed in as Dana Fox").waitFor();
    await invitee.step("signed in");
    await invitee.close();
    await admin.close();
  });

  it("Guardian Pro (003) R-TEN-03, R-INV-01, R-INV-05, R-INV-06, R-INV-14, R-UI-01: the personal message arrives, a read-only user sees no invite controls and the API refuses it, seats left, history with who and when", async () => {
    const admin = await Walk.open("003-guardian-pro");
    const { page } = admin;
    await admin.signIn(grace.email, grace.password);
    const dialog = await admin.openInviteDialog();
    const emails = dialog.getByRole("textbox", { name: "Email addresses" });
    await emails.fill("rory.reader@guardian.example");
    await emails.press("Enter");
    await pickRole(dialog, "Read-Only");
    await dialog.getByLabel("Message (optional)").fill("Welcome to the audit team, Rory!");
    await admin.step("invite with a personal message");
    await dialog.getByRole("button", { name: /^Send 1 invitation/ }).click();
    await dialog
      .getByRole("region", { name: "Results" })
      .getByText("1 invited · 0 skipped")
      .waitFor();
    await dialog.getByRole("button", { name: "Done" }).click();

    // The email carries the organisation, the role and the personal message.
    const invitee = await Walk.open("003-guardian-pro-invitee");
    const message = await invitee.mailTo("rory.reader@guardian.example");
    const link = await invitee.linkOf(message);
    const emailUrl = await message.getByRole("link", { name: "View email" }).getAttribute("href");
    await message.getByRole("link", { name: "View email" }).click();
    await invitee.page.waitForURL((url) => url.pathname === emailUrl);
    // The page runs no script (sandboxed), so its text is read from the same answer.
    const email = await (await invitee.context.request.get(emailUrl!)).text();
    expect(email).toContain("Welcome to the audit team, Rory!");
    expect(email).toContain("Guardian Pro");
    expect(email).toContain("Read-Only");
    await invitee.step("email with the personal message", { axe: false });
    await invitee.page.goto(link);
    await invitee.accept("Rory", "Reader");
    await invitee.page.waitForURL(`${running.baseUrl}/`);

    // A read-only user: no invite controls, and the API says no.
    await invitee.page.goto("/admin");
    await invitee.page.getByText("This role does not manage invitations").waitFor();
    expect(await invitee.page.getByRole("button", { name: "Invite users" }).count()).toBe(0);
    await invitee.step("read-only user has no invite controls");
    const refused = await invitee.context.request.post("/api/foyer/invitations", {
      headers: { origin: running.baseUrl, "content-type": "application/json" },
      data: { tenantId: "guardian", emails: ["x@guardian.example"], roleId: "guardian_readonly" },
    });
    expect(refused.status()).toBe(403);
    await invitee.close();

    // History: accepted, with who invited and when it closed; a revoked one with who revoked.
    const dialog2 = await admin.openInviteDialog();
    const emails2 = dialog2.getByRole("textbox", { name: "Email addresses" });
    await emails2.fill("sol.standard@guardian.example");
    await emails2.press("Enter");
    await pickRole(dialog2, "Standard");
    await dialog2.getByRole("button", { name: /^Send 1 invitation/ }).click();
    await dialog2.getByRole("button", { name: "Done" }).click();
    await admin.rowAction("sol.standard@guardian.example", "Revoke");
    await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
    await page.getByText("Invitation to sol.standard@guardian.example revoked.").waitFor();
    await page.getByRole("tab", { name: /History/ }).click();
    await admin
      .row("rory.reader@guardian.example")
      .getByText("Accepted", { exact: true })
      .waitFor();
    const revokedRow = admin.row("sol.standard@guardian.example");
    await revokedRow.getByText("Revoked", { exact: true }).waitFor();
    await expect.poll(() => revokedRow.textContent()).toContain("Grace Lindqvist");
    await admin.row(GUARDIAN_EXPIRED).getByText("Expired", { exact: true }).waitFor();
    await expect.poll(() => admin.row(GUARDIAN_EXPIRED).textContent()).toContain("Grace Lindqvist");
    await admin.step("history accepted expired and revoked");
    await admin.signOut();

    // Seat limits: Globex allows 5 seats; the dialog says how many are left.
    await admin.signIn(gina.email, gina.password);
    const dialog3 = await admin.openInviteDialog();
    const emails3 = dialog3.getByRole("textbox", { name: "Email addresses" });
    await emails3.fill("seat.one@globex.example");
    await emails3.press("Enter");
    await pickRole(dialog3, "Client user");
    await dialog3.getByRole("button", { name: /^Send 1 invitation/ }).click();
    const seatResults = dialog3.getByRole("region", { name: "Results" });
    await seatResults.getByText(/\d+ seats? left/).waitFor();
    await admin.step("seats left");
    await admin.close();
  });

  it("Tether (004) R-INV-01, R-INV-10, R-TEN-04, R-INV-03, R-INV-15, R-SDK-09: expiry of 24 hours, 3 days or 7 days, copy-link delivery, a client admin cannot pick an MSP role, the POST API returns token and invite URL, and re-inviting revokes the old link", async () => {
    const admin = await Walk.open("004-tether");
    const { page } = admin;
    await admin.signIn(morgan.email, morgan.password);
    await page.getByLabel("Organisation").selectOption("acme");
    const dialog = await admin.openInviteDialog();
    const expiry = dialog.getByLabel("Expires after");
    const options = await expiry.locator("option").allTextContents();
    for (const label of ["24 hours", "3 days", "7 days"]) {
      expect(
        options.some((o) => o.startsWith(label)),
        label,
      ).toBe(true);
    }
    const emails = dialog.getByRole("textbox", { name: "Email addresses" });
    await emails.fill("tech.new@acme.example");
    await emails.press("Enter");
    await pickRole(dialog, "Client user");
    await expiry.selectOption("3d");
    // Copy-link delivery: no email, the link comes back to share by hand.
    await dialog.locator("label", { hasText: /^Copy links/ }).click();
    await admin.step("msp admin invites with a 3-day expiry and copy-link delivery");
    await dialog.getByRole("button", { name: /^Send 1 invitation/ }).click();
    const results = dialog.getByRole("region", { name: "Results" });
    await results.getByText("1 invited · 0 skipped").waitFor();
    await results.getByRole("button", { name: "Copy links" }).click();
    await results.getByRole("button", { name: "Links copied" }).waitFor();
    const links = await page.evaluate(() => navigator.clipboard.readText());
    expect(links).toMatch(
      /^tech\.new@acme\.example\thttps:\/\/acme\.example\.com\/accept-invite#token=[\w.-]+$/,
    );
    const copied = links.split("\t")[1]!;
    await admin.step("link to copy");
    await dialog.getByRole("button", { name: "Done" }).click();
    await admin.row("tech.new@acme.example").waitFor();
    await admin.step("pending with its expiry");
    await admin.signOut();

    // A client admin's role list has no MSP role.
    await admin.signIn(alex.email, alex.password);
    const clientDialog = await admin.openInviteDialog();
    const roles = await roleNames(clientDialog);
    expect(roles).toContain("Client admin");
    expect(roles.filter((r) => /MSP/.test(r))).toEqual([]);
    await admin.step("client admin sees no MSP role");
    await clientDialog.getByRole("button", { name: "Cancel" }).click();
    await admin.signOut();

    // The API: an MSP admin makes a key on the API keys page…
    await admin.signIn(morgan.email, morgan.password, "/admin/api-keys");
    await page.getByLabel("Name").fill("Tether provisioning");
    await page.getByRole("button", { name: "Create key" }).click();
    const key = (await page.getByTestId("api-key-value").textContent())!.trim();
    await admin.step("api key shown once");

    // …and POST /api/invites answers token and invite URL, as seed 004 documents.
    const invite = async () => {
      const answer = await fetch(`${running.baseUrl}/api/invites`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({
          email: "alice@acme.example",
          name: "Alice Smith",
          role_id: "client_user",
          tenant_id: "acme",
          expires_hours: 72,
        }),
      });
      expect(answer.status).toBe(201);
      return (await answer.json()) as { token: string; invite_url: string };
    };
    const first = await invite();
    expect(first.invite_url).toBe(`https://acme.example.com/accept-invite#token=${first.token}`);
    // Re-inviting the same address revokes the old link.
    const second = await invite();
    const invitee = await Walk.open("004-tether-invitee");
    // The copied link opens the client's branded page (on this server, same path and token).
    await invitee.page.goto(copied.replace("https://acme.example.com", ""));
    await invitee.page.getByRole("heading", { name: "You're invited to join Acme Corp" }).waitFor();
    await invitee.step("copied link opens the branded page");
    await invitee.page.goto(`/accept-invite#token=${first.token}`);
    await invitee.page
      .getByRole("heading", { name: /Invitation revoked|A newer invitation was sent/ })
      .waitFor();
    await invitee.step("old link after re-invite");
    await invitee.page.goto(`/accept-invite#token=${second.token}`);
    await invitee.page.getByRole("heading", { name: "You're invited to join Acme Corp" }).waitFor();
    await expect.poll(() => invitee.page.getByLabel("First name").inputValue()).toBe("Alice");
    await invitee.step("branded accept page from the api link");
    await invitee.close();

    // The key page records the use.
    await page.reload();
    await expect
      .poll(() => page.getByRole("row", { name: /Tether provisioning/ }).textContent())
      .not.toContain("Never");
    await admin.step("key last used");
    await admin.close();
  });

  it("Invite links (001) R-LNK-01, R-LNK-02, R-LNK-03, R-LNK-04, R-LNK-05, R-LNK-06, R-LNK-07, R-LNK-08, R-LNK-09: enable with a role and a domain, copy, join and verify, a refused domain, off and on keeps the link, revoke and generate kills the old one, SSO has no link", async () => {
    const admin = await Walk.open("001-invite-links");
    const { page } = admin;
    await admin.signIn(alex.email, alex.password);
    await page.getByRole("button", { name: "Invite link" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite link" });
    const toggle = dialog.getByRole("switch", { name: "Allow anyone with the link to join" });
    const field = dialog.getByRole("textbox", { name: "Link", exact: true });
    // The seed turned Acme's link on; start from off to enable it as an admin would.
    await expect.poll(() => toggle.getAttribute("aria-checked")).toBe("true");
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-checked")).toBe("false");
    await dialog.getByLabel("Default role").selectOption({ label: "Client user" });
    await dialog.getByLabel("Allowed email domains").fill("ACME.example");
    await admin.step("link off, role and domain chosen");
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-checked")).toBe("true");
    await expect
      .poll(() => dialog.getByLabel("Allowed email domains").inputValue())
      .toBe("acme.example");
    const url = await field.inputValue();
    expect(url).toMatch(/^https:\/\/acme\.example\.com\/join#token=[\w.-]+$/);
    await dialog.getByRole("button", { name: "Copy", exact: true }).click();
    await dialog.getByRole("button", { name: "Copied", exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await admin.step("link on and copied");
    await admin.signOut();

    // The person with the link: the branded join form. A domain outside the list is refused.
    const joiner = await Walk.open("001-invite-links-joiner");
    const jp = joiner.page;
    const openLink = async (link: string) => {
      // A fresh document each time: the page reads its token once, from the fragment.
      await jp.goto("about:blank");
      await jp.goto(`/join${new URL(link).hash}`);
    };
    const joinHeading = jp.getByRole("heading", { name: "Join Acme Corp" });
    const invalid =
      "This invite link is not valid or has been deactivated. Please contact your administrator.";
    await openLink(url);
    await joinHeading.waitFor();
    await joiner.step("join page");
    const join = async (email: string) => {
      await jp.getByLabel("First name").fill("Nia");
      await jp.getByLabel("Last name").fill("Joiner");
      await jp.getByLabel("Email").fill(email);
      await jp.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await jp.getByLabel("Confirm password").fill(PASSWORD);
      await jp.getByRole("checkbox", { name: /I accept the Terms of Service/ }).check();
      await jp.getByRole("button", { name: "Create account" }).click();
    };
    await join("nia@elsewhere.example");
    await jp
      .getByText(
        "This invite link only accepts email addresses at certain domains. Use your organisation's address.",
      )
      .waitFor();
    await joiner.step("domain refused");
    await join("nia.joiner@acme.example");
    await jp
      .getByText(
        "We sent a link to nia.joiner@acme.example. Open it to verify your address, then sign in.",
      )
      .waitFor();
    await joiner.step("check your email");

    // Not verified yet: no sign-in (R-LNK-09). The email's link verifies, then sign-in works.
    await jp.goto("/login?next=%2F");
    await jp.getByLabel("Email").fill("nia.joiner@acme.example");
    await jp.getByLabel("Password").fill(PASSWORD);
    await jp.getByRole("button", { name: "Sign in" }).click();
    await jp
      .getByRole("alert")
      .getByText("Verify your email address before signing in.", { exact: false })
      .waitFor();
    expect(new URL(jp.url()).pathname).toBe("/login");
    await joiner.step("sign-in before verifying refused");
    const email = await joiner.mailTo("nia.joiner@acme.example");
    await joiner.step("verification email in the mailbox");
    await email.getByRole("link", { name: "Open on this server" }).click();
    // The verification page verifies and signs the new member in, then goes on to `/`.
    await jp.waitForURL(`${running.baseUrl}/`);
    await jp.getByText("Signed in as Nia Joiner").waitFor();
    await joiner.step("verified and signed in");
    // Joined with the link's role, in the link's tenant (R-LNK-08).
    await jp.getByText("Client user at Acme Corp").waitFor();
    await joiner.signOut();
    await joiner.signIn("nia.joiner@acme.example", PASSWORD, "/");
    await jp.getByText("Signed in as Nia Joiner").waitFor();
    await joiner.step("signed in with the new password");
    await joiner.signOut();

    // Off: the link dies at once; on again: the very same link works (R-LNK-02).
    await admin.signIn(alex.email, alex.password);
    await page.getByRole("button", { name: "Invite link" }).click();
    await expect.poll(() => toggle.getAttribute("aria-checked")).toBe("true");
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-checked")).toBe("false");
    await admin.step("link off");
    await openLink(url);
    await jp.getByText(invalid).waitFor();
    await joiner.step("link off refused");
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-checked")).toBe("true");
    expect(await field.inputValue()).toBe(url);
    await admin.step("link on again, same url");
    await openLink(url);
    await joinHeading.waitFor();
    await joiner.step("same link works again");

    // Revoke & generate: a new link, and the old one shows R-LNK-07's exact words.
    await dialog.getByRole("button", { name: "Revoke & generate new link" }).click();
    const confirm = page.getByRole("alertdialog", {
      name: "Revoke this link and generate a new one?",
    });
    await confirm.waitFor();
    await admin.step("revoke and generate confirmation");
    await confirm.getByRole("button", { name: "Revoke & generate" }).click();
    await expect.poll(() => field.inputValue()).not.toBe(url);
    const fresh = await field.inputValue();
    expect(fresh).toMatch(/^https:\/\/acme\.example\.com\/join#token=[\w.-]+$/);
    await admin.step("new link");
    await openLink(url);
    await jp.getByText(invalid, { exact: true }).waitFor();
    await joiner.step("old link after revoke");
    await openLink(fresh);
    await joinHeading.waitFor();
    await joiner.step("new link works");
    await joiner.close();
    await admin.signOut();

    // An SSO tenant (Globex, managed by the MSP admin): the switch is off and disabled.
    await admin.signIn(morgan.email, morgan.password);
    await page.getByLabel("Organisation").selectOption("globex");
    await page.getByRole("button", { name: "Invite link" }).click();
    await dialog.getByText("Not available - SSO is configured for this tenant.").waitFor();
    await expect.poll(() => toggle.isDisabled()).toBe(true);
    expect(await toggle.getAttribute("aria-checked")).toBe("false");
    await admin.step("sso tenant has no link");
    await admin.close();
  });

  it("Inviting Users (002) keyboard only R-UI-08, R-UI-02, R-UI-04, R-INV-12: sign in, invite, and accept without a mouse", async () => {
    const admin = await Walk.open("002-keyboard");
    const { page } = admin;
    const keys = page.keyboard;
    await page.goto("/login?next=%2Fadmin");
    await tabTo(page, /^Email$/);
    await keys.type(alex.email);
    await keys.press("Tab");
    await keys.type(alex.password);
    await keys.press("Enter");
    await page.waitForURL((url) => url.pathname === "/admin");
    await page.getByRole("heading", { name: "Team invitations" }).waitFor();
    await admin.step("signed in by keyboard");

    await tabTo(page, /^Invite users$/);
    await keys.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Invite users" });
    await dialog.waitFor();
    // The dialog takes focus; the address field comes first.
    await tabTo(page, /^Email addresses/);
    await keys.type("kim.keys@acme.example");
    await keys.press("Enter");
    await tabTo(page, /^(Client admin|Client user)/);
    await radioByKeyboard(page, "Client user");
    await admin.step("invite dialog by keyboard");
    await tabTo(page, /^Send 1 invitation/);
    await keys.press("Enter");
    await dialog
      .getByRole("region", { name: "Results" })
      .getByText("1 invited · 0 skipped")
      .waitFor();
    await admin.step("sent by keyboard");
    await tabTo(page, /^Done$/);
    await keys.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    await admin.row("kim.keys@acme.example").waitFor();

    // The invitee: open the link, fill the form and accept, all from the keyboard.
    const invitee = await Walk.open("002-keyboard-invitee");
    const link = await invitee.linkOf(await invitee.mailTo("kim.keys@acme.example"));
    await invitee.page.goto(link);
    await invitee.page.getByRole("heading", { name: "You're invited to join Acme Corp" }).waitFor();
    const ik = invitee.page.keyboard;
    await tabTo(invitee.page, /^First name/);
    await ik.type("Kim");
    await tabTo(invitee.page, /^Last name/);
    await ik.type("Keys");
    await tabTo(invitee.page, /^Password/);
    await ik.type(PASSWORD);
    await tabTo(invitee.page, /^Confirm password/);
    await ik.type(PASSWORD);
    await invitee.step("accept form by keyboard");
    await tabTo(invitee.page, /^Accept & create account$/);
    await ik.press("Enter");
    await invitee.page.waitForURL(`${running.baseUrl}/`);
    await invitee.page.getByText("Signed in as Kim Keys").waitFor();
    await invitee.step("signed in by keyboard");
    await invitee.close();
    await admin.close();
  });
});

/**
 * Presses Tab until the focused element's accessible name matches (its label, its text or
 * its aria-label), as a keyboard user moves through a page. Fails after 60 presses.
 */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let presses = 0; presses < 60; presses += 1) {
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return "";
      const labelledBy = element.getAttribute("aria-labelledby");
      const byId = labelledBy
        ? labelledBy
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? "")
            .join(" ")
        : "";
      const labels = "labels" in element ? (element as HTMLInputElement).labels : null;
      const label = labels && labels.length > 0 ? (labels[0]?.textContent ?? "") : "";
      return (
        (element.getAttribute("aria-label") ?? byId ?? "") || label || element.textContent || ""
      );
    });
    if (name.test(focused.trim())) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${name}`);
}

/** Moves through the focused radio group with the arrow keys until `label` is checked. */
async function radioByKeyboard(page: Page, label: string): Promise<void> {
  for (let presses = 0; presses < 20; presses += 1) {
    const current = await page.evaluate(() => {
      const radio = document.activeElement as HTMLInputElement;
      return radio.checked ? (radio.labels?.[0]?.textContent ?? "") : "";
    });
    if (current.trim().startsWith(label)) return;
    await page.keyboard.press(presses === 0 ? "Space" : "ArrowDown");
  }
  throw new Error(`No role ${label}`);
}

/** The role group of the invite dialog. */
function roleGroup(dialog: Locator): Locator {
  return dialog.getByRole("group", { name: "Role" });
}

/** Picks a role of the invite dialog by its name. */
async function pickRole(dialog: Locator, name: string): Promise<void> {
  await roleGroup(dialog)
    .getByRole("radio", { name: new RegExp(`^${name}`) })
    .check();
}

/** The names of the roles the invite dialog offers. */
async function roleNames(dialog: Locator): Promise<string[]> {
  return roleGroup(dialog).locator(".foyer-role-option__name").allTextContents();
}
