import { ERROR_CODES, type InviteLinkPreview, TokenBodySchema } from "@foyer/core";
import type { ServiceContext } from "../context.ts";
import { parseInput } from "../validate.ts";
import { openLink } from "./resolve-link.ts";

/**
 * What the join page shows for a link token (R-LNK-06/07). Always an answer: a link that
 * cannot be joined says so with the exact text of R-LNK-07, with the tenant's branding when
 * the token is known, so the visitor knows whose administrator to ask.
 */
export async function previewInviteLink(
  ctx: ServiceContext,
  rawToken: string,
): Promise<InviteLinkPreview> {
  const { token } = parseInput(TokenBodySchema, { token: rawToken });
  const opened = await openLink(ctx.store, token, ctx.now());
  const joinable = opened?.state === "active" && opened.role !== null;
  return {
    joinable,
    error: joinable
      ? null
      : { code: "INVITE_LINK_INVALID", message: ERROR_CODES.INVITE_LINK_INVALID.message },
    tenant: opened
      ? {
          name: opened.tenant.name,
          logoUrl: opened.tenant.logoUrl,
          accentColor: opened.tenant.accentColor,
        }
      : null,
    role: joinable && opened?.role ? { name: opened.role.name } : null,
    allowedDomains: joinable && opened ? opened.row.allowedDomains : [],
    termsUrl: ctx.joinPage.termsUrl ?? null,
    privacyUrl: ctx.joinPage.privacyUrl ?? null,
    signInUrl: ctx.joinPage.signInUrl ?? null,
    identityProviders: joinable && opened ? ctx.providersFor(opened.tenant.id) : [],
  };
}
