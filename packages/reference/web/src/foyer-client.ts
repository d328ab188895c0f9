import { createFoyerClient } from "@foyer/client";

/** The Foyer API of this app, mounted at `/api/foyer`; the session cookie goes along. */
export const foyerClient = createFoyerClient({ baseUrl: "/api/foyer" });

/**
 * The CSP nonce the server put in this page (`<meta name="csp-nonce">`), for the `<style>`
 * element Radix Dialog's scroll lock inserts; `FoyerProvider` hands it on.
 */
export const cspNonce =
  document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? undefined;
