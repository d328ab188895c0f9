import * as z from "zod/mini";
import { errorCodes } from "../errors.ts";
import { MAX_LINK_DOMAINS, MAX_LINK_JOINS } from "../limits.ts";
import { id, isoDate, newPassword, personName } from "./fields.ts";
import { IdentityProviderSchema } from "./shared.ts";
import { PersonRefSchema } from "./tenants.ts";

// Tenant invite links, joining through them, and email verification (R-LNK-01..10).

/**
 * Where an invite link stands (R-LNK-01/02/05/10): `active` accepts joins; `disabled` is
 * turned off (or was never turned on); `expired` passed its `expiresAt`; `full` reached
 * `maxJoins`; `sso` belongs to a tenant with SSO configured, which cannot use a link.
 */
export const InviteLinkStateSchema = z.enum(["active", "disabled", "expired", "full", "sso"]);
export type InviteLinkState = z.infer<typeof InviteLinkStateSchema>;

/**
 * A tenant's invite link as an admin with `invite_links:manage` sees it (R-LNK-01). The
 * URL is recomputed from the server secret on every read, so it can be copied at any time;
 * only its hash is stored. `url` is null until the link is first turned on or generated.
 */
export const InviteLinkSchema = z.object({
  tenantId: id(),
  /** The admin's toggle; `state` says whether joins are accepted right now. */
  enabled: z.boolean(),
  state: InviteLinkStateSchema,
  url: z.nullable(z.string()),
  /** The role every new member receives; required before enabling. */
  role: z.nullable(z.object({ id: id(), name: z.string() })),
  /** Normalised (lower case, punycode), unique among sibling tenants; empty for any domain. */
  allowedDomains: z.array(z.string()).check(z.maxLength(MAX_LINK_DOMAINS)),
  expiresAt: z.nullable(isoDate()),
  maxJoins: z.nullable(z.int()),
  /** Joins through this tenant's link since it was created, across regenerations. */
  joinCount: z.int(),
  /** Joins through the current token (what `maxJoins` counts). */
  joinsSinceRegenerated: z.int(),
  /** R-LNK-05: when true, the toggle is disabled and the link cannot be turned on. */
  ssoEnabled: z.boolean(),
  createdAt: z.nullable(isoDate()),
  updatedAt: z.nullable(isoDate()),
  regeneratedAt: z.nullable(isoDate()),
  updatedBy: z.nullable(PersonRefSchema),
});
export type InviteLink = z.infer<typeof InviteLinkSchema>;

/** The answer of every invite-link admin call. */
export const InviteLinkResultSchema = z.object({ link: InviteLinkSchema });
export type InviteLinkResult = z.infer<typeof InviteLinkResultSchema>;

/**
 * Changes to a tenant's invite link; fields left out stay as they are. Role and domain
 * changes keep the URL and affect only later joins (R-LNK-02).
 */
export const UpdateInviteLinkBodySchema = z.strictObject({
  enabled: z.optional(z.boolean()),
  /** Null clears the role, which is refused while the link is enabled. */
  roleId: z.optional(z.nullable(id())),
  /**
   * Domains as typed: each entry may itself hold several, separated by commas, semicolons,
   * spaces or newlines. Normalised and de-duplicated; at most 50 once normalised (R-LNK-04).
   */
  allowedDomains: z.optional(
    z.array(z.string().check(z.maxLength(20_000))).check(z.maxLength(1000)),
  ),
  /** A future instant after which the link stops accepting joins; null for never. */
  expiresAt: z.optional(z.nullable(isoDate())),
  /** Joins the current token accepts; null for no limit (R-LNK-10). */
  maxJoins: z.optional(z.nullable(z.int().check(z.minimum(1), z.maximum(MAX_LINK_JOINS)))),
});
export type UpdateInviteLinkBody = z.input<typeof UpdateInviteLinkBodySchema>;

/** "Revoke & generate new link" takes no fields (R-LNK-03). */
export const RegenerateInviteLinkBodySchema = z.strictObject({});

