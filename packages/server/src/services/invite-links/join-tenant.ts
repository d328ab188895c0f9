import { emailDomain, type JoinResult, roleFitsTenant } from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import { newId } from "../../tokens.ts";
import type { ServiceContext } from "../context.ts";
import { startVerification } from "../email-verification/start.ts";
import { invalidLink, type OpenedLink } from "./resolve-link.ts";
import { linkState } from "./rules.ts";

// The steps every join through an invite link shares, with a password or with an identity
// provider (R-LNK-06..10): the same domain rule, "User already registered.", and the one
// transaction that creates the account with its membership.

/** Who joins: a typed address with a password hash, or a provider's verified identity. */
export interface JoinPerson {
  /** Normalised (`normalizeEmail`). */
  email: string;
  firstName: string;
  lastName: string;
  /** Null for an identity-provider account, which has no password. */
  passwordHash: string | null;
  /** The provider's identity, for an account created through one. */
  identity: { providerId: string; issuer: string; subject: string } | null;
  /**
   * Whether the address is proven: a provider's verified address is; a typed one, or one
   * the provider did not verify, gets a verification email first (R-LNK-09).
   */
  emailVerified: boolean;
}

/** EMAIL_DOMAIN_NOT_ALLOWED unless the address is at one of the domains (empty: any). */
export function requireAllowedDomain(domains: readonly string[], email: string): void {
  // Exact match on the normalised domain: no subdomains, no look-alikes (R-LNK-04).
  if (domains.length === 0 || domains.includes(emailDomain(email))) return;
  throw new FoyerServiceError("EMAIL_DOMAIN_NOT_ALLOWED", {
    issues: [{ path: "email", message: "email is not at a domain this link accepts." }],
  });
}

/** "User already registered." for an address with an account on any tenant (R-LNK-07). */
export async function requireUnregistered(ctx: ServiceContext, email: string): Promise<void> {
  const [existing, memberships] = await Promise.all([
    ctx.lookupUsers([email]),
    ctx.store.findMembersByEmails([email]),
  ]);
  if (existing.length > 0 || memberships.length > 0) {
    throw new FoyerServiceError("USER_ALREADY_EXISTS");
  }
}

/**
 * One transaction under the tenant's and the link's locks: the link is checked again (turned
 * off, regenerated, expired or full meanwhile), the host creates the account with the link's
 * current default role, the member joins, the join counts against `maxJoins`, an address
 * not yet proven gets its verification email, and the join is audited with its source (and
 * provider). A failure anywhere rolls all of it back (R-LNK-08).
 */
export async function commitJoin(
  ctx: ServiceContext,
  first: OpenedLink,
  person: JoinPerson,
): Promise<JoinResult> {
  const { hooks } = ctx;
  const { email, firstName, lastName, identity } = person;
  const outcome = await ctx.store.transaction(async (tx) => {
    const at = ctx.now();
    // Tenant first (seats), then the link: the same order as every writer of both.
    const tenant = await tx.lockTenant(first.tenant.id);
    const locked = await tx.lockInviteLink(first.tenant.id);
    if (!tenant || !locked || locked.tokenHash !== first.row.tokenHash) throw invalidLink();
    // Checked again under the locks: turned off, expired or full since the first look.
    const role = (await tx.listRoles()).find((r) => r.id === locked.roleId);
    if (linkState(locked, tenant, at) !== "active" || !role) throw invalidLink();
    // R-TEN-05: a default role the tenant's kind does not have (set by hand) admits nobody.
    if (!roleFitsTenant(role, tenant)) throw invalidLink();
    // Domains as they are now: a change applies to every later join (R-LNK-02).
    requireAllowedDomain(locked.allowedDomains, email);
    if ((await tx.findMembersByEmails([email])).length > 0) {
      throw new FoyerServiceError("USER_ALREADY_EXISTS");
    }
    const seats = await ctx.seatsLeft(tx, tenant, at);
    if (seats !== null && seats <= 0) throw new FoyerServiceError("SEAT_LIMIT_REACHED");
    // The link's current default role, never the one of the first look (R-LNK-02/08).
    const roleId = role.id;
    const user = await hooks.createAccount(
      {
        email,
        firstName,
        lastName,
        passwordHash: person.passwordHash,
        tenantId: tenant.id,
        roleId,
        source: "link",
        // A provider's verified address needs no email; any other does (R-LNK-09).
        requireEmailVerification: !person.emailVerified,
        ...(identity ? { identity } : {}),
      },
      tx,
    );
    await tx.insertMember({
      id: newId(),
      tenantId: tenant.id,
      userId: user.id,
      email,
      roleId,
      status: "active",
      source: "link",
      createdAt: at,
    });
    await tx.updateInviteLink(tenant.id, {
      joinCount: locked.joinCount + 1,
      generationJoinCount: locked.generationJoinCount + 1,
    });
    if (!person.emailVerified) {
      await startVerification(ctx, tx, {
        userId: user.id,
        tenant,
        email,
        firstName,
        source: "link",
        at,
      });
    }
    const event = ctx.audit({
      tenantId: tenant.id,
      invitationId: null,
      action: "joined",
      source: "link",
      actorId: user.id,
      actorEmail: email,
      actorName: `${firstName} ${lastName}`.trim(),
      subjectEmail: email,
      at,
      data: {
        roleId,
        userId: user.id,
        linkGeneration: locked.generation,
        joinNumber: locked.generationJoinCount + 1,
        ...(identity ? { provider: identity.providerId } : {}),
      },
    });
    await tx.insertAuditEvents([event]);
    return { user, tenant, events: [event] };
  });
  await ctx.emit(outcome.events);
  return {
    user: { id: outcome.user.id, email, firstName, lastName },
    tenantId: outcome.tenant.id,
    next: person.emailVerified ? "signed_in" : "verify_email",
  };
}
