import type { EmailLocale, Tenant } from "@foyer/core";
import type { MailMessage } from "../types.ts";

// What each email template says, as plain data (R-EML-01). The composer in
// `services/outbox.ts` fills these at send time; `render-email.ts` turns them into HTML and
// text. Kept free of React so the isomorphic root loads the renderer only when it sends.

/** The tenant's side of every email: its name and branding. */
export type EmailTenant = Pick<Tenant, "name" | "logoUrl" | "accentColor">;

/** What every template needs. */
export interface EmailBase {
  to: string;
  locale: EmailLocale;
  productName: string;
  tenant: EmailTenant;
  /**
   * Where a logo given as a path (`/logos/acme.svg`) is served: the tenant's invite base URL
   * or the server's public base URL. An email has no page origin to resolve it against.
   */
  assetBaseUrl: string;
}

/**
 * An invitation (R-EML-01), its resend (a new link; the old one died) or its reminder
 * (R-INV-17): who invites whom to which organisation and role, the personal message, the
 * expiry and the link.
 */
export interface InvitationEmailInput extends EmailBase {
  template: "invitation";
  variant: "new" | "resent" | "reminder";
  roleName: string;
  /** The inviter's name or address; null when unknown (an API key, a sync). */
  inviterName: string | null;
  message: string | null;
  expiresAt: Date;
  link: string;
}

/** The email that proves an address (R-LNK-09). */
export interface VerificationEmailInput extends EmailBase {
  template: "verification";
  /** The person's first name, for the greeting. */
  firstName: string | null;
  link: string;
  expiresAt: Date;
}

/** Tells the inviter their invitation was accepted (the tenant's `notifyInviterOnAccept`). */
export interface InviterNoticeInput extends EmailBase {
  template: "inviter_notice";
  /** The inviter's name, for the greeting. */
  inviterName: string | null;
  /** The invitee's name as given on accepting, and their address. */
  inviteeName: string | null;
  inviteeEmail: string;
  roleName: string;
  acceptedAt: Date;
}

/** Any email Foyer sends. */
export type EmailInput = InvitationEmailInput | VerificationEmailInput | InviterNoticeInput;

/** A rendered email: one-line subject, HTML and plain-text parts. */
export type RenderedEmail = Omit<MailMessage, "id">;

/**
 * What every email of a tenant shares: its language, name, branding and the base URL a logo
 * path resolves against (the tenant's invite base URL, else the server's public one).
 */
export function emailBase(
  server: { productName: string; publicBaseUrl: string },
  tenant: Tenant,
  to: string,
): EmailBase {
  return {
    to,
    locale: tenant.settings.emailLocale,
    productName: server.productName,
    tenant: { name: tenant.name, logoUrl: tenant.logoUrl, accentColor: tenant.accentColor },
    assetBaseUrl: tenant.inviteBaseUrl ?? server.publicBaseUrl,
  };
}

type Renderer = (input: EmailInput) => RenderedEmail;
let loading: Promise<Renderer> | null = null;

/**
 * Renders an email. The templates (React Email) load on the first call, so a browser
 * bundle of the server (the `@foyer/msw` mock) fetches them only when it sends an email.
 */
export async function renderEmail(input: EmailInput): Promise<RenderedEmail> {
  loading ??= import("./render-email.ts").then((module) => module.renderEmailNow);
  const render = await loading;
  return render(input);
}
