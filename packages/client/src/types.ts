import type {
  AcceptInvitationBody,
  AcceptResult,
  AuditPage,
  AuditQuery,
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
  ResendInvitationBody,
  ResendResult,
  ResendVerificationResult,
  SessionContext,
  StartIdentityJoinBody,
  StartIdentityJoinResult,
  TenantRoles,
  UpdateInviteLinkBody,
  VerifyEmailResult,
} from "@foyer/core/rules";

/** Options of `createFoyerClient`. */
export interface FoyerClientOptions {
  /**
   * Where the Foyer router is mounted, absolute or relative to the page.
   * @example "https://app.example.com/api/foyer"
   */
  baseUrl: string;
  /** A fetch implementation (tests, SSR). @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Headers sent with every request (e.g. a bearer token or CSRF header). */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Milliseconds before a request fails with `FoyerNetworkError`. @default 30000 */
  timeout?: number;
  /** Retries of idempotent reads on network errors and 502/503/504. @default 2 */
  retry?: number;
  /** Cookie handling. @default "same-origin" */
  credentials?: RequestCredentials;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Per-call options of creation endpoints. */
export interface CreateCallOptions extends CallOptions {
  /** Sent as `Idempotency-Key`; a retried call with the same key creates nothing twice. */
  idempotencyKey?: string;
}

/** The typed Foyer API client: one method per endpoint of `routes` in `@foyer/core`. */
export interface FoyerClient {
  getContext(options?: CallOptions): Promise<SessionContext>;
  listTenantRoles(tenantId: string, options?: CallOptions): Promise<TenantRoles>;
  listTenantEvents(tenantId: string, query?: AuditQuery, options?: CallOptions): Promise<AuditPage>;
  listInvitations(query?: ListInvitationsQuery, options?: CallOptions): Promise<InvitationPage>;
  createInvitations(body: CreateInvitationsBody, options?: CreateCallOptions): Promise<BatchResult>;
  getInvitation(invitationId: string, options?: CallOptions): Promise<InvitationResult>;
  listInvitationEvents(
    invitationId: string,
    query?: AuditQuery,
    options?: CallOptions,
  ): Promise<AuditPage>;
  resendInvitation(
    invitationId: string,
    body?: ResendInvitationBody,
    options?: CreateCallOptions,
  ): Promise<ResendResult>;
  revokeInvitation(invitationId: string, options?: CallOptions): Promise<InvitationResult>;
  /**
   * A pending invitation's current link again (R-INV-10), recomputed by the server and
   * audited; `INVITATION_LINK_UNAVAILABLE` when it cannot be (resend instead).
   */
  copyInvitationLink(invitationId: string, options?: CallOptions): Promise<InvitationLinkResult>;
  previewInvitation(token: string, options?: CallOptions): Promise<InvitationPreview>;
  acceptInvitation(body: AcceptInvitationBody, options?: CallOptions): Promise<AcceptResult>;
  /** The tenant's invite link with its URL to copy (`invite_links:manage`, R-LNK-01). */
  getInviteLink(tenantId: string, options?: CallOptions): Promise<InviteLinkResult>;
  /** Turns the link on or off, or changes its role, domains, expiry or join limit. */
  updateInviteLink(
    tenantId: string,
    body: UpdateInviteLinkBody,
    options?: CallOptions,
  ): Promise<InviteLinkResult>;
  /** "Revoke & generate new link" (R-LNK-03): the old URL stops working for good. */
  regenerateInviteLink(tenantId: string, options?: CallOptions): Promise<InviteLinkResult>;
  /** What the join page shows for a link token; answers even when it cannot be joined. */
  previewInviteLink(token: string, options?: CallOptions): Promise<InviteLinkPreview>;
  /** Signs up through an invite link (R-LNK-06..09). */
  joinWithInviteLink(body: JoinBody, options?: CallOptions): Promise<JoinResult>;
  /**
   * Starts a sign-up through an invite link with an identity provider (R-LNK-06): answers
   * the provider's URL to send the browser to. The answer sets an HttpOnly cookie binding the
   * flow to this browser, so call it from the page that then navigates.
   * @example
   * const { authorizationUrl } = await client.startIdentityJoin({ token, providerId: "microsoft" });
   * window.location.assign(authorizationUrl);
   */
  startIdentityJoin(
    body: StartIdentityJoinBody,
    options?: CallOptions,
  ): Promise<StartIdentityJoinResult>;
  /**
   * Starts accepting a per-email invitation with an identity provider ("Accept with
   * Microsoft"): `token` is the invitation's, `providerId` one of its preview's
   * `identityProviders`. The provider's verified address must be the invited one. Like
   * `startIdentityJoin`, the answer sets the cookie binding the flow to this browser.
   */
  startIdentityAccept(
    body: StartIdentityJoinBody,
    options?: CallOptions,
  ): Promise<StartIdentityJoinResult>;
  /** Verifies an address with the token of its verification email (R-LNK-09). */
  verifyEmail(token: string, options?: CallOptions): Promise<VerifyEmailResult>;
  /** Asks for a new verification email; the answer never says whether the address exists. */
  resendVerificationEmail(email: string, options?: CallOptions): Promise<ResendVerificationResult>;
}
