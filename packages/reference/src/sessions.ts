import { createHash, createHmac, randomBytes } from "node:crypto";
import cookieParser from "cookie-parser";
import type { Kysely } from "kysely";
import type { RefTables } from "./schema.ts";

/** Name of the session cookie. */
export const SESSION_COOKIE = "foyer_ref_session";

/** Cookie sessions kept server-side in `ref_sessions`, so sign-out ends them everywhere. */
export interface Sessions {
  /** Starts a session for the user and answers the `Set-Cookie` header value that carries it. */
  create(userId: string): Promise<string>;
  /** The user id of a live session, from a raw `Cookie` header; null when there is none. */
  userIdFromCookieHeader(header: string | null | undefined): Promise<string | null>;
  /** The user id of a live session, from a verified (unsigned) session id. */
  userIdFromSessionId(sessionId: string): Promise<string | null>;
  /** Ends a session by its verified id. */
  destroy(sessionId: string): Promise<void>;
  /** The `Set-Cookie` header value that removes the cookie. */
  clearCookie(): string;
}

/** Options of `createSessions`. */
export interface SessionOptions {
  db: Kysely<RefTables>;
  /** Secret that signs the cookie (the same one given to `cookie-parser`). */
  secret: string;
  /** Adds `Secure`; true when the app is served over https. */
  secure: boolean;
  /** Session lifetime. @default 7 days */
  ttlMs?: number;
  /** Clock, for tests. @default () => new Date() */
  now?: () => Date;
}

/**
 * Signs a value the way `cookie-parser` (through `cookie-signature`) verifies it:
 * `s:` + value + `.` + base64 HMAC-SHA256 without padding.
 */
export function signCookieValue(value: string, secret: string): string {
  const mac = createHmac("sha256", secret).update(value).digest("base64").replace(/=+$/, "");
  return `s:${value}.${mac}`;
}

/** Splits a `Cookie` header into name/value pairs (first occurrence of a name wins). */
export function parseCookieHeader(header: string): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (name.length === 0 || Object.hasOwn(cookies, name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
      value = value.slice(1, -1);
    }
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      cookies[name] = value;
    }
  }
  return cookies;
}

/**
 * Verifies a signed cookie value with `cookie-parser`. Values without the `s:` prefix are
 * refused (cookie-parser would hand them back unchanged as if they were fine).
 */
export function unsignCookieValue(value: string, secret: string): string | null {
  if (!value.startsWith("s:")) return null;
  const unsigned = cookieParser.signedCookie(value, secret);
  return typeof unsigned === "string" && unsigned !== value ? unsigned : null;
}

function hashSessionId(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex");
}

/**
 * Creates the session store. The cookie holds a random 256-bit id, signed; the table holds
 * only its hash, so a database read does not yield usable cookies.
 */
export function createSessions(options: SessionOptions): Sessions {
  const { db, secret, secure } = options;
  const ttlMs = options.ttlMs ?? 7 * 24 * 3_600_000;
  const now = options.now ?? (() => new Date());

  const attributes = (maxAgeSeconds: number, expires: Date) =>
    [
      "Path=/",
      `Max-Age=${maxAgeSeconds}`,
      `Expires=${expires.toUTCString()}`,
      "HttpOnly",
      "SameSite=Lax",
      ...(secure ? ["Secure"] : []),
    ].join("; ");

  const userIdFromSessionId = async (sessionId: string): Promise<string | null> => {
    const row = await db
      .selectFrom("ref_sessions")
      .select(["user_id", "expires_at"])
      .where("id_hash", "=", hashSessionId(sessionId))
      .executeTakeFirst();
    if (!row || row.expires_at.getTime() <= now().getTime()) return null;
    return row.user_id;
  };

  return {
    async create(userId) {
      const sessionId = randomBytes(32).toString("base64url");
      const createdAt = now();
      const expiresAt = new Date(createdAt.getTime() + ttlMs);
      await db
        .insertInto("ref_sessions")
        .values({
          id_hash: hashSessionId(sessionId),
          user_id: userId,
          created_at: createdAt,
          expires_at: expiresAt,
        })
        .execute();
      const value = encodeURIComponent(signCookieValue(sessionId, secret));
      return `${SESSION_COOKIE}=${value}; ${attributes(Math.floor(ttlMs / 1000), expiresAt)}`;
    },
    async userIdFromCookieHeader(header) {
      if (!header) return null;
      const raw = parseCookieHeader(header)[SESSION_COOKIE];
      if (raw === undefined) return null;
      const sessionId = unsignCookieValue(raw, secret);
      return sessionId === null ? null : userIdFromSessionId(sessionId);
    },
    userIdFromSessionId,
    async destroy(sessionId) {
      await db.deleteFrom("ref_sessions").where("id_hash", "=", hashSessionId(sessionId)).execute();
    },
    clearCookie() {
      return `${SESSION_COOKIE}=; ${attributes(0, new Date(0))}`;
    },
  };
}
