import {
  type AcceptInvitationBody,
  AcceptInvitationBodySchema,
  type AcceptResult,
} from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import type { AuditRow } from "../../store/types.ts";
import { newId } from "../../tokens.ts";
import type { ServiceContext } from "../context.ts";
import { startVerification } from "../email-verification/start.ts";
import { cancelQueuedEmails, queuedEmail } from "../outbox.ts";
import { requireNewPassword } from "../passwords.ts";
import { parseInput } from "../validate.ts";
import { checkAcceptable, resolveToken } from "./resolve-token.ts";

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
  const { store, hooks } = ctx;
  const body = parseInput(AcceptInvitationBodySchema, rawBody);
  // Cheap checks first, so a bad token never costs a password hash.
  const first = await resolveToken(store, body.token, ctx.now());
  requireNewPassword(ctx, body.password, body.passwordConfirmation);
  const existing = await ctx.lookupUsers([first.row.email]);
  if (existing.length > 0) throw new FoyerServiceError("USER_ALREADY_EXISTS");
  const passwordHash = await ctx.passwordHasher.hash(body.password);

  const outcome = await store.transaction(async (tx) => {
    const at = ctx.now();
    const locked = await tx.lockInvitation(first.row.id);
    if (!locked) throw new FoyerServiceError("TOKEN_INVALID");
    // Re-check under the row lock: of two concurrent accepts exactly one gets here first.
    const { row, tenant } = await checkAcceptable(tx, locked, body.token, at);
    const events: AuditRow[] = [];
    // R-INV-12: the emailed token proves the address, unless the tenant or the server asks
    // for a verification email too.
    const verify = tenant.settings.requireEmailVerification || ctx.verifyInvitedEmails;
    const members = await tx.findMembersByEmails([row.email]);
    if (members.length > 0) throw new FoyerServiceError("USER_ALREADY_EXISTS");
    const user = await hooks.createAccount(
      {
        email: row.email,
        firstName: body.firstName,
        lastName: body.lastName,
        passwordHash,
        tenantId: row.tenantId,
        roleId: row.roleId,
        source: "email_invitation",
        requireEmailVerification: verify,
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
      const inviteeName = `${body.firstName} ${body.lastName}`;
      await tx.enqueueEmails([
        { ...queuedEmail(row, "inviter_notice", at, { inviteeName }), to: inviter },
      ]);
    }
    if (verify) {
      await startVerification(ctx, tx, {
        userId: user.id,
        tenant,
        email: row.email,
        firstName: body.firstName,
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
        actorName: `${body.firstName} ${body.lastName}`,
        subjectEmail: row.email,
        at,
        data: { roleId: row.roleId, userId: user.id },
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
      firstName: body.firstName,
      lastName: body.lastName,
    },
    tenantId: outcome.row.tenantId,
    next: outcome.verify ? "verify_email" : "signed_in",
  };
}
