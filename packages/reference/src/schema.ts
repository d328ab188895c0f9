import type { ColumnType, Generated } from "kysely";

// The reference app's own tables, beside Foyer's in the same database so that the account
// an invitee creates is written in the same transaction as the acceptance (R-INV-12).

/** A timestamptz column, written and read as `Date`. */
type Timestamp = ColumnType<Date, Date, Date>;

/** `ref_users`: the host's user accounts. Addresses are unique case-insensitively. */
export interface RefUsersTable {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  /** Null for an account created through an identity provider: it cannot sign in with a password. */
  password_hash: string | null;
  tenant_id: string;
  role_id: string;
  /** Deactivated users keep their address (R-INV-04) but cannot sign in. */
  active: Generated<boolean>;
  email_verified: Generated<boolean>;
  created_at: Timestamp;
  /** The provider's issuer and the person's subject there, for an identity-provider account. */
  identity_issuer: Generated<string | null>;
  identity_subject: Generated<string | null>;
}

/** `ref_sessions`: server-side sessions; only the SHA-256 hash of the session id is kept. */
export interface RefSessionsTable {
  id_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/**
 * `ref_api_keys`: API keys for machine clients (R-SDK-09). Only the SHA-256 hash of a key is
 * kept; `prefix` (the key's first characters) lets people tell their keys apart. A key acts
 * as the user who created it, with that user's current role and tenant.
 */
export interface RefApiKeysTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  created_at: Timestamp;
  last_used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** The reference app's tables, for `Kysely<RefTables>` (a type alias, as `withTables` wants). */
export type RefTables = {
  ref_users: RefUsersTable;
  ref_sessions: RefSessionsTable;
  ref_api_keys: RefApiKeysTable;
};
