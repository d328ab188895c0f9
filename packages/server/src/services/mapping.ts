import {
  type AuditEvent,
  type CursorPosition,
  CursorPositionSchema,
  deriveStatus,
  type Invitation,
  type Role,
  type Tenant,
} from "@foyer/core";
import type { AuditRow, InvitationRow } from "../store/types.ts";
import { fromBase64Url, toBase64Url } from "../tokens.ts";

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** The admin view of a stored invitation. Never includes token material. */
export function toInvitation(
  row: InvitationRow,
  tenant: Pick<Tenant, "name"> | undefined,
  role: Pick<Role, "id" | "name"> | undefined,
  now: Date,
): Invitation {
  return {
    id: row.id,
    tenantId: row.tenantId,
    tenantName: tenant?.name ?? "",
    email: row.email,
    name: row.name,
    role: { id: row.roleId, name: role?.name ?? row.roleId },
    department: row.department,
    teams: row.teams,
    message: row.message,
    status: deriveStatus(row.status, row.expiresAt, now),
    invitedBy: row.invitedById
      ? { id: row.invitedById, email: row.invitedByEmail ?? "", name: row.invitedByName }
      : null,
    sentAt: row.sentAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: iso(row.acceptedAt),
    acceptedUserId: row.acceptedUserId,
    revokedAt: iso(row.revokedAt),
    revokedBy: row.revokedById
      ? { id: row.revokedById, email: row.revokedByEmail ?? "", name: row.revokedByName }
      : null,
    resendCount: row.resendCount,
    delivery: {
      status: row.deliveryStatus,
      error: row.deliveryError,
      updatedAt: iso(row.deliveryUpdatedAt),
      attempts: row.deliveryAttempts,
      lastAttemptAt: iso(row.deliveryLastAttemptAt),
    },
    reminderSentAt: iso(row.reminderSentAt),
  };
}

/** The API view of an audit row. */
export function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    tenantId: row.tenantId,
    invitationId: row.invitationId,
    action: row.action,
    source: row.source,
    actor: row.actorId
      ? { id: row.actorId, email: row.actorEmail ?? "", name: row.actorName }
      : null,
    subjectEmail: row.subjectEmail,
    at: row.at.toISOString(),
    data: row.data,
  };
}

/** Opaque cursor: base64url JSON of the position and the query it belongs to. */
export function encodeCursor(value: Record<string, string>): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(value)));
}

/**
 * Decodes a cursor made by `encodeCursor`; null when it is not one, or when what it holds is
 * outside what `CursorPositionSchema` allows (a crafted date before 4713 BC, an id with NUL).
 */
export function decodeCursor(cursor: string): CursorPosition | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(fromBase64Url(cursor)));
    const parsed = CursorPositionSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