/**
 * R-LNK-06/07: what the join page shows for a link token. Always answered (200): when the
 * link cannot be joined, `joinable` is false and `error` carries the exact text of
 * R-LNK-07; the tenant's branding is shown when the token is known (turned off, expired or
 * full) and null when it is not (never issued or retired by "Revoke & generate").
 */
export const InviteLinkPreviewSchema = z.object({
  joinable: z.boolean(),
  error: z.nullable(z.object({ code: z.enum(errorCodes), message: z.string() })),
  tenant: z.nullable(
    z.object({
      name: z.string(),
      logoUrl: z.nullable(z.string()),
      accentColor: z.nullable(z.string()),
    }),
  ),
  role: z.nullable(z.object({ name: z.string() })),
  /** Domains an address must be at; empty for any. Shown as a hint on the form. */
  allowedDomains: z.array(z.string()),
  /** The host's pages the terms checkbox and the sign-in link point to; null when not set. */
  termsUrl: z.nullable(z.string()),
  privacyUrl: z.nullable(z.string()),
  signInUrl: z.nullable(z.string()),
  /** Providers offered as "Continue with …" buttons; empty when none are configured. */
  identityProviders: z.array(IdentityProviderSchema),
});
export type InviteLinkPreview = z.infer<typeof InviteLinkPreviewSchema>;

/** R-LNK-06/07/08: a sign-up through a tenant's invite link. */
export const JoinBodySchema = z.strictObject({
  token: z.string().check(z.minLength(1), z.maxLength(200)),
  firstName: personName(),
  lastName: personName(),
  /** Normalised by the server; it must be at an allowed domain and not yet registered. */
  email: z.string().check(z.maxLength(1000)),
  password: newPassword(),
  passwordConfirmation: newPassword(),
  /** The Terms of Service and Privacy Policy checkbox; must be true. */
  acceptTerms: z.boolean(),
});
export type JoinBody = z.input<typeof JoinBodySchema>;

/**
 * The answer to a join. `verify_email`: the account exists but cannot sign in until the
 * address is verified (R-LNK-09); a verification email is on its way.
 */
export const JoinResultSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
  }),
  tenantId: z.string(),
  next: z.enum(["signed_in", "verify_email"]),
});
export type JoinResult = z.infer<typeof JoinResultSchema>;

/**
 * R-LNK-06: starts a sign-up with an identity provider, through an invite link (`token` is the
 * link's) or for a per-email invitation (`token` is the invitation's, on `startIdentityAccept`).
 */
export const StartIdentityJoinBodySchema = z.strictObject({
  token: z.string().check(z.minLength(1), z.maxLength(200)),
  /** One of the preview's `identityProviders`. */
  providerId: z.string().check(z.minLength(1), z.maxLength(100)),
});
export type StartIdentityJoinBody = z.input<typeof StartIdentityJoinBodySchema>;

/**
 * Where to send the browser: the provider's authorization URL (code flow with PKCE, state
 * and nonce). The answer also sets a short-lived cookie that binds the state to this browser.
 */
export const StartIdentityJoinResultSchema = z.object({ authorizationUrl: z.string() });
export type StartIdentityJoinResult = z.infer<typeof StartIdentityJoinResultSchema>;

/**
 * The answer to a verification (R-LNK-09): the address is verified; `signed_in` when the
 * host set a session, `sign_in` when the person should sign in themselves.
 */
export const VerifyEmailResultSchema = z.object({
  user: z.object({ id: z.string(), email: z.string() }),
  tenantId: z.string(),
  next: z.enum(["signed_in", "sign_in"]),
});
export type VerifyEmailResult = z.infer<typeof VerifyEmailResultSchema>;

/** Asks for a new verification email. */
export const ResendVerificationBodySchema = z.strictObject({
  email: z.string().check(z.maxLength(1000)),
});
export type ResendVerificationBody = z.input<typeof ResendVerificationBodySchema>;

/**
 * The same answer whether or not the address has an account waiting for verification, so
 * the endpoint tells nobody which addresses are registered.
 */
export const ResendVerificationResultSchema = z.object({ accepted: z.literal(true) });
export type ResendVerificationResult = z.infer<typeof ResendVerificationResultSchema>;
