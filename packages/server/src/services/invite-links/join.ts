import { type JoinBody, JoinBodySchema, type JoinResult, normalizeEmail } from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import type { ServiceContext } from "../context.ts";
import { requireNewPassword } from "../passwords.ts";
import { parseInput } from "../validate.ts";
import { commitJoin, requireAllowedDomain, requireUnregistered } from "./join-tenant.ts";
import { openLink, requireJoinable } from "./resolve-link.ts";

/**
 * Signs up through a tenant's invite link (R-LNK-06..10). Cheap checks first (terms, the
 * link, the address and its domain, the password, "User already registered."), then the
 * password hash, then one transaction under the tenant's and the link's locks (`commitJoin`).
 * The account cannot sign in until its address is verified (R-LNK-09).
 */
export async function joinWithInviteLink(
  ctx: ServiceContext,
  rawBody: JoinBody,
): Promise<JoinResult> {
  const body = parseInput(JoinBodySchema, rawBody);
  if (!body.acceptTerms) {
    throw new FoyerServiceError("TERMS_NOT_ACCEPTED", {
      issues: [{ path: "acceptTerms", message: "acceptTerms must be true." }],
    });
  }
  const first = requireJoinable(await openLink(ctx.store, body.token, ctx.now()));
  const email = normalizeEmail(body.email);
  if (email === null) {
    throw new FoyerServiceError("VALIDATION_FAILED", {
      message: "email is not a valid email address.",
      issues: [{ path: "email", message: "email is not a valid email address." }],
    });
  }
  requireAllowedDomain(first.row.allowedDomains, email);
  requireNewPassword(ctx, body.password, body.passwordConfirmation);
  await requireUnregistered(ctx, email);
  if (!ctx.hooks.markEmailVerified) {
    throw new Error(
      "Foyer needs the markEmailVerified hook for invite links: joined accounts must verify their email.",
    );
  }
  const passwordHash = await ctx.passwordHasher.hash(body.password);
  return commitJoin(ctx, first, {
    email,
    firstName: body.firstName,
    lastName: body.lastName,
    passwordHash,
    emailVerified: false,
    identity: null,
  });
}
