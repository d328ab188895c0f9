import { FoyerServiceError } from "../../errors.ts";
import type { OidcFlowRow } from "../../store/types.ts";
import { hashToken } from "../../tokens.ts";
import type { IdentityFlowOutcome, VerifiedIdentity } from "../../types.ts";
import type { ServiceContext } from "../context.ts";
import { openLinkByHash } from "../invite-links/resolve-link.ts";
import { acceptPageOf, acceptWithIdentity } from "./accept.ts";
import { flowChecks } from "./checks.ts";
import { joinPageOf, joinWithIdentity } from "./join.ts";
import { sameString } from "./person.ts";
import { requireProvider } from "./start.ts";

const failed = () => new FoyerServiceError("IDENTITY_SIGN_UP_FAILED");

/** What a state says it was started for (its first letter), for a flow no longer stored. */
function purposeOfState(state: string): OidcFlowRow["purpose"] | null {
  if (state.startsWith("a.")) return "accept";
  if (state.startsWith("j.")) return "join";
  return null;
}

/**
 * Completes a flow with an identity provider from its callback: a join through an invite
 * link (R-LNK-06) or the accept of a per-email invitation. The state must be in the URL and
 * in this browser's cookie alike (a state swapped into another browser is refused), and is
 * taken from the store once (a replay finds nothing). The provider's answer is verified
 * (code with the PKCE verifier, ID token with the nonce); then the join's or the accept's
 * rules decide. The outcome names the page the flow started on, to go back to.
 */
export async function completeIdentityFlow(
  ctx: ServiceContext,
  input: { callbackUrl: string; stateCookie: string | null },
): Promise<IdentityFlowOutcome> {
  let flow: OidcFlowRow | null = null;
  let state = "";
  // The page the flow started on, read once the flow is known (before an accept uses the
  // invitation's token); null before that.
  let returnUrl: string | null = null;
  try {
    const url = URL.canParse(input.callbackUrl) ? new URL(input.callbackUrl) : null;
    if (url === null) throw failed();
    state = url.searchParams.get("state") ?? "";
    if (state === "" || input.stateCookie === null || !sameString(state, input.stateCookie)) {
      throw failed();
    }
    const stateHash = await hashToken(state);
    flow = await ctx.store.takeOidcFlow(stateHash);
    const at = ctx.now();
    if (!flow || flow.expiresAt.getTime() <= at.getTime()) throw failed();
    const started = flow;
    // The link as it is now; null when it was regenerated since the flow started.
    const link =
      started.purpose === "join" ? await openLinkByHash(ctx.store, started.tokenHash, at) : null;
    returnUrl =
      started.purpose === "join" ? await joinPageOf(ctx, link) : await acceptPageOf(ctx, started);
    const signUp = requireProvider(ctx, started.providerId, started.tenantId);
    const checks = await flowChecks(ctx, state, stateHash, started.tokenKid);
    let identity: VerifiedIdentity;
    try {
      identity = await signUp.verifyCallback(started.providerId, url, checks);
    } catch (error) {
      ctx.logger.warn("identity provider callback refused", {
        providerId: started.providerId,
        error: String(error),
      });
      throw failed();
    }
    const result =
      started.purpose === "join"
        ? await joinWithIdentity(ctx, link, started, identity)
        : await acceptWithIdentity(ctx, started, identity);
    return { ok: true, purpose: started.purpose, result, returnUrl };
  } catch (error) {
    if (!(error instanceof FoyerServiceError)) throw error;
    const purpose = flow?.purpose ?? purposeOfState(state);
    return { ok: false, purpose, error, returnUrl };
  }
}
