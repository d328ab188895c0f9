import { type AcceptResult, normalizeEmail } from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import type { OidcFlowRow } from "../../store/types.ts";
import { hashToken } from "../../tokens.ts";
import type { VerifiedIdentity } from "../../types.ts";
import type { ServiceContext } from "../context.ts";
import { commitAccept, requireNoAccount } from "../invitations/accept.ts";
import { resolveTokenHash } from "../invitations/resolve-token.ts";
import { identityRef, personNames } from "./person.ts";

/**
 * Accepts a per-email invitation with a provider's identity ("Accept with Microsoft"): the
 * invitation must still be open with the token the flow started from (a resend, revoke or
 * accept meanwhile ends it, R-INV-13), the provider must have verified the address, and
 * that address must be the invited one; then the accept's own transaction runs, creating
 * an account without a password that records the provider.
 */
export async function acceptWithIdentity(
  ctx: ServiceContext,
  flow: OidcFlowRow,
  identity: VerifiedIdentity,
): Promise<AcceptResult> {
  const { row } = await resolveTokenHash(ctx.store, flow.tokenHash, ctx.now());
  const email = identity.email === null ? null : normalizeEmail(identity.email);
  if (!identity.emailVerified || email === null) {
    throw new FoyerServiceError("IDENTITY_EMAIL_NOT_VERIFIED");
  }
  if (email !== normalizeEmail(row.email)) {
    ctx.logger.warn("identity accept refused: the provider's address is not the invited one", {
      providerId: flow.providerId,
      invitationId: row.id,
    });
    throw new FoyerServiceError("IDENTITY_EMAIL_MISMATCH");
  }
  await requireNoAccount(ctx, row.email);
  return commitAccept(ctx, row, flow.tokenHash, {
    ...personNames(identity, email),
    passwordHash: null,
    identity: identityRef(flow.providerId, identity),
  });
}

/**
 * The accept page to go back to: the invitation's current link, recomputed from the secret,
 * when it is still the token the flow started from; else null (the page then opens without
 * a token, and a fresh link from the email shows why).
 */
export async function acceptPageOf(ctx: ServiceContext, flow: OidcFlowRow): Promise<string | null> {
  const tokenRow = await ctx.store.findToken(flow.tokenHash);
  const row = tokenRow ? await ctx.store.getInvitation(tokenRow.invitationId) : null;
  const token = row ? await ctx.invitationToken(row) : null;
  if (!row || token === null || (await hashToken(token)) !== flow.tokenHash) return null;
  return ctx.inviteLink({ inviteBaseUrl: null }, token);
}
