import type { MailMessage } from "../types.ts";
import { escapeHtml } from "./invitation-email.ts";

/** What a verification email says (R-LNK-09). */
export interface VerificationEmailInput {
  to: string;
  productName: string;
  tenantName: string;
  /** The person's first name, for the greeting. */
  firstName: string | null;
  link: string;
  expiresAt: Date;
}

const EXPIRY_FORMAT = new Intl.DateTimeFormat("en", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "UTC",
});

/**
 * The email that proves an address (R-LNK-09): a single-use link that expires. Values from
 * people are escaped in the HTML part.
 */
export function renderVerificationEmail(input: VerificationEmailInput): Omit<MailMessage, "id"> {
  const subject = `Verify your email address for ${input.tenantName}`;
  const expires = `${EXPIRY_FORMAT.format(input.expiresAt)} UTC`;
  const greeting = input.firstName ? `Hi ${input.firstName},` : "Hi,";
  const intro = `Your ${input.productName} account for ${input.tenantName} is almost ready. Confirm that ${input.to} is your address to finish signing up.`;
  const text = [
    greeting,
    "",
    intro,
    "",
    `Verify your email address: ${input.link}`,
    "",
    `This link works once and expires on ${expires}. If it has expired, request a new one from the sign-in page.`,
    "If you did not sign up, you can ignore this email; the account stays unusable.",
  ].join("\n");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f7f9;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#111827">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table role="presentation" width="100%" style="max-width:520px;background:#ffffff;border:1px solid #e5e7eb;border-radius:8px;padding:32px">
<tr><td>
<h1 style="font-size:20px;margin:0 0 16px">Verify your email address</h1>
<p style="font-size:15px;line-height:1.5;margin:0 0 8px">${escapeHtml(greeting)}</p>
<p style="font-size:15px;line-height:1.5;margin:0 0 16px">${escapeHtml(intro)}</p>
<p style="margin:24px 0"><a href="${escapeHtml(input.link)}" style="display:inline-block;background:#111827;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:600">Verify email address</a></p>
<p style="font-size:13px;line-height:1.5;color:#4b5563;margin:0 0 8px">This link works once and expires on ${escapeHtml(expires)}. If it has expired, request a new one from the sign-in page.</p>
<p style="font-size:13px;line-height:1.5;color:#4b5563;margin:0 0 8px">If the button does not work, copy this link into your browser:<br><span style="word-break:break-all">${escapeHtml(input.link)}</span></p>
<p style="font-size:13px;color:#6b7280;margin:16px 0 0">If you did not sign up, you can ignore this email; the account stays unusable.</p>
</td></tr></table></td></tr></table></body></html>`;
  return { to: input.to, subject, html, text };
}
