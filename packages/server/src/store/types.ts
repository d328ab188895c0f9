import type { InvitationCounts, Role, Tenant } from "@foyer/core";
import type {
  AccessScope,
  AuditRow,
  EmailVerificationRow,
  IdempotencyRow,
  InvitationListQuery,
  InvitationRow,
  InviteeCheck,
  InviteLinkRow,
  LinkDomainRow,
  MemberRow,
  NewInvitationRows,
  OidcFlowRow,
  OutboxRow,
  TokenRow,
} from "./rows.ts";

// The Store is dumb and atomic: it stores and fetches rows, counts and locks.
// Every business rule lives in the services. Each store (memory, PGlite, PostgreSQL) passes
// the one conformance suite in `conformance/`. Its rows are in rows.ts.

export type {
  AccessScope,
  AuditRow,
  EmailVerificationRow,
  IdempotencyRow,
  InvitationCountRow,
  InvitationCursor,
  InvitationListQuery,
  InvitationRow,
  InviteeCheck,
  InviteLinkRow,
  LinkDomainRow,
  MemberRow,
  NewInvitationRows,
  OidcFlowRow,
  OutboxData,
  OutboxRow,
  TokenRow,
} from "./rows.ts";

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

/** An outbox email's delivery state, as the dispatcher writes it (`recordDeliveries`). */
export type EmailDelivery = Pick<
  OutboxRow,
  "id" | "status" | "attempts" | "nextAttemptAt" | "lastError" | "sentAt" | "leaseUntil"
>;

/** An invitation's delivery state, as the dispatcher writes it (`recordDeliveries`). */
export type InvitationDelivery = Pick<
  InvitationRow,
  | "id"
  | "deliveryStatus"
  | "deliveryError"
  | "deliveryUpdatedAt"
  | "deliveryAttempts"
  | "deliveryLastAttemptAt"
>;

/** An outbox email and its invitation, both locked (`lockDeliveries`). */
export interface LockedDelivery {
  email: OutboxRow;
  invitation: InvitationRow;
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
   * Locks the invitations of these outbox emails, then the emails, and never waits: a row
   * another transaction holds is skipped (`FOR UPDATE SKIP LOCKED`), each table's rows in id
   * order. Answers each email it locked with its invitation, in email id order; an email is
   * left out when it, its invitation or any invitation is missing or held elsewhere. The
   * dispatcher delivers what it locked in one transaction and the rest one by one: never
   * waiting, it cannot join a deadlock with the paths that lock one invitation after another.
   */
  lockDeliveries(emails: Pick<OutboxRow, "id" | "invitationId">[]): Promise<LockedDelivery[]>;
  /**
   * Writes the delivery state of emails and invitations this transaction locked (with
   * `lockDeliveries`, `lockEmail`, `lockInvitation`), all in one statement on SQL stores.
   */
  recordDeliveries(emails: EmailDelivery[], invitations: InvitationDelivery[]): Promise<void>;
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
