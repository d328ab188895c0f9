import type { EmailLocale } from "@foyer/core";

// The words of Foyer's emails in every language it writes (R-EML-01). Values arrive already
// on one line (names, tenant, role); the templates escape them, so nothing here escapes.

/** Characters of the inbox preview line (what React Email's `Preview` keeps). */
export const PREVIEW_LENGTH = 150;

/** Who invited: a name, or null when Foyer does not know (an API key, a sync). */
type Who = string | null;

/** The texts of one language. */
export interface EmailStrings {
  /** `lang` of the HTML part. */
  lang: EmailLocale;
  /** Date and time formatter for expiry and acceptance times (shown in UTC). */
  dateTime: Intl.DateTimeFormat;
  /** A formatted time with its zone. */
  at(formatted: string): string;
  /** Under the card: who sent the email for whom. */
  sentBy(product: string, tenant: string): string;
  /** Above the fallback link. */
  copyLink: string;
  invitation: {
    subject(who: Who, tenant: string): string;
    subjectResent(who: Who, tenant: string): string;
    subjectReminder(tenant: string): string;
    heading(tenant: string): string;
    headingReminder(tenant: string): string;
    welcome: string;
    greetingReminder: string;
    intro(who: Who, tenant: string, product: string, role: string): string;
    /** Said in a resend: the link is new and earlier ones are dead. */
    resent: string;
    /** Said in a reminder. */
    reminder: string;
    messageFrom(who: Who, tenant: string): string;
    button: string;
    /** The text part's line with the link. */
    textLink(link: string): string;
    expires(when: string): string;
    ignore: string;
  };
  verification: {
    subject(tenant: string): string;
    heading: string;
    greeting(firstName: string | null): string;
    intro(product: string, tenant: string, address: string): string;
    button: string;
    textLink(link: string): string;
    expires(when: string): string;
    ignore: string;
  };
  inviterNotice: {
    subject(invitee: string, tenant: string): string;
    heading: string;
    greeting(inviter: string | null): string;
    body(invitee: string, address: string | null, tenant: string, role: string): string;
    when(at: string): string;
    why(tenant: string): string;
  };
}

const timeFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

const en: EmailStrings = {
  lang: "en",
  dateTime: timeFormat("en"),
  at: (formatted) => `${formatted} UTC`,
  sentBy: (product, tenant) => `Sent by ${product} on behalf of ${tenant}.`,
  copyLink: "If the button does not work, copy this link into your browser:",
  invitation: {
    subject: (who, tenant) =>
      `${who ?? `An administrator of ${tenant}`} invited you to join ${tenant}`,
    subjectResent: (who, tenant) =>
      who
        ? `${who} sent you a new invitation to join ${tenant}`
        : `A new invitation to join ${tenant}`,
    subjectReminder: (tenant) => `Reminder: your invitation to join ${tenant} expires soon`,
    heading: (tenant) => `Join ${tenant}`,
    headingReminder: (tenant) => `Your invitation to ${tenant} expires soon`,
    welcome: "Welcome!",
    greetingReminder: "Hello,",
    intro: (who, tenant, product, role) =>
      `${who ?? `An administrator of ${tenant}`} invited you to join ${tenant} on ${product} as ${role}.`,
    resent: "This is a new invitation link. Links from earlier emails no longer work.",
    reminder: "You have not accepted it yet, and it will expire soon.",
    messageFrom: (who, tenant) => `Message from ${who ?? tenant}:`,
    button: "Accept invitation",
    textLink: (link) => `Accept the invitation and create your account: ${link}`,
    expires: (when) =>
      `This invitation expires on ${when}. If it has expired, ask your administrator to send a new one.`,
    ignore: "If you were not expecting this invitation, you can ignore this email.",
  },
  verification: {
    subject: (tenant) => `Verify your email address for ${tenant}`,
    heading: "Verify your email address",
    greeting: (firstName) => (firstName ? `Hi ${firstName},` : "Hi,"),
    intro: (product, tenant, address) =>
      `Your ${product} account for ${tenant} is almost ready. Confirm that ${address} is your address to finish signing up.`,
    button: "Verify email address",
    textLink: (link) => `Verify your email address: ${link}`,
    expires: (when) =>
      `This link works once and expires on ${when}. If it has expired, request a new one from the sign-in page.`,
    ignore: "If you did not sign up, you can ignore this email; the account stays unusable.",
  },
  inviterNotice: {
    subject: (invitee, tenant) => `${invitee} accepted your invitation to ${tenant}`,
    heading: "Invitation accepted",
    greeting: (inviter) => (inviter ? `Hi ${inviter},` : "Hi,"),
    body: (invitee, address, tenant, role) =>
      `${invitee}${address ? ` (${address})` : ""} accepted your invitation and joined ${tenant} as ${role}.`,
    when: (at) => `Accepted on ${at}.`,
    why: (tenant) =>
      `You receive this email because ${tenant} tells people when an invitation they sent is accepted.`,
  },
};

