import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { RefApiKeysTable, RefTables } from "./schema.ts";

// API keys for machine clients (R-SDK-09): a script calls `POST /api/invites` or Foyer's
// routes with `Authorization: Bearer <key>`. A key is 256 random bits, shown once when it is
// created; the table keeps only its SHA-256 hash (a key has too much entropy to guess, so a
// fast hash is enough, and a database read yields no usable key). A key acts as the user who
// made it, with that user's role and tenants as they are at the moment of each call: it can
// never do more than its creator, and a creator who is demoted or deactivated takes the key
// down with them.

/** What every key starts with, so secret scanners and people recognise one. */
export const API_KEY_PREFIX = "foyer_";

/** How many leading characters of a key are kept to tell keys apart (prefix included). */
const SHOWN_CHARACTERS = API_KEY_PREFIX.length + 8;

/** A key as its owner sees it after creation: never the key itself or its hash. */
export interface ApiKeyView {
  id: string;
  name: string;
  /** The key's first characters, such as `foyer_3q2-Xa9k`, followed by `…` where shown. */
  prefix: string;
  createdAt: string;
  /** When the key last authenticated a request; null if never. */
  lastUsedAt: string | null;
  /** When the key was revoked; null while it works. */
  revokedAt: string | null;
}

type ApiKeyRow = Selectable<RefApiKeysTable>;

function view(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

/** The SHA-256 hash (hex) under which a key is stored. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** The key of an `Authorization: Bearer <key>` header; null for any other header. */
export function bearerKey(header: string): string | null {
  const match = /^Bearer[ \t]+([A-Za-z0-9_-]{1,200})[ \t]*$/i.exec(header);
  return match?.[1] ?? null;
}

/** The longest name a key may have. */
export const API_KEY_NAME_MAX = 100;

/** The reference app's API keys, kept in `ref_api_keys`. */
export interface ApiKeys {
  /** Creates a key for the user; the answer carries the key itself, the only time it exists. */
  create(userId: string, name: string): Promise<{ key: string; apiKey: ApiKeyView }>;
  /** The user's keys, newest first, revoked ones included. */
  list(userId: string): Promise<ApiKeyView[]>;
  /** Revokes one of the user's keys (again is a no-op); null when the user has no such key. */
  revoke(userId: string, id: string): Promise<ApiKeyView | null>;
  /** The creator of a live key, recording the use; null for an unknown or revoked key. */
  authenticate(key: string): Promise<string | null>;
}

/** Creates the API key store over the reference app's database. */
export function createApiKeys(options: { db: Kysely<RefTables>; now?: () => Date }): ApiKeys {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  return {
    async create(userId, name) {
      const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
      const row = await db
        .insertInto("ref_api_keys")
        .values({
          id: randomUUID(),
          user_id: userId,
          name,
          prefix: key.slice(0, SHOWN_CHARACTERS),
          key_hash: hashApiKey(key),
          created_at: now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { key, apiKey: view(row) };
    },
    async list(userId) {
      const rows = await db
        .selectFrom("ref_api_keys")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("created_at", "desc")
        .orderBy("id")
        .execute();
      return rows.map(view);
    },
    async revoke(userId, id) {
      const revoked = await db
        .updateTable("ref_api_keys")
        .set({ revoked_at: now() })
        .where("id", "=", id)
        .where("user_id", "=", userId)
        .where("revoked_at", "is", null)
        .returningAll()
        .executeTakeFirst();
      if (revoked) return view(revoked);
      const existing = await db
        .selectFrom("ref_api_keys")
        .selectAll()
        .where("id", "=", id)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return existing ? view(existing) : null;
    },
    async authenticate(key) {
      if (!key.startsWith(API_KEY_PREFIX)) return null;
      // One statement finds a live key and records its use.
      const row = await db
        .updateTable("ref_api_keys")
        .set({ last_used_at: now() })
        .where("key_hash", "=", hashApiKey(key))
        .where("revoked_at", "is", null)
        .returning("user_id")
        .executeTakeFirst();
      return row?.user_id ?? null;
    },
  };
}
