import type {
  AuditAction,
  AuditSource,
  DeliveryStatus,
  InvitationFilter,
  Role,
  StoredInvitationStatus,
  Tenant,
} from "@foyer/core";

// The rows a Store keeps and answers (one interface per table), and the shapes its
// operations take and give. The operations themselves are in types.ts.

/** A member of a tenant: a user account that belongs to it (counts toward the seat limit). */
export interface MemberRow {
  id: string;
  tenantId: string;
  userId: string;
  /** Normalised (lower-case) address. */
  email: string;
  roleId: string;
  status: "active" | "inactive";
  source: AuditSource;
  createdAt: Date;
}

/** A stored invitation. `status` is what is stored: a pending row may be expired by time. */
export interface InvitationRow {
  id: string;
  tenantId: string;
  /** Normalised (lower-case) address. */
  email: string;
  name: string | null;
  roleId: string;
  department: string | null;
  teams: string[];
  message: string | null;
  status: StoredInvitationStatus;
  invitedById: string | null;
  invitedByEmail: string | null;
  invitedByName: string | null;
  createdAt: Date;
  sentAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  acceptedUserId: string | null;
  revokedAt: Date | null;
  revokedById: string | null;
  revokedByEmail: string | null;
  revokedByName: string | null;
  resendCount: number;
  deliveryStatus: DeliveryStatus;
  deliveryError: string | null;
  deliveryUpdatedAt: Date | null;
  /** Attempts to deliver the current email. */
  deliveryAttempts: number;
  deliveryLastAttemptAt: Date | null;
  reminderSentAt: Date | null;
  /** When the `expired` audit record was written (expiry itself is derived). */
  expiredRecordedAt: Date | null;
  /**
   * The key id and generation the current token was derived with (R-EML-04): the token is
   * recomputed from them to send or copy it, never stored. Null for a row from before
   * derived tokens (its link cannot be recomputed).
   */
  tokenKid: string | null;
  tokenGeneration: number;
}

/**
 * How many invitations of a tenant are stored with a status (R-INV-09): kept in the same
 * transaction as every insert and status change, so counting a tab costs one row per
 * (tenant, status) however many invitations there are.
 */
export interface InvitationCountRow {
  tenantId: string;
  status: StoredInvitationStatus;
  total: number;
}

/** One token ever issued for an invitation; only its SHA-256 hash is kept. */
export interface TokenRow {
  hash: string;
  invitationId: string;
  createdAt: Date;
  /** Set when a resend or revoke retired the token. */
  supersededAt: Date | null;
}

/** The template data of an outbox row. */
export interface OutboxData {
  /** The invitation's token generation when queued; a later one makes this email stale. */
  generation?: number;
  /** A resent invitation (the template says so). */
  resent?: boolean;
  /** A verification email's row (R-LNK-09); `generation` is then the row's generation. */
  verificationId?: string;
  /** The greeting's first name of a verification email, when the person gave one. */
  firstName?: string;
  /** The invitee's name as they gave it on accepting, for the inviter's notice (R-EML-01). */
  inviteeName?: string;
}

/** An email waiting in (or delivered from) the transactional outbox (R-EML-02). */
export interface OutboxRow {
  id: string;
  tenantId: string;
  invitationId: string | null;
  /** `inviter_notice`: tells the inviter their invitation was accepted (a tenant setting). */
  kind: "invitation" | "reminder" | "verification" | "inviter_notice";
  to: string;
  /**
   * What the template needs beyond the invitation (R-EML-04: a reference, never rendered
   * mail or a token): the token generation it was queued for, and whether it is a resend.
   */
  data: OutboxData;
  /** `cancelled`: its invitation was revoked, replaced, resent or used first; never sent. */
  status: "queued" | "sent" | "failed" | "cancelled";
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  /** Until when a dispatcher holds the claim; another may claim it after (a crash). */
  leaseUntil: Date | null;
}

/** One audit record (R-INV-14). */
export interface AuditRow {
  id: string;
  tenantId: string;
  invitationId: string | null;
  action: AuditAction;
  source: AuditSource;
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  subjectEmail: string | null;
  at: Date;
  data: Record<string, unknown>;
}

/**
 * A tenant's invite link (R-LNK-01..05, R-LNK-10): one row per tenant, never deleted. The
 * token is derived from `linkId` and `generation` with the server secret under `tokenKid`
 * (see `tokens/keyring.ts`); only its hash is stored. "Revoke & generate" raises the
 * generation, so an old token is never found again and never derived again.
 */
