import * as z from "zod/mini";
import { errorCodes } from "./errors.ts";
import {
  HEX_COLOR_PATTERN,
  MAX_BATCH,
  MAX_LINK_DOMAINS,
  MAX_LINK_JOINS,
  MAX_MESSAGE,
  REMINDER_LEAD_HOURS_MAX,
} from "./limits.ts";
import { isLogoUrl } from "./logo.ts";
import { skipReasons } from "./skip-reasons.ts";
import { expiryPresets } from "./status.ts";

// One contract: every resource and request shape of the Foyer API, written once
// with zod/mini so browser bundles stay small. The client parses every answer with these,
// the server validates every request with these, and the OpenAPI document is made from them.

const id = () => z.string().check(z.minLength(1), z.maxLength(200));
const isoDate = () => z.iso.datetime({ offset: true });
const text = (max: number) => z.string().check(z.maxLength(max));

/** CR, LF and every other C0/C1 control character (and DEL). */
const CONTROL_CHARACTERS = /\p{Cc}/u;

/**
 * True when a value is one line without control characters: what a name, a subject or
 * anything else that may reach an email header must be (R-EML-04). CR/LF in a name would
 * otherwise let `Evil\r\nBcc: victim@…` add a header to any mailer that does not clean it.
 */
export function isSingleLine(value: string): boolean {
  return !CONTROL_CHARACTERS.test(value);
}

/** A one-line text of at most `max` characters: CR, LF and control characters are refused. */
const line = (max: number, min = 0) =>
  z
    .string()
    .check(
      z.maxLength(max),
      ...(min > 0 ? [z.minLength(min)] : []),
      z.refine(isSingleLine, "must be a single line without control characters"),
    );

/** A CSS hex colour: `#abc` or `#aabbcc`. */
export const HexColorSchema = z.string().check(z.regex(HEX_COLOR_PATTERN));
/** An https URL (invite base URLs). */
export const HttpsUrlSchema = z.url({ protocol: /^https$/, hostname: z.regexes.domain });
/**
 * A tenant logo: an https URL, a path on the host's own origin (`/logos/acme.svg`) or an
 * image data URL (see `isLogoUrl`).
 */
export const LogoUrlSchema = z.string().check(z.refine(isLogoUrl, "Not a usable logo URL."));

/** Permissions that authorise admin calls (R-TEN-03). */
export const PermissionSchema = z.enum([
  "invitations:read",
  "invitations:create",
  "invitations:revoke",
  "invite_links:manage",
]);
export type Permission = z.infer<typeof PermissionSchema>;

/** Expiry presets (R-INV-01). */
export const ExpiryPresetSchema = z.enum(expiryPresets);

/** The languages Foyer writes its emails in (R-EML-01). */
export const EmailLocaleSchema = z.enum(["en", "de"]);
export type EmailLocale = z.infer<typeof EmailLocaleSchema>;

/** Per-tenant invitation settings. */
export const TenantSettingsSchema = z.object({
  /** Expiry preselected for new invitations. */
  defaultExpiry: ExpiryPresetSchema,
  /** Longest expiry this tenant allows. */
  maxExpiry: ExpiryPresetSchema,
  /** R-INV-17: one reminder email before a pending invitation expires. */
  reminderEnabled: z.boolean(),
  /**
   * R-INV-17: how many hours before expiry the reminder goes out (1 to 720). An invitation
   * sent less than this long before its expiry gets none: its email just went out.
   */
  reminderLeadHours: z.int().check(z.minimum(1), z.maximum(REMINDER_LEAD_HOURS_MAX)),
  /** R-INV-12: accepted invitees verify their email before they can sign in. */
  requireEmailVerification: z.boolean(),
  /**
   * Email domains that may be invited (normalised, lower case, punycode); empty for any.
   * Addresses outside are skipped with `domain_not_allowed` (R-INV-02).
   */
  allowedDomains: z.array(z.string()).check(z.maxLength(50)),
  /** R-EML-01: the language of the tenant's emails (invitation, reminder, verification, notices). */
  emailLocale: EmailLocaleSchema,
  /** R-EML-01: tell the inviter by email when their invitation is accepted. */
  notifyInviterOnAccept: z.boolean(),
});
export type TenantSettings = z.infer<typeof TenantSettingsSchema>;

