import { describe, expect, it } from "vitest";
import type {
  EmailBase,
  InvitationEmailInput,
  InviterNoticeInput,
  VerificationEmailInput,
} from "./email-input.ts";
import { renderEmail } from "./email-input.ts";
import { contrastRatio, emailBranding } from "./templates/branding.ts";

const HOSTILE = "Evil\r\nBcc: victim@example.com";
const SCRIPT = "<script>alert(1)</script>";

const base = (locale: "en" | "de", branded = true): EmailBase => ({
  to: "ana@acme.com",
  locale,
  productName: "Foyer",
  tenant: {
    name: "Acme & Co",
    logoUrl: branded ? "https://cdn.acme.example/logo.png" : null,
    accentColor: branded ? "#0E7490" : null,
  },
  assetBaseUrl: "https://acme.example.com",
});

const invitation = (
  locale: "en" | "de",
  overrides: Partial<InvitationEmailInput> = {},
): InvitationEmailInput => ({
  ...base(locale),
  template: "invitation",
  variant: "new",
  roleName: "Client user",
  inviterName: "Dana Smith",
  message: `Welcome ${SCRIPT}\nSee you Monday`,
  expiresAt: new Date("2026-11-29T09:00:00Z"),
  link: "https://acme.example.com/accept-invite#token=k1.abc_DEF-123",
  ...overrides,
});

const verification = (locale: "en" | "de"): VerificationEmailInput => ({
  ...base(locale),
  template: "verification",
  firstName: "Vera",
  link: "https://acme.example.com/verify-email#token=k1.ver",
  expiresAt: new Date("2026-11-02T09:00:00Z"),
});

const notice = (locale: "en" | "de"): InviterNoticeInput => ({
  ...base(locale),
  to: "dana@acme.example.com",
  template: "inviter_notice",
  inviterName: "Dana Smith",
  inviteeName: "Ana Lopez",
  inviteeEmail: "ana@acme.com",
  roleName: "Client user",
  acceptedAt: new Date("2026-11-03T14:30:00Z"),
});

/** Neither part carries a raw tag or a header line made of a hostile value. */
function expectEscaped(mail: { subject: string; html: string; text: string }) {
  expect(mail.html).not.toContain("<script");
  expect(mail.html).not.toMatch(/\r|\nBcc:/);
  expect(mail.subject).not.toMatch(/[\r\n]/);
  expect(mail.text).not.toMatch(/\r|\nBcc:/);
}

