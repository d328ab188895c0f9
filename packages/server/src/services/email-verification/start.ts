import type { AuditSource, Tenant } from "@foyer/core";
import { renderVerificationEmail } from "../../mail/verification-email.ts";
import type { EmailVerificationRow, OutboxRow, StoreTx } from "../../store/types.ts";
import { hashToken, newId } from "../../tokens.ts";
import type { ServiceContext } from "../context.ts";

/** How long a verification link works (R-LNK-09). */
export const VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;

/** What a new account's verification needs. */
export interface StartVerificationInput {
  userId: string;
  tenant: Tenant;
  /** Normalised address. */
  email: string;
  firstName: string | null;
  source: AuditSource;
  at: Date;
}

/** The token of a verification row's current generation, derived from the server secret. */
export function verificationToken(
  ctx: Pick<ServiceContext, "keyring">,
  row: Pick<EmailVerificationRow, "id" | "generation" | "tokenKid">,
): Promise<string> {
  return ctx.keyring.derive("email_verification", row.id, row.generation, row.tokenKid);
}

/** The verification email as an outbox row, queued in the caller's transaction (R-EML-02). */
export async function verificationEmail(
  ctx: Pick<ServiceContext, "keyring" | "productName" | "verificationLink">,
  row: EmailVerificationRow,
  tenant: Tenant,
  firstName: string | null,
): Promise<OutboxRow> {
  const link = ctx.verificationLink(tenant, await verificationToken(ctx, row));
  const content = renderVerificationEmail({
    to: row.email,
    productName: ctx.productName,
    tenantName: tenant.name,
    firstName,
    link,
    expiresAt: row.expiresAt,
  });
  return {
    id: newId(),
    tenantId: row.tenantId,
    invitationId: null,
    kind: "verification",
    ...content,
    status: "queued",
    attempts: 0,
    nextAttemptAt: row.lastSentAt,
    lastError: null,
    createdAt: row.lastSentAt,
    sentAt: null,
    leaseUntil: null,
  };
}

/**
 * Starts a new account's verification inside the transaction that created it (R-LNK-09):
 * one row per account holding only the token's hash, and the email in the outbox, so the
 * account, its membership and its verification email commit or roll back together.
 */
export async function startVerification(
  ctx: ServiceContext,
  tx: StoreTx,
  input: StartVerificationInput,
): Promise<EmailVerificationRow> {
  const id = newId();
  const tokenKid = ctx.keyring.currentKid;
  const token = await ctx.keyring.derive("email_verification", id, 1, tokenKid);
  const row: EmailVerificationRow = {
    id,
    userId: input.userId,
    tenantId: input.tenant.id,
    email: input.email,
    source: input.source,
    generation: 1,
    tokenKid,
    tokenHash: await hashToken(token),
    createdAt: input.at,
    expiresAt: new Date(input.at.getTime() + VERIFICATION_TTL_MS),
    lastSentAt: input.at,
    sendCount: 1,
    verifiedAt: null,
  };
  await tx.insertEmailVerification(row);
  await tx.enqueueEmails([await verificationEmail(ctx, row, input.tenant, input.firstName)]);
  return row;
}