/** A tenant (R-TEN-01): an MSP has children; a client tenant has a parent. */
export const TenantSchema = z.object({
  id: id(),
  parentId: z.nullable(id()),
  name: line(200, 1),
  logoUrl: z.nullable(LogoUrlSchema),
  accentColor: z.nullable(HexColorSchema),
  inviteBaseUrl: z.nullable(HttpsUrlSchema),
  ssoEnabled: z.boolean(),
  seatLimit: z.nullable(z.int().check(z.minimum(0))),
  status: z.enum(["active", "cancelled"]),
  settings: TenantSettingsSchema,
});
export type Tenant = z.infer<typeof TenantSchema>;

/** A role (R-TEN-02), supplied by the host. */
export const RoleSchema = z.object({
  id: id(),
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  description: z.nullable(text(500)),
  rank: z.int(),
  permissions: z.array(PermissionSchema),
  /** MSP staff roles can only be granted by MSP staff (R-TEN-04). */
  mspStaff: z.boolean(),
  /** The tenant whose subtree may use the role; null for every tenant. */
  tenantId: z.nullable(id()),
});
export type Role = z.infer<typeof RoleSchema>;

/** The signed-in person making an admin call, as the host's `authenticate` hook sees them. */
export const ActorSchema = z.object({
  id: id(),
  email: z.string(),
  name: z.nullable(z.string()),
  tenantId: id(),
  roleId: id(),
});
export type Actor = z.infer<typeof ActorSchema>;

/** A person shown on an invitation (the inviter, the revoker). */
export const PersonRefSchema = z.object({
  id: id(),
  email: z.string(),
  name: z.nullable(z.string()),
});
export type PersonRef = z.infer<typeof PersonRefSchema>;

/** The statuses a person sees (R-INV-06). `expired` is derived from `expiresAt`. */
export const InvitationStatusSchema = z.enum(["pending", "accepted", "expired", "revoked"]);
export type InvitationStatus = z.infer<typeof InvitationStatusSchema>;
/** What the database stores; an expired invitation may still be stored as pending. */
export type StoredInvitationStatus = InvitationStatus;

/**
 * Email delivery status per invitation (R-EML-02). `none`: link-only, nothing to send;
 * `cancelled`: the invitation was revoked, replaced or used before its email went out, and
 * it never will (R-EML-05).
 */
export const DeliveryStatusSchema = z.enum(["none", "queued", "sent", "failed", "cancelled"]);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

/** How the plaintext link reaches the invitee (R-INV-10). */
export const DeliverySchema = z.enum(["email", "link", "both"]);
export type Delivery = z.infer<typeof DeliverySchema>;

/** An invitation as an admin sees it. Never carries a token or its hash. */
export const InvitationSchema = z.object({
  id: id(),
  tenantId: id(),
  tenantName: z.string(),
  email: z.string(),
  name: z.nullable(z.string()),
  role: z.object({ id: id(), name: z.string() }),
  department: z.nullable(z.string()),
  teams: z.array(z.string()),
  message: z.nullable(z.string()),
  status: InvitationStatusSchema,
  invitedBy: z.nullable(PersonRefSchema),
  sentAt: isoDate(),
  expiresAt: isoDate(),
  acceptedAt: z.nullable(isoDate()),
  acceptedUserId: z.nullable(z.string()),
  revokedAt: z.nullable(isoDate()),
  revokedBy: z.nullable(PersonRefSchema),
  resendCount: z.int(),
  delivery: z.object({
    status: DeliveryStatusSchema,
    /** The server's reason for the last failed attempt. */
    error: z.nullable(z.string()),
    updatedAt: z.nullable(isoDate()),
    /** Delivery attempts of the current email (0 while it waits for its first). */
    attempts: z.int(),
    lastAttemptAt: z.nullable(isoDate()),
  }),
  reminderSentAt: z.nullable(isoDate()),
});
export type Invitation = z.infer<typeof InvitationSchema>;

