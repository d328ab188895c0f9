/**
 * A write broke a unique constraint (PostgreSQL error 23505). Every store throws this class,
 * so services treat a lost race the same way on memory, PGlite and PostgreSQL.
 */
export class UniqueViolationError extends Error {
  override readonly name = "UniqueViolationError";
  /** The constraint or unique index that refused the write, as named in the SQL schema. */
  readonly constraint: string;

  constructor(constraint: string, options: { cause?: unknown } = {}) {
    super(`Unique constraint ${constraint} refused the write`, options);
    this.constraint = constraint;
  }
}

/**
 * A write referenced a row that does not exist (PostgreSQL error 23503), such as a token
 * for an unknown invitation or a tenant whose parent is missing.
 */
export class ForeignKeyViolationError extends Error {
  override readonly name = "ForeignKeyViolationError";
  /** The foreign key constraint that refused the write, as named in the SQL schema. */
  readonly constraint: string;

  constructor(constraint: string, options: { cause?: unknown } = {}) {
    super(`Foreign key ${constraint} refused the write`, options);
    this.constraint = constraint;
  }
}

/** Type guard for `UniqueViolationError`, optionally for one constraint. */
export function isUniqueViolation(
  error: unknown,
  constraint?: string,
): error is UniqueViolationError {
  return (
    error instanceof UniqueViolationError &&
    (constraint === undefined || error.constraint === constraint)
  );
}

/** Names of the constraints services may race on; the SQL schema uses exactly these names. */
export const CONSTRAINTS = {
  /** At most one pending invitation per (tenant, lower(email)) (R-INV-03). */
  pendingInvitation: "foyer_invitations_pending_email_key",
  /** Token hashes are unique (R-INV-11). */
  tokenHash: "foyer_invitation_tokens_pkey",
  /** A user is a member of a tenant once. */
  memberTenantUser: "foyer_members_tenant_user_key",
  invitationId: "foyer_invitations_pkey",
  memberId: "foyer_members_pkey",
  outboxId: "foyer_outbox_pkey",
  auditId: "foyer_audit_events_pkey",
  idempotencyKey: "foyer_idempotency_keys_pkey",
  tenantParent: "foyer_tenants_parent_id_fkey",
  tokenInvitation: "foyer_invitation_tokens_invitation_id_fkey",
  /** One invite link per tenant (R-LNK-01). */
  inviteLinkTenant: "foyer_invite_links_pkey",
  /** Link token hashes are unique. */
  inviteLinkToken: "foyer_invite_links_token_hash_key",
  /** A domain is allowed by one tenant per scope (siblings of one MSP, R-LNK-04). */
  linkDomain: "foyer_invite_link_domains_pkey",
  emailVerificationId: "foyer_email_verifications_pkey",
  /** One verification per account. */
  emailVerificationUser: "foyer_email_verifications_user_key",
  emailVerificationToken: "foyer_email_verifications_token_hash_key",
  /** A sign-up flow's state hash is unique (R-LNK-06). */
  oidcFlowState: "foyer_oidc_flows_pkey",
} as const;
