import { type StartIdentityJoinBody, StartIdentityJoinBodySchema } from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import type { OidcFlowRow } from "../../store/types.ts";
import { generateToken, hashToken } from "../../tokens.ts";
import type { IdentityJoinStart, IdentitySignUp } from "../../types.ts";
import type { ServiceContext } from "../context.ts";
import { resolveToken } from "../invitations/resolve-token.ts";
import { openLink, requireJoinable } from "../invite-links/resolve-link.ts";
import { parseInput } from "../validate.ts";
import { FLOW_TTL_MS, flowChecks } from "./checks.ts";

/**
 * The configured provider, if it serves the tenant; else IDENTITY_PROVIDER_NOT_FOUND naming
 * the field.
 */
export function requireProvider(
  ctx: ServiceContext,
  providerId: string,
  tenantId: string,
): IdentitySignUp {
  const signUp = ctx.identitySignUp;
  if (!signUp || !ctx.providersFor(tenantId).some((provider) => provider.id === providerId)) {
    throw new FoyerServiceError("IDENTITY_PROVIDER_NOT_FOUND", {
      issues: [
        {
          path: "providerId",
          message: `providerId ${JSON.stringify(providerId)} is not configured for this organisation.`,
        },
      ],
    });
  }
  return signUp;
}

/**
 * Starts a flow at the provider: the state goes into the store under its hash (with what
 * the flow completes and the token it started from), the browser to the provider with the
 * state, a nonce and a PKCE challenge. The state also goes into a cookie (by the handler), so
 * only the browser that started a flow can finish it.
 */
async function startFlow(
  ctx: ServiceContext,
  flow: Pick<OidcFlowRow, "providerId" | "tenantId" | "purpose" | "tokenHash">,
): Promise<IdentityJoinStart> {
  const signUp = requireProvider(ctx, flow.providerId, flow.tenantId);
  const at = ctx.now();
  // The purpose in the clear at the front, so a callback that matches no flow (a replay)
  // still knows which page to go back to; the random part is the secret.
  const state = `${flow.purpose === "accept" ? "a" : "j"}.${generateToken()}`;
  const stateHash = await hashToken(state);
  const kid = ctx.keyring.currentKid;
  const checks = await flowChecks(ctx, state, stateHash, kid);
  let authorizationUrl: string;
  try {
    authorizationUrl = await signUp.authorizationUrl(flow.providerId, checks);
  } catch (error) {
    // The provider's discovery document could not be read: nothing the visitor did wrong.
    ctx.logger.error("identity provider unavailable", {
      providerId: flow.providerId,
      error: String(error),
    });
    throw new FoyerServiceError("IDENTITY_SIGN_UP_FAILED");
  }
  // Flows nobody finished are dropped as new ones start: the table stays small.
  await ctx.store.deleteExpiredOidcFlows(at);
  await ctx.store.insertOidcFlow({
    ...flow,
    stateHash,
    tokenKid: kid,
    createdAt: at,
    expiresAt: new Date(at.getTime() + FLOW_TTL_MS),
  });
  return {
    authorizationUrl,
    state,
    maxAgeSeconds: FLOW_TTL_MS / 1000,
    secureCookie: new URL(signUp.redirectUri).protocol === "https:",
  };
}

/**
 * Starts a sign-up through an invite link with an identity provider (R-LNK-06): the link must
 * accept joins now (R-LNK-07), and the flow is bound to the link's current token (a
 * regenerated link ends it).
 */
export async function startIdentityJoin(
  ctx: ServiceContext,
  rawBody: StartIdentityJoinBody,
): Promise<IdentityJoinStart> {
  const body = parseInput(StartIdentityJoinBodySchema, rawBody);
  const link = requireJoinable(await openLink(ctx.store, body.token, ctx.now()));
  return startFlow(ctx, {
    providerId: body.providerId,
    tenantId: link.tenant.id,
    purpose: "join",
    tokenHash: link.row.tokenHash,
  });
}

/**
 * Starts accepting a per-email invitation with an identity provider ("Accept with
 * Microsoft"): the token must open a pending invitation (R-INV-13's dead ends answer as
 * the accept does), and the flow is bound to that token (a resend or a revoke ends it).
 */
export async function startIdentityAccept(
  ctx: ServiceContext,
  rawBody: StartIdentityJoinBody,
): Promise<IdentityJoinStart> {
  const body = parseInput(StartIdentityJoinBodySchema, rawBody);
  const { row, tokenRow } = await resolveToken(ctx.store, body.token, ctx.now());
  return startFlow(ctx, {
    providerId: body.providerId,
    tenantId: row.tenantId,
    purpose: "accept",
    tokenHash: tokenRow.hash,
  });
}
