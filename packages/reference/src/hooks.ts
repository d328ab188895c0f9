import { type FoyerHooks, FoyerServiceError } from "@foyer/server";
import { type Kysely, Transaction } from "kysely";
import { type ApiKeys, bearerKey } from "./api-keys.ts";
import type { RefTables } from "./schema.ts";
import type { Sessions } from "./sessions.ts";
import {
  displayName,
  findUserByEmail,
  findUserById,
  findUsersByEmails,
  insertUser,
  isPgUniqueViolation,
  USERS_EMAIL_KEY,
} from "./users.ts";

/** What the reference app's hooks need. */
export interface ReferenceHookDeps {
  db: Kysely<RefTables>;
  sessions: Sessions;
  apiKeys: ApiKeys;
  now?: () => Date;
}

/**
 * Who calls: the creator of the API key in `Authorization: Bearer <key>` (R-SDK-09), or else
 * the user of the signed session cookie. A request that carries an `Authorization` header is
 * judged by it alone: a wrong or revoked key is refused even beside a valid cookie, since
 * such requests skip the cross-site check that protects cookie requests.
 */
async function callerUserId(
  request: Request,
  sessions: Sessions,
  apiKeys: ApiKeys,
): Promise<string | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const key = bearerKey(authorization);
    return key === null ? null : apiKeys.authenticate(key);
  }
  return sessions.userIdFromCookieHeader(request.headers.get("cookie"));
}

/**
 * The reference app's Foyer hooks (R-SDK-03): the actor comes from an API key or the signed
 * session cookie, users live in `ref_users`, and accounts are created in Foyer's own
 * transaction.
 */
export function createReferenceHooks(deps: ReferenceHookDeps): FoyerHooks {
  const { db, sessions, apiKeys } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    async authenticate(request) {
      const userId = await callerUserId(request, sessions, apiKeys);
      if (userId === null) return null;
      const user = await findUserById(db, userId);
      if (!user?.active) return null;
      return {
        id: user.id,
        email: user.email,
        name: displayName(user),
        tenantId: user.tenant_id,
        roleId: user.role_id,
      };
    },
    async findUserByEmail(email) {
      const user = await findUserByEmail(db, email);
      return user ? { id: user.id, email: user.email, active: user.active } : null;
    },
    async findUsersByEmails(emails) {
      const users = await findUsersByEmails(db, emails);
      return users.map((user) => ({ id: user.id, email: user.email, active: user.active }));
    },
    async createAccount(input, tx) {
      // The row goes through Foyer's transaction, so it commits or rolls back with the
      // acceptance: no account without an accepted invitation, and the other way round.
      if (!(tx.raw instanceof Transaction)) {
        throw new Error("The reference app needs a SQL store: tx.raw is not a Kysely transaction.");
      }
      const trx: Transaction<RefTables> = tx.raw.withTables<RefTables>();
      try {
        const id = await insertUser(
          trx,
          {
            email: input.email,
            firstName: input.firstName,
            lastName: input.lastName,
            passwordHash: input.passwordHash,
            tenantId: input.tenantId,
            roleId: input.roleId,
            // The token proved the address unless the tenant asks for a separate check.
            emailVerified: !input.requireEmailVerification,
            identity: input.identity,
          },
          now(),
        );
        return { id };
      } catch (error) {
        // Someone registered the address between Foyer's check and this insert.
        if (isPgUniqueViolation(error, USERS_EMAIL_KEY)) {
          throw new FoyerServiceError("USER_ALREADY_EXISTS");
        }
        throw error;
      }
    },
    async markEmailVerified(user, tx) {
      // In Foyer's transaction, with the token marked used: both commit or neither does.
      if (!(tx.raw instanceof Transaction)) {
        throw new Error("The reference app needs a SQL store: tx.raw is not a Kysely transaction.");
      }
      const trx: Transaction<RefTables> = tx.raw.withTables<RefTables>();
      const updated = await trx
        .updateTable("ref_users")
        .set({ email_verified: true })
        .where("id", "=", user.id)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new Error(`No user ${user.id} to verify.`);
    },
    async signIn(user) {
      // Only verified, active accounts get a session (a tenant may ask for verification first).
      const record = await findUserById(db, user.id);
      if (!record?.active || !record.email_verified) return undefined;
      return { "Set-Cookie": await sessions.create(user.id) };
    },
  };
}
