// The invitee pages' token travels in the fragment (`#token=…`), which the browser never sends
// to a server. It is read once, before anything renders, and removed from the address bar and
// the history entry so it does not linger (screenshots, shoulder surfers, extensions reading
// the URL). The server answers these pages with `Referrer-Policy: no-referrer`.

/** Reads the fragment's token and removes the fragment from the address bar. */
export function takeTokenFromHash(): string {
  return takeFromHash().token;
}

/**
 * The fragment's token, error code and address (`#token=…&error=CODE`, as an identity
 * provider's callback sends a refusal back; `#token=…&verify_email=ana%40acme.com` after a
 * sign-up whose address the provider did not verify), removing the fragment from the
 * address bar.
 */
export function takeFromHash(): { token: string; error: string; verifyEmail: string } {
  const params = new URLSearchParams(location.hash.slice(1));
  if (location.hash !== "") {
    history.replaceState(history.state, "", `${location.pathname}${location.search}`);
  }
  const verifyEmail = (params.get("verify_email") ?? "").trim();
  return {
    token: (params.get("token") ?? "").trim(),
    error: /^[A-Z_]{1,64}$/.test(params.get("error") ?? "") ? (params.get("error") ?? "") : "",
    verifyEmail: verifyEmail.length <= 320 && verifyEmail.includes("@") ? verifyEmail : "",
  };
}
