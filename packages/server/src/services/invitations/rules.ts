import {
  type Actor,
  EXPIRY_PRESET_HOURS,
  type ExpiryPreset,
  type Invitation,
  type Tenant,
} from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import type { AuditRow, InvitationRow, StoreOps, StoreTx } from "../../store/types.ts";
import type { Access } from "../access.ts";
import { actorRef, type ServiceContext } from "../context.ts";
import { toInvitation } from "../mapping.ts";
import { cancelQueuedEmails } from "../outbox.ts";

// Rules several invitation services share.

/** The invitation if it belongs to a tenant in the actor's scope; 404 otherwise. */
export async function invitationInScope(
  ctx: ServiceContext,
  access: Access,
  invitationId: string,
): Promise<InvitationRow> {
  const row = await ctx.store.getInvitation(invitationId);
  if (!row || !access.tenants.has(row.tenantId)) {
    throw new FoyerServiceError("INVITATION_NOT_FOUND");
  }
  return row;
}

/** The admin view of a row, with its tenant and role names. */
export async function view(
  ctx: ServiceContext,
  ops: StoreOps,
  access: Access | null,
  row: InvitationRow,
): Promise<Invitation> {
  const tenant = access?.tenants.get(row.tenantId) ?? (await ops.getTenant(row.tenantId));
  const roles = access?.roles ?? (await ops.listRoles());
  return toInvitation(
    row,
    tenant ?? undefined,
    roles.find((r) => r.id === row.roleId),
    ctx.now(),
  );
}

function expiryHours(preset: ExpiryPreset): number {
  return EXPIRY_PRESET_HOURS[preset];
}

/** The expiry to use: the one asked for or the tenant's default, never past its maximum. */
export function resolvePreset(tenant: Tenant, requested: ExpiryPreset | undefined): ExpiryPreset {
  const preset = requested ?? tenant.settings.defaultExpiry;
  if (expiryHours(preset) > expiryHours(tenant.settings.maxExpiry)) {
    throw new FoyerServiceError("EXPIRY_NOT_ALLOWED", {
      message: `expiresIn ${preset} is longer than this tenant allows (${tenant.settings.maxExpiry}).`,
      issues: [
        { path: "expiresIn", message: `expiresIn must be at most ${tenant.settings.maxExpiry}.` },
      ],
    });
  }
  return preset;
}

/** Records expiry of a pending row that ran out, once (R-INV-14). */
export function settleExpired(
  ctx: ServiceContext,
  row: InvitationRow,
  at: Date,
): { patch: Partial<InvitationRow>; event: AuditRow | null } {
  return {
    patch: { status: "expired", expiredRecordedAt: row.expiredRecordedAt ?? at },
    event: row.expiredRecordedAt
      ? null
      : ctx.audit({
          tenantId: row.tenantId,
          invitationId: row.id,
          action: "expired",
          source: "system",
          ...actorRef(null),
          subjectEmail: row.email,
          data: { expiresAt: row.expiresAt.toISOString() },
        }),
  };
}

/**
 * Revokes a row inside the caller's transaction (R-INV-08): the row is marked revoked by the
 * actor, its tokens die and its queued emails are cancelled. Answers the patch written and
 * the audit row for the caller to insert.
 */
export async function revokeRow(
  ctx: ServiceContext,
  tx: StoreTx,
  input: { actor: Actor; row: InvitationRow; at: Date; why: string; data: Record<string, unknown> },
): Promise<{ patch: Partial<InvitationRow>; event: AuditRow }> {
  const { actor, row, at } = input;
  const patch: Partial<InvitationRow> = {
    status: "revoked",
    revokedAt: at,
    revokedById: actor.id,
    revokedByEmail: actor.email,
    revokedByName: actor.name,
    ...(await cancelQueuedEmails(tx, row, input.why, at)),
  };
  await tx.updateInvitation(row.id, patch);
  await tx.supersedeTokens(row.id, at);
  const event = ctx.audit({
    tenantId: row.tenantId,
    invitationId: row.id,
    action: "revoked",
    source: "manual",
    ...actorRef(actor),
    subjectEmail: row.email,
    at,
    data: input.data,
  });
  return { patch, event };
}
