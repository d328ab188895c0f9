import type { OidcProviderConfig } from "@foyer/server/oidc";
import type { RequestHandler } from "express";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";
import { SSO_SIGN_IN_CALLBACK_PATH } from "./sso-sign-in.ts";

// A development OpenID provider inside the reference app (R-LNK-06), so "Continue with Dev
// SSO" on /join works without internet: panva's oidc-provider mounted at /dev/oidc with its
// development login form. Any email address signs in with any password; an address with
// "+unverified" in it comes back with `email_verified: false`, to try the refusal. Only with
// FOYER_DEV_OIDC=1, never in production (see config.ts).

/** Where the provider is mounted. */
export const DEV_OIDC_PATH = "/dev/oidc";
/** The callback registered at the provider; the app mounts `foyer.identityCallback` here. */
export const OIDC_CALLBACK_PATH = "/auth/oidc/callback";

const CLIENT_ID = "foyer-reference";

/** "ana.lima" -> ["Ana", "Lima"]. */
function namesOf(local: string): [string, string] {
  const words = local
    .replace(/\+.*$/, "")
    .split(/[._-]+/)
    .filter((word) => word !== "")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return [words[0] ?? local, words.slice(1).join(" ")];
}

/** The development provider: its Express handler and Foyer's configuration of it. */
export function createDevOidc(
  publicBaseUrl: string,
  cookieSecret: string,
): { provider: OidcProviderConfig; handler: RequestHandler } {
  const issuer = `${publicBaseUrl}${DEV_OIDC_PATH}`;
  const redirectUri = `${publicBaseUrl}${OIDC_CALLBACK_PATH}`;
  // Not a secret worth keeping: the provider exists only on a developer's machine.
  const clientSecret = `dev-${cookieSecret.slice(0, 16)}-client-secret`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: clientSecret,
        // Foyer's callback (joins, accepts) and the app's own sign-in's.
        redirect_uris: [redirectUri, `${publicBaseUrl}${SSO_SIGN_IN_CALLBACK_PATH}`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    cookies: { keys: [cookieSecret] },
    pkce: { required: () => true },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["given_name", "family_name"],
    },
    async findAccount(_ctx: KoaContextWithOIDC, id: string) {
      const email = id.trim().toLowerCase();
      const at = email.lastIndexOf("@");
      if (at < 1) return undefined;
      const [givenName, familyName] = namesOf(email.slice(0, at));
      return {
        accountId: email,
        claims: async () => ({
          sub: email,
          email,
          email_verified: !email.includes("+unverified"),
          given_name: givenName,
          family_name: familyName,
        }),
      };
    },
    // The demo app is the provider's only, first-party client: no consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({
        clientId: client.clientId,
        accountId: session.accountId,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const config: OidcProviderConfig = {
    id: "dev",
    name: "Dev SSO",
    issuer,
    clientId: CLIENT_ID,
    clientSecret,
    allowInsecureRequests: issuer.startsWith("http:"),
    // Every "Continue with Dev SSO" asks which address to be: trying another is one click.
    prompt: "login",
  };
  const callback = provider.callback();
  const handler: RequestHandler = (req, res) => {
    // oidc-provider renders its own login form (inline styles): its own policy, not the app's.
    res.removeHeader("Content-Security-Policy");
    callback(req, res);
  };
  return { provider: config, handler };
}
