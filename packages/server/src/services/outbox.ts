import { deriveStatus, type Role, type Tenant } from "@foyer/core";
import { renderInvitationEmail } from "../mail/invitation-email.ts";
import type { ComposeEmail } from "../outbox/dispatcher.ts";
import type { InvitationRow, OutboxRow, StoreTx } from "../store/types.ts";
import { newId } from "../tokens.ts";
import type { ServiceContext } from "./context.ts";

/** The invitation email as an outbox row, queued in the same transaction as the change (R-EML-02). */
export function invitationEmail(
  ctx: Pick<ServiceContext, "productName">,
  row: InvitationRow,
  tenant: Tenant,
  role: Role,
  link: string,
  at: Date,
): OutboxRow {
  const content = renderInvitationEmail({
    to: row.email,
    productName: ctx.productName,
    tenantName: tenant.name,
    roleName: role.name,
    inviterName: row.invitedByName ?? row.invitedByEmail,
    message: row.message,
    expiresAt: row.expiresAt,
    link,
    kind: "invitation",
  });
  return {
    id: newId(),
    tenantId: row.tenantId,
    invitationId: row.id,
    kind: "invitation",
    ...content,
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

/**
 * What the dispatcher sends for a claimed email, decided at send time under the invitation's
 * lock: nothing for an invitation that is no longer pending (R-EML-05), else the message.
 */
export function createEmailComposer(ctx: Pick<ServiceContext, "now">): ComposeEmail {
  return async (_tx, email, invitation) => {
    if (invitation) {
      const status = deriveStatus(invitation.status, invitation.expiresAt, ctx.now());
      if (status !== "pending") return { cancel: `The invitation is ${status}` };
    }
    return {
      message: {
        id: email.id,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
      },
    };
  };
}
