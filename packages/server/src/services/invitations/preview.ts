import { type InvitationPreview, TokenBodySchema } from "@foyer/core";
import type { ServiceContext } from "../context.ts";
import { parseInput } from "../validate.ts";
import { passwordAllowed } from "./accept.ts";
import { resolveToken } from "./resolve-token.ts";

/** What the invitee's page shows for a token (R-INV-13); public, so it names no ids. */
export async function previewInvitation(
  ctx: ServiceContext,
  rawToken: string,
): Promise<InvitationPreview> {
  const { token } = parseInput(TokenBodySchema, { token: rawToken });
  // R-INV-18: a preview is a read; opening a link never consumes it.
  const { row, tenant } = await resolveToken(ctx.store, token, ctx.now());
  const roles = await ctx.store.listRoles();
  return {
    email: row.email,
    name: row.name,
    expiresAt: row.expiresAt.toISOString(),
    tenant: { name: tenant.name, logoUrl: tenant.logoUrl, accentColor: tenant.accentColor },
    role: { name: roles.find((r) => r.id === row.roleId)?.name ?? row.roleId },
    invitedBy:
      row.invitedByName || row.invitedByEmail
        ? { name: row.invitedByName ?? row.invitedByEmail ?? "" }
        : null,
    identityProviders: ctx.providersFor(tenant.id),
    passwordAllowed: passwordAllowed(ctx, tenant),
  };
}
