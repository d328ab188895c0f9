import type {
  AcceptInvitationBody,
  AcceptResult,
  Actor,
  AuditEvent,
  AuditPage,
  AuditQuery,
  AuditSource,
  BatchResult,
  CreateInvitationsBody,
  InvitationLinkResult,
  InvitationPage,
  InvitationPreview,
  InvitationResult,
  InviteLinkPreview,
  InviteLinkResult,
  JoinBody,
  JoinResult,
  ListInvitationsQuery,
  PasswordPolicy,
  ResendInvitationBody,
  ResendResult,
  ResendVerificationBody,
  ResendVerificationResult,
  SessionContext,
  StartIdentityJoinBody,
  TenantRoles,
  UpdateInviteLinkBody,
  VerifyEmailResult,
} from "@foyer/core";
import type { IdentityFlowOutcome, IdentityJoinStart, IdentitySignUp } from "./identity-types.ts";
import type { JoinPageLinks } from "./services/context.ts";
import type { Store, StoreTx } from "./store/types.ts";
import type { TokenSecrets } from "./tokens/keyring.ts";

export type {
  IdentityChecks,
  IdentityFlowOutcome,
  IdentityJoinStart,
  IdentitySignUp,
  IdentitySignUpProvider,
  VerifiedIdentity,
} from "./identity-types.ts";

/** A user account as the host knows it. */
export interface HostUser {
  id: string;
  email: string;
  /** Inactive (deactivated) users still own their address (R-INV-04). */
  active: boolean;
}

/** What Foyer asks the host to create when an invitee accepts. */
export interface CreateAccountInput {
  email: string;
  firstName: string;
  lastName: string;
  /**
   * The password hashed by the configured `PasswordHasher`; never the plaintext. Null for an
   * account created through an identity provider (see `identity`): it has no password, so
   * the host's password sign-in must refuse it.
   */
  passwordHash: string | null;
  tenantId: string;
  roleId: string;
  source: AuditSource;
  /**
   * True when the account must not sign in until its address is verified: always for joins
   * through an invite link (R-LNK-09), and for accepts when the tenant or the server's
   * `verifyInvitedEmails` asks. Foyer sends the verification email and calls
   * `markEmailVerified` when the link in it is used.
   */
  requireEmailVerification: boolean;
  /**
   * Set when the person signed up with an identity provider (R-LNK-06): the provider (its id
   * in `identitySignUp`), its issuer and the person's stable subject there. When the
   * provider verified the address, `requireEmailVerification` is false; when it did not (a
   * join through an invite link only), Foyer sends the verification email as for a password
   * join.
   */
  identity?: { providerId: string; issuer: string; subject: string };
}

/**
 * The host owns identity: these hooks connect Foyer to the host's users.
 * @example
 * createFoyer({ store, hooks: { authenticate: (req) => sessionActor(req), createAccount, findUserByEmail } })
 */
export interface FoyerHooks {
  /**
   * Who is calling, from the request; null when nobody is signed in (401). A cookie host
   * reads its session cookie; a bearer host (API keys, JWTs) reads `Authorization`. Requests
   * that carry `Authorization` skip the cross-site check, so when that header is present,
   * judge the request by it alone and never fall back to the cookie.
   * @example
   * authenticate: async (request) => {
   *   const header = request.headers.get("authorization");
   *   const user = header
   *     ? await usersByApiKey(header.replace(/^Bearer /, ""))
   *     : await usersBySession(request.headers.get("cookie"));
   *   return user && { id: user.id, email: user.email, name: user.name, tenantId: user.tenantId, roleId: user.roleId };
   * }
   */
  authenticate(request: Request): Promise<Actor | null> | Actor | null;
  /** The host's user with this (normalised) address, active or not. */
  findUserByEmail?(email: string): Promise<HostUser | null>;
  /** Batch form of `findUserByEmail`; used for batches when given. */
  findUsersByEmails?(emails: string[]): Promise<HostUser[]>;
  /**
   * Creates the account. Runs inside the accept transaction: `tx.raw` is the store's
   * transaction (a Kysely `Transaction` for SQL stores), so a host whose users live in the
   * same database creates them atomically with the acceptance.
   */
  createAccount(input: CreateAccountInput, tx: StoreTx): Promise<{ id: string }>;
  /**
   * Marks the account's address as verified (R-LNK-09), inside Foyer's transaction (as in
   * `createAccount`, `tx.raw` is the store's transaction). Required for invite links and for
   * `verifyInvitedEmails`: the host's sign-in must refuse an account until this ran.
   */
  markEmailVerified?(
    user: { id: string; email: string; tenantId: string },
    tx: StoreTx,
  ): Promise<void>;
  /** After a successful accept, join or verification: headers (such as `Set-Cookie`) that sign the user in. */
  signIn?(
    user: { id: string; email: string; tenantId: string },
    request: Request,
  ): Promise<HeadersInit | undefined> | HeadersInit | undefined;
  /** Every audit record, after its transaction commits. Errors are caught and logged. */
  onEvent?(event: AuditEvent): void | Promise<void>;
}

