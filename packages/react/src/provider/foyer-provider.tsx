"use client";
import type { FoyerClient } from "@foyer/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { setNonce } from "get-nonce";
import { type ReactNode, useMemo, useState } from "react";
import type { DeepPartial, FoyerLocalization } from "../localization/types.ts";
import { type FoyerAppearance, FoyerContext, type FoyerContextValue } from "./context.ts";

/** Props of `FoyerProvider`. */
export interface FoyerProviderProps {
  /** The API client, from `createFoyerClient({ baseUrl })`. */
  client: FoyerClient;
  /**
   * The host's query client. Without one, the provider keeps its own, so the components
   * work in an app that does not use TanStack Query (R-UI-05).
   */
  queryClient?: QueryClient | undefined;
  /**
   * BCP 47 language tag for dates, numbers and plural rules (`Intl`). It does not choose the
   * strings: they are English unless `localization` says otherwise, so `locale="de"` alone
   * gives English text with German dates and numbers. For German, pass `localization={de}`
   * too.
   * @default "en"
   */
  locale?: string | undefined;
  /**
   * Strings for every component, over the built-in English: a whole dictionary such as `de`
   * (opt-in, so hosts that do not import it do not ship it), or any partial overrides. A
   * component's own `localization` prop wins over this.
   * @example localization={de}
   * @example localization={{ ...de, common: { ...de.common, retry: "Nochmal" } }}
   */
  localization?: DeepPartial<FoyerLocalization> | undefined;
  /** Theme and token values. */
  appearance?: FoyerAppearance | undefined;
  /**
   * The page's Content-Security-Policy nonce for `<style>` elements. Radix Dialog locks page
   * scrolling while a Foyer dialog is open by inserting a `<style>` element; under a
   * `style-src` without `'unsafe-inline'` it needs this nonce (the same `get-nonce` setting
   * every Radix dialog of the page reads). Not needed without such a CSP.
   * @example nonce={document.querySelector<HTMLMetaElement>("meta[name=csp-nonce]")?.content}
   */
  nonce?: string | undefined;
  children?: ReactNode | undefined;
}

function createDefaultQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Foyer's reads are cheap but admins act on what they see; one retry is enough and
      // keeps the error state (with its Retry button) quick to appear.
      queries: { retry: 1, staleTime: 30_000 },
    },
  });
}

/**
 * Makes the Foyer client, locale, strings and theme available to every Foyer component.
 * Strings are English by default; German is the `de` dictionary, passed with a German
 * `locale` so dates, numbers and plurals match.
 * @example
 * import { de, FoyerProvider } from "@foyer/react";
 * const client = createFoyerClient({ baseUrl: "/api/foyer" });
 * <FoyerProvider
 *   client={client}
 *   locale="de"
 *   localization={de}
 *   appearance={{ variables: { accent: "#0f766e" } }}
 * >
 *   <InvitationsTable tenantId="acme" />
 * </FoyerProvider>
 */
export function FoyerProvider({
  client,
  queryClient,
  locale = "en",
  localization,
  appearance,
  nonce,
  children,
}: FoyerProviderProps) {
  // A page-wide setting of the style-injecting library; idempotent, so set while rendering
  // (before any dialog can mount), never on the server where nothing is injected.
  if (nonce !== undefined && typeof document !== "undefined") setNonce(nonce);
  // Created once per provider, lazily: never shared between requests during SSR. Cheap
  // enough to keep even when the host passes its own, so switching props stays stable.
  const [ownQueryClient] = useState(createDefaultQueryClient);
  const value = useMemo<FoyerContextValue>(
    () => ({ client, locale, localization, appearance }),
    [client, locale, localization, appearance],
  );
  const activeQueryClient = queryClient ?? ownQueryClient;
  return (
    <QueryClientProvider client={activeQueryClient}>
      <FoyerContext.Provider value={value}>{children}</FoyerContext.Provider>
    </QueryClientProvider>
  );
}
