import type { Role, Tenant } from "@foyer/core";
import { renderInvitationEmail } from "../mail/invitation-email.ts";
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
  };
}

/** Cancels queued emails of an invitation whose link just died. */
export async function cancelQueuedEmails(
  tx: StoreTx,
  invitationId: string,
  reason: string,
): Promise<void> {
  const emails = await tx.listEmails({ invitationId });
  for (const email of emails) {
    if (email.status === "queued") {
      await tx.updateEmail(email.id, { status: "failed", lastError: reason });
    }
  }
}