export interface InviteLinkRow {
  tenantId: string;
  /** Random subject of the token derivation, so a tenant id reused later gets new tokens. */
  linkId: string;
  enabled: boolean;
  roleId: string | null;
  /** Normalised domains (lower case, punycode), in the order the admin gave them. */
  allowedDomains: string[];
  expiresAt: Date | null;
  maxJoins: number | null;
  generation: number;
  tokenKid: string;
  /** SHA-256 of the current token; unique across links. */
  tokenHash: string;
  /** Joins since the link was created, across generations. */
  joinCount: number;
  /** Joins through the current generation (what `maxJoins` counts). */
  generationJoinCount: number;
  createdAt: Date;
  updatedAt: Date;
  regeneratedAt: Date | null;
  updatedById: string | null;
  updatedByEmail: string | null;
  updatedByName: string | null;
}

/**
 * One allowed domain of an invite link, unique within its scope: the parent tenant's id for
 * siblings of one MSP (R-LNK-04), or the tenant's own id for a tenant without a parent.
 */
export interface LinkDomainRow {
  scope: string;
  domain: string;
  tenantId: string;
}

/**
 * An account's pending or finished email verification (R-LNK-09): one row per account. The
 * token is derived from `id` and `generation`; a resend raises the generation, so only the
 * latest email's link works, and a verified row opens nothing again.
 */
export interface EmailVerificationRow {
  id: string;
  userId: string;
  tenantId: string;
  /** Normalised address. */
  email: string;
  /** How the account came to be (`link` or `email_invitation`). */
  source: AuditSource;
  generation: number;
  tokenKid: string;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  lastSentAt: Date;
  /** Verification emails sent for this account, the first included. */
  sendCount: number;
  verifiedAt: Date | null;
}

/**
 * A sign-up with an identity provider in flight (R-LNK-06): stored when the browser leaves
 * for the provider, taken (deleted) by its callback, so a state works once. Only the state's
 * hash is kept; the PKCE verifier and the nonce are derived from it and the server secret.
 */
export interface OidcFlowRow {
  stateHash: string;
  providerId: string;
  tenantId: string;
  /** A sign-up through an invite link, or the accept of a per-email invitation. */
  purpose: "join" | "accept";
  /**
   * The hash of the token the flow started from: the invite link's (a regenerated link ends
   * the flow) or the invitation's (a resent, revoked or accepted invitation ends it).
   */
  tokenHash: string;
  /** The key the verifier and the nonce were derived under. */
  tokenKid: string;
  createdAt: Date;
  expiresAt: Date;
}

/** A remembered answer for an Idempotency-Key (R-SDK-08). */
export interface IdempotencyRow {
  /** Scoped key: actor id, route and the client's key. */
  key: string;
  requestHash: string;
  state: "in_progress" | "done";
  status: number | null;
  body: string | null;
  createdAt: Date;
  /**
   * The store instance that holds the key while it is in progress (R-SDK-07). The store sets
   * it on claim (what a caller passes is ignored); a key whose owner is known to be gone (its
   * process died, so its database session ended) is claimed again at once. Null in stores
   * that live and die with their process (memory).
   */
  owner: string | null;
}

/** The position after which the next page starts. */
export interface InvitationCursor {
  value: Date;
  id: string;
}

/** A list query, already authorised and decoded by the service. */
export interface InvitationListQuery {
  tenantIds: string[];
  filter: InvitationFilter;
  /** Case-insensitive substring of the email. */
  search?: string | undefined;
  sort: "sentAt" | "expiresAt";
  order: "asc" | "desc";
  after?: InvitationCursor | undefined;
  limit: number;
  now: Date;
}

/** What `getAccessScope` answers. */
export interface AccessScope {
  roles: Role[];
  /** The tenant and every tenant below it, by id; empty when it does not exist. */
  tree: Tenant[];
  /** The tenants above it, nearest first. */
  ancestors: Tenant[];
}

/** New invitations with the rows that come with them, written together. */
export interface NewInvitationRows {
  invitations: InvitationRow[];
  /** Token hashes of the new invitations. */
  tokens: TokenRow[];
  /** Queued emails of the new invitations. */
  emails: OutboxRow[];
  /** The transaction's audit records (of the new invitations, and any others it made). */
  audit: AuditRow[];
}

/** What inviting some addresses into a tenant must know, read together. */
export interface InviteeCheck {
  /** Rows stored as pending (some may be expired by time) for these addresses in the tenant. */
  open: InvitationRow[];
  /** Members with any of these addresses, in any tenant. */
  members: MemberRow[];
  /**
   * Seats taken at the time asked: active members plus pending invitations not expired
   * then; null when no time was asked.
   */
  seatsTaken: number | null;
}
