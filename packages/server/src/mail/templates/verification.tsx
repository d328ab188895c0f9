/** @jsxRuntime automatic @jsxImportSource react */
import type { RenderedEmail, VerificationEmailInput } from "../email-input.ts";
import { headerName, oneLine } from "../headers.ts";
import { emailBranding } from "./branding.ts";
import { EmailLayout, Paragraph } from "./layout.tsx";
import { toHtml } from "./render.ts";
import { emailStrings, formatTime } from "./strings.ts";

/**
 * The email that proves an address (R-LNK-09): a single-use link that expires, in the
 * tenant's language and branding. Every value is escaped in the HTML part.
 */
export function renderVerification(input: VerificationEmailInput): RenderedEmail {
  const strings = emailStrings(input.locale);
  const t = strings.verification;
  const tenant = oneLine(input.tenant.name);
  const product = oneLine(input.productName);
  const subject = oneLine(t.subject(tenant));
  const greeting = t.greeting(headerName(input.firstName));
  const intro = t.intro(product, tenant, oneLine(input.to));
  const notes = [t.expires(formatTime(strings, input.expiresAt))];

  const html = toHtml(
    <EmailLayout
      strings={strings}
      branding={emailBranding(input.tenant, input.assetBaseUrl)}
      tenantName={tenant}
      productName={product}
      title={subject}
      preview={intro}
      heading={t.heading}
      action={{ label: t.button, href: input.link }}
      notes={notes}
      footer={[t.ignore]}
    >
      <Paragraph>{greeting}</Paragraph>
      <Paragraph>{intro}</Paragraph>
    </EmailLayout>,
  );

  const text = [
    greeting,
    "",
    intro,
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
