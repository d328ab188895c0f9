import { normalizeEmail } from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import { hashToken } from "../../tokens.ts";
import type { IdentityJoinOutcome, VerifiedIdentity } from "../../types.ts";
import type { ServiceContext } from "../context.ts";
import {
  commitJoin,
  requireAllowedDomain,
  requireUnregistered,
} from "../invite-links/join-tenant.ts";
import { type OpenedLink, openLinkByHash, requireJoinable } from "../invite-links/resolve-link.ts";
import { currentLinkToken } from "../invite-links/rules.ts";
import { flowChecks } from "./checks.ts";
import { requireProvider } from "./start.ts";

const failed = () => new FoyerServiceError("IDENTITY_SIGN_UP_FAILED");

/** Constant-time equality of two strings (the state in the URL and in the cookie). */
function sameString(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The names of the account: the provider's given and family names, else its full name. */
function personNames(identity: VerifiedIdentity, email: string) {
  const clean = (value: string | null) => (value ?? "").trim().slice(0, 100);
  const given = clean(identity.givenName);
  const family = clean(identity.familyName);
  if (given !== "" || family !== "") return { firstName: given, lastName: family };
  const [first = "", ...rest] = clean(identity.name).split(/\s+/);
  if (first !== "") return { firstName: first, lastName: rest.join(" ") };
  return { firstName: email.slice(0, email.indexOf("@")).slice(0, 100), lastName: "" };
}

/**
 * Completes a sign-up with an identity provider from its callback (R-LNK-06). The state must
 * be in the URL and in this browser's cookie alike (a state swapped into another browser is
 * refused), and is taken from the store once (a replay finds nothing). The provider's answer
 * is verified (code with the PKCE verifier, ID token with the nonce), the address must be
 * `email_verified`, and the person joins under the password join's rules: the link must
 * still accept joins with the same token (R-LNK-07), the domain allow-list, "User already
 * registered.", the default role, the join limit, atomically (R-LNK-08). The account is
 * created verified and without a password; the join is audited with the provider.
 */
export async function completeIdentityJoin(
  ctx: ServiceContext,
  input: { callbackUrl: string; stateCookie: string | null },
): Promise<IdentityJoinOutcome> {
  let link: OpenedLink | null = null;
  try {
    const url = URL.canParse(input.callbackUrl) ? new URL(input.callbackUrl) : null;
    if (url === null) throw failed();
    const state = url.searchParams.get("state") ?? "";
    if (state === "" || input.stateCookie === null || !sameString(state, input.stateCookie)) {
      throw failed();
    }
    const stateHash = await hashToken(state);
    const flow = await ctx.store.takeOidcFlow(stateHash);
    const at = ctx.now();
    if (!flow || flow.expiresAt.getTime() <= at.getTime()) throw failed();
    // The link as it is now; null when it was regenerated since the flow started.
    link = await openLinkByHash(ctx.store, flow.linkTokenHash, at);
    const signUp = requireProvider(ctx, flow.providerId);
    const checks = await flowChecks(ctx, state, stateHash, flow.tokenKid);
    let identity: VerifiedIdentity;
    try {
      identity = await signUp.verifyCallback(flow.providerId, url, checks);
    } catch (error) {
      ctx.logger.warn("identity sign-up callback refused", {
        providerId: flow.providerId,
        error: String(error),
      });
      throw failed();
    }
    const joinable = requireJoinable(link);
    const email = identity.email === null ? null : normalizeEmail(identity.email);
    if (!identity.emailVerified || email === null) {
      throw new FoyerServiceError("IDENTITY_EMAIL_NOT_VERIFIED");
    }
    requireAllowedDomain(joinable.row.allowedDomains, email);
    await requireUnregistered(ctx, email);
    const result = await commitJoin(ctx, joinable, {
      email,
      ...personNames(identity, email),
      passwordHash: null,
      identity: { providerId: flow.providerId, issuer: identity.issuer, subject: identity.subject },
    });
    return { ok: true, result };
  } catch (error) {
    if (!(error instanceof FoyerServiceError)) throw error;
    return { ok: false, error, joinUrl: await joinUrlOf(ctx, link) };
  }
}

/**
 * The join page to go back to, with the link's token recomputed from the secret; null for an
 * unknown flow. On `publicBaseUrl`, where the callback also lives, rather than a tenant's
 * own invite base URL: the browser is on the app's site at this point.
 */
async function joinUrlOf(ctx: ServiceContext, link: OpenedLink | null): Promise<string | null> {
  if (!link) return null;
  const token = await currentLinkToken(ctx, link.row);
  return token ? ctx.joinLink({ inviteBaseUrl: null }, token) : null;
}
