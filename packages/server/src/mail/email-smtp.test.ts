import type { Tenant } from "@foyer/core";
import type { ParsedMail } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestFoyer, type TestFoyer, tokenFromLink } from "../fixtures.ts";
import { type SmtpSink, startSmtpSink } from "../outbox/smtp-sink.fixture.ts";
import { queuedEmail } from "../services/outbox.ts";
import { createSmtpMailer, type SmtpMailer } from "../smtp.ts";
import { createMemoryStore } from "../store/memory/memory-store.ts";

// Foyer's emails delivered over real SMTP (smtp-server) and parsed as a mail client would
// (mailparser): R-EML-01's invitation in both languages with the tenant's branding, the
// reminder (R-INV-17), the verification email (R-LNK-09) and the inviter's notice.

let server: SmtpSink;
let mailer: SmtpMailer;
let foyer: TestFoyer;
const clock = new Date("2026-11-01T09:00:00.000Z");
const MESSAGE = 'Hi <script>alert("x")</script> & welcome\nSee you Monday';

beforeEach(async () => {
  server = await startSmtpSink();
  mailer = createSmtpMailer({
    url: server.url,
    from: "Acme Team <no-reply@acme.test>",
    timeoutMs: 5000,
  });
  foyer = await createTestFoyer(createMemoryStore(), { mailer, now: () => new Date(clock) });
});

afterEach(async () => {
  mailer.close();
  await server.stop();
});

/** Creates an invitation over HTTP, with a Host header that must not reach the link. */
async function inviteOverHttp(body: Record<string, unknown>) {
  const response = await foyer.handler(
    new Request("https://evil.example/invitations", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: "Bearer dana",
        host: "evil.example",
        "x-forwarded-host": "evil.example",
      },
      body: JSON.stringify({ tenantId: "acme", roleId: "client_user", delivery: "email", ...body }),
    }),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as { created: { invitation: { id: string } }[] };
}

async function updateTenant(id: string, change: (tenant: Tenant) => Tenant) {
  const tenant = await foyer.store.getTenant(id);
  if (!tenant) throw new Error(`no tenant ${id}`);
  await foyer.admin.upsertTenant(change(tenant));
}

/** The one message that arrived, checked to have exactly one recipient and no copies. */
function onlyMessage(to: string): ParsedMail {
  expect(server.received).toHaveLength(1);
  const [first] = server.received;
  expect(first?.to).toEqual([to]);
  const mail = first!.mail!;
  expect(mail.to).toMatchObject({ value: [{ address: to }] });
  expect(Array.isArray(mail.to) ? mail.to : [mail.to]).toHaveLength(1);
  expect(mail.cc).toBeUndefined();
  expect(mail.bcc).toBeUndefined();
  return mail;
}

/** The accept link of an email's text part. */
function acceptLink(text: string | undefined): string {
  const match = /https:\/\/\S+\/accept-invite#token=\S+/.exec(text ?? "");
  if (!match) throw new Error(`no accept link in ${text}`);
  return match[0];
}

