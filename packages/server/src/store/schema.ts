import type { Role, Tenant } from "@foyer/core";
import type { ColumnType } from "kysely";
import type {
  AuditRow,
  EmailVerificationRow,
  IdempotencyRow,
  InvitationCountRow,
  InvitationRow,
  InviteLinkRow,
  LinkDomainRow,
  MemberRow,
  OidcFlowRow,
  OutboxRow,
  TokenRow,
} from "./types.ts";

// One column map per table: each camelCase field of a row type (`rows.ts`) names its
// snake_case column and SQL type. The Kysely table types below, the SQL store's row
// mappers and bulk-insert column lists (`kysely/row-mapping.ts`) all follow from these
// maps, and `kysely/schema.test.ts` checks them against what the migrations created.
// A new column: the field in `types.ts`, its entry here, and a new migration.

/** The SQL types Foyer's columns use. */
export type SqlType = "text" | "integer" | "boolean" | "timestamptz" | "jsonb";

/** One column: its name and SQL type. */
export interface ColumnDef<Name extends string = string, Type extends SqlType = SqlType> {
  readonly name: Name;
  readonly type: Type;
}

/** A table's columns, one per field of its row type. */
export type ColumnMap<Row> = { readonly [Field in keyof Row]-?: ColumnDef };

const column = <Name extends string, Type extends SqlType>(
  name: Name,
  type: Type,
): ColumnDef<Name, Type> => ({ name, type });

/** Checks a map covers exactly the row's fields while keeping its literal column types. */
const columnsOf =
  <Row>() =>
  <const Map extends ColumnMap<Row>>(map: Map & Record<Exclude<keyof Map, keyof Row>, never>) =>
    map;

/** `foyer_tenants`. */
export const TENANT_COLUMNS = columnsOf<Tenant>()({
  id: column("id", "text"),
  parentId: column("parent_id", "text"),
  name: column("name", "text"),
  logoUrl: column("logo_url", "text"),
  accentColor: column("accent_color", "text"),
  inviteBaseUrl: column("invite_base_url", "text"),
  ssoEnabled: column("sso_enabled", "boolean"),
  seatLimit: column("seat_limit", "integer"),
  status: column("status", "text"),
  settings: column("settings", "jsonb"),
});

/** `foyer_roles`. */
export const ROLE_COLUMNS = columnsOf<Role>()({
  id: column("id", "text"),
  name: column("name", "text"),
  description: column("description", "text"),
  rank: column("rank", "integer"),
  permissions: column("permissions", "jsonb"),
  mspStaff: column("msp_staff", "boolean"),
  tenantId: column("tenant_id", "text"),
});

/** `foyer_members`. */
export const MEMBER_COLUMNS = columnsOf<MemberRow>()({
  id: column("id", "text"),
  tenantId: column("tenant_id", "text"),
  userId: column("user_id", "text"),
  email: column("email", "text"),
  roleId: column("role_id", "text"),
  status: column("status", "text"),
  source: column("source", "text"),
  createdAt: column("created_at", "timestamptz"),
});

/** `foyer_invitations`. */
export const INVITATION_COLUMNS = columnsOf<InvitationRow>()({
  id: column("id", "text"),
  tenantId: column("tenant_id", "text"),
  email: column("email", "text"),
  name: column("name", "text"),
  roleId: column("role_id", "text"),
  department: column("department", "text"),
  teams: column("teams", "jsonb"),
  message: column("message", "text"),
  status: column("status", "text"),
  invitedById: column("invited_by_id", "text"),
  invitedByEmail: column("invited_by_email", "text"),
  invitedByName: column("invited_by_name", "text"),
  createdAt: column("created_at", "timestamptz"),
  sentAt: column("sent_at", "timestamptz"),
  expiresAt: column("expires_at", "timestamptz"),
  acceptedAt: column("accepted_at", "timestamptz"),
  acceptedUserId: column("accepted_user_id", "text"),
  revokedAt: column("revoked_at", "timestamptz"),
  revokedById: column("revoked_by_id", "text"),
  revokedByEmail: column("revoked_by_email", "text"),
  revokedByName: column("revoked_by_name", "text"),
  resendCount: column("resend_count", "integer"),
  deliveryStatus: column("delivery_status", "text"),
  deliveryError: column("delivery_error", "text"),
  deliveryUpdatedAt: column("delivery_updated_at", "timestamptz"),
  deliveryAttempts: column("delivery_attempts", "integer"),
  deliveryLastAttemptAt: column("delivery_last_attempt_at", "timestamptz"),
  reminderSentAt: column("reminder_sent_at", "timestamptz"),
  expiredRecordedAt: column("expired_recorded_at", "timestamptz"),
  tokenKid: column("token_kid", "text"),
  tokenGeneration: column("token_generation", "integer"),
});

