import type { ErrorCode } from "@foyer/core/rules";

/**
 * What a person reads for each API error code, in English. A `Record<ErrorCode, string>`,
 * so a code added to `@foyer/core` fails to compile until it has text here.
 */
export const errorsEn: Record<ErrorCode, string> = {
  VALIDATION_FAILED: "Some of the details aren't valid. Check the highlighted fields.",
  MALFORMED_JSON: "The request couldn't be read. Reload the page and try again.",
  UNSUPPORTED_MEDIA_TYPE: "The request couldn't be read. Reload the page and try again.",
  PAYLOAD_TOO_LARGE: "That's too much at once. Send fewer addresses per batch.",
  UNAUTHENTICATED: "Your session has ended. Sign in again to continue.",
  FORBIDDEN: "You don't have permission to do this.",
  NOT_FOUND: "This feature isn't available. Contact your administrator.",
  METHOD_NOT_ALLOWED: "This feature isn't available. Contact your administrator.",
  TENANT_NOT_FOUND: "This organisation doesn't exist or you can't access it.",
  ROLE_NOT_FOUND: "That role doesn't exist for this organisation. Choose another role.",
  ROLE_NOT_GRANTABLE: "You can only give roles up to your own. Choose another role.",
  EXPIRY_NOT_ALLOWED: "That expiry is longer than this organisation allows. Choose a shorter one.",
  INVITATION_NOT_FOUND: "This invitation no longer exists. Reload the list.",
  INVITATION_NOT_RESENDABLE: "Only pending or expired invitations can be resent.",
  INVITATION_LINK_UNAVAILABLE:
    "This invitation's link cannot be copied. Resend it to get a new link.",
  INVITATION_NOT_REVOCABLE: "Only pending or expired invitations can be revoked.",
  TOKEN_INVALID: "This invitation link is not valid.",
  INVITATION_EXPIRED: "This invitation has expired. Ask your administrator to send a new one.",
  INVITATION_REVOKED:
    "This invitation has been revoked. Ask your administrator if you still need access.",
  INVITATION_ALREADY_USED: "This invitation has already been used. Sign in instead.",
  INVITATION_SUPERSEDED:
    "A newer invitation was sent to this address. Use the link in the latest email.",
  TENANT_INACTIVE: "This organisation no longer accepts new members.",
  PASSWORD_TOO_WEAK: "Choose a stronger password that meets every rule.",
  PASSWORD_MISMATCH: "The passwords don't match.",
  USER_ALREADY_EXISTS: "User already registered.",
  SEAT_LIMIT_REACHED: "This organisation has no seats left. Free a seat or raise the limit.",
  INVITE_LINK_INVALID:
    "This invite link is not valid or has been deactivated. Please contact your administrator.",
  EMAIL_DOMAIN_NOT_ALLOWED:
    "This invite link only accepts email addresses at certain domains. Use your organisation's address.",
  TERMS_NOT_ACCEPTED: "Accept the Terms of Service and Privacy Policy to continue.",
  INVITE_LINK_ROLE_REQUIRED: "Choose a default role before turning the invite link on.",
  INVITE_LINK_SSO_ENABLED: "Not available - SSO is configured for this tenant.",
  TOO_MANY_DOMAINS: "You can allow at most 50 email domains. Remove some and try again.",
  DOMAIN_INVALID: "One of the domains isn't a valid email domain. Check the highlighted entries.",
  DOMAIN_IN_USE:
    "Another organisation of your MSP already allows this domain. Each domain can belong to one organisation only.",
  EMAIL_NOT_VERIFIED: "Verify your email address before signing in. Check your inbox for the link.",
  VERIFICATION_LINK_INVALID: "This verification link isn't valid. Request a new one.",
  VERIFICATION_LINK_EXPIRED: "This verification link has expired. Request a new one.",
  VERIFICATION_LINK_USED: "Your email address is already verified. Sign in to continue.",
  IDENTITY_PROVIDER_NOT_FOUND:
    "This sign-up option is not available. Sign up with your email address instead.",
  IDENTITY_EMAIL_NOT_VERIFIED:
    "Your identity provider has not verified your email address. Verify it there, or sign up with your email address and a password.",
  IDENTITY_EMAIL_MISMATCH:
    "The account you signed in with is not the address this invitation was sent to. Sign in with that address at your identity provider.",
  SSO_REQUIRED:
    "This organisation signs in with single sign-on. Accept the invitation with your organisation's account.",
  IDENTITY_SIGN_UP_FAILED:
    "Signing up with your identity provider did not complete. Please try again.",
  RATE_LIMITED: "Too many attempts. Wait a moment and try again.",
  IDEMPOTENCY_KEY_REUSED:
    "This request was already sent with different details. Reload and try again.",
  IDEMPOTENCY_IN_PROGRESS: "This request is still being processed. Wait a moment.",
  INTERNAL: "Something went wrong on our side. Try again in a moment.",
};