describe("invitation email", () => {
  it("R-EML-01: says who invited whom to which organisation and role, with message, expiry and link, in HTML and text", async () => {
    const mail = await renderEmail(invitation("en"));
    expect(mail.to).toBe("ana@acme.com");
    expect(mail.subject).toBe("Dana Smith invited you to join Acme & Co");
    expect(mail.text).toContain("Welcome!");
    expect(mail.text).toContain(
      "Dana Smith invited you to join Acme & Co on Foyer as Client user.",
    );
    expect(mail.text).toContain(`Message from Dana Smith:\nWelcome ${SCRIPT}\nSee you Monday`);
    expect(mail.text).toContain("November 29, 2026 at 9:00 AM UTC");
    expect(mail.text).toContain(
      "Accept the invitation and create your account: https://acme.example.com/accept-invite#token=k1.abc_DEF-123",
    );
    expect(mail.html).toContain('<html dir="ltr" lang="en">');
    expect(mail.html).toContain("Join Acme &amp; Co");
    expect(mail.html).toContain(
      'href="https://acme.example.com/accept-invite#token=k1.abc_DEF-123"',
    );
    expect(mail.html).toContain(">Accept invitation<");
    expect(mail.html).toContain("November 29, 2026 at 9:00 AM UTC");
    expect(mail.html).toContain("Welcome &lt;script&gt;alert(1)&lt;/script&gt;\nSee you Monday");
    expectEscaped(mail);
  });

  it("R-EML-01: the German invitation is written in German, with a German date", async () => {
    const mail = await renderEmail(invitation("de"));
    expect(mail.subject).toBe("Dana Smith hat Sie zu Acme & Co eingeladen");
    expect(mail.html).toContain('lang="de"');
    expect(mail.text).toContain(
      "Dana Smith hat Sie eingeladen, Acme & Co bei Foyer beizutreten. Ihre Rolle: Client user.",
    );
    expect(mail.text).toContain("Nachricht von Dana Smith:");
    expect(mail.text).toContain("Diese Einladung läuft am 29. November 2026 um 09:00 UTC ab.");
    expect(mail.html).toContain(">Einladung annehmen<");
    expect(mail.html).not.toContain("Accept invitation");
    expectEscaped(mail);
  });

  it("R-EML-01: names, tenant, role and message are escaped in HTML and kept off a second header line", async () => {
    for (const locale of ["en", "de"] as const) {
      const mail = await renderEmail(
        invitation(locale, {
          inviterName: HOSTILE,
          roleName: SCRIPT,
          message: `${SCRIPT} & "quotes"`,
          tenant: {
            name: `<img src=x onerror=alert(1)>${HOSTILE}`,
            logoUrl: null,
            accentColor: null,
          },
        }),
      );
      expectEscaped(mail);
      expect(mail.html).not.toContain("<img src=x");
      expect(mail.html).toContain("&lt;img src=x onerror=alert(1)&gt;Evil Bcc: victim@example.com");
      expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
      expect(mail.subject).toContain("Evil Bcc: victim@example.com");
    }
  });

  it("R-EML-01: without an inviter it says the invitation comes from the organisation", async () => {
    const en = await renderEmail(invitation("en", { inviterName: null, message: null }));
    expect(en.subject).toBe("An administrator of Acme & Co invited you to join Acme & Co");
    expect(en.text).not.toContain("Message from");
    const de = await renderEmail(invitation("de", { inviterName: null }));
    expect(de.subject).toBe("Einladung zu Acme & Co");
    expect(de.text).toContain("Sie wurden eingeladen, Acme & Co bei Foyer beizutreten.");
    expect(de.text).toContain("Nachricht von Acme & Co:");
  });

  it("R-EML-01: a resent invitation says its link is new and the old ones are dead", async () => {
    const en = await renderEmail(invitation("en", { variant: "resent" }));
    expect(en.subject).toBe("Dana Smith sent you a new invitation to join Acme & Co");
    expect(en.text).toContain("Links from earlier emails no longer work.");
    const de = await renderEmail(invitation("de", { variant: "resent" }));
    expect(de.subject).toBe("Dana Smith hat Ihnen eine neue Einladung zu Acme & Co geschickt");
    expect(de.text).toContain("Links aus früheren E-Mails funktionieren nicht mehr.");
  });

  it("R-INV-17: the reminder says the invitation is still open and when it expires, with the link", async () => {
    const en = await renderEmail(invitation("en", { variant: "reminder" }));
    expect(en.subject).toBe("Reminder: your invitation to join Acme & Co expires soon");
    expect(en.html).toContain("Your invitation to Acme &amp; Co expires soon");
    expect(en.text).toContain("You have not accepted it yet");
    expect(en.text).toContain("November 29, 2026 at 9:00 AM UTC");
    expect(en.text).toContain("https://acme.example.com/accept-invite#token=k1.abc_DEF-123");
    const de = await renderEmail(invitation("de", { variant: "reminder" }));
    expect(de.subject).toBe("Erinnerung: Ihre Einladung zu Acme & Co läuft bald ab");
    expect(de.text).toContain("Sie haben die Einladung noch nicht angenommen");
    expect(de.html).toContain("Einladung annehmen");
  });
});

describe("rendering each shape once", () => {
  it("R-EML-01: messages of the same shape each carry their own values, none of another's", async () => {
    const first = await renderEmail(invitation("en"));
    const second = await renderEmail(
      invitation("en", {
        inviterName: "Sam Okafor",
        roleName: "Viewer",
        message: "Second message",
        link: "https://acme.example.com/accept-invite#token=k1.second",
        expiresAt: new Date("2026-12-24T18:30:00Z"),
      }),
    );
    expect(second.html).toContain(
      "Sam Okafor invited you to join Acme &amp; Co on Foyer as Viewer.",
    );
    expect(second.html).toContain('href="https://acme.example.com/accept-invite#token=k1.second"');
    expect(second.html).toContain("December 24, 2026 at 6:30 PM UTC");
    expect(second.html).toContain("Second message");
    for (const old of [
      "Dana Smith",
      "Client user",
      "k1.abc_DEF-123",
      "November 29",
      "See you Monday",
    ]) {
      expect(second.html).not.toContain(old);
    }
    expect(first.html).toContain("Dana Smith");
    expect(second.html).not.toMatch(/[\uE000\uE001]/);
  });

  it("R-EML-01: a value is escaped exactly as React escapes the text it renders itself", async () => {
    const hostile = `O'Brien & "Sons" <b>`;
    const mail = await renderEmail(
      invitation("en", {
        inviterName: hostile,
        tenant: { name: hostile, logoUrl: null, accentColor: null },
      }),
    );
    const escaped = "O&#x27;Brien &amp; &quot;Sons&quot; &lt;b&gt;";
    // The heading's tenant name is React's; the inviter in the message label is Foyer's.
    expect(mail.html).toContain(
      `<h1 style="font-size:22px;line-height:30px;color:#111827;margin:24px 0 16px">Join ${escaped}</h1>`,
    );
    expect(mail.html).toContain(`Message from ${escaped}:`);
    expect(mail.html).not.toContain(hostile);
  });

  it("R-EML-01: text that looks like a placeholder is shown as typed", async () => {
    const lookalike = "\uE000abc:who\uE001";
    const mail = await renderEmail(
      invitation("en", {
        message: lookalike,
        tenant: { name: lookalike, logoUrl: null, accentColor: null },
      }),
    );
    expect(mail.html).toContain(`Join ${lookalike}`);
    expect(mail.html).toContain(`>${lookalike}</p>`);
    expect(mail.html).toContain("Dana Smith invited you");
  });
});