/** `foyer_invitation_counts`. */
export const INVITATION_COUNT_COLUMNS = columnsOf<InvitationCountRow>()({
  tenantId: column("tenant_id", "text"),
  status: column("status", "text"),
  total: column("total", "integer"),
});

/** `foyer_invitation_tokens`. */
export const TOKEN_COLUMNS = columnsOf<TokenRow>()({
  hash: column("hash", "text"),
  invitationId: column("invitation_id", "text"),
  createdAt: column("created_at", "timestamptz"),
  supersededAt: column("superseded_at", "timestamptz"),
});

/** `foyer_outbox`. */
export const OUTBOX_COLUMNS = columnsOf<OutboxRow>()({
  id: column("id", "text"),
  tenantId: column("tenant_id", "text"),
  invitationId: column("invitation_id", "text"),
  kind: column("kind", "text"),
  to: column("to", "text"),
  data: column("data", "jsonb"),
  status: column("status", "text"),
  attempts: column("attempts", "integer"),
  nextAttemptAt: column("next_attempt_at", "timestamptz"),
  lastError: column("last_error", "text"),
  createdAt: column("created_at", "timestamptz"),
  sentAt: column("sent_at", "timestamptz"),
  leaseUntil: column("lease_until", "timestamptz"),
});

/** `foyer_audit_events`. */
export const AUDIT_COLUMNS = columnsOf<AuditRow>()({
  id: column("id", "text"),
  tenantId: column("tenant_id", "text"),
  invitationId: column("invitation_id", "text"),
  action: column("action", "text"),
  source: column("source", "text"),
  actorId: column("actor_id", "text"),
  actorEmail: column("actor_email", "text"),
  actorName: column("actor_name", "text"),
  subjectEmail: column("subject_email", "text"),
  at: column("at", "timestamptz"),
  data: column("data", "jsonb"),
});

/** `foyer_idempotency_keys`. */
export const IDEMPOTENCY_COLUMNS = columnsOf<IdempotencyRow>()({
  key: column("key", "text"),
  requestHash: column("request_hash", "text"),
  state: column("state", "text"),
  status: column("status", "integer"),
  body: column("body", "text"),
  createdAt: column("created_at", "timestamptz"),
  owner: column("owner", "text"),
});

/** `foyer_invite_links`. */
export const INVITE_LINK_COLUMNS = columnsOf<InviteLinkRow>()({
  tenantId: column("tenant_id", "text"),
  linkId: column("link_id", "text"),
  enabled: column("enabled", "boolean"),
  roleId: column("role_id", "text"),
  allowedDomains: column("allowed_domains", "jsonb"),
  expiresAt: column("expires_at", "timestamptz"),
  maxJoins: column("max_joins", "integer"),
  generation: column("generation", "integer"),
  tokenKid: column("token_kid", "text"),
  tokenHash: column("token_hash", "text"),
  joinCount: column("join_count", "integer"),
  generationJoinCount: column("generation_join_count", "integer"),
  createdAt: column("created_at", "timestamptz"),
  updatedAt: column("updated_at", "timestamptz"),
  regeneratedAt: column("regenerated_at", "timestamptz"),
  updatedById: column("updated_by_id", "text"),
  updatedByEmail: column("updated_by_email", "text"),
  updatedByName: column("updated_by_name", "text"),
});

/** `foyer_invite_link_domains`. */
export const LINK_DOMAIN_COLUMNS = columnsOf<LinkDomainRow>()({
  scope: column("scope", "text"),
  domain: column("domain", "text"),
  tenantId: column("tenant_id", "text"),
});

/** `foyer_email_verifications`. */
export const EMAIL_VERIFICATION_COLUMNS = columnsOf<EmailVerificationRow>()({
  id: column("id", "text"),
  userId: column("user_id", "text"),
  tenantId: column("tenant_id", "text"),
  email: column("email", "text"),
  source: column("source", "text"),
  generation: column("generation", "integer"),
  tokenKid: column("token_kid", "text"),
  tokenHash: column("token_hash", "text"),
  createdAt: column("created_at", "timestamptz"),
  expiresAt: column("expires_at", "timestamptz"),
  lastSentAt: column("last_sent_at", "timestamptz"),
  sendCount: column("send_count", "integer"),
  verifiedAt: column("verified_at", "timestamptz"),
});