/** An identity provider a person may sign up with instead of a password (R-LNK-06). */
export const IdentityProviderSchema = z.object({
  id: id(),
  /** The button's provider name: "Continue with {name}". */
  name: z.string(),
});
export type IdentityProvider = z.infer<typeof IdentityProviderSchema>;

/** R-INV-12: what an invitee's page shows before accepting. No token, no hash, no ids. */
export const InvitationPreviewSchema = z.object({
  email: z.string(),
  name: z.nullable(z.string()),
  expiresAt: isoDate(),
  tenant: z.object({
    name: z.string(),
    logoUrl: z.nullable(z.string()),
    accentColor: z.nullable(z.string()),
  }),
  role: z.object({ name: z.string() }),
  invitedBy: z.nullable(z.object({ name: z.string() })),
  /**
   * Providers the invitee may accept with ("Accept with Microsoft"): the provider's verified
   * address must be the invited one. Empty when none is configured for this tenant.
   */
  identityProviders: z.array(IdentityProviderSchema),
  /**
   * False when the tenant has SSO configured and a provider serves it: the invitee accepts
   * with the provider only, and a password accept is refused (`SSO_REQUIRED`).
   */
  passwordAllowed: z.boolean(),
});
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

/** Status filters of the list: one status, or `history` (everything not pending), or `all`. */
export const InvitationFilterSchema = z.enum([
  "pending",
  "accepted",
  "expired",
  "revoked",
  "history",
  "all",
]);
export type InvitationFilter = z.infer<typeof InvitationFilterSchema>;

/** R-INV-09: list query. Without `tenantId`, an MSP admin lists every tenant in scope. */
export const ListInvitationsQuerySchema = z.strictObject({
  tenantId: z.optional(id()),
  status: z._default(InvitationFilterSchema, "pending"),
  q: z.optional(text(254)),
  sort: z._default(z.enum(["sentAt", "expiresAt"]), "sentAt"),
  order: z._default(z.enum(["asc", "desc"]), "desc"),
  cursor: z.optional(text(500)),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 50),
  /** Include counts per status (the first page asks; later pages need not). */
  counts: z.optional(z.enum(["true", "false"])),
});
export type ListInvitationsQuery = z.input<typeof ListInvitationsQuerySchema>;

/** Counts per status for the tabs. */
export const InvitationCountsSchema = z.object({
  pending: z.int(),
  accepted: z.int(),
  expired: z.int(),
  revoked: z.int(),
  history: z.int(),
  all: z.int(),
});
export type InvitationCounts = z.infer<typeof InvitationCountsSchema>;

/** One page of invitations. */
export const InvitationPageSchema = z.object({
  items: z.array(InvitationSchema),
  nextCursor: z.nullable(z.string()),
  counts: z.nullable(InvitationCountsSchema),
});
export type InvitationPage = z.infer<typeof InvitationPageSchema>;

