// Sign-up through invite links with OpenID Connect providers (R-LNK-06), built on
// openid-client: authorization code flow with PKCE (S256), state and nonce. Foyer keeps the
// state (one use, bound to the browser and to the link) and the join rules; this module
// speaks to the providers. Node only.
import * as oidc from "openid-client";
import type { IdentityChecks, IdentitySignUp, VerifiedIdentity } from "./types.ts";

/** One OpenID Connect provider. */
export interface OidcProviderConfig {
  /** Stable id, used in requests and in the audit trail. @example "microsoft" */
  id: string;
  /** The button reads "Continue with {name}". @example "Microsoft" */
  name: string;
  /**
   * The issuer; its discovery document is read from `/.well-known/openid-configuration`.
   * @example "https://login.microsoftonline.com/<tenant-id>/v2.0"
   */
  issuer: string;
  clientId: string;
  /** The client secret (client_secret_basic); omit for a public client. */
  clientSecret?: string | undefined;
  /**
   * The `prompt` of each authorization request: `select_account` lets a person who came back
   * signed in with the wrong account pick another (Microsoft Entra ID); `login` always asks.
   * Absent, the provider decides (an existing session signs in at once).
   */
  prompt?: "login" | "select_account" | "consent" | undefined;
  /** @default ["openid", "email", "profile"] */
  scopes?: readonly string[] | undefined;
  /**
   * The tenants this provider serves (their ids); absent, every tenant. A tenant with SSO
   * configured that a provider serves has its invitees accept with the provider only.
   */
  tenantIds?: readonly string[] | undefined;
  /**
   * Counts the addresses this provider asserts as verified even without an `email_verified`
   * claim. Only for a provider that issues nothing but addresses its own administrators
   * manage, such as one Microsoft Entra ID directory (a tenant-specific issuer, never
   * `common` or `organizations`, where anyone's directory can claim any address). Entra's
   * `xms_edov` claim (domain owner verified) counts without this.
   * @default false
   */
  trustEmailAddresses?: boolean | undefined;
  /**
   * Allows an `http:` issuer. Only for a provider on this machine in development and tests;
   * never in production.
   * @default false
   */
  allowInsecureRequests?: boolean | undefined;
}

/** Options of `createOidcSignUp`. */
export interface OidcSignUpOptions {
  providers: readonly OidcProviderConfig[];
  /**
   * The callback URL, registered at every provider; mount `foyer.identityCallback` there.
   * @example "https://app.example.com/auth/oidc/callback"
   */
  redirectUri: string;
  /** Where the browser goes once the account exists (and the host's `signIn` ran). @example "https://app.example.com/" */
  afterSignUpUrl: string;
  /** Timeout of each request to a provider, in seconds. @default 10 */
  timeoutSeconds?: number;
}

const DEFAULT_SCOPES = ["openid", "email", "profile"] as const;

/**
 * Whether the provider vouches for the address: `email_verified` (some providers send it as a
 * string; anything but true counts as unverified), Entra ID's `xms_edov`, or, for a provider
 * configured to be trusted, an address without the claim.
 */
function emailVerified(claims: Record<string, unknown>, trusted: boolean): boolean {
  const isTrue = (value: unknown) => value === true || value === "true" || value === "1";
  if (claims.email_verified !== undefined) return isTrue(claims.email_verified);
  return isTrue(claims.xms_edov) || trusted;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/**
 * OpenID Connect sign-up for `createFoyer({ identitySignUp })`. Each provider's discovery
 * document is read on first use and kept (read again after a failure).
 * @example
 * const identitySignUp = createOidcSignUp({
 *   redirectUri: "https://app.example.com/auth/oidc/callback",
 *   afterSignUpUrl: "https://app.example.com/",
 *   providers: [{ id: "microsoft", name: "Microsoft", issuer, clientId, clientSecret }],
 * });
 * const foyer = createFoyer({ …, identitySignUp });
 * app.get("/auth/oidc/callback", foyerExpress({ handler: foyer.identityCallback }));
 */
export function createOidcSignUp(options: OidcSignUpOptions): IdentitySignUp {
  const redirectUri = new URL(options.redirectUri).href;
  const afterSignUpUrl = new URL(options.afterSignUpUrl).href;
  const byId = new Map<string, OidcProviderConfig>();
  for (const provider of options.providers) {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(provider.id)) {
      throw new Error(
        `OpenID provider id ${JSON.stringify(provider.id)}: use 1-100 letters, digits, - or _.`,
      );
    }
    if (byId.has(provider.id)) throw new Error(`OpenID provider id ${provider.id} is used twice.`);
    const issuer = new URL(provider.issuer);
    if (issuer.protocol !== "https:" && !provider.allowInsecureRequests) {
      throw new Error(`OpenID provider ${provider.id}: the issuer must be an https URL.`);
    }
    byId.set(provider.id, provider);
  }
  const configs = new Map<string, Promise<oidc.Configuration>>();
  const configFor = (providerId: string): Promise<oidc.Configuration> => {
    const provider = byId.get(providerId);
    if (!provider) return Promise.reject(new Error(`No OpenID provider ${providerId}.`));
    let config = configs.get(providerId);
    if (!config) {
      config = oidc.discovery(
        new URL(provider.issuer),
        provider.clientId,
        provider.clientSecret === undefined ? undefined : { client_secret: provider.clientSecret },
        provider.clientSecret === undefined
          ? oidc.None()
          : oidc.ClientSecretBasic(provider.clientSecret),
        {
          timeout: options.timeoutSeconds ?? 10,
          ...(provider.allowInsecureRequests ? { execute: [oidc.allowInsecureRequests] } : {}),
        },
      );
      configs.set(providerId, config);
      // A failed discovery is tried again on the next use instead of being kept.
      config.catch(() => configs.delete(providerId));
    }
    return config;
  };

  return {
    providers: options.providers.map(({ id, name, tenantIds }) =>
      tenantIds === undefined ? { id, name } : { id, name, tenantIds: [...tenantIds] },
    ),
    redirectUri,
    afterSignUpUrl,

    async authorizationUrl(providerId: string, checks: IdentityChecks) {
      const config = await configFor(providerId);
      const provider = byId.get(providerId);
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: (provider?.scopes ?? DEFAULT_SCOPES).join(" "),
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: "S256",
        ...(provider?.prompt ? { prompt: provider.prompt } : {}),
      });
      return url.href;
    },

    async verifyCallback(providerId: string, callbackUrl: URL, checks: IdentityChecks) {
      const config = await configFor(providerId);
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error("The provider answered without an ID token.");
      // Providers that keep the email claims out of the ID token (as the specification allows
      // when an access token is issued) answer them at the UserInfo endpoint, for this subject;
      // an ID token that names the address and says whether it is verified is enough.
      const provider = byId.get(providerId);
      const decided =
        idToken.email !== undefined &&
        (idToken.email_verified !== undefined ||
          idToken.xms_edov !== undefined ||
          provider?.trustEmailAddresses === true);
      const claims: Record<string, unknown> & { iss: string; sub: string } = !decided
        ? {
            ...(await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)),
            iss: idToken.iss,
            sub: idToken.sub,
          }
        : idToken;
      const identity: VerifiedIdentity = {
        issuer: claims.iss,
        subject: claims.sub,
        email: text(claims.email),
        emailVerified: emailVerified(claims, provider?.trustEmailAddresses === true),
        givenName: text(claims.given_name),
        familyName: text(claims.family_name),
        name: text(claims.name),
      };
      return identity;
    },
  };
}