/** What a person reads for each API error code, in German. */
export const errorsDe: Record<ErrorCode, string> = {
  VALIDATION_FAILED: "Einige Angaben sind ungültig. Bitte prüfen Sie die markierten Felder.",
  MALFORMED_JSON:
    "Die Anfrage konnte nicht gelesen werden. Bitte laden Sie die Seite neu und versuchen Sie es erneut.",
  UNSUPPORTED_MEDIA_TYPE:
    "Die Anfrage konnte nicht gelesen werden. Bitte laden Sie die Seite neu und versuchen Sie es erneut.",
  PAYLOAD_TOO_LARGE: "Das ist zu viel auf einmal. Bitte senden Sie weniger Adressen pro Durchgang.",
  UNAUTHENTICATED: "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.",
  FORBIDDEN: "Dafür fehlt Ihnen die Berechtigung.",
  NOT_FOUND: "Diese Funktion ist nicht verfügbar. Bitte wenden Sie sich an Ihre Administration.",
  METHOD_NOT_ALLOWED:
    "Diese Funktion ist nicht verfügbar. Bitte wenden Sie sich an Ihre Administration.",
  TENANT_NOT_FOUND: "Diese Organisation gibt es nicht, oder Sie haben keinen Zugriff darauf.",
  ROLE_NOT_FOUND:
    "Diese Rolle gibt es in dieser Organisation nicht. Bitte wählen Sie eine andere Rolle.",
  ROLE_NOT_GRANTABLE:
    "Sie können nur Rollen vergeben, die Ihrer eigenen entsprechen oder darunter liegen.",
  EXPIRY_NOT_ALLOWED:
    "Diese Gültigkeitsdauer ist länger, als die Organisation erlaubt. Bitte wählen Sie eine kürzere.",
  INVITATION_NOT_FOUND: "Diese Einladung gibt es nicht mehr. Bitte laden Sie die Liste neu.",
  INVITATION_NOT_RESENDABLE:
    "Nur ausstehende oder abgelaufene Einladungen können erneut gesendet werden.",
  INVITATION_LINK_UNAVAILABLE:
    "Der Link dieser Einladung kann nicht kopiert werden. Senden Sie sie erneut, um einen neuen Link zu erhalten.",
  INVITATION_NOT_REVOCABLE:
    "Nur ausstehende oder abgelaufene Einladungen können widerrufen werden.",
  TOKEN_INVALID: "Dieser Einladungslink ist ungültig.",
  INVITATION_EXPIRED:
    "Diese Einladung ist abgelaufen. Bitten Sie Ihre Administration, eine neue zu senden.",
  INVITATION_REVOKED:
    "Diese Einladung wurde widerrufen. Wenden Sie sich an Ihre Administration, falls Sie weiterhin Zugang benötigen.",
  INVITATION_ALREADY_USED:
    "Diese Einladung wurde bereits verwendet. Bitte melden Sie sich stattdessen an.",
  INVITATION_SUPERSEDED:
    "An diese Adresse wurde inzwischen eine neuere Einladung gesendet. Bitte verwenden Sie den Link aus der neuesten E-Mail.",
  TENANT_INACTIVE: "Diese Organisation nimmt keine neuen Mitglieder mehr auf.",
  PASSWORD_TOO_WEAK: "Bitte wählen Sie ein stärkeres Passwort, das alle Regeln erfüllt.",
  PASSWORD_MISMATCH: "Die Passwörter stimmen nicht überein.",
  USER_ALREADY_EXISTS: "Benutzer bereits registriert.",
  SEAT_LIMIT_REACHED:
    "In dieser Organisation sind keine Plätze mehr frei. Geben Sie einen Platz frei oder erhöhen Sie das Limit.",
  INVITE_LINK_INVALID:
    "Dieser Einladungslink ist ungültig oder wurde deaktiviert. Bitte wenden Sie sich an Ihre Administration.",
  EMAIL_DOMAIN_NOT_ALLOWED:
    "Über diesen Einladungslink sind nur E-Mail-Adressen bestimmter Domains zugelassen. Bitte verwenden Sie die Adresse Ihrer Organisation.",
  TERMS_NOT_ACCEPTED:
    "Bitte akzeptieren Sie die Nutzungsbedingungen und die Datenschutzerklärung, um fortzufahren.",
  INVITE_LINK_ROLE_REQUIRED:
    "Bitte wählen Sie eine Standardrolle, bevor Sie den Einladungslink aktivieren.",
  INVITE_LINK_SSO_ENABLED: "Nicht verfügbar – für diese Organisation ist SSO eingerichtet.",
  TOO_MANY_DOMAINS:
    "Sie können höchstens 50 E-Mail-Domains zulassen. Bitte entfernen Sie einige und versuchen Sie es erneut.",
  DOMAIN_INVALID:
    "Eine der Domains ist keine gültige E-Mail-Domain. Bitte prüfen Sie die markierten Einträge.",
  DOMAIN_IN_USE:
    "Eine andere Organisation Ihres MSP lässt diese Domain bereits zu. Jede Domain kann nur zu einer Organisation gehören.",
  EMAIL_NOT_VERIFIED:
    "Bitte bestätigen Sie Ihre E-Mail-Adresse, bevor Sie sich anmelden. Den Link finden Sie in Ihrem Posteingang.",
  VERIFICATION_LINK_INVALID:
    "Dieser Bestätigungslink ist ungültig. Bitte fordern Sie einen neuen an.",
  VERIFICATION_LINK_EXPIRED:
    "Dieser Bestätigungslink ist abgelaufen. Bitte fordern Sie einen neuen an.",
  VERIFICATION_LINK_USED: "Ihre E-Mail-Adresse ist bereits bestätigt. Bitte melden Sie sich an.",
  IDENTITY_PROVIDER_NOT_FOUND:
    "Diese Anmeldeoption ist nicht verfügbar. Bitte registrieren Sie sich mit Ihrer E-Mail-Adresse.",
  IDENTITY_EMAIL_NOT_VERIFIED:
    "Ihr Identitätsanbieter hat Ihre E-Mail-Adresse nicht bestätigt. Bestätigen Sie sie dort, oder registrieren Sie sich mit E-Mail-Adresse und Passwort.",
  IDENTITY_EMAIL_MISMATCH:
    "Das Konto, mit dem Sie sich angemeldet haben, ist nicht die Adresse, an die diese Einladung ging. Melden Sie sich bei Ihrem Identitätsanbieter mit dieser Adresse an.",
  SSO_REQUIRED:
    "Diese Organisation meldet sich per Single Sign-On an. Nehmen Sie die Einladung mit dem Konto Ihrer Organisation an.",
  IDENTITY_SIGN_UP_FAILED:
    "Die Registrierung über Ihren Identitätsanbieter wurde nicht abgeschlossen. Bitte versuchen Sie es erneut.",
  RATE_LIMITED: "Zu viele Versuche. Bitte warten Sie einen Moment und versuchen Sie es erneut.",
  IDEMPOTENCY_KEY_REUSED:
    "Diese Anfrage wurde bereits mit anderen Angaben gesendet. Bitte laden Sie neu und versuchen Sie es erneut.",
  IDEMPOTENCY_IN_PROGRESS: "Diese Anfrage wird noch bearbeitet. Bitte warten Sie einen Moment.",
  INTERNAL: "Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es gleich noch einmal.",
};
