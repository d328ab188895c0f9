import type { Actor, JoinBody, UpdateInviteLinkBody } from "@foyer/core";
import { tokenFromLink } from "../../fixtures.ts";
import { a, foyer, STRONG } from "../test-setups.ts";

// Helpers of the invite-link and email-verification tests (not exported from the package).

/** Turns Acme's link on (role Client user unless given) and answers its URL and token. */
export async function enableLink(
  body: UpdateInviteLinkBody = {},
  tenantId = "acme",
  actor: Actor = a.acmeAdmin,
) {
  const { link } = await foyer.services.updateInviteLink(actor, tenantId, {
    enabled: true,
    roleId: "client_user",
    ...body,
  });
  if (!link.url) throw new Error("no url");
  return { link, url: link.url, token: tokenFromLink(link.url) };
}

/** A join through a link token, with a strong password and the terms accepted. */
export function join(token: string, email: string, overrides: Partial<JoinBody> = {}) {
  return foyer.services.joinWithInviteLink({
    token,
    firstName: "Jo",
    lastName: "Iner",
    email,
    password: STRONG,
    passwordConfirmation: STRONG,
    acceptTerms: true,
    ...overrides,
  });
}

/** Delivers queued emails and answers the token of the newest verification email to `to`. */
export async function verificationTokenFor(to: string): Promise<string> {
  await foyer.dispatcher.runOnce();
  const message = foyer.mailbox.latestTo(to);
  const link = message?.links.find((l) => l.includes("/verify-email#token="));
  if (!link) throw new Error(`No verification email to ${to}`);
  return tokenFromLink(link);
}
