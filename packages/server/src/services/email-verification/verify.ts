import { TokenBodySchema, type VerifyEmailResult } from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import type { EmailVerificationRow } from "../../store/types.ts";
import { hashToken } from "../../tokens.ts";
import type { ServiceContext } from "../context.ts";
import { parseInput } from "../validate.ts";

function classify(row: EmailVerificationRow | null, hash: string, at: Date): EmailVerificationRow {
  if (!row || row.tokenHash !== hash) throw new FoyerServiceError("VERIFICATION_LINK_INVALID");
  if (row.verifiedAt !== null) throw new FoyerServiceError("VERIFICATION_LINK_USED");
  if (row.expiresAt.getTime() <= at.getTime()) {
    throw new FoyerServiceError("VERIFICATION_LINK_EXPIRED");
  }
  return row;
}

/**
 * Verifies an address (R-LNK-09): the token of the latest verification email, once, before
 * it expires. Under the row's lock the host's `markEmailVerified` runs in the same
 * transaction that marks the token used, so two clicks verify once and a failing host
 * leaves the token usable.
 */
export async function verifyEmail(
  ctx: ServiceContext,
  rawToken: string,
): Promise<VerifyEmailResult> {
  const { token } = parseInput(TokenBodySchema, { token: rawToken });
  const markEmailVerified = ctx.hooks.markEmailVerified;
  const hash = await hashToken(token);
  const first = classify(await ctx.store.findEmailVerificationByHash(hash), hash, ctx.now());
  if (!markEmailVerified) {
    throw new Error(
      "Foyer needs the markEmailVerified hook to verify email addresses (invite links, verifyInvitedEmails).",
    );
  }
  const outcome = await ctx.store.transaction(async (tx) => {
    const at = ctx.now();
    const row = classify(await tx.lockEmailVerification(first.id), hash, at);
    await markEmailVerified({ id: row.userId, email: row.email, tenantId: row.tenantId }, tx);
    await tx.updateEmailVerification(row.id, { verifiedAt: at });
    const event = ctx.audit({
      tenantId: row.tenantId,
      invitationId: null,
      action: "email_verified",
      source: row.source,
      actorId: row.userId,
      actorEmail: row.email,
      actorName: null,
      subjectEmail: row.email,
      at,
      data: { userId: row.userId },
    });
    await tx.insertAuditEvents([event]);
    return { row, events: [event] };
  });
  await ctx.emit(outcome.events);
  return {
    user: { id: outcome.row.userId, email: outcome.row.email },
    tenantId: outcome.row.tenantId,
    next: "sign_in",
  };
}
