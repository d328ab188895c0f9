import {
  type InviteLink,
  type InviteLinkState,
  MAX_LINK_DOMAINS,
  normalizeDomain,
  type Role,
  type Tenant,
} from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import type { InviteLinkRow, StoreOps } from "../../store/types.ts";
import { TokenKeyRetiredError } from "../../tokens/keyring.ts";
import { hashToken, newId } from "../../tokens.ts";
import type { Access } from "../access.ts";
import { requirePermission, tenantInScope } from "../access.ts";
import type { ServiceContext } from "../context.ts";

// Rules the invite-link services share (R-LNK-01..10).

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** The tenant whose link the actor manages: `invite_links:manage` and in scope (R-LNK-01). */
export function linkTenant(access: Access, tenantId: string): Tenant {
  requirePermission(access, "invite_links:manage");
  return tenantInScope(access, tenantId);
}

/**
 * Where a link stands at `at` (R-LNK-02/05/10). SSO wins over everything: such a tenant's
 * link accepts nobody, whatever its row says.
 */
export function linkState(
  row: InviteLinkRow | null,
  tenant: Pick<Tenant, "ssoEnabled" | "status">,
  at: Date,
): InviteLinkState {
  if (tenant.ssoEnabled) return "sso";
  if (!row?.enabled || tenant.status !== "active") return "disabled";
  if (row.expiresAt !== null && row.expiresAt.getTime() <= at.getTime()) return "expired";
  if (row.maxJoins !== null && row.generationJoinCount >= row.maxJoins) return "full";
  return "active";
}

/** The link's current token, recomputed from the server secret; null when its key is retired. */
export async function currentLinkToken(
  ctx: ServiceContext,
  row: InviteLinkRow,
): Promise<string | null> {
  try {
    return await ctx.keyring.derive("invite_link", row.linkId, row.generation, row.tokenKid);
  } catch (error) {
    if (error instanceof TokenKeyRetiredError) return null;
    throw error;
  }
}

/** The token fields of a generation, derived under the current key; only the hash is kept. */
export async function tokenFields(
  ctx: ServiceContext,
  linkId: string,
  generation: number,
): Promise<Pick<InviteLinkRow, "generation" | "tokenKid" | "tokenHash">> {
  const tokenKid = ctx.keyring.currentKid;
  const token = await ctx.keyring.derive("invite_link", linkId, generation, tokenKid);
  return { generation, tokenKid, tokenHash: await hashToken(token) };
}

/** A first link row for a tenant: turned off, no role, generation 1. */
export async function newLinkRow(
  ctx: ServiceContext,
  tenantId: string,
  access: Access,
  at: Date,
): Promise<InviteLinkRow> {
  const linkId = newId();
  return {
    tenantId,
    linkId,
    enabled: false,
    roleId: null,
    allowedDomains: [],
    expiresAt: null,
    maxJoins: null,
    ...(await tokenFields(ctx, linkId, 1)),
    joinCount: 0,
    generationJoinCount: 0,
    createdAt: at,
    updatedAt: at,
    regeneratedAt: null,
    updatedById: access.actor.id,
    updatedByEmail: access.actor.email,
    updatedByName: access.actor.name,
  };
}

