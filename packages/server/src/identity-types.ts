import type { IdentityProvider, JoinResult } from "@foyer/core";
import type { FoyerServiceError } from "./errors.ts";

// Sign-up, accept and sign-in through identity providers (R-LNK-06): what a provider
// integration (`createOidcSignUp` in `@foyer/server/oidc`) gives Foyer, and what Foyer's
// flows answer.

/** What an identity provider asserts about a person, from a validated ID token. */
export interface VerifiedIdentity {
  issuer: string;
  /** The person's stable identifier at the provider (`sub`). */
  subject: string;
  email: string | null;
  /** The provider's `email_verified` claim; only `true` counts. */
  emailVerified: boolean;
  givenName: string | null;
  familyName: string | null;
  /** The full name, used when the given and family names are missing. */
  name: string | null;
}

/** The checks of one authorization request: derived by Foyer per flow, never stored. */
export interface IdentityChecks {
  state: string;
  nonce: string;
  /** PKCE (S256) code verifier. */
  codeVerifier: string;
}

/** A provider as `IdentitySignUp` lists it. */
export interface IdentitySignUpProvider extends IdentityProvider {
  /**
   * The tenants it serves (a tenant's own Entra ID directory, say); absent, every tenant. On
   * a tenant with SSO configured that a provider serves, invitees accept with the provider
   * only.
   */
  readonly tenantIds?: readonly string[] | undefined;
}

/**
 * Sign-up through an invite link with identity providers (R-LNK-06). `createOidcSignUp` from
 * `@foyer/server/oidc` implements it with OpenID Connect (authorization code, PKCE, state,
 * nonce); Foyer keeps the state, the one-time use and the join rules.
 */
export interface IdentitySignUp {
  /**
   * The providers offered as "Continue with {name}" on the join page and "Accept with {name}"
   * on the accept page, each for every tenant or for the tenants it lists.
   */
  readonly providers: readonly IdentitySignUpProvider[];
  /** The callback URL registered at the providers; `Secure` cookies when it is https. */
  readonly redirectUri: string;
  /** Where the browser goes after a successful sign-up. */
  readonly afterSignUpUrl: string;
  /** The provider's authorization URL for these checks. */
  authorizationUrl(providerId: string, checks: IdentityChecks): Promise<string>;
  /**
   * Redeems the callback's code (with the PKCE verifier) and validates the ID token (issuer,
   * audience, signature, expiry, nonce) and the state; throws on any failure.
   */
  verifyCallback(
    providerId: string,
    callbackUrl: URL,
    checks: IdentityChecks,
  ): Promise<VerifiedIdentity>;
}

/** A started identity sign-up: where to send the browser, and the state to bind to it. */
export interface IdentityJoinStart {
  authorizationUrl: string;
  /** Set as a short-lived cookie by the handler; the callback must bring it back. */
  state: string;
  /** How long the flow (and so the cookie) lives. */
  maxAgeSeconds: number;
  /** Whether the cookie is `Secure`: the callback (`redirectUri`) is served over https. */
  secureCookie: boolean;
}

/**
 * How an identity provider's callback ended: a join through an invite link or the accept of
 * a per-email invitation (`result.next` is `verify_email` when the provider did not verify
 * the address of a join), or a refusal.
 */
export type IdentityFlowOutcome =
  | {
      ok: true;
      purpose: "join" | "accept";
      result: JoinResult;
      /** The page the flow started on: the join page, for the "check your email" step. */
      returnUrl: string | null;
    }
  | {
      ok: false;
      /** What the flow was for; null when the callback matched no flow. */
      purpose: "join" | "accept" | null;
      error: FoyerServiceError;
      /** The join or accept page the flow started on (to try again), when it is known. */
      returnUrl: string | null;
    };