/** R-INV-01/02/03/10/16: create one or many invitations. */
export const CreateInvitationsBodySchema = z.strictObject({
  tenantId: id(),
  /** Addresses as typed; each is normalised and judged on its own. */
  emails: z
    .array(z.string().check(z.maxLength(1000)))
    .check(z.minLength(1), z.maxLength(MAX_BATCH)),
  roleId: id(),
  expiresIn: z.optional(ExpiryPresetSchema),
  message: z.optional(z.nullable(text(MAX_MESSAGE))),
  /** A name to pre-fill on the invitee's page, for every address of the batch. */
  name: z.optional(z.nullable(line(200))),
  /**
   * Names per address (from a CSV's name columns), keyed by the entry of `emails` as sent;
   * an entry here wins over `name` for its address.
   */
  names: z.optional(z.record(z.string().check(z.maxLength(1000)), z.nullable(line(200)))),
  department: z.optional(z.nullable(line(200))),
  teams: z.optional(z.array(line(100, 1)).check(z.maxLength(50))),
  ifPending: z._default(z.enum(["skip", "replace"]), "skip"),
  delivery: z._default(DeliverySchema, "email"),
  dryRun: z._default(z.boolean(), false),
});
export type CreateInvitationsBody = z.input<typeof CreateInvitationsBodySchema>;

/** Why an address of a batch was not invited (R-INV-02). */
export const SkipReasonSchema = z.enum(skipReasons);

/** The results summary of a batch. */
export const BatchResultSchema = z.object({
  dryRun: z.boolean(),
  created: z.array(
    z.object({
      email: z.string(),
      /** Null in a dry run. */
      invitation: z.nullable(InvitationSchema),
      /** The plaintext link, only when delivery is `link` or `both`, only in this answer. */
      link: z.nullable(z.string()),
      /** The id of the pending invitation this one replaced (`ifPending: replace`). */
      replacedId: z.nullable(z.string()),
    }),
  ),
  skipped: z.array(
    z.object({
      input: z.string(),
      email: z.nullable(z.string()),
      reason: SkipReasonSchema,
      message: z.string(),
    }),
  ),
  /** Seats left after this batch, or null without a seat limit. */
  seatsLeft: z.nullable(z.int()),
});
export type BatchResult = z.infer<typeof BatchResultSchema>;

/** R-INV-07: resend with a fresh token and expiry window. */
export const ResendInvitationBodySchema = z.strictObject({
  expiresIn: z.optional(ExpiryPresetSchema),
  /**
   * How the new link travels (R-INV-10). Absent: as before, so a link-only invitation stays
   * link-only (no email) and an emailed one is emailed again.
   */
  delivery: z.optional(DeliverySchema),
});
export type ResendInvitationBody = z.input<typeof ResendInvitationBodySchema>;

/** The answer to a resend. */
export const ResendResultSchema = z.object({
  invitation: InvitationSchema,
  link: z.nullable(z.string()),
});
export type ResendResult = z.infer<typeof ResendResultSchema>;

/** R-INV-08: revoke takes no fields. */
export const RevokeInvitationBodySchema = z.strictObject({});

/** The answer to a revoke. */
export const InvitationResultSchema = z.object({ invitation: InvitationSchema });
export type InvitationResult = z.infer<typeof InvitationResultSchema>;

/** R-INV-10: copying a pending invitation's link again takes no fields. */
export const CopyInvitationLinkBodySchema = z.strictObject({});

/** The answer to a copy-link: the current link (recomputed, never stored) and the row. */
export const InvitationLinkResultSchema = z.object({
  link: z.string(),
  invitation: InvitationSchema,
});
export type InvitationLinkResult = z.infer<typeof InvitationLinkResultSchema>;

/** A token travels in the body, never in an API URL (R-INV-11). */
export const TokenBodySchema = z.strictObject({
  token: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type TokenBody = z.infer<typeof TokenBodySchema>;

/** R-INV-12: the invitee's submit. */
export const AcceptInvitationBodySchema = z.strictObject({
  token: z.string().check(z.minLength(1), z.maxLength(200)),
  firstName: z
    .string()
    .check(
      z.trim(),
      z.minLength(1),
      z.maxLength(100),
      z.refine(isSingleLine, "must be a single line without control characters"),
    ),
  lastName: z
    .string()
    .check(
      z.trim(),
      z.minLength(1),
      z.maxLength(100),
      z.refine(isSingleLine, "must be a single line without control characters"),
    ),
  password: z.string().check(z.maxLength(1024)),
  passwordConfirmation: z.string().check(z.maxLength(1024)),
});
export type AcceptInvitationBody = z.input<typeof AcceptInvitationBodySchema>;

/** The answer to an accept. */
export const AcceptResultSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
  }),
  tenantId: z.string(),
  /** `signed_in` when the host set a session; `verify_email` when the tenant asks first. */
  next: z.enum(["signed_in", "verify_email"]),
});
export type AcceptResult = z.infer<typeof AcceptResultSchema>;

