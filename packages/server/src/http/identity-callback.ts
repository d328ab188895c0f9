import { FoyerServiceError } from "../errors.ts";
import type { FoyerHooks, FoyerServices, IdentitySignUp, Logger } from "../types.ts";
import { clearStateCookie, readStateCookie } from "./identity-cookie.ts";

/** What the callback route needs. */
export interface IdentityCallbackDeps {
  services: FoyerServices;
  hooks: FoyerHooks;
  logger: Logger;
  identitySignUp: IdentitySignUp | null;
  /** The join page without a token, for a flow Foyer does not know. */
  joinPageUrl: string;
}

function json(error: FoyerServiceError): Response {
  return new Response(JSON.stringify(error.toBody()), {
    status: error.status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** The join page with the error's code in the fragment (after the token when there is one). */
function errorLocation(joinUrl: string | null, fallback: string, code: string): string {
  if (joinUrl === null) return `${fallback}#error=${code}`;
  return `${joinUrl}${joinUrl.includes("#") ? "&" : "#"}error=${code}`;
}

/**
 * The identity provider's redirect back (R-LNK-06): a GET with `code` and `state` that ends in
 * a redirect, so it sits beside the JSON API rather than in core's route table. Success signs
 * the new member in (the host's `signIn`) and sends the browser to `afterSignUpUrl`; a
 * refusal goes back to the join page with the error's code in the fragment
 * (`#token=…&error=USER_ALREADY_EXISTS`), where the page shows its text. The state cookie
 * is cleared either way.
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
    const outcome = await deps.services.completeIdentityJoin({
      callbackUrl: callbackUrl.href,
      stateCookie: readStateCookie(request.headers.get("cookie")),
    });
    if (!outcome.ok) {
      headers.set("Location", errorLocation(outcome.joinUrl, deps.joinPageUrl, outcome.error.code));
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