const de: EmailStrings = {
  lang: "de",
  dateTime: timeFormat("de"),
  at: (formatted) => `${formatted} UTC`,
  sentBy: (product, tenant) => `Gesendet von ${product} im Auftrag von ${tenant}.`,
  copyLink: "Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:",
  invitation: {
    subject: (who, tenant) =>
      who ? `${who} hat Sie zu ${tenant} eingeladen` : `Einladung zu ${tenant}`,
    subjectResent: (who, tenant) =>
      who
        ? `${who} hat Ihnen eine neue Einladung zu ${tenant} geschickt`
        : `Neue Einladung zu ${tenant}`,
    subjectReminder: (tenant) => `Erinnerung: Ihre Einladung zu ${tenant} läuft bald ab`,
    heading: (tenant) => `Einladung zu ${tenant}`,
    headingReminder: (tenant) => `Ihre Einladung zu ${tenant} läuft bald ab`,
    welcome: "Willkommen!",
    greetingReminder: "Guten Tag,",
    intro: (who, tenant, product, role) =>
      who
        ? `${who} hat Sie eingeladen, ${tenant} bei ${product} beizutreten. Ihre Rolle: ${role}.`
        : `Sie wurden eingeladen, ${tenant} bei ${product} beizutreten. Ihre Rolle: ${role}.`,
    resent:
      "Dies ist ein neuer Einladungslink. Links aus früheren E-Mails funktionieren nicht mehr.",
    reminder: "Sie haben die Einladung noch nicht angenommen, und sie läuft bald ab.",
    messageFrom: (who, tenant) => `Nachricht von ${who ?? tenant}:`,
    button: "Einladung annehmen",
    textLink: (link) => `Nehmen Sie die Einladung an und erstellen Sie Ihr Konto: ${link}`,
    expires: (when) =>
      `Diese Einladung läuft am ${when} ab. Ist sie abgelaufen, bitten Sie Ihre Administratorin oder Ihren Administrator um eine neue.`,
    ignore:
      "Falls Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail einfach ignorieren.",
  },
  verification: {
    subject: (tenant) => `Bestätigen Sie Ihre E-Mail-Adresse für ${tenant}`,
    heading: "Bestätigen Sie Ihre E-Mail-Adresse",
    greeting: (firstName) => (firstName ? `Hallo ${firstName},` : "Hallo,"),
    intro: (product, tenant, address) =>
      `Ihr Konto bei ${product} für ${tenant} ist fast fertig. Bestätigen Sie, dass ${address} Ihre Adresse ist, um die Registrierung abzuschließen.`,
    button: "E-Mail-Adresse bestätigen",
    textLink: (link) => `Bestätigen Sie Ihre E-Mail-Adresse: ${link}`,
    expires: (when) =>
      `Der Link funktioniert nur einmal und läuft am ${when} ab. Ist er abgelaufen, fordern Sie auf der Anmeldeseite einen neuen an.`,
    ignore:
      "Falls Sie sich nicht registriert haben, können Sie diese E-Mail ignorieren; das Konto bleibt dann gesperrt.",
  },
  inviterNotice: {
    subject: (invitee, tenant) => `${invitee} hat Ihre Einladung zu ${tenant} angenommen`,
    heading: "Einladung angenommen",
    greeting: (inviter) => (inviter ? `Hallo ${inviter},` : "Hallo,"),
    body: (invitee, address, tenant, role) =>
      `${invitee}${address ? ` (${address})` : ""} hat Ihre Einladung angenommen und ist ${tenant} mit der Rolle ${role} beigetreten.`,
    when: (at) => `Angenommen am ${at}.`,
    why: (tenant) =>
      `Sie erhalten diese E-Mail, weil ${tenant} Sie benachrichtigt, sobald eine Ihrer Einladungen angenommen wird.`,
  },
};

const STRINGS: Record<EmailLocale, EmailStrings> = { en, de };

/** The texts of a language. */
export function emailStrings(locale: EmailLocale): EmailStrings {
  return STRINGS[locale];
}

/** A time as the emails show it: `November 29, 2026 at 9:00 AM UTC`, `29. November 2026 um 09:00 UTC`. */
export function formatTime(strings: EmailStrings, date: Date): string {
  return strings.at(strings.dateTime.format(date));
}
