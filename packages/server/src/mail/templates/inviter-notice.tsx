/** @jsxRuntime automatic @jsxImportSource react */
import type { InviterNoticeInput, RenderedEmail } from "../email-input.ts";
import { headerName, oneLine } from "../headers.ts";
import { emailBranding } from "./branding.ts";
import { EmailLayout, Paragraph } from "./layout.tsx";
import { renderShape, slot } from "./render.ts";
import { emailStrings, formatTime, PREVIEW_LENGTH } from "./strings.ts";

/**
 * Tells the inviter their invitation was accepted (the tenant's `notifyInviterOnAccept`):
 * who joined, with which role, and when. It carries no link and no token.
 */
export function renderInviterNotice(input: InviterNoticeInput): RenderedEmail {
  const strings = emailStrings(input.locale);
  const t = strings.inviterNotice;
  const tenant = oneLine(input.tenant.name);
  const product = oneLine(input.productName);
  const inviter = headerName(input.inviterName);
  const named = headerName(input.inviteeName);
  const address = oneLine(input.inviteeEmail);
  const values = {
    inviter: inviter ?? "",
    invitee: named ?? address,
    address,
    role: oneLine(input.roleName),
    at: formatTime(strings, input.acceptedAt),
  };
  const say = (v: typeof values) => ({
    subject: oneLine(t.subject(v.invitee, tenant)),
    greeting: t.greeting(inviter === null ? null : v.inviter),
    body: t.body(v.invitee, named === null ? null : v.address, tenant, v.role),
    when: t.when(v.at),
  });
  const text = say(values);

  const key = JSON.stringify([
    "inviter_notice",
    input.locale,
    input.tenant,
    input.assetBaseUrl,
    product,
    inviter === null,
    named === null,
  ]);
  const html = renderShape(
    key,
    () => {
      const slotted = say({
        inviter: slot("inviter"),
        invitee: slot("invitee"),
        address: slot("address"),
        role: slot("role"),
        at: slot("at"),
      });
      return (
        <EmailLayout
          strings={strings}
          branding={emailBranding(input.tenant, input.assetBaseUrl)}
          tenantName={tenant}
          productName={product}
          title={slot("subject")}
          preview={slot("preview")}
          heading={t.heading}
          notes={[slotted.when]}
          footer={[t.why(tenant)]}
        >
          <Paragraph>{slotted.greeting}</Paragraph>
          <Paragraph>{slotted.body}</Paragraph>
        </EmailLayout>
      );
    },
    { ...values, subject: text.subject, preview: text.body.slice(0, PREVIEW_LENGTH) },
  );

  const lines = [
    text.greeting,
    "",
    text.body,
    "",
    text.when,
    t.why(tenant),
    "",
    "-- ",
    strings.sentBy(product, tenant),
  ];
  return { to: input.to, subject: text.subject, html, text: lines.join("\n") };
}
