/**
 * Every error code Foyer answers with, defined once with its HTTP status and the default
 * developer-facing message. The server answers `{ error: { code, message, issues? } }`; the
 * client turns that into `FoyerError`; components translate by code.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, message: "The request is not valid." },
  MALFORMED_JSON: { status: 400, message: "The request body is not valid JSON." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Send the body as application/json." },
  PAYLOAD_TOO_LARGE: { status: 413, message: "The request body is too large." },
  UNAUTHENTICATED: { status: 401, message: "Sign in to continue." },
  FORBIDDEN: { status: 403, message: "You are not allowed to do this." },
  NOT_FOUND: { status: 404, message: "No such endpoint." },
  METHOD_NOT_ALLOWED: { status: 405, message: "This endpoint does not accept that method." },
  TENANT_NOT_FOUND: { status: 404, message: "No such tenant." },
  ROLE_NOT_FOUND: { status: 400, message: "No such role for this tenant." },
  ROLE_NOT_GRANTABLE: {
    status: 403,
    message: "You can only grant roles up to your own rank.",
  },
  EXPIRY_NOT_ALLOWED: {
    status: 400,
    message: "That expiry is longer than this tenant allows.",
  },
  INVITATION_NOT_FOUND: { status: 404, message: "No such invitation." },
  INVITATION_NOT_RESENDABLE: {
    status: 409,
    message: "Only pending or expired invitations can be resent.",
  },
  INVITATION_LINK_UNAVAILABLE: {
    status: 409,
    message: "This invitation's link cannot be copied; resend it to issue a new link.",
  },
  INVITATION_NOT_REVOCABLE: {
    status: 409,
    message: "Only pending or expired invitations can be revoked.",
  },
  TOKEN_INVALID: { status: 404, message: "This invitation link is not valid." },
  INVITATION_EXPIRED: {
    status: 410,
    message: "This invitation has expired. Ask your administrator to send a new one.",
  },
  INVITATION_REVOKED: { status: 410, message: "This invitation has been revoked." },
  INVITATION_ALREADY_USED: { status: 410, message: "This invitation has already been used." },
  INVITATION_SUPERSEDED: {
    status: 410,
    message: "A newer invitation was sent for this address. Use the link in the latest email.",
  },
  TENANT_INACTIVE: { status: 410, message: "This organisation no longer accepts new members." },
  PASSWORD_TOO_WEAK: { status: 400, message: "The password does not meet the policy." },
  PASSWORD_MISMATCH: { status: 400, message: "The passwords do not match." },
  USER_ALREADY_EXISTS: { status: 409, message: "User already registered." },
  SEAT_LIMIT_REACHED: { status: 409, message: "The tenant's seat limit is reached." },
  INVITE_LINK_INVALID: {
    status: 404,
    message:
      "This invite link is not valid or has been deactivated. Please contact your administrator.",
  },
  EMAIL_DOMAIN_NOT_ALLOWED: {
    status: 403,
    message:
      "This invite link only accepts email addresses at certain domains. Use your organisation's address.",
  },
  TERMS_NOT_ACCEPTED: {
    status: 400,
    message: "Accept the Terms of Service and Privacy Policy to continue.",
  },
  INVITE_LINK_ROLE_REQUIRED: {
    status: 400,
    message: "Choose a default role before turning the invite link on.",
  },
  INVITE_LINK_SSO_ENABLED: {
    status: 409,
    message: "Not available - SSO is configured for this tenant.",
  },
  TOO_MANY_DOMAINS: { status: 400, message: "A tenant can allow at most 50 email domains." },
  DOMAIN_INVALID: { status: 400, message: "This is not a valid email domain." },
  DOMAIN_IN_USE: {
    status: 409,
    message: "This email domain is already allowed by another tenant of the same MSP.",
  },
  EMAIL_NOT_VERIFIED: {
    status: 403,
    message: "Verify your email address before signing in. Check your inbox for the link.",
  },
  VERIFICATION_LINK_INVALID: {
    status: 404,
    message: "This verification link is not valid. Request a new one.",
  },
  VERIFICATION_LINK_EXPIRED: {
    status: 410,
    message: "This verification link has expired. Request a new one.",
  },
  VERIFICATION_LINK_USED: {
    status: 410,
    message: "This email address is already verified. Sign in to continue.",
  },
  IDENTITY_PROVIDER_NOT_FOUND: {
    status: 404,
    message: "This sign-up option is not available. Sign up with your email address instead.",
  },
  IDENTITY_EMAIL_NOT_VERIFIED: {
    status: 403,
    message:
      "Your identity provider has not verified your email address. Verify it there, or sign up with your email address and a password.",
  },
  IDENTITY_EMAIL_MISMATCH: {
    status: 403,
    message:
      "The account you signed in with is not the address this invitation was sent to. Sign in with that address at your identity provider.",
  },
  SSO_REQUIRED: {
    status: 403,
    message:
      "This organisation signs in with single sign-on. Accept the invitation with your organisation's account.",
  },
  IDENTITY_SIGN_UP_FAILED: {
    status: 400,
    message: "Signing up with your identity provider did not complete. Please try again.",
  },
  RATE_LIMITED: { status: 429, message: "Too many requests. Try again later." },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message: "This Idempotency-Key was used with a different request.",
  },
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    message: "A request with this Idempotency-Key is still in progress.",
  },
  INTERNAL: { status: 500, message: "Something went wrong on our side." },
} as const satisfies Record<string, { status: number; message: string }>;

/** A machine-readable error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** All error codes, in definition order. */
export const errorCodes = Object.keys(ERROR_CODES) as ErrorCode[];

/** The HTTP status that goes with an error code. */
export function statusOf(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}

/** Type guard for strings that are known error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_CODES, value);
}
