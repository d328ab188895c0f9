import { randomBytes } from "node:crypto";
import { sameOriginUrl } from "@foyer/core";
import type { VerifiedIdentity } from "@foyer/server";
import { createOidcSignUp, type OidcProviderConfig } from "@foyer/server/oidc";
import { type Request, type Response, Router } from "express";
import type { Kysely } from "kysely";
import type { RefTables } from "./schema.ts";
import { type Sessions, signCookieValue } from "./sessions.ts";
import { findUserByIdentity } from "./users.ts";

// The host's own "Sign in with …" for accounts created through an identity provider (they
// have no password). Foyer creates them on a join or an accept; signing in again is the
// host's part, as it is for password accounts. The same providers, the same library
// (through `createOidcSignUp`'s authorization URL and callback check), a callback of its own,
// and the account found by the provider's issuer and subject, never by the address alone.

/** Where the provider sends the browser back; registered at every provider. */
export const SSO_SIGN_IN_CALLBACK_PATH = "/login/sso/callback";
/** The cookie that carries a started sign-in's checks, signed, for ten minutes. */
const COOKIE = "foyer_ref_sso";
const MAX_AGE_SECONDS = 600;

/** A started sign-in: the provider, its checks and where to go after. */
interface Pending {
  providerId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  next: string;
}

const random = () => randomBytes(32).toString("base64url");

/** The router for `/login/sso/…`, and the providers the sign-in page offers. */
export function createSsoSignIn(options: {
  providers: readonly OidcProviderConfig[];
  publicBaseUrl: string;
  secret: string;
  sessions: Sessions;
  db: Kysely<RefTables>;
}): Router {
  const { providers, publicBaseUrl, secret, sessions, db } = options;
  const router = Router();
  const offered = providers.map(({ id, name }) => ({ id, name }));
  router.get("/login/sso/providers", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json({ providers: offered });
  });
  if (providers.length === 0) return router;

  const oidc = createOidcSignUp({
    providers,
    redirectUri: `${publicBaseUrl}${SSO_SIGN_IN_CALLBACK_PATH}`,
    afterSignUpUrl: `${publicBaseUrl}/`,
  });
  const secure = publicBaseUrl.startsWith("https:");
  const cookie = (value: string, maxAge: number) =>
    `${COOKIE}=${encodeURIComponent(value)}; Path=/login/sso; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
  const back = (res: Response, error: string) => {
    res.setHeader("Set-Cookie", cookie("", 0));
    res.redirect(303, `/login?error=${error}`);
  };

  router.get(SSO_SIGN_IN_CALLBACK_PATH, async (req: Request, res: Response) => {
    res.setHeader("Cache-Control", "no-store");
    const raw: unknown = req.signedCookies[COOKIE];
    let pending: Pending | null = null;
    try {
      pending = typeof raw === "string" ? (JSON.parse(raw) as Pending) : null;
    } catch {
      pending = null;
    }
    if (!pending || typeof pending.state !== "string") return back(res, "sso_failed");
    const callbackUrl = new URL(SSO_SIGN_IN_CALLBACK_PATH, publicBaseUrl);
    callbackUrl.search = new URL(req.originalUrl, publicBaseUrl).search;
    let identity: VerifiedIdentity;
    try {
      identity = await oidc.verifyCallback(pending.providerId, callbackUrl, pending);
    } catch {
      return back(res, "sso_failed");
    }
    const user = await findUserByIdentity(db, identity);
    if (!user?.active) return back(res, "sso_no_account");
    if (!user.email_verified) return back(res, "sso_unverified");
    res.setHeader("Set-Cookie", [cookie("", 0), await sessions.create(user.id)]);
    res.redirect(303, pending.next);
  });

  router.get("/login/sso/:providerId", async (req: Request, res: Response) => {
    res.setHeader("Cache-Control", "no-store");
    const providerId = String(req.params.providerId);
    if (!providers.some((provider) => provider.id === providerId)) {
      return back(res, "sso_unavailable");
    }
    const pending: Pending = {
      providerId,
      state: random(),
      nonce: random(),
      codeVerifier: random(),
      // R-SEC-02: back to a page of this app only.
      next: sameOriginUrl(String(req.query.next ?? ""), publicBaseUrl) ?? `${publicBaseUrl}/`,
    };
    let authorizationUrl: string;
    try {
      authorizationUrl = await oidc.authorizationUrl(providerId, pending);
    } catch {
      return back(res, "sso_unavailable");
    }
    res.setHeader(
      "Set-Cookie",
      cookie(signCookieValue(JSON.stringify(pending), secret), MAX_AGE_SECONDS),
    );
    res.redirect(303, authorizationUrl);
  });
  return router;
}