describe("emails over SMTP", () => {
  it("R-EML-01: an invitation arrives with one recipient, its subject, the base-URL link, the escaped message, a text part and the tenant's branding", async () => {
    await inviteOverHttp({ emails: ["ana@acme.com"], message: MESSAGE });
    expect(await foyer.dispatcher.runOnce()).toBe(1);
    const mail = onlyMessage("ana@acme.com");
    expect(mail.subject).toBe("Dana Smith invited you to join Acme Corp");
    const link = acceptLink(mail.text);
    expect(link).toMatch(/^https:\/\/acme\.example\.com\/accept-invite#token=k1\.[\w-]{43}$/);
    expect(mail.text).toContain(
      "Dana Smith invited you to join Acme Corp on Foyer as Client user.",
    );
    expect(mail.text).toContain(MESSAGE);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.html).not.toContain("evil.example");
    expect(mail.html).not.toContain("<script");
    expect(mail.html).toContain(
      "Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; welcome",
    );
    expect(mail.html).toContain('src="https://acme.example.com/logo.png"');
    expect(mail.html).toContain("background-color:#4f46e5;color:#ffffff");
    expect((await foyer.services.previewInvitation(tokenFromLink(link))).email).toBe(
      "ana@acme.com",
    );
  });

  it("R-EML-01: a tenant without its own base URL gets links on the server's public base URL", async () => {
    const response = await foyer.services.createInvitations(foyer.fixture.actors.guardianAdmin, {
      tenantId: "guardian",
      roleId: "guardian_standard",
      emails: ["gus@guardian.example"],
      delivery: "email",
    });
    expect(response.created).toHaveLength(1);
    await foyer.dispatcher.runOnce();
    const mail = onlyMessage("gus@guardian.example");
    expect(acceptLink(mail.text)).toMatch(/^https:\/\/app\.example\.com\/accept-invite#token=/);
    expect(mail.html).not.toContain("<img");
  });

  it("R-EML-01: a German tenant's invitation arrives in German, branded, with the same link rules", async () => {
    await updateTenant("acme", (t) => ({ ...t, settings: { ...t.settings, emailLocale: "de" } }));
    await inviteOverHttp({ emails: ["ana@acme.com"], message: MESSAGE });
    await foyer.dispatcher.runOnce();
    const mail = onlyMessage("ana@acme.com");
    expect(mail.subject).toBe("Dana Smith hat Sie zu Acme Corp eingeladen");
    expect(mail.text).toContain("Ihre Rolle: Client user.");
    expect(mail.text).toContain(
      "Nehmen Sie die Einladung an und erstellen Sie Ihr Konto: https://acme.example.com/accept-invite#token=",
    );
    expect(mail.text).toContain("läuft am 8. November 2026 um 09:00 UTC ab");
    expect(mail.html).toContain('lang="de"');
    expect(mail.html).toContain("Einladung annehmen");
    expect(mail.html).toContain("Hi &lt;script&gt;");
    expect(mail.html).toContain("background-color:#4f46e5");
  });

  it("R-EML-01: a resent invitation arrives as such, with a new working link", async () => {
    const created = await inviteOverHttp({ emails: ["ana@acme.com"] });
    await foyer.dispatcher.runOnce();
    const first = acceptLink(server.received[0]?.mail?.text);
    server.received.length = 0;
    const id = created.created[0]!.invitation.id;
    await foyer.services.resendInvitation(foyer.fixture.actors.acmeAdmin, id, {});
    await foyer.dispatcher.runOnce();
    const mail = onlyMessage("ana@acme.com");
    expect(mail.subject).toBe("Dana Smith sent you a new invitation to join Acme Corp");
    const second = acceptLink(mail.text);
    expect(second).not.toBe(first);
    expect((await foyer.services.previewInvitation(tokenFromLink(second))).email).toBe(
      "ana@acme.com",
    );
  });

  it("R-INV-17: a queued reminder renders at send time with the current link and the expiry", async () => {
    const created = await inviteOverHttp({ emails: ["ana@acme.com"], expiresIn: "7d" });
    await foyer.dispatcher.runOnce();
    server.received.length = 0;
    const row = await foyer.store.getInvitation(created.created[0]!.invitation.id);
    await foyer.store.enqueueEmails([queuedEmail(row!, "reminder", new Date(clock))]);
    await foyer.dispatcher.runOnce();
    const mail = onlyMessage("ana@acme.com");
    expect(mail.subject).toBe("Reminder: your invitation to join Acme Corp expires soon");
    expect(mail.text).toContain("November 8, 2026 at 9:00 AM UTC");
    const link = acceptLink(mail.text);
    expect((await foyer.services.previewInvitation(tokenFromLink(link))).email).toBe(
      "ana@acme.com",
    );
  });

  it("R-LNK-09: the verification email and the inviter's notice arrive, each to its one recipient", async () => {
    await updateTenant("acme", (t) => ({
      ...t,
      settings: { ...t.settings, requireEmailVerification: true, notifyInviterOnAccept: true },
    }));
    await inviteOverHttp({ emails: ["ana@acme.com"] });
    await foyer.dispatcher.runOnce();
    const token = tokenFromLink(acceptLink(server.received[0]?.mail?.text));
    server.received.length = 0;
    await foyer.services.acceptInvitation({
      token,
      firstName: "Ana",
      lastName: "<b>Lopez</b>",
      password: "Tr1cky-Lantern!",
      passwordConfirmation: "Tr1cky-Lantern!",
    });
    expect(await foyer.dispatcher.runOnce()).toBe(2);
    const byRecipient = new Map(server.received.map((r) => [r.to.join(","), r.mail!]));
    expect([...byRecipient.keys()].sort()).toEqual(["ana@acme.com", "dana@acme.example.com"]);
    const verification = byRecipient.get("ana@acme.com")!;
    expect(verification.subject).toBe("Verify your email address for Acme Corp");
    expect(verification.text).toMatch(/https:\/\/acme\.example\.com\/verify-email#token=\S+/);
    expect(verification.html).toContain("background-color:#4f46e5");
    const notice = byRecipient.get("dana@acme.example.com")!;
    expect(notice.subject).toBe("Ana <b>Lopez</b> accepted your invitation to Acme Corp");
    expect(notice.html).toContain(
      "Ana &lt;b&gt;Lopez&lt;/b&gt; (ana@acme.com) accepted your invitation",
    );
    expect(notice.text).not.toMatch(/token=/);
  });
});
