/** @jsxRuntime automatic @jsxImportSource react */
import type { InvitationEmailInput, RenderedEmail } from "../email-input.ts";
import { headerName, oneLine } from "../headers.ts";
import { emailBranding } from "./branding.ts";
import { EmailLayout, Paragraph, Quote } from "./layout.tsx";
import { toHtml } from "./render.ts";
import { emailStrings, formatTime } from "./strings.ts";

/**
 * The invitation email (R-EML-01), its resend and its reminder (R-INV-17): who invited the
 * person to which organisation and role, the personal message, the expiry and the link, in
 * the tenant's language and branding. Every value is escaped in the HTML part; the subject
 * is one line.
 */
export function renderInvitation(input: InvitationEmailInput): RenderedEmail {
  const strings = emailStrings(input.locale);
  const t = strings.invitation;
  const tenant = oneLine(input.tenant.name);
  const who = headerName(input.inviterName);
  const role = oneLine(input.roleName);
  const product = oneLine(input.productName);
  const expires = formatTime(strings, input.expiresAt);
  const message = input.message?.trim() ? input.message : null;
  const reminder = input.variant === "reminder";
  const subject = oneLine(
    reminder
      ? t.subjectReminder(tenant)
      : input.variant === "resent"
        ? t.subjectResent(who, tenant)
        : t.subject(who, tenant),
  );
  const greeting = reminder ? t.greetingReminder : t.welcome;
  const intro = t.intro(who, tenant, product, role);
  const note = reminder ? t.reminder : input.variant === "resent" ? t.resent : null;
  const notes = [t.expires(expires)];

  const html = toHtml(
    <EmailLayout
      strings={strings}
      branding={emailBranding(input.tenant, input.assetBaseUrl)}
      tenantName={tenant}
      productName={product}
      title={subject}
      preview={intro}
      heading={reminder ? t.headingReminder(tenant) : t.heading(tenant)}
      action={{ label: t.button, href: input.link }}
      notes={notes}
      footer={[t.ignore]}
    >
      <Paragraph>{greeting}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      {note ? <Paragraph>{note}</Paragraph> : null}
      {message ? <Quote label={t.messageFrom(who, tenant)}>{message}</Quote> : null}
    </EmailLayout>,
  );

  const text = [
    greeting,
    "",
    intro,
    ...(note ? ["", note] : []),
    ...(message ? ["", t.messageFrom(who, tenant), message] : []),
    "",
    t.textLink(input.link),
    "",
    ...notes,
    t.ignore,
    "",
    "-- ",
    strings.sentBy(product, tenant),
  ].join("\n");
  return { to: input.to, subject, html, text };
}
