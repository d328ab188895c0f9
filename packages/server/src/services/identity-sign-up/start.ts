import { type StartIdentityJoinBody, StartIdentityJoinBodySchema } from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import { generateToken, hashToken } from "../../tokens.ts";
import type { IdentityJoinStart, IdentitySignUp } from "../../types.ts";
import type { ServiceContext } from "../context.ts";
import { openLink, requireJoinable } from "../invite-links/resolve-link.ts";
import { parseInput } from "../validate.ts";
import { FLOW_TTL_MS, flowChecks } from "./checks.ts";

/** The configured provider, or IDENTITY_PROVIDER_NOT_FOUND naming the field. */
export function requireProvider(ctx: ServiceContext, providerId: string): IdentitySignUp {
  const signUp = ctx.identitySignUp;
  if (!signUp?.providers.some((provider) => provider.id === providerId)) {
    throw new FoyerServiceError("IDENTITY_PROVIDER_NOT_FOUND", {
      issues: [
        {
          path: "providerId",
          message: `providerId ${JSON.stringify(providerId)} is not configured.`,
        },
      ],
    });
  }
  return signUp;
}

/**
 * Starts a sign-up through an invite link with an identity provider (R-LNK-06): the link must
 * accept joins now (R-LNK-07), the flow is stored under its state's hash and bound to the
 * link's current token (a regenerated link ends it), and the browser goes to the provider
 * with the state, a nonce and a PKCE challenge. The state also goes into a cookie (by the
 * handler), so only the browser that started a flow can finish it.
 */
export async function startIdentityJoin(
  ctx: ServiceContext,
  rawBody: StartIdentityJoinBody,
): Promise<IdentityJoinStart> {
  const body = parseInput(StartIdentityJoinBodySchema, rawBody);
  const signUp = requireProvider(ctx, body.providerId);
  const at = ctx.now();
  const link = requireJoinable(await openLink(ctx.store, body.token, at));
  const state = generateToken();
  const stateHash = await hashToken(state);
  const kid = ctx.keyring.currentKid;
  const checks = await flowChecks(ctx, state, stateHash, kid);
  const expiresAt = new Date(at.getTime() + FLOW_TTL_MS);
  let authorizationUrl: string;
  try {
    authorizationUrl = await signUp.authorizationUrl(body.providerId, checks);
  } catch (error) {
    // The provider's discovery document could not be read: nothing the visitor did wrong.
    ctx.logger.error("identity provider unavailable", {
      providerId: body.providerId,
      error: String(error),
    });
    throw new FoyerServiceError("IDENTITY_SIGN_UP_FAILED");
  }
  // Flows nobody finished are dropped as new ones start: the table stays small.
  await ctx.store.deleteExpiredOidcFlows(at);
  await ctx.store.insertOidcFlow({
    stateHash,
    providerId: body.providerId,
    tenantId: link.tenant.id,
    linkTokenHash: link.row.tokenHash,
    tokenKid: kid,
    createdAt: at,
    expiresAt,
  });
  return {
    authorizationUrl,
    state,
    maxAgeSeconds: FLOW_TTL_MS / 1000,
    secureCookie: new URL(signUp.redirectUri).protocol === "https:",
  };
}
