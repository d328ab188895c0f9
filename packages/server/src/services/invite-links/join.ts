import {
  emailDomain,
  type JoinBody,
  JoinBodySchema,
  type JoinResult,
  normalizeEmail,
} from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import { newId } from "../../tokens.ts";
import type { ServiceContext } from "../context.ts";
import { startVerification } from "../email-verification/start.ts";
import { requireNewPassword } from "../passwords.ts";
import { parseInput } from "../validate.ts";
import { invalidLink, openLink, requireJoinable } from "./resolve-link.ts";
import { linkState } from "./rules.ts";

/**
 * Signs up through a tenant's invite link (R-LNK-06..10). Cheap checks first (terms, the
 * link, the address and its domain, the password, "User already registered."), then the
 * password hash, then one transaction under the tenant's and the link's locks: the link is
 * checked again (turned off, regenerated, expired or full meanwhile), the host creates the
 * account with the link's current default role, the member joins, the join counts against
 * `maxJoins`, the verification email is queued and the join is audited with its source. A
 * failure anywhere rolls all of it back (R-LNK-08). The account cannot sign in until its
 * address is verified (R-LNK-09).
 */
export async function joinWithInviteLink(
  ctx: ServiceContext,
  rawBody: JoinBody,
): Promise<JoinResult> {
  const { store, hooks } = ctx;
  const body = parseInput(JoinBodySchema, rawBody);
  if (!body.acceptTerms) {
    throw new FoyerServiceError("TERMS_NOT_ACCEPTED", {
      issues: [{ path: "acceptTerms", message: "acceptTerms must be true." }],
    });
  }
  const first = requireJoinable(await openLink(store, body.token, ctx.now()));
  const email = normalizeEmail(body.email);
  if (email === null) {
    throw new FoyerServiceError("VALIDATION_FAILED", {
      message: "email is not a valid email address.",
      issues: [{ path: "email", message: "email is not a valid email address." }],
    });
  }
  // Exact match on the normalised domain: no subdomains, no look-alikes (R-LNK-04).
  const domainAllowed = (domains: readonly string[]) =>
    domains.length === 0 || domains.includes(emailDomain(email));
  if (!domainAllowed(first.row.allowedDomains)) {
    throw new FoyerServiceError("EMAIL_DOMAIN_NOT_ALLOWED", {
      issues: [{ path: "email", message: "email is not at a domain this link accepts." }],
    });
  }
  requireNewPassword(ctx, body.password, body.passwordConfirmation);
  // "User already registered." for an address with an account on any tenant (R-LNK-07).
  const [existing, memberships] = await Promise.all([
    ctx.lookupUsers([email]),
    store.findMembersByEmails([email]),
  ]);
  if (existing.length > 0 || memberships.length > 0) {
    throw new FoyerServiceError("USER_ALREADY_EXISTS");
  }
  if (!hooks.markEmailVerified) {
    throw new Error(
      "Foyer needs the markEmailVerified hook for invite links: joined accounts must verify their email.",
    );
  }
  const passwordHash = await ctx.passwordHasher.hash(body.password);

  const outcome = await store.transaction(async (tx) => {
    const at = ctx.now();
    // Tenant first (seats), then the link: the same order as every writer of both.
    const tenant = await tx.lockTenant(first.tenant.id);
    const locked = await tx.lockInviteLink(first.tenant.id);
    if (!tenant || !locked || locked.tokenHash !== first.row.tokenHash) throw invalidLink();
    // Checked again under the locks: turned off, expired or full since the first look.
    const role = (await tx.listRoles()).find((r) => r.id === locked.roleId);
    if (linkState(locked, tenant, at) !== "active" || !role) throw invalidLink();
    // Domains as they are now: a change applies to every later join (R-LNK-02).
    if (!domainAllowed(locked.allowedDomains)) {
      throw new FoyerServiceError("EMAIL_DOMAIN_NOT_ALLOWED", {
        issues: [{ path: "email", message: "email is not at a domain this link accepts." }],
      });
    }
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
        firstName: body.firstName,
        lastName: body.lastName,
        passwordHash,
        tenantId: tenant.id,
        roleId,
        source: "link",
        requireEmailVerification: true,
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
    await startVerification(ctx, tx, {
      userId: user.id,
      tenant,
      email,
      firstName: body.firstName,
      source: "link",
      at,
    });
    const event = ctx.audit({
      tenantId: tenant.id,
      invitationId: null,
      action: "joined",
      source: "link",
      actorId: user.id,
      actorEmail: email,
      actorName: `${body.firstName} ${body.lastName}`,
      subjectEmail: email,
      at,
      data: {
        roleId,
        userId: user.id,
        linkGeneration: locked.generation,
        joinNumber: locked.generationJoinCount + 1,
      },
    });
    await tx.insertAuditEvents([event]);
    return { user, tenant, events: [event] };
  });
  await ctx.emit(outcome.events);
  return {
    user: { id: outcome.user.id, email, firstName: body.firstName, lastName: body.lastName },
    tenantId: outcome.tenant.id,
    next: "verify_email",
  };
}
