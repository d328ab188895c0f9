import { sql } from "kysely";
import type { StoreOps } from "../types.ts";
import { atomically, chunk, type Db, MAX_IN_LIST } from "./sql.ts";
import { emailVerifications, inviteLinks, linkDomains } from "./tables.ts";

/** Invite links, their domains, and email verifications (R-LNK-01..10). */
export function inviteLinkOps(
  db: Db,
): Pick<
  StoreOps,
  | "getInviteLink"
  | "findInviteLinkByHash"
  | "insertInviteLink"
  | "updateInviteLink"
  | "findLinkDomains"
  | "replaceLinkDomains"
  | "insertEmailVerification"
  | "findEmailVerificationByHash"
  | "findPendingEmailVerifications"
  | "updateEmailVerification"
> {
  return {
    async getInviteLink(tenantId) {
      const row = await db
        .selectFrom("foyer_invite_links")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .executeTakeFirst();
      return row ? inviteLinks.fromRecord(row) : null;
    },

    async findInviteLinkByHash(hash) {
      const row = await db
        .selectFrom("foyer_invite_links")
        .selectAll()
        .where("token_hash", "=", hash)
        .executeTakeFirst();
      return row ? inviteLinks.fromRecord(row) : null;
    },

    async insertInviteLink(row) {
      await db.insertInto("foyer_invite_links").values(inviteLinks.toRecord(row)).execute();
    },

    async updateInviteLink(tenantId, patch) {
      const values = inviteLinks.toPatch(patch);
      if (Object.keys(values).length === 0) return;
      await db
        .updateTable("foyer_invite_links")
        .set(values)
        .where("tenant_id", "=", tenantId)
        .execute();
    },

    async findLinkDomains(scope, domains) {
      const found = [];
      for (const part of chunk([...new Set(domains)], MAX_IN_LIST)) {
        if (part.length === 0) continue;
        const rows = await db
          .selectFrom("foyer_invite_link_domains")
          .selectAll()
          .where("scope", "=", scope)
          .where("domain", "in", part)
          .orderBy("domain")
          .execute();
        found.push(...rows.map(linkDomains.fromRecord));
      }
      return found;
    },

    async replaceLinkDomains(tenantId, scope, domains) {
      // A savepoint, so a refused domain leaves the tenant's previous domains in place.
      await atomically(db, async (trx) => {
        await trx
          .deleteFrom("foyer_invite_link_domains")
          .where("tenant_id", "=", tenantId)
          .execute();
        const unique = [...new Set(domains)];
        if (unique.length === 0) return;
        await trx
          .insertInto("foyer_invite_link_domains")
          .values(unique.map((domain) => linkDomains.toRecord({ scope, domain, tenantId })))
          .execute();
      });
    },

    async insertEmailVerification(row) {
      await db
        .insertInto("foyer_email_verifications")
        .values(emailVerifications.toRecord(row))
        .execute();
    },

    async findEmailVerificationByHash(hash) {
      const row = await db
        .selectFrom("foyer_email_verifications")
        .selectAll()
        .where("token_hash", "=", hash)
        .executeTakeFirst();
      return row ? emailVerifications.fromRecord(row) : null;
    },

    async findPendingEmailVerifications(email) {
      // Matches the partial index on lower(email) where verified_at is null.
      const rows = await db
        .selectFrom("foyer_email_verifications")
        .selectAll()
        .where(sql<string>`lower(email)`, "=", email.toLowerCase())
        .where("verified_at", "is", null)
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .execute();
      return rows.map(emailVerifications.fromRecord);
    },

    async updateEmailVerification(id, patch) {
      const values = emailVerifications.toPatch(patch);
      if (Object.keys(values).length === 0) return;
      await db.updateTable("foyer_email_verifications").set(values).where("id", "=", id).execute();
    },
  };
}
