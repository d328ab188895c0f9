import type { Actor } from "@foyer/core";
import type { InvitationRow } from "./types.ts";

/** What a new invitation row must be given; every other column has a default. */
export type NewInvitationRowInit = Pick<
  InvitationRow,
  "id" | "tenantId" | "email" | "roleId" | "sentAt" | "expiresAt"
> &
  Partial<InvitationRow>;

/**
 * A full invitation row: the given columns, and for every other one the value of a fresh
 * pending invitation that nobody has acted on (created when sent, no name or message, no
 * email on its way, never resent, accepted or revoked). The services build new invitations
 * with it, and so do the mock's scenarios and the store tests, so a column added to
 * `InvitationRow` gets its default in this one place.
 * @example
 * newInvitationRow({ id, tenantId, email, roleId, sentAt: at, expiresAt }, actor)
 */
export function newInvitationRow(
  init: NewInvitationRowInit,
  invitedBy: Pick<Actor, "id" | "email" | "name"> | null = null,
): InvitationRow {
  return {
    name: null,
    department: null,
    teams: [],
    message: null,
    status: "pending",
    invitedById: invitedBy?.id ?? null,
    invitedByEmail: invitedBy?.email ?? null,
    invitedByName: invitedBy?.name ?? null,
    createdAt: init.sentAt,
    acceptedAt: null,
    acceptedUserId: null,
    revokedAt: null,
    revokedById: null,
    revokedByEmail: null,
    revokedByName: null,
    resendCount: 0,
    deliveryStatus: "none",
    deliveryError: null,
    deliveryUpdatedAt: null,
    deliveryAttempts: 0,
    deliveryLastAttemptAt: null,
    reminderSentAt: null,
    expiredRecordedAt: null,
    tokenKid: null,
    tokenGeneration: 0,
    ...init,
  };
}
