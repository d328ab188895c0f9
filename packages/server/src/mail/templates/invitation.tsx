/** @jsxRuntime automatic @jsxImportSource react */
import type { InvitationEmailInput, RenderedEmail } from "../email-input.ts";
import { headerName, oneLine } from "../headers.ts";
import { emailBranding } from "./branding.ts";
import { EmailLayout, Paragraph, Quote } from "./layout.tsx";
import { renderShape, slot } from "./render.ts";
import { emailStrings, formatTime, PREVIEW_LENGTH } from "./strings.ts";

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
  const product = oneLine(input.productName);
  const reminder = input.variant === "reminder";
  const note = reminder ? t.reminder : input.variant === "resent" ? t.resent : null;
  const greeting = reminder ? t.greetingReminder : t.welcome;
  const who = headerName(input.inviterName);
  const message = input.message?.trim() ? input.message : null;
  // The values of this message; the sentences are built from them, or from their slots.
  const values = {
    who: who ?? "",
    role: oneLine(input.roleName),
    expires: formatTime(strings, input.expiresAt),
    link: input.link,
    message: message ?? "",
  };
  const say = (v: typeof values) => {
    const from = who === null ? null : v.who;
    return {
      subject: oneLine(
        reminder
          ? t.subjectReminder(tenant)
          : input.variant === "resent"
            ? t.subjectResent(from, tenant)
            : t.subject(from, tenant),
      ),
      intro: t.intro(from, tenant, product, v.role),
      messageFrom: t.messageFrom(from, tenant),
      expires: t.expires(v.expires),
    };
  };
  const text = say(values);

  const key = JSON.stringify([
    "invitation",
    input.locale,
    input.variant,
    input.tenant,
    input.assetBaseUrl,
    product,
    who === null,
    message === null,
  ]);
  const html = renderShape(
    key,
    () => {
      const slotted = say({
        who: slot("who"),
        role: slot("role"),
        expires: slot("expires"),
        link: slot("link"),
        message: slot("message"),
      });
      return (
        <EmailLayout
          strings={strings}
          branding={emailBranding(input.tenant, input.assetBaseUrl)}
          tenantName={tenant}
          productName={product}
          title={slot("subject")}
          preview={slot("preview")}
          heading={reminder ? t.headingReminder(tenant) : t.heading(tenant)}
          action={{ label: t.button, href: slot("link") }}
          notes={[slotted.expires]}
          footer={[t.ignore]}
        >
          <Paragraph>{greeting}</Paragraph>
          <Paragraph>{slotted.intro}</Paragraph>
          {note ? <Paragraph>{note}</Paragraph> : null}
          {message === null ? null : <Quote label={slotted.messageFrom}>{slot("message")}</Quote>}
        </EmailLayout>
      );
    },
    { ...values, subject: text.subject, preview: text.intro.slice(0, PREVIEW_LENGTH) },
  );

  const lines = [
    greeting,
    "",
    text.intro,
    ...(note ? ["", note] : []),
    ...(message === null ? [] : ["", text.messageFrom, message]),
    "",
    t.textLink(input.link),
    "",
    text.expires,
    t.ignore,
    "",
    "-- ",
    strings.sentBy(product, tenant),
  ];
  return { to: input.to, subject: text.subject, html, text: lines.join("\n") };
}
