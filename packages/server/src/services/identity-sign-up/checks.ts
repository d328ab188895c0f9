import type { IdentityChecks } from "../../types.ts";
import type { ServiceContext } from "../context.ts";

/** How long a started sign-up may take at the provider. */
export const FLOW_TTL_MS = 10 * 60_000;

/**
 * The checks of a flow, from its state: the PKCE verifier and the nonce are MACs of the
 * state's hash under the server secret (`kid`), so the database holds nothing that redeems
 * a code or passes the nonce check. The derived form (`k1.` and 43 base64url characters) is
 * a valid PKCE verifier (RFC 7636: 43-128 unreserved characters).
 */
export async function flowChecks(
  ctx: Pick<ServiceContext, "keyring">,
  state: string,
  stateHash: string,
  kid: string,
): Promise<IdentityChecks> {
  const [codeVerifier, nonce] = await Promise.all([
    ctx.keyring.derive("oidc_verifier", stateHash, 1, kid),
    ctx.keyring.derive("oidc_nonce", stateHash, 1, kid),
  ]);
  return { state, nonce, codeVerifier };
}
