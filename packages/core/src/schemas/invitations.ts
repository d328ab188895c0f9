import * as z from "zod/mini";
import { MAX_BATCH, MAX_MESSAGE } from "../limits.ts";
import { skipReasons } from "../skip-reasons.ts";
import { id, isoDate, isSingleLine, line, text } from "./fields.ts";
import { IdentityProviderSchema } from "./shared.ts";
import { ExpiryPresetSchema, PersonRefSchema } from "./tenants.ts";

// Per-email invitations: the rows admins see, what they send, what invitees see and submit
// (R-INV-01..18).

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
