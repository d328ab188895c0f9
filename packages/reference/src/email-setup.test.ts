import { createScryptHasher } from "@foyer/server/node";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createReferenceApp } from "./app.ts";
import { readEnvConfig } from "./config.ts";
import { EMAIL_OFF_REASON } from "./dev-mailbox.ts";
import { SEEDED_SIGN_INS } from "./seed.ts";
import { call, type RunningApp, signIn, startApp } from "./test-kit.ts";

// How the reference app delivers email (R-EML-03): SMTP when configured, the development
// mailbox only when asked for and never in production, and otherwise nothing, said aloud.

const alex = SEEDED_SIGN_INS.find((s) => s.email === "alex@acme.example")!;

describe("the development mailbox setting", () => {
  it("R-EML-03: FOYER_DEV_MAILBOX or --dev-mailbox turns it on; it is off by default and when SMTP_URL is set", () => {
    expect(readEnvConfig({}, []).devMailbox).toBe(false);
    expect(readEnvConfig({ FOYER_DEV_MAILBOX: "0" }, []).devMailbox).toBe(false);
    expect(readEnvConfig({ FOYER_DEV_MAILBOX: "1" }, []).devMailbox).toBe(true);
    expect(readEnvConfig({ FOYER_DEV_MAILBOX: "true" }, []).devMailbox).toBe(true);
    expect(readEnvConfig({}, ["--dev-mailbox"]).devMailbox).toBe(true);
    const smtp = { SMTP_URL: "smtp://127.0.0.1:2525", MAIL_FROM: "Acme <no-reply@acme.test>" };
    expect(readEnvConfig({ ...smtp, FOYER_DEV_MAILBOX: "1" }, ["--dev-mailbox"]).devMailbox).toBe(
      false,
    );
    expect(() => readEnvConfig({ FOYER_DEV_MAILBOX: "yes" }, [])).toThrow(/FOYER_DEV_MAILBOX/);
  });

  it("R-EML-03: it is refused with NODE_ENV=production, by the settings and by the app", async () => {
    expect(() => readEnvConfig({ FOYER_DEV_MAILBOX: "1", NODE_ENV: "production" }, [])).toThrow(
      /NODE_ENV=production/,
    );
    expect(() => readEnvConfig({ NODE_ENV: "production" }, ["--dev-mailbox"])).toThrow(
      /NODE_ENV=production/,
    );
    // With SMTP the flag of `pnpm start` is moot, so production starts.
    const smtp = { SMTP_URL: "smtp://127.0.0.1:2525", MAIL_FROM: "Acme <no-reply@acme.test>" };
    expect(readEnvConfig({ ...smtp, NODE_ENV: "production" }, ["--dev-mailbox"]).devMailbox).toBe(
      false,
    );
    await expect(
      createReferenceApp({
        inMemory: true,
        publicBaseUrl: "http://localhost:3000",
        sessionSecret: "test-secret-of-the-reference-app",
        tokenSecrets: "token-secret-of-the-reference-app-tests",
        devMailbox: true,
        nodeEnv: "production",
      }),
    ).rejects.toThrow(/NODE_ENV=production/);
  });
});

describe("without a mailer or the development mailbox", () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp({
      inMemory: true,
      seed: true,
      devMailbox: false,
      passwordHasher: createScryptHasher({ N: 2 ** 14 }),
      webDir: inject("foyerWebDir"),
    });
  });

  afterAll(async () => {
    await running?.stop();
  });

  it("R-EML-03: /dev/mailbox answers 404, and no page or link points to it", async () => {
    expect(running.reference.emailMode).toBe("off");
    expect(running.reference.mailbox).toBeNull();
    for (const path of ["/dev/mailbox", "/dev/mailbox/anything"]) {
      for (const accept of ["application/json", "text/html"]) {
        const answer = await fetch(`${running.baseUrl}${path}`, { headers: { accept } });
        expect(answer.status, `${path} as ${accept}`).toBe(404);
        expect(await answer.text()).not.toContain("token=");
      }
    }
    const home = await (await fetch(`${running.baseUrl}/`)).text();
    expect(home).not.toContain("/dev/mailbox");
    expect(home).toContain("delivers no email");
    const cookie = await signIn(running.baseUrl, alex.email, alex.password);
    const admin = await (
      await fetch(`${running.baseUrl}/admin`, { headers: { cookie, accept: "text/html" } })
    ).text();
    expect(admin).toContain('name="csp-nonce"');
    expect(admin).not.toContain("foyer-dev-mailbox");
  });

  it("R-EML-03: an invitation email fails at once, and the invitation says why", async () => {
    const cookie = await signIn(running.baseUrl, alex.email, alex.password);
    const created = await call<{ created: { invitation: { id: string } }[] }>(
      running.baseUrl,
      "POST",
      "/api/foyer/invitations",
      {
        cookie,
        body: { tenantId: "acme", emails: ["nomail@acme.example"], roleId: "client_user" },
      },
    );
    expect(created.status).toBe(200);
    const id = created.body.created[0]!.invitation.id;
    await running.reference.foyer.dispatcher.runOnce();
    const shown = await call<{ invitation: { delivery: { status: string; error: string } } }>(
      running.baseUrl,
      "GET",
      `/api/foyer/invitations/${id}`,
      { cookie },
    );
    expect(shown.body.invitation.delivery).toMatchObject({
      status: "failed",
      error: EMAIL_OFF_REASON,
    });
    expect(EMAIL_OFF_REASON).toContain("SMTP_URL");
  });
});

describe("with the development mailbox", () => {
  it("R-EML-03: the pages link to it", async () => {
    const running = await startApp({
      inMemory: true,
      devMailbox: true,
      passwordHasher: createScryptHasher({ N: 2 ** 14 }),
      webDir: inject("foyerWebDir"),
    });
    try {
      expect(running.reference.emailMode).toBe("mailbox");
      const login = await (await fetch(`${running.baseUrl}/login`)).text();
      expect(login).toContain('<meta name="foyer-dev-mailbox" content="on" />');
      expect((await fetch(`${running.baseUrl}/dev/mailbox`)).status).toBe(200);
    } finally {
      await running.stop();
    }
  });
});
