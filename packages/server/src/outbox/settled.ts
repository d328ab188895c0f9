import type {
  EmailDelivery,
  InvitationDelivery,
  InvitationRow,
  OutboxRow,
} from "../store/types.ts";
import type { DeliveryOutcome } from "./dispatcher.ts";

/** What one attempt decided, written once the transaction's sends are done. */
export interface Settled {
  email: OutboxRow;
  invitation: InvitationRow | null;
  emailPatch: Partial<OutboxRow>;
  invitationPatch: Partial<InvitationRow> | null;
  /** The final outcome, for the audit trail; null while the email is still retried. */
  outcome: DeliveryOutcome | null;
  attempted: boolean;
}

/** The delivery state each settled email and its invitation get (`recordDeliveries`). */
export function deliveryState(settled: Settled[]): {
  emails: EmailDelivery[];
  invitations: InvitationDelivery[];
} {
  const emails: EmailDelivery[] = [];
  const invitations: InvitationDelivery[] = [];
  for (const { email, emailPatch, invitation, invitationPatch } of settled) {
    const e = { ...email, ...emailPatch };
    emails.push({
      id: e.id,
      status: e.status,
      attempts: e.attempts,
      nextAttemptAt: e.nextAttemptAt,
      lastError: e.lastError,
      sentAt: e.sentAt,
      leaseUntil: e.leaseUntil,
    });
    if (invitation && invitationPatch) {
      const i = { ...invitation, ...invitationPatch };
      invitations.push({
        id: i.id,
        deliveryStatus: i.deliveryStatus,
        deliveryError: i.deliveryError,
        deliveryUpdatedAt: i.deliveryUpdatedAt,
        deliveryAttempts: i.deliveryAttempts,
        deliveryLastAttemptAt: i.deliveryLastAttemptAt,
      });
    }
  }
  return { emails, invitations };
}
