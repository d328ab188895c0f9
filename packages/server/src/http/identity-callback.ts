import { FoyerServiceError } from "../errors.ts";
import type { FoyerHooks, FoyerServices, IdentitySignUp, Logger } from "../types.ts";
import { clearStateCookie, readStateCookie } from "./identity-cookie.ts";

/** What the callback route needs. */
export interface IdentityCallbackDeps {
  services: FoyerServices;
  hooks: FoyerHooks;
  logger: Logger;
  identitySignUp: IdentitySignUp | null;
  /** The join page without a token, for a join whose link Foyer cannot name again. */
  joinPageUrl: string;
  /** The accept page without a token, likewise for an accept. */
  acceptPageUrl: string;
}

function json(error: FoyerServiceError): Response {
  return new Response(JSON.stringify(error.toBody()), {
    status: error.status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * The page the flow started on with `extra` in the fragment (after the token when there is
 * one): `#token=…&error=USER_ALREADY_EXISTS`.
 */
function backTo(returnUrl: string | null, fallback: string, extra: string): string {
  if (returnUrl === null) return `${fallback}#${extra}`;
  return `${returnUrl}${returnUrl.includes("#") ? "&" : "#"}${extra}`;
}

/**
 * The identity provider's redirect back (R-LNK-06, and "Accept with …" for per-email
 * invitations): a GET with `code` and `state` that ends in a redirect, so it sits beside the
 * JSON API rather than in core's route table. A signed-in outcome signs the person in (the
 * host's `signIn`) and sends the browser to `afterSignUpUrl`; a join whose address the
 * provider did not verify goes back to the join page with `&verify_email=<address>` (its "check your
 * email" step); a refusal goes back to the page the flow started on with the error's code
 * (`#token=…&error=USER_ALREADY_EXISTS`), where the page shows its text. The state cookie is
 * cleared either way.
 */
export function createIdentityCallback(
  deps: IdentityCallbackDeps,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const signUp = deps.identitySignUp;
    if (!signUp) return json(new FoyerServiceError("NOT_FOUND"));
    if (request.method !== "GET" && request.method !== "HEAD") {
      return json(new FoyerServiceError("METHOD_NOT_ALLOWED"));
    }
    // The URL the provider redirected to, as registered: the mount path and host of this
    // request do not matter (links are built from configured URLs only, R-INV-15).
    const callbackUrl = new URL(signUp.redirectUri);
    callbackUrl.search = new URL(request.url).search;
    const secure = callbackUrl.protocol === "https:";
    const headers = new Headers({
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    });
    headers.append("Set-Cookie", clearStateCookie(secure));
    const outcome = await deps.services.completeIdentityFlow({
      callbackUrl: callbackUrl.href,
      stateCookie: readStateCookie(request.headers.get("cookie")),
    });
    const fallback = outcome.purpose === "accept" ? deps.acceptPageUrl : deps.joinPageUrl;
    if (!outcome.ok) {
      headers.set("Location", backTo(outcome.returnUrl, fallback, `error=${outcome.error.code}`));
      return new Response(null, { status: 303, headers });
    }
    if (outcome.result.next === "verify_email") {
      const email = encodeURIComponent(outcome.result.user.email);
      headers.set("Location", backTo(outcome.returnUrl, fallback, `verify_email=${email}`));
      return new Response(null, { status: 303, headers });
    }
    const { user, tenantId } = outcome.result;
    if (deps.hooks.signIn) {
      try {
        const init = await deps.hooks.signIn({ id: user.id, email: user.email, tenantId }, request);
        new Headers(init).forEach((value, name) => {
          if (name !== "set-cookie") headers.set(name, value);
        });
        for (const cookie of new Headers(init).getSetCookie()) headers.append("Set-Cookie", cookie);
      } catch (error) {
        // The account exists: the person can still sign in with the provider later.
        deps.logger.error("signIn hook failed after an identity sign-up", { error: String(error) });
      }
    }
    headers.set("Location", signUp.afterSignUpUrl);
    return new Response(null, { status: 303, headers });
  };
}
