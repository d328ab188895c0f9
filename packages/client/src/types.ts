import type {
  AcceptInvitationBody,
  AcceptResult,
  AuditPage,
  AuditQuery,
  BatchResult,
  CreateInvitationsBody,
  InvitationPage,
  InvitationPreview,
  InvitationResult,
  ListInvitationsQuery,
  ResendInvitationBody,
  ResendResult,
  SessionContext,
  TenantRoles,
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
  previewInvitation(token: string, options?: CallOptions): Promise<InvitationPreview>;
  acceptInvitation(body: AcceptInvitationBody, options?: CallOptions): Promise<AcceptResult>;
}
