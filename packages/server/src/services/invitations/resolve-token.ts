import { deriveStatus, type Tenant } from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import type { InvitationRow, StoreOps, StoreTx, TokenRow } from "../../store/types.ts";
import { hashToken } from "../../tokens.ts";

// Invitee tokens: each dead end has its own code (R-INV-13), checked in this order.

function classify(row: InvitationRow, tenant: Tenant, tokenRow: TokenRow, at: Date): void {
  if (row.status === "accepted") throw new FoyerServiceError("INVITATION_ALREADY_USED");
  if (row.status === "revoked") throw new FoyerServiceError("INVITATION_REVOKED");
  if (tokenRow.supersededAt !== null) throw new FoyerServiceError("INVITATION_SUPERSEDED");
  if (deriveStatus(row.status, row.expiresAt, at) === "expired") {
    throw new FoyerServiceError("INVITATION_EXPIRED");
  }
  if (tenant.status !== "active") throw new FoyerServiceError("TENANT_INACTIVE");
}

/** The invitation and tenant a token opens, or the error that says why it opens nothing. */
export async function resolveToken(ops: StoreOps, token: string, at: Date) {
  const tokenRow = await ops.findToken(await hashToken(token));
  if (!tokenRow) throw new FoyerServiceError("TOKEN_INVALID");
  const row = await ops.getInvitation(tokenRow.invitationId);
  if (!row) throw new FoyerServiceError("TOKEN_INVALID");
  const tenant = await ops.getTenant(row.tenantId);
  if (!tenant) throw new FoyerServiceError("TOKEN_INVALID");
  classify(row, tenant, tokenRow, at);
  return { row, tenant, tokenRow };
}

/** The same checks again on a row locked inside the accept transaction. */
export async function checkAcceptable(tx: StoreTx, row: InvitationRow, token: string, at: Date) {
  const tokenRow = await tx.findToken(await hashToken(token));
  const tenant = await tx.getTenant(row.tenantId);
  if (!tokenRow || !tenant || tokenRow.invitationId !== row.id) {
    throw new FoyerServiceError("TOKEN_INVALID");
  }
  classify(row, tenant, tokenRow, at);
  return { row, tenant };
}