/** `foyer_oidc_flows`. */
export const OIDC_FLOW_COLUMNS = columnsOf<OidcFlowRow>()({
  stateHash: column("state_hash", "text"),
  providerId: column("provider_id", "text"),
  tenantId: column("tenant_id", "text"),
  purpose: column("purpose", "text"),
  tokenHash: column("token_hash", "text"),
  tokenKid: column("token_kid", "text"),
  createdAt: column("created_at", "timestamptz"),
  expiresAt: column("expires_at", "timestamptz"),
});

/** A timestamptz column: written and read as `Date`. */
type Timestamp = ColumnType<Date, Date, Date>;
/** A jsonb column of type `T`: written as JSON text (pg and PGlite accept it), read parsed. */
type Json<T> = ColumnType<T, string, string>;

/** The Kysely type of one column, from the field's type and the column's SQL type. */
type ColumnValue<T, Type extends SqlType> = Type extends "timestamptz"
  ? null extends T
    ? Timestamp | null
    : Timestamp
  : Type extends "jsonb"
    ? Json<T>
    : T;

/** The Kysely view of a table: its snake_case columns, typed from the row and the map. */
export type TableOf<Row, Map extends ColumnMap<Row>> = {
  -readonly [Field in keyof Row & keyof Map as Map[Field]["name"]]: ColumnValue<
    Row[Field],
    Map[Field]["type"]
  >;
};

/** `foyer_tenants`. */
export type TenantsTable = TableOf<Tenant, typeof TENANT_COLUMNS>;
/** `foyer_roles`. */
export type RolesTable = TableOf<Role, typeof ROLE_COLUMNS>;
/** `foyer_members`. */
export type MembersTable = TableOf<MemberRow, typeof MEMBER_COLUMNS>;
/** `foyer_invitations`. */
export type InvitationsTable = TableOf<InvitationRow, typeof INVITATION_COLUMNS>;
/** `foyer_invitation_counts`. */
export type InvitationCountsTable = TableOf<InvitationCountRow, typeof INVITATION_COUNT_COLUMNS>;
/** `foyer_invitation_tokens`. */
export type InvitationTokensTable = TableOf<TokenRow, typeof TOKEN_COLUMNS>;
/** `foyer_outbox`. */
export type OutboxTable = TableOf<OutboxRow, typeof OUTBOX_COLUMNS>;
/** `foyer_audit_events`. */
export type AuditEventsTable = TableOf<AuditRow, typeof AUDIT_COLUMNS>;
/** `foyer_idempotency_keys`. */
export type IdempotencyKeysTable = TableOf<IdempotencyRow, typeof IDEMPOTENCY_COLUMNS>;

/** `foyer_invite_links`. */
export type InviteLinksTable = TableOf<InviteLinkRow, typeof INVITE_LINK_COLUMNS>;
/** `foyer_invite_link_domains`. */
export type InviteLinkDomainsTable = TableOf<LinkDomainRow, typeof LINK_DOMAIN_COLUMNS>;
/** `foyer_email_verifications`. */
export type EmailVerificationsTable = TableOf<
  EmailVerificationRow,
  typeof EMAIL_VERIFICATION_COLUMNS
>;

/** `foyer_oidc_flows`. */
export type OidcFlowsTable = TableOf<OidcFlowRow, typeof OIDC_FLOW_COLUMNS>;

/** Every Foyer table, for `Kysely<FoyerDatabase>`. A host may extend it with its own tables. */
export interface FoyerDatabase {
  foyer_tenants: TenantsTable;
  foyer_roles: RolesTable;
  foyer_members: MembersTable;
  foyer_invitations: InvitationsTable;
  foyer_invitation_counts: InvitationCountsTable;
  foyer_invitation_tokens: InvitationTokensTable;
  foyer_outbox: OutboxTable;
  foyer_audit_events: AuditEventsTable;
  foyer_idempotency_keys: IdempotencyKeysTable;
  foyer_invite_links: InviteLinksTable;
  foyer_invite_link_domains: InviteLinkDomainsTable;
  foyer_email_verifications: EmailVerificationsTable;
  foyer_oidc_flows: OidcFlowsTable;
}

/** Names of every Foyer table, children before parents (the order `TRUNCATE` and drops want). */
export const FOYER_TABLES = [
  "foyer_oidc_flows",
  "foyer_email_verifications",
  "foyer_invite_link_domains",
  "foyer_invite_links",
  "foyer_idempotency_keys",
  "foyer_audit_events",
  "foyer_outbox",
  "foyer_invitation_tokens",
  "foyer_invitation_counts",
  "foyer_invitations",
  "foyer_members",
  "foyer_roles",
  "foyer_tenants",
] as const satisfies readonly (keyof FoyerDatabase)[];
