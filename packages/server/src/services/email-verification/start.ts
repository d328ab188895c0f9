import type { AuditSource, Tenant } from "@foyer/core";
import { emailBase, renderEmail } from "../../mail/email-input.ts";
import type { Composed } from "../../outbox/dispatcher.ts";
import type { EmailVerificationRow, OutboxRow, StoreTx } from "../../store/types.ts";
import { TokenKeyRetiredError } from "../../tokens/keyring.ts";
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

/**
 * The verification email as an outbox row, queued in the caller's transaction (R-EML-02).
 * Like every outbox row it is a reference (R-EML-04): the verification row and the
 * generation it was queued for; the dispatcher renders it with the recomputed link.
 */
export function verificationEmail(row: EmailVerificationRow, firstName: string | null): OutboxRow {
  return {
    id: newId(),
    tenantId: row.tenantId,
    invitationId: null,
    kind: "verification",
    to: row.email,
    data: {
      verificationId: row.id,
      generation: row.generation,
      ...(firstName ? { firstName } : {}),
    },
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
 * Renders a verification email at send time, under the verification row's lock: nothing for
 * an address verified meanwhile or an email a resend made stale (its link would not work).
 */
export async function composeVerificationEmail(
  ctx: Pick<
    ServiceContext,
    "keyring" | "productName" | "publicBaseUrl" | "verificationLink" | "now"
  >,
  tx: StoreTx,
  email: OutboxRow,
): Promise<Composed> {
  const id = email.data.verificationId;
  const row = id === undefined ? null : await tx.lockEmailVerification(id);
  if (!row) return { cancel: "The verification no longer exists" };
  if (row.verifiedAt !== null) return { cancel: "The address is verified" };
  if (email.data.generation !== row.generation) return { cancel: "Superseded by a newer link" };
  if (row.expiresAt.getTime() <= ctx.now().getTime()) return { cancel: "The link has expired" };
  const tenant = await tx.getTenant(row.tenantId);
  if (!tenant) return { cancel: "The tenant no longer exists" };
  let token: string;
  try {
    token = await verificationToken(ctx, row);
  } catch (error) {
    if (error instanceof TokenKeyRetiredError) return { cancel: "The link's key is retired" };
    throw error;
  }
  const content = await renderEmail({
    ...emailBase(ctx, tenant, row.email),
    template: "verification",
    firstName: email.data.firstName ?? null,
    link: ctx.verificationLink(tenant, token),
    expiresAt: row.expiresAt,
  });
  return { message: { id: email.id, ...content } };
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
  await tx.enqueueEmails([verificationEmail(row, input.firstName)]);
  return row;
}
