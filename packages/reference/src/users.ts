import { randomUUID } from "node:crypto";
import { emailKey } from "@foyer/core";
import { type Kysely, type Selectable, sql } from "kysely";
import type { RefTables, RefUsersTable } from "./schema.ts";

/** A row of `ref_users`. */
export type RefUser = Selectable<RefUsersTable>;

/** What it takes to create a user. */
export interface NewRefUser {
  email: string;
  firstName: string;
  lastName: string;
  /** Null for an account created through an identity provider. */
  passwordHash: string | null;
  tenantId: string;
  roleId: string;
  emailVerified: boolean;
  active?: boolean;
  /** The person at the identity provider the account was created through. */
  identity?: { issuer: string; subject: string } | undefined;
}

/** The name of the unique index on `lower(email)`. */
export const USERS_EMAIL_KEY = "ref_users_email_key";

/** Finds one user by address, active or not. */
export async function findUserByEmail(
  db: Kysely<RefTables>,
  email: string,
): Promise<RefUser | null> {
  const row = await db
    .selectFrom("ref_users")
    .selectAll()
    .where(sql<string>`lower(email)`, "=", emailKey(email))
    .executeTakeFirst();
  return row ?? null;
}

/** Finds the users that own any of these addresses, active or not. */
export async function findUsersByEmails(
  db: Kysely<RefTables>,
  emails: string[],
): Promise<RefUser[]> {
  if (emails.length === 0) return [];
  const wanted = [...new Set(emails.map(emailKey))];
  return db
    .selectFrom("ref_users")
    .selectAll()
    .where(sql<string>`lower(email)`, "in", wanted)
    .execute();
}

/** Finds the account created through an identity provider for this person there. */
export async function findUserByIdentity(
  db: Kysely<RefTables>,
  identity: { issuer: string; subject: string },
): Promise<RefUser | null> {
  const row = await db
    .selectFrom("ref_users")
    .selectAll()
    .where("identity_issuer", "=", identity.issuer)
    .where("identity_subject", "=", identity.subject)
    .executeTakeFirst();
  return row ?? null;
}

/** Finds one user by id. */
export async function findUserById(db: Kysely<RefTables>, id: string): Promise<RefUser | null> {
  const row = await db.selectFrom("ref_users").selectAll().where("id", "=", id).executeTakeFirst();
  return row ?? null;
}

/**
 * Inserts a user and answers its id. Pass a transaction to make it part of a larger unit
 * (Foyer's accept). A taken address fails with PostgreSQL's unique violation (23505) on
 * `ref_users_email_key`.
 */
export async function insertUser(
  db: Kysely<RefTables>,
  user: NewRefUser,
  now: Date = new Date(),
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("ref_users")
    .values({
      id,
      email: emailKey(user.email),
      first_name: user.firstName,
      last_name: user.lastName,
      password_hash: user.passwordHash,
      tenant_id: user.tenantId,
      role_id: user.roleId,
      active: user.active ?? true,
      email_verified: user.emailVerified,
      created_at: now,
      identity_issuer: user.identity?.issuer ?? null,
      identity_subject: user.identity?.subject ?? null,
    })
    .execute();
  return id;
}

/** The display name of a user. */
export function displayName(user: Pick<RefUser, "first_name" | "last_name">): string {
  return `${user.first_name} ${user.last_name}`.trim();
}

/** Whether an error is a PostgreSQL unique violation, optionally of one constraint. */
export function isPgUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = "code" in error ? error.code : undefined;
  if (code !== "23505") return false;
  if (constraint === undefined) return true;
  const name = "constraint" in error ? error.constraint : undefined;
  const detail = "message" in error && typeof error.message === "string" ? error.message : "";
  return name === constraint || detail.includes(constraint);
}
