import {
  type AcceptInvitationBody,
  AcceptInvitationBodySchema,
  type AcceptResult,
  type Tenant,
} from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import type { AuditRow, InvitationRow } from "../../store/types.ts";
import { newId } from "../../tokens.ts";
import type { ServiceContext } from "../context.ts";
import { startVerification } from "../email-verification/start.ts";
import { cancelQueuedEmails, queuedEmail } from "../outbox.ts";
import { requireNewPassword } from "../passwords.ts";
import { parseInput } from "../validate.ts";
import { checkAcceptable, resolveToken } from "./resolve-token.ts";

/** Who accepts: names with a password hash, or a provider's identity for the invited address. */
export interface AcceptingPerson {
  firstName: string;
  lastName: string;
  /** Null for an identity-provider account, which has no password. */
  passwordHash: string | null;
  /** The provider's identity; its verified address is the invited one. */
  identity: { providerId: string; issuer: string; subject: string } | null;
}

/**
 * SSO_REQUIRED for a password accept on a tenant with SSO configured that an identity
 * provider serves: its invitees accept with the provider ("Accept with Microsoft").
 */
export function passwordAllowed(ctx: ServiceContext, tenant: Tenant): boolean {
  return !(tenant.ssoEnabled && ctx.providersFor(tenant.id).length > 0);
}

/**
 * Accepts an invitation (R-INV-12): the token opens it, the password meets the policy
 * (R-PWD-01) and matches its confirmation, and the address has no account yet; then, in
 * one transaction under the invitation's lock, the host creates the account, the member
 * joins, the invitation is used and its tokens die.
 */
export async function acceptInvitation(
  ctx: ServiceContext,
  rawBody: AcceptInvitationBody,
): Promise<AcceptResult> {
  const { store } = ctx;
  const body = parseInput(AcceptInvitationBodySchema, rawBody);
  // Cheap checks first, so a bad token never costs a password hash.
  const first = await resolveToken(store, body.token, ctx.now());
  if (!passwordAllowed(ctx, first.tenant)) throw new FoyerServiceError("SSO_REQUIRED");
  requireNewPassword(ctx, body.password, body.passwordConfirmation);
  await requireNoAccount(ctx, first.row.email);
  const passwordHash = await ctx.passwordHasher.hash(body.password);
  return commitAccept(ctx, first.row, first.tokenRow.hash, {
    firstName: body.firstName,
    lastName: body.lastName,
    passwordHash,
    identity: null,
  });
}

/** USER_ALREADY_EXISTS when the host knows the address (R-INV-12). */
export async function requireNoAccount(ctx: ServiceContext, email: string): Promise<void> {
  const existing = await ctx.lookupUsers([email]);
  if (existing.length > 0) throw new FoyerServiceError("USER_ALREADY_EXISTS");
}

/**
 * The accept's transaction, with a password or with an identity provider: under the
 * invitation's lock the token is checked again, the host creates the account, the member
 * joins, the invitation is used, its queued emails are cancelled and its tokens die; the
 * inviter's notice and a verification email are queued when asked for; all audited.
 */
export async function commitAccept(
  ctx: ServiceContext,
  first: InvitationRow,
  tokenHash: string,
  person: AcceptingPerson,
): Promise<AcceptResult> {
  const { store, hooks } = ctx;
  const { firstName, lastName, identity } = person;
  const outcome = await store.transaction(async (tx) => {
    const at = ctx.now();
    const locked = await tx.lockInvitation(first.id);
    if (!locked) throw new FoyerServiceError("TOKEN_INVALID");
    // Re-check under the row lock: of two concurrent accepts exactly one gets here first.
    const { row, tenant } = await checkAcceptable(tx, locked, tokenHash, at);
    const events: AuditRow[] = [];
    // R-INV-12: the emailed token proves the address, unless the tenant or the server asks
    // for a verification email too; an identity provider that verified the invited address
    // proves it again.
    const verify =
      identity === null && (tenant.settings.requireEmailVerification || ctx.verifyInvitedEmails);
    const members = await tx.findMembersByEmails([row.email]);
    if (members.length > 0) throw new FoyerServiceError("USER_ALREADY_EXISTS");
    const user = await hooks.createAccount(
      {
        email: row.email,
        firstName,
        lastName,
        passwordHash: person.passwordHash,
        tenantId: row.tenantId,
        roleId: row.roleId,
        source: "email_invitation",
        requireEmailVerification: verify,
        ...(identity ? { identity } : {}),
      },
      tx,
    );
    await tx.insertMember({
      id: newId(),
      tenantId: row.tenantId,
      userId: user.id,
      email: row.email,
      roleId: row.roleId,
      status: "active",
      source: "email_invitation",
      createdAt: at,
    });
    await tx.updateInvitation(row.id, {
      status: "accepted",
      acceptedAt: at,
      acceptedUserId: user.id,
      // A reminder (or a resend) still queued has nothing left to say (R-EML-05).
      ...(await cancelQueuedEmails(tx, row, "The invitation was accepted", at)),
    });
    await tx.supersedeTokens(row.id, at);
    // The inviter hears of it when the tenant asks (R-EML-01): queued with the accept,
    // rendered at send time like every email.
    const inviter = row.invitedByEmail;
    if (
      tenant.settings.notifyInviterOnAccept &&
      inviter &&
      inviter.toLowerCase() !== row.email.toLowerCase()
    ) {
      const inviteeName = `${firstName} ${lastName}`.trim();
      await tx.enqueueEmails([
        { ...queuedEmail(row, "inviter_notice", at, { inviteeName }), to: inviter },
      ]);
    }
    if (verify) {
      await startVerification(ctx, tx, {
        userId: user.id,
        tenant,
        email: row.email,
        firstName,
        source: "email_invitation",
        at,
      });
    }
    events.push(
      ctx.audit({
        tenantId: row.tenantId,
        invitationId: row.id,
        action: "accepted",
        source: "email_invitation",
        actorId: user.id,
        actorEmail: row.email,
        actorName: `${firstName} ${lastName}`.trim(),
        subjectEmail: row.email,
        at,
        data: {
          roleId: row.roleId,
          userId: user.id,
          ...(identity ? { provider: identity.providerId } : {}),
        },
      }),
    );
    await tx.insertAuditEvents(events);
    return { user, row, tenant, events, verify };
  });
  await ctx.emit(outcome.events);
  return {
    user: {
      id: outcome.user.id,
      email: outcome.row.email,
      firstName,
      lastName,
    },
    tenantId: outcome.row.tenantId,
    next: outcome.verify ? "verify_email" : "signed_in",
  };
}
