"use client";
import type { FoyerClient } from "@foyer/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
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
  queryClient?: QueryClient;
  /**
   * BCP 47 language tag for strings, dates and plurals; `de…` picks the German strings,
   * anything else English.
   * @default "en"
   */
  locale?: string;
  /** String overrides for every component; a component's own `localization` prop wins. */
  localization?: DeepPartial<FoyerLocalization>;
  /** Theme and token values. */
  appearance?: FoyerAppearance;
  children?: ReactNode;
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
 * @example
 * const client = createFoyerClient({ baseUrl: "/api/foyer" });
 * <FoyerProvider client={client} locale="de" appearance={{ variables: { accent: "#0f766e" } }}>
 *   <InvitationsTable tenantId="acme" />
 * </FoyerProvider>
 */
export function FoyerProvider({
  client,
  queryClient,
  locale = "en",
  localization,
  appearance,
  children,
}: FoyerProviderProps) {
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
