/**
 * The strings of the join page (R-UI-04 in join mode, R-LNK-06/07) that the accept page does
 * not have: the join page shares the form's labels, the password rules and the state pages'
 * wording with `acceptInvitePage`. Placeholders use `{{name}}`; the link texts of
 * `terms` are `{{terms}}` and `{{privacy}}`.
 */
export interface JoinPageStrings {
  /** Heading; `{{tenant}}`. */
  title: string;
  /** Line under the heading. */
  description: string;
  /** Hint under the email field when the link accepts some domains only; `{{domains}}`. */
  emailDomainsHint: string;
  /** The email field is empty. */
  emailRequired: string;
  /** The email field holds no valid address. */
  emailInvalid: string;
  /** The terms checkbox's label: `{{terms}}` and `{{privacy}}` become links. */
  terms: string;
  /** Text of the terms link. */
  termsLink: string;
  /** Text of the privacy link. */
  privacyLink: string;
  /** The terms checkbox is not ticked. */
  termsRequired: string;
  /** Primary button. */
  submit: string;
  /** Divider between identity-provider buttons and the form. */
  or: string;
  /** An identity-provider button; `{{provider}}`. */
  continueWith: string;
  /** Before the sign-in link, for people who already have an account. */
  haveAccount: string;
  /** The invalid-link page's heading (its text is R-LNK-07's, from `errors`). */
  invalidTitle: string;
  /** Body of the "check your email" step; `{{email}}`. */
  checkEmailBody: string;
  /** Button that sends the verification email again. */
  resend: string;
  /** That button while sending. */
  resending: string;
  /** Shown (and announced) after asking again: the server says the same either way. */
  resent: string;
  /** Why "Resend email" waits; `{{seconds}}` (the server sends at most one a minute). */
  resendIn: string;
}

/** English strings of the join page. */
export const joinPageEn: JoinPageStrings = {
  title: "Join {{tenant}}",
  description: "Create your account to get started.",
  emailDomainsHint: "Use your address at {{domains}}.",
  emailRequired: "Enter your email address.",
  emailInvalid: "Enter a valid email address, like name@example.com.",
  terms: "I accept the {{terms}} and the {{privacy}}.",
  termsLink: "Terms of Service",
  privacyLink: "Privacy Policy",
  termsRequired: "Accept the Terms of Service and Privacy Policy to continue.",
  submit: "Create account",
  or: "or",
  continueWith: "Continue with {{provider}}",
  haveAccount: "Already have an account?",
  invalidTitle: "Link not valid",
  checkEmailBody: "We sent a link to {{email}}. Open it to verify your address, then sign in.",
  resend: "Resend email",
  resending: "Sending…",
  resent:
    "If your address still needs verifying, a new email is on its way. Check your inbox and spam folder.",
  resendIn: "You can ask for another email in {{seconds}} s.",
};

/** German strings of the join page (Sie-Form). */
export const joinPageDe: JoinPageStrings = {
  title: "{{tenant}} beitreten",
  description: "Legen Sie Ihr Konto an, um loszulegen.",
  emailDomainsHint: "Verwenden Sie Ihre Adresse bei {{domains}}.",
  emailRequired: "Bitte geben Sie Ihre E-Mail-Adresse ein.",
  emailInvalid: "Bitte geben Sie eine gültige E-Mail-Adresse ein, etwa name@example.com.",
  terms: "Ich akzeptiere die {{terms}} und die {{privacy}}.",
  termsLink: "Nutzungsbedingungen",
  privacyLink: "Datenschutzerklärung",
  termsRequired:
    "Bitte akzeptieren Sie die Nutzungsbedingungen und die Datenschutzerklärung, um fortzufahren.",
  submit: "Konto anlegen",
  or: "oder",
  continueWith: "Weiter mit {{provider}}",
  haveAccount: "Sie haben bereits ein Konto?",
  invalidTitle: "Link ungültig",
  checkEmailBody:
    "Wir haben einen Link an {{email}} gesendet. Öffnen Sie ihn, um Ihre Adresse zu bestätigen, und melden Sie sich dann an.",
  resend: "E-Mail erneut senden",
  resending: "Wird gesendet …",
  resent:
    "Falls Ihre Adresse noch bestätigt werden muss, ist eine neue E-Mail unterwegs. Bitte prüfen Sie auch Ihren Spam-Ordner.",
  resendIn: "Eine weitere E-Mail können Sie in {{seconds}} s anfordern.",
};
