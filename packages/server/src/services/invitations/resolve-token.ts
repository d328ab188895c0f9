import { deriveStatus, type Role, roleFitsTenant, type Tenant } from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import type { InvitationRow, StoreOps, StoreTx, TokenRow } from "../../store/types.ts";
import { hashToken } from "../../tokens.ts";

// Invitee tokens: each dead end has its own code (R-INV-13), checked in this order.

function classify(
  row: InvitationRow,
  tenant: Tenant,
  roles: Role[],
  tokenRow: TokenRow,
  at: Date,
): void {
  if (row.status === "accepted") throw new FoyerServiceError("INVITATION_ALREADY_USED");
  if (row.status === "revoked") throw new FoyerServiceError("INVITATION_REVOKED");
  if (tokenRow.supersededAt !== null) throw new FoyerServiceError("INVITATION_SUPERSEDED");
  if (deriveStatus(row.status, row.expiresAt, at) === "expired") {
    throw new FoyerServiceError("INVITATION_EXPIRED");
  }
  if (tenant.status !== "active") throw new FoyerServiceError("TENANT_INACTIVE");
  // R-TEN-05: an invitation to a role the tenant's kind does not have (an MSP staff role in a
  // client tenant, sent before the rule) opens nothing.
  const role = roles.find((r) => r.id === row.roleId);
  if (!role || !roleFitsTenant(role, tenant)) {
    throw new FoyerServiceError("TOKEN_INVALID", {
      message: "This invitation's role does not exist in this organisation. Ask for a new one.",
    });
  }
}

/** The invitation and tenant a token opens, or the error that says why it opens nothing. */
export async function resolveToken(ops: StoreOps, token: string, at: Date) {
  return resolveTokenHash(ops, await hashToken(token), at);
}

/** `resolveToken` by the token's hash (a provider's flow keeps only that). */
export async function resolveTokenHash(ops: StoreOps, tokenHash: string, at: Date) {
  const tokenRow = await ops.findToken(tokenHash);
  if (!tokenRow) throw new FoyerServiceError("TOKEN_INVALID");
  const row = await ops.getInvitation(tokenRow.invitationId);
  if (!row) throw new FoyerServiceError("TOKEN_INVALID");
  const [tenant, roles] = await Promise.all([ops.getTenant(row.tenantId), ops.listRoles()]);
  if (!tenant) throw new FoyerServiceError("TOKEN_INVALID");
  classify(row, tenant, roles, tokenRow, at);
  return { row, tenant, tokenRow };
}

/** The same checks again on a row locked inside the accept transaction, by the token's hash. */
export async function checkAcceptable(
  tx: StoreTx,
  row: InvitationRow,
  tokenHash: string,
  at: Date,
) {
  const tokenRow = await tx.findToken(tokenHash);
  const [tenant, roles] = await Promise.all([tx.getTenant(row.tenantId), tx.listRoles()]);
  if (!tokenRow || !tenant || tokenRow.invitationId !== row.id) {
    throw new FoyerServiceError("TOKEN_INVALID");
  }
  classify(row, tenant, roles, tokenRow, at);
  return { row, tenant };
}