/** An email ready to send. */
export interface MailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Foyer's outbox id, for transports that want an idempotency key. */
  id?: string;
}

/** Tuning of the outbox dispatcher; every field has a default. */
export interface DispatcherSettings {
  /** Emails claimed per round. @default 50 */
  batchSize?: number;
  /** Emails delivered at once per instance. @default 4 */
  concurrency?: number;
  /** Attempts before an email fails for good. @default 8 */
  maxAttempts?: number;
  /** An email still failing this long after it was queued fails for good. @default 2 days */
  maxAgeMs?: number;
  /** First retry delay; doubles per attempt with jitter, at most one hour. @default 30000 */
  baseDelayMs?: number;
  /** How long a claim holds before another instance may take the email over. @default 120000 */
  leaseMs?: number;
}

/** Delivers email. Throw to report a failure; the outbox retries with back-off. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Hashes and verifies passwords (R-PWD-02). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
}

/** The answer of a rate limiter. */
export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Who makes a credential attempt (a sign-in, an accept, a join): the keys of its budgets. */
export interface AttemptKeys {
  /** The client's address; IPv6 addresses count per /64. */
  address: string;
  /** What the attempt is about (a normalised email, an invitation token's hash), if known. */
  account?: string | undefined;
}

/**
 * A rate limiter (R-SDK-07, R-SEC-03); implementations share state across instances where
 * needed. `createMemoryRateLimiter` and `createPostgresRateLimiter` implement it.
 */
export interface RateLimiter {
  /** Spends one request of `key`'s budget in a bucket; refused once it is spent. */
  consume(bucket: "public" | "create", key: string): Promise<RateLimitResult>;
  /**
   * Whether a credential attempt may go ahead, asked before anything is checked or hashed:
   * refused while the address's or the account's failures spent their budget, before the
   * Retry-After the address was given (see `deferAttempts`), and, while failures across all
   * clients spent the global budget, for any address that failed lately.
   */
  checkAttempt(keys: AttemptKeys): Promise<RateLimitResult>;
  /** Counts a failed attempt against the address, the account and the global budget; a success clears the account's failures. */
  recordAttempt(keys: AttemptKeys, outcome: "failed" | "succeeded"): Promise<void>;
  /**
   * Notes that the address was told to retry after `seconds` (the password hasher was
   * busy): an attempt from it before then is refused and counts as a failed attempt of the
   * address, so a flood that ignores Retry-After locks itself out within a second.
   */
  deferAttempts(keys: AttemptKeys, seconds: number): Promise<void>;
}

/** Minimal logger; Foyer never logs tokens or passwords. */
export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/** Options of `createFoyer`. */
export interface FoyerOptions {
  store: Store;
  hooks: FoyerHooks;
  /**
   * Base URL of the invitee pages when a tenant has no `inviteBaseUrl` (R-INV-15). Links are
   * built only from configured URLs, never from request headers.
   * @example "https://app.example.com"
   */
  publicBaseUrl: string;
  /**
   * Other origins whose pages may make cookie-authenticated state changes, beside
   * `publicBaseUrl`'s (R-SEC-01): for example a tenant's `inviteBaseUrl` when its accept page
   * calls this API. Requests that carry an `Authorization` header are not checked.
   * @default []
   * @example ["https://acme.example.com"]
   */
  trustedOrigins?: readonly string[];
  /**
   * Path of the accept page below the base URL; the token follows as a fragment
   * (`#token=…`), which browsers never send to servers, so it stays out of access logs.
   * @default "/accept-invite"
   */
  acceptPath?: string;
  /** Where queued emails go. @default a development mailbox (`createDevMailbox()`) */
  mailer?: Mailer;
  /**
   * How the outbox dispatcher claims, retries and gives up (R-EML-02): batch size,
   * deliveries at once, attempts, maximum age, first back-off delay and claim lease.
   */
  dispatcher?: DispatcherSettings;
  /**
   * Hashes invitees' passwords (R-PWD-02). Use `createScryptHasher()` from
   * `@foyer/server/node` on Node; the option is required because the isomorphic entry
   * cannot pick a memory-hard hash for every runtime.
   */
  passwordHasher: PasswordHasher;
  /**
   * The server secrets every token (invitation, invite link, email verification) is derived
   * from with HMAC-SHA-256; only hashes of tokens are stored, so tokens can be recomputed to
   * send or copy them but never read from the database. Keep them secret and the same on
   * every instance; rotate by adding a key (see `TokenSecrets`).
   * @example process.env.FOYER_TOKEN_SECRET // 32+ random bytes, e.g. `openssl rand -base64 32`
   */
  tokenSecrets: TokenSecrets;
  /** @default DEFAULT_PASSWORD_POLICY */
  passwordPolicy?: PasswordPolicy;
  /** Rate limits; null turns them off. @default an in-memory limiter (one instance) */
  rateLimiter?: RateLimiter | null;
  /** Path the handler is mounted under when it sees full URLs (Fetch runtimes, MSW). @default "" */
  basePath?: string;
  logger?: Logger;
  /** Largest accepted request body in bytes. @default 262144 (256 KiB, enough for 1,000 addresses) */
  maxBodyBytes?: number;
  /** Clock, for tests. @default () => new Date() */
  now?: () => Date;
  /** Product name used in emails. @default "Foyer" */
  productName?: string;
  /**
   * Path of the join page below the base URL; the invite link's token follows as a fragment
   * (`#token=…`), like the accept page's.
   * @default "/join"
   */
  joinPath?: string;
  /**
   * Path of the page a verification email links to; the token follows as a fragment.
   * @default "/verify-email"
   */
  verifyEmailPath?: string;
  /** The host's pages the join page links to: terms, privacy policy, sign-in (R-LNK-06). */
  joinPage?: JoinPageLinks;
  /**
   * Per-email accepts must verify the address with a verification email before signing in,
   * as joins through an invite link always do. Off by default: the emailed invitation token
   * already proved the address. A tenant can ask for it alone with its
   * `requireEmailVerification` setting.
   * @default false
   */
  verifyInvitedEmails?: boolean;
  /**
   * Sign-up through invite links with identity providers (R-LNK-06), e.g.
   * `createOidcSignUp(…)` from `@foyer/server/oidc`. Its providers appear on the join page;
   * mount `foyer.identityCallback` at its `redirectUri`.
   */
  identitySignUp?: IdentitySignUp;
}

