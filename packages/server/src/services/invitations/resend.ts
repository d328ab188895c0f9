import {
  type Actor,
  deriveStatus,
  expiryFrom,
  type ResendInvitationBody,
  ResendInvitationBodySchema,
  type ResendResult,
} from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import type { AuditRow, InvitationRow } from "../../store/types.ts";
import { grantableRole, requirePermission, tenantInScope } from "../access.ts";
import { actorRef, type ServiceContext } from "../context.ts";
import { toInvitation } from "../mapping.ts";
import { queuedEmail } from "../outbox.ts";
import { parseInput } from "../validate.ts";
import { invitationInScope, resolvePreset, settleExpired } from "./rules.ts";

/**
 * Resends a pending or expired invitation (R-INV-07): a new token and expiry, the old links
 * dead, queued emails of the old token cancelled. An expired one comes back only when no
 * newer invitation to the address is pending and a seat is free (R-INV-05).
 */
export async function resendInvitation(
  ctx: ServiceContext,
  actor: Actor,
  invitationId: string,
  rawBody: ResendInvitationBody,
): Promise<ResendResult> {
  const body = parseInput(ResendInvitationBodySchema, rawBody ?? {});
  const access = await ctx.access(actor);
  requirePermission(access, "invitations:create");
  const found = await invitationInScope(ctx, access, invitationId);
  const scoped = tenantInScope(access, found.tenantId);
  const role = await grantableRole(ctx.store, access, scoped, found.roleId);
  const preset = resolvePreset(scoped, body.expiresIn);
  const outcome = await ctx.store.transaction(async (tx) => {
    // Lock order everywhere: tenant, then invitation.
    const tenant = await tx.lockTenant(found.tenantId);
    const row = await tx.lockInvitation(invitationId);
    if (!tenant || !row) throw new FoyerServiceError("INVITATION_NOT_FOUND");
    if (tenant.status !== "active") throw new FoyerServiceError("TENANT_INACTIVE");
    const at = ctx.now();
    const status = deriveStatus(row.status, row.expiresAt, at);
    if (status !== "pending" && status !== "expired") {
      throw new FoyerServiceError("INVITATION_NOT_RESENDABLE", {
        message: `This invitation is ${status}; only pending or expired invitations can be resent.`,
      });
    }
    const events: AuditRow[] = [];
    if (status === "expired") {
      const others = await tx.findOpenInvitations(tenant.id, [row.email]);
      if (
        others.some((o) => o.id !== row.id && deriveStatus(o.status, o.expiresAt, at) === "pending")
      ) {
        throw new FoyerServiceError("INVITATION_NOT_RESENDABLE", {
          message: "A newer invitation to this address is pending; resend that one instead.",
        });
      }
      const left = await ctx.seatsLeft(tx, tenant, at);
      if (left !== null && left < 1) {
        throw new FoyerServiceError("SEAT_LIMIT_REACHED", {
          message: `The tenant's seat limit is reached: 0 of ${tenant.seatLimit} seats left.`,
          details: { seatsLeft: 0, seatLimit: tenant.seatLimit },
        });
      }
      const settled = settleExpired(ctx, row, at);
      if (settled.event) events.push(settled.event);
    }
    // A new generation: the old token no longer derives, and is retired below.
    const generation = row.tokenGeneration + 1;
    const { token, hash, kid } = await ctx.issueInvitationToken(row.id, generation);
    const sendEmail = body.delivery !== "link";
    const patch: Partial<InvitationRow> = {
      status: "pending",
      sentAt: at,
      expiresAt: expiryFrom(preset, at),
      resendCount: row.resendCount + 1,
      deliveryStatus: sendEmail ? "queued" : "none",
      deliveryError: null,
      deliveryUpdatedAt: sendEmail ? at : null,
      deliveryAttempts: 0,
      deliveryLastAttemptAt: null,
      reminderSentAt: null,
      expiredRecordedAt: null,
      tokenKid: kid,
      tokenGeneration: generation,
    };
    await tx.supersedeTokens(row.id, at);
    await tx.cancelQueuedEmails(row.id, "Superseded by a resend");
    await tx.updateInvitation(row.id, patch);
    await tx.insertTokens([{ hash, invitationId: row.id, createdAt: at, supersededAt: null }]);
    const updated: InvitationRow = { ...row, ...patch };
    const link = ctx.inviteLink(tenant, token);
    if (sendEmail)
      await tx.enqueueEmails([queuedEmail(updated, "invitation", at, { resent: true })]);
    events.push(
      ctx.audit({
        tenantId: tenant.id,
        invitationId: row.id,
        action: "resent",
        source: sendEmail ? "email_invitation" : "manual",
        ...actorRef(actor),
        subjectEmail: row.email,
        at,
        data: { expiresIn: preset, delivery: body.delivery, previousStatus: status },
      }),
    );
    await tx.insertAuditEvents(events);
    return {
      result: {
        invitation: toInvitation(updated, tenant, role, at),
        link: body.delivery === "email" ? null : link,
      },
      events,
    };
  });
  await ctx.emit(outcome.events);
  return outcome.result;
}
