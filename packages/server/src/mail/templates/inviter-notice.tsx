/** @jsxRuntime automatic @jsxImportSource react */
import type { InviterNoticeInput, RenderedEmail } from "../email-input.ts";
import { headerName, oneLine } from "../headers.ts";
import { emailBranding } from "./branding.ts";
import { EmailLayout, Paragraph } from "./layout.tsx";
import { toHtml } from "./render.ts";
import { emailStrings, formatTime } from "./strings.ts";

/**
 * Tells the inviter their invitation was accepted (the tenant's `notifyInviterOnAccept`):
 * who joined, with which role, and when. It carries no link and no token.
 */
export function renderInviterNotice(input: InviterNoticeInput): RenderedEmail {
  const strings = emailStrings(input.locale);
  const t = strings.inviterNotice;
  const tenant = oneLine(input.tenant.name);
  const product = oneLine(input.productName);
  const address = oneLine(input.inviteeEmail);
  const named = headerName(input.inviteeName);
  const subject = oneLine(t.subject(named ?? address, tenant));
  const greeting = t.greeting(headerName(input.inviterName));
  const body = t.body(named ?? address, named ? address : null, tenant, oneLine(input.roleName));
  const when = t.when(formatTime(strings, input.acceptedAt));

  const html = toHtml(
    <EmailLayout
      strings={strings}
      branding={emailBranding(input.tenant, input.assetBaseUrl)}
      tenantName={tenant}
      productName={product}
      title={subject}
      preview={body}
      heading={t.heading}
      notes={[when]}
      footer={[t.why(tenant)]}
    >
      <Paragraph>{greeting}</Paragraph>
      <Paragraph>{body}</Paragraph>
    </EmailLayout>,
  );

  const text = [
    greeting,
    "",
    body,
    "",
    when,
    t.why(tenant),
    "",
    "-- ",
    strings.sentBy(product, tenant),
  ].join("\n");
  return { to: input.to, subject, html, text };
}
