import type {
  AuditAction,
  AuditSource,
  DeliveryStatus,
  Permission,
  StoredInvitationStatus,
  Tenant,
  TenantSettings,
} from "@foyer/core";
import type { ColumnType } from "kysely";
import type { IdempotencyRow, MemberRow, OutboxRow } from "./types.ts";

// The Kysely view of Foyer's tables (created by `migrations.ts`). Columns are snake_case;
// `kysely-store.ts` maps them to the camelCase row types of `types.ts`. JSON columns are
// written as JSON text (both pg and PGlite accept it) and read back parsed.

/** A timestamptz column: written and read as `Date`. */
type Timestamp = ColumnType<Date, Date, Date>;
/** A jsonb column of type `T`: written as JSON text, read parsed. */
type Json<T> = ColumnType<T, string, string>;

/** `foyer_tenants`. */
export interface TenantsTable {
  id: string;
  parent_id: string | null;
  name: string;
  logo_url: string | null;
  accent_color: string | null;
  invite_base_url: string | null;
  sso_enabled: boolean;
  seat_limit: number | null;
  status: Tenant["status"];
  settings: Json<TenantSettings>;
}

/** `foyer_roles`. */
export interface RolesTable {
  id: string;
  name: string;
  description: string | null;
  rank: number;
  permissions: Json<Permission[]>;
  msp_staff: boolean;
  tenant_id: string | null;
}

/** `foyer_members`. */
export interface MembersTable {
  id: string;
  tenant_id: string;
  user_id: string;
  email: string;
  role_id: string;
  status: MemberRow["status"];
  source: AuditSource;
  created_at: Timestamp;
}

/** `foyer_invitations`. */
export interface InvitationsTable {
  id: string;
  tenant_id: string;
  email: string;
  name: string | null;
  role_id: string;
  department: string | null;
  teams: Json<string[]>;
  message: string | null;
  status: StoredInvitationStatus;
  invited_by_id: string | null;
  invited_by_email: string | null;
  invited_by_name: string | null;
  created_at: Timestamp;
  sent_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_user_id: string | null;
  revoked_at: Timestamp | null;
  revoked_by_id: string | null;
  revoked_by_email: string | null;
  revoked_by_name: string | null;
  resend_count: number;
  delivery_status: DeliveryStatus;
  delivery_error: string | null;
  delivery_updated_at: Timestamp | null;
  reminder_sent_at: Timestamp | null;
  expired_recorded_at: Timestamp | null;
}

/** `foyer_invitation_tokens`. */
export interface InvitationTokensTable {
  hash: string;
  invitation_id: string;
  created_at: Timestamp;
  superseded_at: Timestamp | null;
}

/** `foyer_outbox`. */
export interface OutboxTable {
  id: string;
  tenant_id: string;
  invitation_id: string | null;
  kind: OutboxRow["kind"];
  to: string;
  subject: string;
  html: string;
  text: string;
  status: OutboxRow["status"];
  attempts: number;
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

/** `foyer_audit_events`. */
export interface AuditEventsTable {
  id: string;
  tenant_id: string;
  invitation_id: string | null;
  action: AuditAction;
  source: AuditSource;
  actor_id: string | null;
  actor_email: string | null;
  actor_name: string | null;
  subject_email: string | null;
  at: Timestamp;
  data: Json<Record<string, unknown>>;
}

/** `foyer_idempotency_keys`. */
export interface IdempotencyKeysTable {
  key: string;
  request_hash: string;
  state: IdempotencyRow["state"];
  status: number | null;
  body: string | null;
  created_at: Timestamp;
}

/** Every Foyer table, for `Kysely<FoyerDatabase>`. A host may extend it with its own tables. */
export interface FoyerDatabase {
  foyer_tenants: TenantsTable;
  foyer_roles: RolesTable;
  foyer_members: MembersTable;
  foyer_invitations: InvitationsTable;
  foyer_invitation_tokens: InvitationTokensTable;
  foyer_outbox: OutboxTable;
  foyer_audit_events: AuditEventsTable;
  foyer_idempotency_keys: IdempotencyKeysTable;
}

/** Names of every Foyer table, children before parents (the order `TRUNCATE` and drops want). */
export const FOYER_TABLES = [
  "foyer_idempotency_keys",
  "foyer_audit_events",
  "foyer_outbox",
  "foyer_invitation_tokens",
  "foyer_invitations",
  "foyer_members",
  "foyer_roles",
  "foyer_tenants",
] as const satisfies readonly (keyof FoyerDatabase)[];
