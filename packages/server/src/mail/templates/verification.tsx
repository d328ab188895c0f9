/** @jsxRuntime automatic @jsxImportSource react */
import type { RenderedEmail, VerificationEmailInput } from "../email-input.ts";
import { headerName, oneLine } from "../headers.ts";
import { emailBranding } from "./branding.ts";
import { EmailLayout, Paragraph } from "./layout.tsx";
import { renderShape, slot } from "./render.ts";
import { emailStrings, formatTime, PREVIEW_LENGTH } from "./strings.ts";

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
  const firstName = headerName(input.firstName);
  const values = {
    firstName: firstName ?? "",
    address: oneLine(input.to),
    expires: formatTime(strings, input.expiresAt),
    link: input.link,
  };
  const say = (v: typeof values) => ({
    greeting: t.greeting(firstName === null ? null : v.firstName),
    intro: t.intro(product, tenant, v.address),
    expires: t.expires(v.expires),
  });
  const text = say(values);

  const key = JSON.stringify([
    "verification",
    input.locale,
    input.tenant,
    input.assetBaseUrl,
    product,
    firstName === null,
  ]);
  const html = renderShape(
    key,
    () => {
      const slotted = say({
        firstName: slot("firstName"),
        address: slot("address"),
        expires: slot("expires"),
        link: slot("link"),
      });
      return (
        <EmailLayout
          strings={strings}
          branding={emailBranding(input.tenant, input.assetBaseUrl)}
          tenantName={tenant}
          productName={product}
          title={subject}
          preview={slot("preview")}
          heading={t.heading}
          action={{ label: t.button, href: slot("link") }}
          notes={[slotted.expires]}
          footer={[t.ignore]}
        >
          <Paragraph>{slotted.greeting}</Paragraph>
          <Paragraph>{slotted.intro}</Paragraph>
        </EmailLayout>
      );
    },
    { ...values, preview: text.intro.slice(0, PREVIEW_LENGTH) },
  );

  const lines = [
    text.greeting,
    "",
    text.intro,
    "",
    t.textLink(input.link),
    "",
    text.expires,
    t.ignore,
    "",
    "-- ",
    strings.sentBy(product, tenant),
  ];
  return { to: input.to, subject, html, text: lines.join("\n") };
}
