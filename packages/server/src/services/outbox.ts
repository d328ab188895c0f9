import { deriveStatus, type Role, type Tenant } from "@foyer/core";
import { emailBase, renderEmail } from "../mail/email-input.ts";
import type { Composed, ComposeEmail, RecordDelivery, RoundCache } from "../outbox/dispatcher.ts";
import type { InvitationRow, OutboxData, OutboxRow, StoreTx } from "../store/types.ts";
import { newId } from "../tokens.ts";
import type { ServiceContext } from "./context.ts";
import { composeVerificationEmail } from "./email-verification/start.ts";

/**
 * An email about an invitation as an outbox row, queued in the same transaction as the
 * change (R-EML-02). It is a reference (R-EML-04): the invitation, the kind and the token
 * generation it was queued for; the dispatcher renders it, with the recomputed link, when
 * it sends it, so no rendered mail and no token is ever stored.
 */
export function queuedEmail(
  row: InvitationRow,
  kind: OutboxRow["kind"],
  at: Date,
  data: OutboxData = {},
): OutboxRow {
  return {
    id: newId(),
    tenantId: row.tenantId,
    invitationId: row.id,
    kind,
    to: row.email,
    data: { generation: row.tokenGeneration, ...data },
    status: "queued",
    attempts: 0,
    nextAttemptAt: at,
    lastError: null,
    createdAt: at,
    sentAt: null,
    leaseUntil: null,
  };
}

/**
 * Cancels the queued emails of an invitation whose link just died (R-EML-05), with the
 * invitation already locked by the caller; answers the delivery fields to write on the
 * invitation when an email was cancelled, so its status says what happened.
 */
export async function cancelQueuedEmails(
  tx: StoreTx,
  row: InvitationRow,
  reason: string,
  at: Date,
): Promise<Partial<InvitationRow>> {
  const cancelled = await tx.cancelQueuedEmails(row.id, reason);
  if (cancelled === 0 && row.deliveryStatus !== "queued") return {};
  return { deliveryStatus: "cancelled", deliveryError: reason, deliveryUpdatedAt: at };
}

/** The composer's view of the context. */
type ComposerContext = Pick<
  ServiceContext,
  | "now"
  | "productName"
  | "publicBaseUrl"
  | "inviteLink"
  | "invitationToken"
  | "issueInvitationToken"
  | "keyring"
  | "verificationLink"
>;

/**
 * What the dispatcher sends for a claimed email, decided at send time under the invitation's
 * lock (R-EML-04, R-EML-05): nothing for an invitation that is no longer pending or an email
 * a resend made stale; otherwise the message rendered now, with the link recomputed from the
 * server secret. An invitation whose token cannot be recomputed (made before derived tokens,
 * or its key retired) gets a new derived token here, under its lock, and the old one dies.
 * An inviter's notice is about an accepted invitation and carries no link.
 */
export function createEmailComposer(ctx: ComposerContext): ComposeEmail {
  return async (tx, email, invitation, round) => {
    if (email.kind === "verification") return composeVerificationEmail(ctx, tx, email);
    if (!invitation) return { cancel: "The invitation no longer exists" };
    if (email.kind === "inviter_notice") {
      return composeInviterNotice(ctx, tx, email, invitation, round);
    }
    const at = ctx.now();
    const status = deriveStatus(invitation.status, invitation.expiresAt, at);
    if (status !== "pending") return { cancel: `The invitation is ${status}` };
    let token = await ctx.invitationToken(invitation);
    if (token === null) {
      const generation = invitation.tokenGeneration + 1;
      const issued = await ctx.issueInvitationToken(invitation.id, generation);
      await tx.supersedeTokens(invitation.id, at);
      await tx.insertTokens([
        { hash: issued.hash, invitationId: invitation.id, createdAt: at, supersededAt: null },
      ]);
      await tx.updateInvitation(invitation.id, {
        tokenKid: issued.kid,
        tokenGeneration: generation,
      });
      token = issued.token;
    } else if (
      email.data.generation !== undefined &&
      email.data.generation !== invitation.tokenGeneration
    ) {
      return { cancel: "Superseded by a newer link" };
    }
    const { tenant, role } = await tenantAndRole(tx, round, invitation);
    if (!tenant) return { cancel: "The tenant no longer exists" };
    const content = await renderEmail({
      ...emailBase(ctx, tenant, invitation.email),
      template: "invitation",
      variant: email.kind === "reminder" ? "reminder" : email.data.resent ? "resent" : "new",
      roleName: role?.name ?? invitation.roleId,
      inviterName: invitation.invitedByName ?? invitation.invitedByEmail,
      message: invitation.message,
      expiresAt: invitation.expiresAt,
      link: ctx.inviteLink(tenant, token),
    });
    return { message: { id: email.id, ...content } };
  };
}

/**
 * The invitation's tenant and role as the round read them: once per round for all its
 * emails, so a round's sends cost no tenant or role read each.
 */
async function tenantAndRole(
  tx: StoreTx,
  round: RoundCache,
  invitation: InvitationRow,
): Promise<{ tenant: Tenant | null; role: Role | undefined }> {
  const [tenant, roles] = await Promise.all([
    round.get(`tenant:${invitation.tenantId}`, () => tx.getTenant(invitation.tenantId)),
    round.get("roles", () => tx.listRoles()),
  ]);
  return { tenant, role: roles.find((r) => r.id === invitation.roleId) };
}

/** The inviter's notice of an accepted invitation, rendered at send time. */
async function composeInviterNotice(
  ctx: ComposerContext,
  tx: StoreTx,
  email: OutboxRow,
  invitation: InvitationRow,
  round: RoundCache,
): Promise<Composed> {
  if (invitation.status !== "accepted") return { cancel: "The invitation is not accepted" };
  const { tenant, role } = await tenantAndRole(tx, round, invitation);
  if (!tenant) return { cancel: "The tenant no longer exists" };
  const content = await renderEmail({
    ...emailBase(ctx, tenant, email.to),
    template: "inviter_notice",
    inviterName: invitation.invitedByName,
    inviteeName: email.data.inviteeName ?? null,
    inviteeEmail: invitation.email,
    roleName: role?.name ?? invitation.roleId,
    acceptedAt: invitation.acceptedAt ?? email.createdAt,
  });
  return { message: { id: email.id, ...content } };
}

/**
 * The audit trail of delivery (R-EML-02): `email_sent` when an invitation email went out,
 * `email_failed` with the server's reason when an invitation email or a reminder failed for
 * good. The dispatcher writes them in the delivery transaction, so the trail says what the
 * status says.
 */
export function createDeliveryRecorder(ctx: Pick<ServiceContext, "audit">): RecordDelivery {
  return (email, invitation, outcome) => {
    // Verification emails and inviters' notices are not the invitation's own delivery.
    if (!invitation || email.kind === "verification" || email.kind === "inviter_notice") {
      return [];
    }
    if (outcome.status === "sent" && email.kind !== "invitation") return [];
    const event = ctx.audit({
      tenantId: invitation.tenantId,
      invitationId: invitation.id,
      action: outcome.status === "sent" ? "email_sent" : "email_failed",
      source: "system",
      actorId: null,
      actorEmail: null,
      actorName: null,
      subjectEmail: invitation.email,
      at: outcome.at,
      data: {
        kind: email.kind,
        outboxId: email.id,
        attempts: outcome.attempts,
        ...(outcome.error === null ? {} : { reason: outcome.error }),
      },
    });
    return [event];
  };
}
