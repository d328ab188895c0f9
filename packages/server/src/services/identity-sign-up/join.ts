import { type JoinResult, normalizeEmail } from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import type { OidcFlowRow } from "../../store/types.ts";
import type { VerifiedIdentity } from "../../types.ts";
import type { ServiceContext } from "../context.ts";
import {
  commitJoin,
  requireAllowedDomain,
  requireUnregistered,
} from "../invite-links/join-tenant.ts";
import { type OpenedLink, requireJoinable } from "../invite-links/resolve-link.ts";
import { currentLinkToken } from "../invite-links/rules.ts";
import { identityRef, personNames } from "./person.ts";

/**
 * A join through an invite link with a provider's identity (R-LNK-06), under the password
 * join's rules: the link must still accept joins with the same token (R-LNK-07), the domain
 * allow-list, "User already registered.", the default role, the join limit, atomically
 * (R-LNK-08). An address the provider verified makes a verified account; one it did not
 * gets the verification email a password join gets (R-LNK-09), and signs in once verified.
 */
export async function joinWithIdentity(
  ctx: ServiceContext,
  link: OpenedLink | null,
  flow: OidcFlowRow,
  identity: VerifiedIdentity,
): Promise<JoinResult> {
  const joinable = requireJoinable(link);
  const email = identity.email === null ? null : normalizeEmail(identity.email);
  // No address at all, or one that would need an email Foyer cannot confirm to the host.
  if (email === null || (!identity.emailVerified && !ctx.hooks.markEmailVerified)) {
    throw new FoyerServiceError("IDENTITY_EMAIL_NOT_VERIFIED");
  }
  requireAllowedDomain(joinable.row.allowedDomains, email);
  await requireUnregistered(ctx, email);
  return commitJoin(ctx, joinable, {
    email,
    ...personNames(identity, email),
    passwordHash: null,
    identity: identityRef(flow.providerId, identity),
    emailVerified: identity.emailVerified,
  });
}

/**
 * The join page to go back to, with the link's token recomputed from the secret; null for a
 * link that was regenerated since. On `publicBaseUrl`, where the callback also lives, rather
 * than a tenant's own invite base URL: the browser is on the app's site at this point.
 */
export async function joinPageOf(
  ctx: ServiceContext,
  link: OpenedLink | null,
): Promise<string | null> {
  if (!link) return null;
  const token = await currentLinkToken(ctx, link.row);
  return token ? ctx.joinLink({ inviteBaseUrl: null }, token) : null;
}
