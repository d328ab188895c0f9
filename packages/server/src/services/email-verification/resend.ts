import {
  normalizeEmail,
  type ResendVerificationBody,
  ResendVerificationBodySchema,
  type ResendVerificationResult,
} from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import { hashToken } from "../../tokens.ts";
import type { ServiceContext } from "../context.ts";
import { parseInput } from "../validate.ts";
import { VERIFICATION_TTL_MS, verificationEmail } from "./start.ts";

/** Wait after the first email before another is sent; doubles per email, up to an hour. */
export const RESEND_BASE_INTERVAL_MS = 60_000;
const RESEND_MAX_INTERVAL_MS = 60 * 60_000;

/** How long after `sendCount` emails the next may go. */
export function resendInterval(sendCount: number): number {
  return Math.min(
    RESEND_MAX_INTERVAL_MS,
    RESEND_BASE_INTERVAL_MS * 2 ** Math.max(0, sendCount - 1),
  );
}

/**
 * Sends a new verification email (R-LNK-09) when the address has an account waiting for
 * verification and the last email is old enough (a minute after the first, doubling up to
 * an hour, so nobody can flood an inbox). The answer is the same in every case, so it tells
 * nobody whether the address is registered. A new email gets a new token; earlier links
 * stop working.
 */
export async function resendVerificationEmail(
  ctx: ServiceContext,
  rawBody: ResendVerificationBody,
): Promise<ResendVerificationResult> {
  const body = parseInput(ResendVerificationBodySchema, rawBody);
  const email = normalizeEmail(body.email);
  if (email === null) {
    throw new FoyerServiceError("VALIDATION_FAILED", {
      message: "email is not a valid email address.",
      issues: [{ path: "email", message: "email is not a valid email address." }],
    });
  }
  const [pending] = await ctx.store.findPendingEmailVerifications(email);
  if (!pending) return { accepted: true };
  await ctx.store.transaction(async (tx) => {
    const at = ctx.now();
    const row = await tx.lockEmailVerification(pending.id);
    if (row?.verifiedAt !== null) return;
    if (at.getTime() - row.lastSentAt.getTime() < resendInterval(row.sendCount)) return;
    const tenant = await tx.getTenant(row.tenantId);
    if (tenant?.status !== "active") return;
    const tokenKid = ctx.keyring.currentKid;
    const generation = row.generation + 1;
    const token = await ctx.keyring.derive("email_verification", row.id, generation, tokenKid);
    const next = {
      ...row,
      generation,
      tokenKid,
      tokenHash: await hashToken(token),
      expiresAt: new Date(at.getTime() + VERIFICATION_TTL_MS),
      lastSentAt: at,
      sendCount: row.sendCount + 1,
    };
    const { id: _id, ...patch } = next;
    await tx.updateEmailVerification(row.id, patch);
    await tx.enqueueEmails([verificationEmail(next, null)]);
  });
  return { accepted: true };
}