/** The business operations, each authorised inside (services hold every business rule). */
export interface FoyerServices {
  getContext(actor: Actor): Promise<SessionContext>;
  listTenantRoles(actor: Actor, tenantId: string): Promise<TenantRoles>;
  listInvitations(actor: Actor, query: ListInvitationsQuery): Promise<InvitationPage>;
  createInvitations(actor: Actor, body: CreateInvitationsBody): Promise<BatchResult>;
  getInvitation(actor: Actor, invitationId: string): Promise<InvitationResult>;
  resendInvitation(
    actor: Actor,
    invitationId: string,
    body: ResendInvitationBody,
  ): Promise<ResendResult>;
  revokeInvitation(actor: Actor, invitationId: string): Promise<InvitationResult>;
  /** A pending invitation's current link again, recomputed and audited (R-INV-10). */
  copyInvitationLink(actor: Actor, invitationId: string): Promise<InvitationLinkResult>;
  listInvitationEvents(actor: Actor, invitationId: string, query: AuditQuery): Promise<AuditPage>;
  listTenantEvents(actor: Actor, tenantId: string, query: AuditQuery): Promise<AuditPage>;
  previewInvitation(token: string): Promise<InvitationPreview>;
  /** Accepts; `user` is what `signIn` receives. */
  acceptInvitation(body: AcceptInvitationBody): Promise<AcceptResult>;
  /** Records `expired` audit events for invitations that ran out (the dispatcher calls it). */
  recordExpirations(limit?: number): Promise<number>;
  /**
   * Queues the reminder of every invitation due for one (R-INV-17), audited; the dispatcher
   * calls it every round. Answers how many it reminded.
   */
  sendReminders(limit?: number): Promise<number>;
  /** The tenant's invite link (R-LNK-01), `invite_links:manage` only. */
  getInviteLink(actor: Actor, tenantId: string): Promise<InviteLinkResult>;
  /** Changes the tenant's invite link (R-LNK-01/02/04/05/10). */
  updateInviteLink(
    actor: Actor,
    tenantId: string,
    body: UpdateInviteLinkBody,
  ): Promise<InviteLinkResult>;
  /** Retires the link's token for good and issues a new one (R-LNK-03). */
  regenerateInviteLink(actor: Actor, tenantId: string): Promise<InviteLinkResult>;
  /** What the join page shows for a link token (R-LNK-06/07). */
  previewInviteLink(token: string): Promise<InviteLinkPreview>;
  /** Signs up through an invite link (R-LNK-06..09); `user` is what `signIn` receives. */
  joinWithInviteLink(body: JoinBody): Promise<JoinResult>;
  /** Starts a sign-up through an invite link with an identity provider (R-LNK-06). */
  startIdentityJoin(body: StartIdentityJoinBody): Promise<IdentityJoinStart>;
  /**
   * Starts accepting a per-email invitation with an identity provider ("Accept with
   * Microsoft"); the provider's verified address must be the invited one.
   */
  startIdentityAccept(body: StartIdentityJoinBody): Promise<IdentityJoinStart>;
  /**
   * Completes either from the provider's callback: the state (from the URL, matching the one
   * the browser's cookie holds) is taken once, the ID token validated, and the person joins
   * under the same rules as a password join, or accepts under the accept's rules;
   * `result.user` is what `signIn` receives.
   */
  completeIdentityFlow(input: {
    callbackUrl: string;
    stateCookie: string | null;
  }): Promise<IdentityFlowOutcome>;
  /** Verifies an address with a verification token (R-LNK-09); `next` is `sign_in` here. */
  verifyEmail(token: string): Promise<VerifyEmailResult>;
  /** Sends a new verification email if the address waits for one; always the same answer. */
  resendVerificationEmail(body: ResendVerificationBody): Promise<ResendVerificationResult>;
}
