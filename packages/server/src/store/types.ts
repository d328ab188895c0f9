import type {
  AuditAction,
  AuditSource,
  DeliveryStatus,
  InvitationCounts,
  InvitationFilter,
  Role,
  StoredInvitationStatus,
  Tenant,
} from "@foyer/core";

// The Store is dumb and atomic: it stores and fetches rows, counts and locks.
// Every business rule lives in the services. Each store (memory, PGlite, PostgreSQL) passes
// the one conformance suite in `conformance/`.

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
}

/** An email waiting in (or delivered from) the transactional outbox (R-EML-02). */
export interface OutboxRow {
  id: string;
  tenantId: string;
  invitationId: string | null;
  kind: "invitation" | "reminder" | "verification";
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
  /** The invite link token's hash when the flow started: a regenerated link ends the flow. */
  linkTokenHash: string;
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

/** Operations available inside and outside a transaction. */
export interface StoreOps {
  getTenant(id: string): Promise<Tenant | null>;
  /** Direct children of a tenant. */
  listChildTenants(parentId: string): Promise<Tenant[]>;
  /**
   * The tenant and every tenant below it, at any depth, by id; empty when it does not exist.
   * One round trip on SQL stores: what an MSP staff actor reaches.
   */
  listTenantTree(rootId: string): Promise<Tenant[]>;
  upsertTenant(tenant: Tenant): Promise<void>;
  /** Every role (catalogs are small); the service filters by tenant. */
  listRoles(): Promise<Role[]>;
  upsertRole(role: Role): Promise<void>;
  /**
   * What resolving an actor's access reads on every request, in one round trip on SQL
   * stores: every role (as `listRoles`), the tenant with every tenant below it (as
   * `listTenantTree`), and the tenants above it, nearest first.
   */
  getAccessScope(tenantId: string): Promise<AccessScope>;

  /** Members with any of these (normalised) addresses, in any tenant. */
  findMembersByEmails(emails: string[]): Promise<MemberRow[]>;
  insertMember(member: MemberRow): Promise<void>;
  countActiveMembers(tenantId: string): Promise<number>;

  insertInvitations(rows: InvitationRow[]): Promise<void>;
  /**
   * Inserts new invitations with their token hashes, queued emails and audit records, all or
   * none (one statement on SQL stores, where the tables' counters follow as for
   * `insertInvitations`). A clash throws `UniqueViolationError` naming the constraint; inside
   * a transaction, end it then: a SQL transaction cannot go on after a failed statement.
   */
  insertNewInvitations(rows: NewInvitationRows): Promise<void>;
  /**
   * The pending rows of these addresses in the tenant, the members holding them, and, with
   * `seatsAt`, the seats taken then (one round trip on SQL stores; inside a transaction,
   * with the tenant locked, all of it as of the lock).
   */
  checkInvitees(tenantId: string, emails: string[], seatsAt: Date | null): Promise<InviteeCheck>;
  getInvitation(id: string): Promise<InvitationRow | null>;
  /** Rows stored as pending (some may be expired by time) for these addresses in a tenant. */
  findOpenInvitations(tenantId: string, emails: string[]): Promise<InvitationRow[]>;
  updateInvitation(id: string, patch: Partial<Omit<InvitationRow, "id">>): Promise<void>;
  /** Pending invitations that have not expired at `now` (they hold a seat). */
  countPendingInvitations(tenantId: string, now: Date): Promise<number>;
  listInvitations(query: InvitationListQuery): Promise<InvitationRow[]>;
  countInvitations(
    tenantIds: string[],
    search: string | undefined,
    now: Date,
  ): Promise<InvitationCounts>;
  /** Pending rows expired at `now` whose expiry is not yet in the audit trail. */
  findUnrecordedExpired(now: Date, limit: number): Promise<InvitationRow[]>;

  insertTokens(rows: TokenRow[]): Promise<void>;
  findToken(hash: string): Promise<TokenRow | null>;
  /** Retires every live token of an invitation. */
  supersedeTokens(invitationId: string, at: Date): Promise<void>;

  enqueueEmails(rows: OutboxRow[]): Promise<void>;
  updateEmail(id: string, patch: Partial<Omit<OutboxRow, "id">>): Promise<void>;
  listEmails(filter: { invitationId?: string }): Promise<OutboxRow[]>;
  /**
   * Leases up to `limit` queued emails due at `now` until `leaseUntil`, in due order, in one
   * atomic statement that locks outbox rows only and skips rows another instance holds
   * (`FOR UPDATE SKIP LOCKED`); emails under a live lease are not due.
   */
  claimDueEmails(now: Date, limit: number, leaseUntil: Date): Promise<OutboxRow[]>;
  /**
   * Marks the invitation's queued emails cancelled with a reason, in one statement; answers
   * how many it cancelled. Inside a transaction, call it only with the invitation locked
   * (the one lock order: tenant, invitation, outbox rows).
   */
  cancelQueuedEmails(invitationId: string, reason: string): Promise<number>;

