import { FoyerServiceError } from "../errors.ts";
import { isJsonMediaType } from "./read-json-body.ts";

// R-SEC-01: a browser attaches cookies to requests that other sites start (a form posted as
// text/plain, a `no-cors` fetch from another port of the same site). Such a request is refused
// before anything reads its body, authenticates it or changes anything, unless it proves it
// came from one of the app's own pages.
//
// The rule, for every method other than GET, HEAD and OPTIONS:
// 1. A request carrying `Authorization` is exempt: a browser never adds that header on its
//    own, and another site's page cannot set it without a CORS preflight the host must allow.
//    Machine clients (API keys, bearer tokens) keep working unchanged.
// 2. Otherwise the body must be declared `application/json` (UTF-8), also when it is empty.
//    Forms can only send urlencoded, multipart or text/plain, and a cross-origin page can set
//    application/json only through a CORS preflight.
// 3. And the browser must say where the request comes from: `Sec-Fetch-Site: same-origin`,
//    or an `Origin` among the trusted origins (the app's public URL and whatever the host
//    adds). An `Origin` of another origin, `null`, or a `Sec-Fetch-Site` of `same-site`,
//    `cross-site` or `none` without a trusted `Origin` is refused (403).
// 4. A request with neither `Origin` nor `Sec-Fetch-Site` did not come from a browser's
//    page (browsers send `Origin` on every POST), so it passes: curl and server-to-server
//    calls still work, and rule 2 still applies to them.

/** What the check reads of a request; a Fetch `Request` and an Express request both give it. */
export interface CrossSiteRequest {
  method: string;
  /** A header's value; null or undefined when absent. */
  header(name: string): string | null | undefined;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Turns configured origins or URLs into the set of origins the check compares with
 * (`https://app.example.com/path` counts as `https://app.example.com`).
 * @throws TypeError when one is not an absolute http(s) URL
 */
export function trustedOriginSet(origins: Iterable<string>): ReadonlySet<string> {
  const set = new Set<string>();
  for (const value of origins) {
    const url = new URL(value);
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      throw new TypeError(`A trusted origin must be an http(s) URL, not ${value}.`);
    }
    set.add(url.origin);
  }
  return set;
}

/**
 * Whether a request may change state (R-SEC-01): null when it may proceed, otherwise the
 * error to answer (415 UNSUPPORTED_MEDIA_TYPE or 403 FORBIDDEN). See the rule above.
 * @example
 * const refusal = crossSiteRefusal({ method: req.method, header: (name) => req.get(name) }, origins);
 * if (refusal) return res.status(refusal.status).json(refusal.toBody());
 */
export function crossSiteRefusal(
  request: CrossSiteRequest,
  trustedOrigins: ReadonlySet<string>,
): FoyerServiceError | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  if (request.header("authorization")) return null;
  if (!isJsonMediaType(request.header("content-type") ?? null)) {
    return new FoyerServiceError("UNSUPPORTED_MEDIA_TYPE", {
      message:
        "Send requests that change something as application/json (UTF-8), also when the body is empty.",
    });
  }
  const site = request.header("sec-fetch-site");
  if (site === "same-origin") return null;
  const origin = request.header("origin");
  if (origin !== null && origin !== undefined) {
    if (trustedOrigins.has(origin)) return null;
    return new FoyerServiceError("FORBIDDEN", {
      message: "This request came from a page of another origin and was refused.",
    });
  }
  if (site !== null && site !== undefined) {
    return new FoyerServiceError("FORBIDDEN", {
      message: "This request came from a page of another origin and was refused.",
    });
  }
  return null;
}
