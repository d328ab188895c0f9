/** Every string the accept-invitation page shows (R-UI-04). Placeholders use `{{name}}`. */
export interface AcceptInvitePageStrings {
  /** Heading; `{{tenant}}` is the organisation's name. */
  title: string;
  /** Line under the heading; `{{name}}` is the inviter. */
  invitedBy: string;
  /** Accessible prefix of the role badge; `{{role}}`. */
  roleBadge: string;
  /** Accessible text of the loading card. */
  loading: string;
  /** Alternative text of the tenant logo; `{{tenant}}`. */
  logoAlt: string;
  /** Label of the email field. */
  emailLabel: string;
  /** Hint under the read-only email field. */
  emailHint: string;
  /** Label of the first-name field. */
  firstNameLabel: string;
  /** Label of the last-name field. */
  lastNameLabel: string;
  /** Label of the password field. */
  passwordLabel: string;
  /** Label of the confirmation field. */
  confirmLabel: string;
  /** Show-password toggle. */
  showPassword: string;
  /** Hide-password toggle. */
  hidePassword: string;
  /** Heading of the live checklist. */
  checklistTitle: string;
  /** Rule labels; `{{count}}` where the rule has a number (R-PWD-01). */
  rules: {
    minLength: string;
    maxLength: string;
    uppercase: string;
    lowercase: string;
    digit: string;
    symbol: string;
    notCommon: string;
  };
  /** Accessible state of a met rule. */
  ruleMet: string;
  /** Accessible state of an unmet rule. */
  ruleUnmet: string;
  /** Announced when a rule becomes met; `{{rule}}`. */
  ruleMetAnnouncement: string;
  /** Announced when a rule stops being met; `{{rule}}`. */
  ruleUnmetAnnouncement: string;
  /** The first name is empty. */
  firstNameRequired: string;
  /** The last name is empty. */
  lastNameRequired: string;
  /** The password is empty. */
  passwordRequired: string;
  /** The confirmation is empty. */
  confirmRequired: string;
  /** The confirmation does not match. */
  mismatch: string;
  /** The password does not meet the policy. */
  passwordWeak: string;
  /** Primary button. */
  submit: string;
  /** Primary button while submitting. */
  submitting: string;
  /** Shown when the form has problems on submit. */
  formInvalid: string;
  /** Error page: invalid link. */
  invalidTitle: string;
  /** Error page body: invalid link. */
  invalidBody: string;
  /** Error page: expired. */
  expiredTitle: string;
  /** Error page body: expired. */
  expiredBody: string;
  /** Error page: revoked. */
  revokedTitle: string;
  /** Error page body: revoked. */
  revokedBody: string;
  /** Error page: already used. */
  usedTitle: string;
  /** Error page body: already used. */
  usedBody: string;
  /** Sign-in link on the already-used page. */
  signIn: string;
  /** Error page: superseded by a newer invitation. */
  supersededTitle: string;
  /** Error page body: superseded. */
  supersededBody: string;
  /** Error page: the organisation no longer accepts members. */
  inactiveTitle: string;
  /** Error page body: inactive. */
  inactiveBody: string;
  /** Error page: network failure. */
  networkTitle: string;
  /** Error page body: network failure. */
  networkBody: string;
  /** Error page: anything else. */
  genericTitle: string;
  /** Retry button. */
  retry: string;
  /** Shown when the account already exists. */
  userExists: string;
  /** Heading after accepting when verification is required. */
  verifyTitle: string;
  /** Body of the verification step; `{{email}}`. */
  verifyBody: string;
  /** Heading after accepting when signed in. */
  doneTitle: string;
  /** Body after accepting when signed in; `{{tenant}}`. */
  doneBody: string;
  /** Shown while redirecting. */
  redirecting: string;
  /** An identity-provider button; `{{provider}}`. */
  acceptWith: string;
  /** Between the provider buttons and the form. */
  or: string;
  /**
   * Above the provider buttons when the tenant signs in with SSO only; `{{tenant}}`,
   * `{{email}}` (the invited address, the account to sign in with).
   */
  ssoHint: string;
}

/** English strings of the accept-invitation page. */
export const acceptInvitePageEn: AcceptInvitePageStrings = {
  title: "You're invited to join {{tenant}}",
  invitedBy: "Invited by {{name}}",
  roleBadge: "Role: {{role}}",
  loading: "Loading your invitation…",
  logoAlt: "{{tenant}} logo",
  emailLabel: "Email",
  emailHint: "The invitation was sent to this address.",
  firstNameLabel: "First name",
  lastNameLabel: "Last name",
  passwordLabel: "Password",
  confirmLabel: "Confirm password",
  showPassword: "Show password",
  hidePassword: "Hide password",
  checklistTitle: "Your password needs",
  rules: {
    minLength: "At least {{count}} characters",
    maxLength: "No more than {{count}} characters",
    uppercase: "An uppercase letter",
    lowercase: "A lowercase letter",
    digit: "A number",
    symbol: "A symbol or space",
    notCommon: "Not a common password",
  },
  ruleMet: "met",
  ruleUnmet: "not met yet",
  ruleMetAnnouncement: "{{rule}}: met",
  ruleUnmetAnnouncement: "{{rule}}: not met",
  firstNameRequired: "Enter your first name.",
  lastNameRequired: "Enter your last name.",
  passwordRequired: "Choose a password.",
  confirmRequired: "Enter the password again.",
  mismatch: "The passwords do not match.",
  passwordWeak: "Choose a password that meets every rule below.",
  submit: "Accept & create account",
  submitting: "Creating account…",
  formInvalid: "Check the highlighted fields.",
  invalidTitle: "Link not valid",
  invalidBody: "This invitation link is not valid.",
  expiredTitle: "Invitation expired",
  expiredBody: "This invitation has expired. Ask your administrator to send a new one.",
  revokedTitle: "Invitation revoked",
  revokedBody: "This invitation has been revoked. Ask your administrator if you still need access.",
  usedTitle: "Invitation already used",
  usedBody: "This invitation has already been used. Sign in instead.",
  signIn: "Sign in",
  supersededTitle: "A newer invitation was sent",
  supersededBody: "A newer invitation was sent for this address. Use the link in the latest email.",
  inactiveTitle: "Organization unavailable",
  inactiveBody:
    "This organization no longer accepts new members. Contact your administrator for help.",
  networkTitle: "Could not connect",
  networkBody: "Check your connection and try again.",
  genericTitle: "Something went wrong",
  retry: "Try again",
  userExists: "An account with this email already exists. Sign in instead.",
  verifyTitle: "Check your email",
  verifyBody: "We sent a link to {{email}}. Open it to verify your address, then sign in.",
  doneTitle: "You're in",
  doneBody: "Your account for {{tenant}} is ready.",
  redirecting: "Taking you there…",
  acceptWith: "Accept with {{provider}}",
  or: "or",
  ssoHint: "{{tenant}} uses single sign-on. Sign in as {{email}} to accept.",
};