  insertAuditEvents(rows: AuditRow[]): Promise<void>;
  listAuditEvents(filter: {
    tenantIds?: string[] | undefined;
    invitationId?: string | undefined;
    /** The (at, id) of the last event of the previous page; absent for the first page. */
    before?: { at: Date; id: string } | undefined;
    limit: number;
  }): Promise<AuditRow[]>;

  /** The tenant's invite link, or null before it was first configured. */
  getInviteLink(tenantId: string): Promise<InviteLinkRow | null>;
  /** The link whose current token has this hash, or null. */
  findInviteLinkByHash(hash: string): Promise<InviteLinkRow | null>;
  insertInviteLink(row: InviteLinkRow): Promise<void>;
  updateInviteLink(
    tenantId: string,
    patch: Partial<Omit<InviteLinkRow, "tenantId" | "linkId">>,
  ): Promise<void>;
  /** Rows of these domains in a scope, whichever tenant holds them. */
  findLinkDomains(scope: string, domains: string[]): Promise<LinkDomainRow[]>;
  /**
   * Replaces a tenant's domains in a scope with these (unique per scope: a domain another
   * tenant holds throws `UniqueViolationError` on `CONSTRAINTS.linkDomain`).
   */
  replaceLinkDomains(tenantId: string, scope: string, domains: string[]): Promise<void>;

  insertEmailVerification(row: EmailVerificationRow): Promise<void>;
  /** The verification whose current token has this hash, or null. */
  findEmailVerificationByHash(hash: string): Promise<EmailVerificationRow | null>;
  /** Unverified rows of this (normalised) address, newest first. */
  findPendingEmailVerifications(email: string): Promise<EmailVerificationRow[]>;
  updateEmailVerification(
    id: string,
    patch: Partial<Omit<EmailVerificationRow, "id">>,
  ): Promise<void>;

  insertOidcFlow(row: OidcFlowRow): Promise<void>;
  /**
   * Deletes the flow with this state hash and answers it, or null when there is none: of
   * callers racing for one flow, exactly one gets it.
   */
  takeOidcFlow(stateHash: string): Promise<OidcFlowRow | null>;
  /** Deletes flows that expired at or before `at`; answers how many. */
  deleteExpiredOidcFlows(at: Date): Promise<number>;

  /**
   * Inserts the row, as this store instance's, unless the key exists; answers the existing
   * row when it does. A row still in progress whose owner is known to be gone counts as
   * absent: it is replaced, so a crashed request's key is usable again at once (R-SDK-07).
   */
  claimIdempotencyKey(row: IdempotencyRow): Promise<IdempotencyRow | null>;
  completeIdempotencyKey(key: string, status: number, body: string): Promise<void>;
  releaseIdempotencyKey(key: string): Promise<void>;
}

/** Operations only meaningful inside a transaction. */
export interface StoreTx extends StoreOps {
  /** Locks the tenant row until the transaction ends (seat limits, replace-pending). */
  lockTenant(id: string): Promise<Tenant | null>;
  /**
   * Locks the invitation row until the transaction ends (accept, resend, revoke, expiry,
   * delivery). Lock order everywhere: tenant, then invitation, then its outbox rows; a
   * transaction that locks several invitations holds the tenant's lock first.
   */
  lockInvitation(id: string): Promise<InvitationRow | null>;
  /** Locks the tenant's invite link row until the transaction ends (joins, changes). */
  lockInviteLink(tenantId: string): Promise<InviteLinkRow | null>;
  /** Locks a verification row until the transaction ends (verify, resend). */
  lockEmailVerification(id: string): Promise<EmailVerificationRow | null>;
  /**
   * Locks one outbox row until the transaction ends. The dispatcher locks the email's
   * invitation first, so every path takes invitation before outbox row (R-EML-05).
   */
  lockEmail(id: string): Promise<OutboxRow | null>;
  /**
   * Marks up to `limit` invitations due for their reminder at `now` as reminded
   * (`reminderSentAt = now`) and answers them, locked until the transaction ends (R-INV-17).
   * Due (`isReminderDue`): stored pending and not expired at `now`, never reminded, its email
   * sent, its tenant active with reminders on, and `now` past `expiresAt` less the tenant's
   * lead time, a point after `sentAt`. Oldest expiry first. Rows another transaction holds
   * are skipped, never waited for (`FOR UPDATE SKIP LOCKED`), so concurrent sweeps share
   * the work without deadlock and never remind one invitation twice.
   */
  claimDueReminders(now: Date, limit: number): Promise<InvitationRow[]>;
  /** The store's own transaction handle (a Kysely `Transaction` for SQL stores), for hooks. */
  readonly raw: unknown;
}

/** A Foyer store. */
export interface Store extends StoreOps {
  readonly kind: "memory" | "pglite" | "postgres";
  /** Runs `fn` in one transaction: all of it commits, or none of it. */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Releases connections. */
  close(): Promise<void>;
}