/** The admin view of a tenant's link (R-LNK-01): the URL recomputed, never stored. */
export async function toInviteLink(
  ctx: ServiceContext,
  tenant: Tenant,
  row: InviteLinkRow | null,
  roles: readonly Role[],
): Promise<InviteLink> {
  const token = row ? await currentLinkToken(ctx, row) : null;
  const role = row?.roleId ? roles.find((r) => r.id === row.roleId) : undefined;
  return {
    tenantId: tenant.id,
    enabled: row?.enabled ?? false,
    state: linkState(row, tenant, ctx.now()),
    url: token ? ctx.joinLink(tenant, token) : null,
    role: row?.roleId ? { id: row.roleId, name: role?.name ?? row.roleId } : null,
    allowedDomains: row?.allowedDomains ?? [],
    expiresAt: iso(row?.expiresAt ?? null),
    maxJoins: row?.maxJoins ?? null,
    joinCount: row?.joinCount ?? 0,
    joinsSinceRegenerated: row?.generationJoinCount ?? 0,
    ssoEnabled: tenant.ssoEnabled,
    createdAt: iso(row?.createdAt ?? null),
    updatedAt: iso(row?.updatedAt ?? null),
    regeneratedAt: iso(row?.regeneratedAt ?? null),
    updatedBy: row?.updatedById
      ? { id: row.updatedById, email: row.updatedByEmail ?? "", name: row.updatedByName }
      : null,
  };
}

/**
 * R-LNK-04: the domains as typed, each entry possibly holding several (commas, semicolons,
 * spaces, newlines), normalised (lower case, no trailing dot, punycode) and de-duplicated
 * in order. Entries that are not domains, and more than 50, are refused naming them.
 */
export function normalizeLinkDomains(entries: readonly string[]): string[] {
  const domains: string[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    for (const part of entry.split(/[\s,;]+/)) {
      if (part === "") continue;
      const domain = normalizeDomain(part);
      if (domain === null) invalid.push(part);
      else if (!domains.includes(domain)) domains.push(domain);
    }
  }
  if (invalid.length > 0) {
    throw new FoyerServiceError("DOMAIN_INVALID", {
      message: `allowedDomains: ${invalid.map((entry) => JSON.stringify(entry)).join(", ")} ${
        invalid.length === 1 ? "is not a valid email domain" : "are not valid email domains"
      }.`,
      issues: invalid.map((entry) => ({
        path: "allowedDomains",
        message: `${JSON.stringify(entry)} is not a valid email domain.`,
      })),
      details: { invalid },
    });
  }
  if (domains.length > MAX_LINK_DOMAINS) {
    throw new FoyerServiceError("TOO_MANY_DOMAINS", {
      message: `allowedDomains holds ${domains.length} domains; at most ${MAX_LINK_DOMAINS} are allowed.`,
      issues: [
        {
          path: "allowedDomains",
          message: `allowedDomains must hold at most ${MAX_LINK_DOMAINS} domains, not ${domains.length}.`,
        },
      ],
      details: { count: domains.length, max: MAX_LINK_DOMAINS },
    });
  }
  return domains;
}

/**
 * The scope in which a tenant's domains must be unique (R-LNK-04): its parent, so siblings
 * of one MSP never share a domain; a tenant without a parent has a scope of its own.
 */
export function domainScope(tenant: Pick<Tenant, "id" | "parentId">): string {
  return tenant.parentId === null ? `tenant:${tenant.id}` : `parent:${tenant.parentId}`;
}

/** Throws DOMAIN_IN_USE naming the domains a sibling tenant already allows. */
export async function refuseSiblingDomains(
  ops: StoreOps,
  tenant: Tenant,
  domains: readonly string[],
): Promise<void> {
  if (domains.length === 0) return;
  const held = (await ops.findLinkDomains(domainScope(tenant), [...domains])).filter(
    (row) => row.tenantId !== tenant.id,
  );
  if (held.length === 0) return;
  throw domainInUse(held.map((row) => row.domain));
}

/** The DOMAIN_IN_USE error for these domains. */
export function domainInUse(domains: readonly string[]): FoyerServiceError {
  return new FoyerServiceError("DOMAIN_IN_USE", {
    message: `allowedDomains: ${domains.join(", ")} ${
      domains.length === 1 ? "is" : "are"
    } already allowed by another tenant of the same MSP.`,
    issues: domains.map((domain) => ({
      path: "allowedDomains",
      message: `${domain} is already allowed by another tenant of the same MSP.`,
    })),
    details: { domains: [...domains] },
  });
}