/** German strings of the accept-invitation page. */
export const acceptInvitePageDe: AcceptInvitePageStrings = {
  title: "Sie wurden zu {{tenant}} eingeladen",
  invitedBy: "Eingeladen von {{name}}",
  roleBadge: "Rolle: {{role}}",
  loading: "Ihre Einladung wird geladen …",
  logoAlt: "Logo von {{tenant}}",
  emailLabel: "E-Mail",
  emailHint: "Die Einladung wurde an diese Adresse gesendet.",
  firstNameLabel: "Vorname",
  lastNameLabel: "Nachname",
  passwordLabel: "Passwort",
  confirmLabel: "Passwort bestätigen",
  showPassword: "Passwort anzeigen",
  hidePassword: "Passwort verbergen",
  checklistTitle: "Ihr Passwort braucht",
  rules: {
    minLength: "Mindestens {{count}} Zeichen",
    maxLength: "Höchstens {{count}} Zeichen",
    uppercase: "Einen Großbuchstaben",
    lowercase: "Einen Kleinbuchstaben",
    digit: "Eine Ziffer",
    symbol: "Ein Sonderzeichen oder Leerzeichen",
    notCommon: "Kein häufig verwendetes Passwort",
  },
  ruleMet: "erfüllt",
  ruleUnmet: "noch nicht erfüllt",
  ruleMetAnnouncement: "{{rule}}: erfüllt",
  ruleUnmetAnnouncement: "{{rule}}: nicht erfüllt",
  firstNameRequired: "Geben Sie Ihren Vornamen ein.",
  lastNameRequired: "Geben Sie Ihren Nachnamen ein.",
  passwordRequired: "Wählen Sie ein Passwort.",
  confirmRequired: "Geben Sie das Passwort noch einmal ein.",
  mismatch: "Die Passwörter stimmen nicht überein.",
  passwordWeak: "Wählen Sie ein Passwort, das alle Regeln unten erfüllt.",
  submit: "Annehmen und Konto erstellen",
  submitting: "Konto wird erstellt …",
  formInvalid: "Bitte prüfen Sie die markierten Felder.",
  invalidTitle: "Link ungültig",
  invalidBody: "Dieser Einladungslink ist ungültig.",
  expiredTitle: "Einladung abgelaufen",
  expiredBody:
    "Diese Einladung ist abgelaufen. Bitten Sie Ihre Administratorin oder Ihren Administrator um eine neue.",
  revokedTitle: "Einladung widerrufen",
  revokedBody:
    "Diese Einladung wurde widerrufen. Wenden Sie sich an Ihre Administration, falls Sie weiterhin Zugang brauchen.",
  usedTitle: "Einladung bereits verwendet",
  usedBody: "Diese Einladung wurde bereits verwendet. Melden Sie sich stattdessen an.",
  signIn: "Anmelden",
  supersededTitle: "Es gibt eine neuere Einladung",
  supersededBody:
    "Für diese Adresse wurde eine neuere Einladung verschickt. Verwenden Sie den Link aus der neuesten E-Mail.",
  inactiveTitle: "Organisation nicht verfügbar",
  inactiveBody:
    "Diese Organisation nimmt keine neuen Mitglieder mehr auf. Wenden Sie sich an Ihre Administration.",
  networkTitle: "Keine Verbindung",
  networkBody: "Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.",
  genericTitle: "Etwas ist schiefgelaufen",
  retry: "Erneut versuchen",
  userExists: "Für diese E-Mail-Adresse gibt es bereits ein Konto. Melden Sie sich stattdessen an.",
  verifyTitle: "Prüfen Sie Ihr Postfach",
  verifyBody:
    "Wir haben einen Link an {{email}} gesendet. Öffnen Sie ihn, um Ihre Adresse zu bestätigen, und melden Sie sich dann an.",
  doneTitle: "Willkommen",
  doneBody: "Ihr Konto bei {{tenant}} ist eingerichtet.",
  redirecting: "Sie werden weitergeleitet …",
  acceptWith: "Mit {{provider}} annehmen",
  or: "oder",
  ssoHint: "{{tenant}} nutzt Single Sign-On. Melden Sie sich als {{email}} an, um anzunehmen.",
};