/** A password for a new account and its confirmation, as typed (R-PWD-01). */
const newPassword = () => z.string().check(z.maxLength(1024));
const personName = () => z.string().check(z.trim(), z.minLength(1), z.maxLength(100));

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

/** A tenant the actor may manage, with what it may do there. */
export const ManagedTenantSchema = z.object({
  tenant: TenantSchema,
  permissions: z.array(PermissionSchema),
});
export type ManagedTenant = z.infer<typeof ManagedTenantSchema>;

/** The actor's context: who it is and which tenants it manages. */
export const SessionContextSchema = z.object({
  actor: ActorSchema,
  role: RoleSchema,
  tenants: z.array(ManagedTenantSchema),
});
export type SessionContext = z.infer<typeof SessionContextSchema>;

/** Roles of a tenant, each marked whether the actor may grant it (R-TEN-04). */
export const TenantRolesSchema = z.object({
  roles: z.array(z.object({ role: RoleSchema, grantable: z.boolean() })),
});
export type TenantRoles = z.infer<typeof TenantRolesSchema>;

/** R-INV-14: the audit actions. */
export const AuditActionSchema = z.enum([
  "created",
  "resent",
  "revoked",
  "accepted",
  "expired",
  "joined",
  "reminded",
  /** The invite link was turned on (R-LNK-01). */
  "link_enabled",
  /** The invite link was turned off (R-LNK-02). */
  "link_disabled",
  /** The link's role, domains, expiry or join limit changed (R-LNK-02, R-LNK-10). */
  "link_updated",
  /** The link's token was retired and a new one issued (R-LNK-03). */
  "link_regenerated",
  /** An account proved its address with a verification email (R-LNK-09). */
  "email_verified",
  /** A pending invitation's link was copied again by an admin (R-INV-10). */
  "invitation_link_copied",
  /** The dispatcher delivered an invitation email (R-EML-02); data: kind, outboxId, attempts. */
  "email_sent",
  /** An invitation email or reminder failed for good (R-EML-02); data adds the server's reason. */
  "email_failed",
]);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** Where an audited change came from. */
export const AuditSourceSchema = z.enum(["email_invitation", "link", "manual", "system"]);
export type AuditSource = z.infer<typeof AuditSourceSchema>;

/** One audit record. */
export const AuditEventSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  invitationId: z.nullable(z.string()),
  action: AuditActionSchema,
  source: AuditSourceSchema,
  actor: z.nullable(PersonRefSchema),
  subjectEmail: z.nullable(z.string()),
  at: isoDate(),
  data: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

/** A page of audit records, newest first. */
export const AuditPageSchema = z.object({
  items: z.array(AuditEventSchema),
  nextCursor: z.nullable(z.string()),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** Query for audit pages. */
export const AuditQuerySchema = z.strictObject({
  cursor: z.optional(text(500)),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)), 50),
});
export type AuditQuery = z.input<typeof AuditQuerySchema>;

/** One field problem of a VALIDATION_FAILED answer. */
export const IssueSchema = z.object({ path: z.string(), message: z.string() });
export type Issue = z.infer<typeof IssueSchema>;

/** Every error answer: `{ error: { code, message, issues?, details? } }`. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    issues: z.optional(z.array(IssueSchema)),
    details: z.optional(z.record(z.string(), z.unknown())),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
