// The invitee pages' token travels in the fragment (`#token=…`), which the browser never sends
// to a server. It is read once, before anything renders, and removed from the address bar and
// the history entry so it does not linger (screenshots, shoulder surfers, extensions reading
// the URL). The server answers these pages with `Referrer-Policy: no-referrer`.

/** Reads the fragment's token and removes the fragment from the address bar. */
export function takeTokenFromHash(): string {
  const token = new URLSearchParams(location.hash.slice(1)).get("token") ?? "";
  if (location.hash !== "") {
    history.replaceState(history.state, "", `${location.pathname}${location.search}`);
  }
  return token.trim();
}