describe("branding", () => {
  it("R-EML-01: the tenant's logo and accent colour appear, with readable button text", async () => {
    const mail = await renderEmail(invitation("en"));
    expect(mail.html).toContain('src="https://cdn.acme.example/logo.png"');
    expect(mail.html).toContain('alt="Acme &amp; Co"');
    expect(mail.html).toContain("background-color:#0e7490;color:#ffffff");
    expect(mail.html).toContain("border-top:4px solid #0e7490");
    const light = await renderEmail(
      invitation("en", { tenant: { name: "Sunny", logoUrl: null, accentColor: "#fde047" } }),
    );
    expect(light.html).toContain("background-color:#fde047;color:#111827");
  });

  it("R-EML-01: without a logo or accent the tenant's name heads the email in Foyer's colours", async () => {
    const mail = await renderEmail({ ...invitation("en"), ...base("en", false) });
    expect(mail.html).not.toContain("<img");
    expect(mail.html).not.toContain("#0e7490");
    expect(mail.html).not.toContain("border-top:4px");
    expect(mail.html).toContain(">Acme &amp; Co</p>");
    expect(mail.html).toContain("background-color:#111827;color:#ffffff");
  });

  it("R-EML-01: a logo path resolves against the tenant's base URL; no React preload hint remains", async () => {
    const mail = await renderEmail(
      invitation("en", { tenant: { name: "Acme", logoUrl: "/logos/acme.svg", accentColor: null } }),
    );
    expect(mail.html).toContain('src="https://acme.example.com/logos/acme.svg"');
    expect(mail.html).not.toContain('rel="preload"');
  });

  it("R-EML-01: button text keeps at least 4.5:1 contrast on any accent colour", () => {
    for (let value = 0; value < 0x1000; value += 7) {
      const hex = `#${value.toString(16).padStart(3, "0")}`;
      const branding = emailBranding(
        { name: "T", logoUrl: null, accentColor: hex },
        "https://x.example",
      );
      expect(contrastRatio(branding.accent, branding.onAccent)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(branding.link, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("verification email", () => {
  it("R-LNK-09: greets by first name, names the address and tenant, and links once with its expiry", async () => {
    const mail = await renderEmail(verification("en"));
    expect(mail.subject).toBe("Verify your email address for Acme & Co");
    expect(mail.text).toContain("Hi Vera,");
    expect(mail.text).toContain("Confirm that ana@acme.com is your address");
    expect(mail.text).toContain(
      "Verify your email address: https://acme.example.com/verify-email#token=k1.ver",
    );
    expect(mail.html).toContain('href="https://acme.example.com/verify-email#token=k1.ver"');
    expect(mail.html).toContain("background-color:#0e7490");
  });

  it("R-LNK-09: the German verification email, with a hostile first name escaped", async () => {
    const mail = await renderEmail({ ...verification("de"), firstName: `${SCRIPT}${HOSTILE}` });
    expect(mail.subject).toBe("Bestätigen Sie Ihre E-Mail-Adresse für Acme & Co");
    expect(mail.text).toContain("Bestätigen Sie Ihre E-Mail-Adresse: https://acme.example.com/");
    expect(mail.html).toContain("E-Mail-Adresse bestätigen");
    expect(mail.html).toContain("Hallo &lt;script&gt;");
    expectEscaped(mail);
  });
});

describe("inviter notice", () => {
  it("R-EML-01: tells the inviter who accepted, with which role and when, without any link", async () => {
    const mail = await renderEmail(notice("en"));
    expect(mail.to).toBe("dana@acme.example.com");
    expect(mail.subject).toBe("Ana Lopez accepted your invitation to Acme & Co");
    expect(mail.text).toContain("Hi Dana Smith,");
    expect(mail.text).toContain(
      "Ana Lopez (ana@acme.com) accepted your invitation and joined Acme & Co as Client user.",
    );
    expect(mail.text).toContain("November 3, 2026 at 2:30 PM UTC");
    expect(mail.html).not.toContain("href=");
    const de = await renderEmail(notice("de"));
    expect(de.subject).toBe("Ana Lopez hat Ihre Einladung zu Acme & Co angenommen");
    expect(de.text).toContain("ist Acme & Co mit der Rolle Client user beigetreten.");
    expect(de.text).toContain("Angenommen am 3. November 2026 um 14:30 UTC.");
  });

  it("R-EML-01: a hostile invitee name stays escaped and out of any second header line", async () => {
    const mail = await renderEmail({ ...notice("en"), inviteeName: `${SCRIPT}${HOSTILE}` });
    expectEscaped(mail);
    expect(mail.subject).toBe(
      "<script>alert(1)</script>Evil Bcc: victim@example.com accepted your invitation to Acme & Co",
    );
  });
});
