/** Every string the email-verification page shows (R-LNK-09). Placeholders use `{{name}}`. */
export interface VerifyEmailPageStrings {
  /** Shown while the link is checked. */
  verifying: string;
  /** Heading once verified. */
  verifiedTitle: string;
  /** Verified; the person signs in next. */
  verifiedBody: string;
  /** Verified and signed in by the host. */
  signedInBody: string;
  /** Button or link onwards after verifying. */
  continue: string;
  /** Heading: the link is not valid (its text comes from `errors`). */
  invalidTitle: string;
  /** Heading: the link expired. */
  expiredTitle: string;
  /** Heading: the address was verified before. */
  usedTitle: string;
  /** Heading of any other failure. */
  errorTitle: string;
  /** Sign-in link. */
  signIn: string;
  /** Asks for the address to send a new link to. */
  resendPrompt: string;
  /** Label of the address field. */
  emailLabel: string;
  /** The address is missing or not valid. */
  emailInvalid: string;
  /** Button that asks for a new link. */
  resend: string;
  /** That button while sending. */
  resending: string;
  /** After asking: the same words whether or not the address exists. */
  resent: string;
  /** Retry after a network failure. */
  retry: string;
}

/** English strings of the email-verification page. */
export const verifyEmailPageEn: VerifyEmailPageStrings = {
  verifying: "Verifying your email address…",
  verifiedTitle: "Email verified",
  verifiedBody: "Your email address is verified. Sign in to continue.",
  signedInBody: "Your email address is verified and you're signed in.",
  continue: "Continue",
  invalidTitle: "Link not valid",
  expiredTitle: "Link expired",
  usedTitle: "Already verified",
  errorTitle: "Something went wrong",
  signIn: "Sign in",
  resendPrompt: "Enter your email address and we'll send you a new link.",
  emailLabel: "Email",
  emailInvalid: "Enter a valid email address, like name@example.com.",
  resend: "Send a new link",
  resending: "Sending…",
  resent:
    "If this address is waiting for verification, a new link is on its way. Check your inbox and spam folder.",
  retry: "Try again",
};

/** German strings of the email-verification page (Sie-Form). */
export const verifyEmailPageDe: VerifyEmailPageStrings = {
  verifying: "Ihre E-Mail-Adresse wird bestätigt …",
  verifiedTitle: "E-Mail-Adresse bestätigt",
  verifiedBody: "Ihre E-Mail-Adresse ist bestätigt. Bitte melden Sie sich an, um fortzufahren.",
  signedInBody: "Ihre E-Mail-Adresse ist bestätigt und Sie sind angemeldet.",
  continue: "Weiter",
  invalidTitle: "Link ungültig",
  expiredTitle: "Link abgelaufen",
  usedTitle: "Bereits bestätigt",
  errorTitle: "Etwas ist schiefgelaufen",
  signIn: "Anmelden",
  resendPrompt: "Geben Sie Ihre E-Mail-Adresse ein, und wir senden Ihnen einen neuen Link.",
  emailLabel: "E-Mail-Adresse",
  emailInvalid: "Bitte geben Sie eine gültige E-Mail-Adresse ein, etwa name@example.com.",
  resend: "Neuen Link senden",
  resending: "Wird gesendet …",
  resent:
    "Falls diese Adresse auf ihre Bestätigung wartet, ist ein neuer Link unterwegs. Bitte prüfen Sie auch Ihren Spam-Ordner.",
  retry: "Erneut versuchen",
};
