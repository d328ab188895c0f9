import { describe, expect, it } from "vitest";
import { renderInvitationEmail } from "./invitation-email.ts";

const input = {
  to: "ana@acme.com",
  productName: "Foyer",
  tenantName: "Acme & Co",
  roleName: "Client user",
  inviterName: "Dana Smith",
  message: 'Welcome <img src=x onerror="alert(1)">\nSee you Monday',
  expiresAt: new Date("2026-11-29T09:00:00Z"),
  link: "https://acme.example.com/accept-invite#token=abc_DEF-123",
  kind: "invitation" as const,
};

describe("renderInvitationEmail", () => {
  it("R-EML-01: says who invited whom to which organisation and role, with message, expiry and link, in HTML and text", () => {
    const mail = renderInvitationEmail(input);
    expect(mail.subject).toBe("Dana Smith invited you to join Acme & Co");
    expect(mail.text).toContain("Welcome!");
    expect(mail.text).toContain(
      "Dana Smith invited you to join Acme & Co on Foyer as Client user.",
    );
    expect(mail.text).toContain("See you Monday");
    expect(mail.text).toContain("November 29, 2026");
    expect(mail.text).toContain(input.link);
    expect(mail.html).toContain(`href="${input.link}"`);
    expect(mail.html).toContain("Join Acme &amp; Co");
    expect(mail.html).toContain("November 29, 2026");
  });

  it("R-EML-01: escapes the personal message and names in the HTML part", () => {
    const mail = renderInvitationEmail(input);
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    const hostile = renderInvitationEmail({
      ...input,
      tenantName: "<script>x</script>",
      message: null,
    });
    expect(hostile.html).not.toContain("<script>x");
    expect(hostile.html).not.toContain("blockquote");
  });

  it("R-EML-01: without an inviter name it still says who the invitation comes from", () => {
    const mail = renderInvitationEmail({ ...input, inviterName: null });
    expect(mail.subject).toBe("An administrator of Acme & Co invited you to join Acme & Co");
  });
});
