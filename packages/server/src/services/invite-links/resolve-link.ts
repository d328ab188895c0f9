import type { InviteLinkState, Role, Tenant } from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import type { InviteLinkRow, StoreOps } from "../../store/types.ts";
import { hashToken } from "../../tokens.ts";
import { linkState } from "./rules.ts";

/** What a link token opens: the link, its tenant, its state now and its role. */
export interface OpenedLink {
  row: InviteLinkRow;
  tenant: Tenant;
  state: InviteLinkState;
  role: Role | null;
}

/**
 * The link whose current token this is, or null for a token that was never issued or was
 * retired by "Revoke & generate" (R-LNK-03): only the current generation's hash is stored.
 */
export async function openLink(ops: StoreOps, token: string, at: Date): Promise<OpenedLink | null> {
  return openLinkByHash(ops, await hashToken(token), at);
}

/** `openLink` by the token's hash (a flow that started from the link keeps only that). */
export async function openLinkByHash(
  ops: StoreOps,
  tokenHash: string,
  at: Date,
): Promise<OpenedLink | null> {
  const row = await ops.findInviteLinkByHash(tokenHash);
  if (!row) return null;
  const [tenant, roles] = await Promise.all([ops.getTenant(row.tenantId), ops.listRoles()]);
  if (!tenant) return null;
  const role = roles.find((r) => r.id === row.roleId) ?? null;
  const state = linkState(row, tenant, at);
  // A link whose role has gone from the catalog accepts nobody rather than guess one.
  return { row, tenant, role, state: state === "active" && !role ? "disabled" : state };
}

/** The exact R-LNK-07 refusal for a link that cannot be joined. */
export function invalidLink(): FoyerServiceError {
  return new FoyerServiceError("INVITE_LINK_INVALID");
}

/** The opened link if it accepts joins now; INVITE_LINK_INVALID otherwise (R-LNK-07). */
export function requireJoinable(opened: OpenedLink | null): OpenedLink & { role: Role } {
  if (opened?.state !== "active" || !opened.role) throw invalidLink();
  return { ...opened, role: opened.role };
}
