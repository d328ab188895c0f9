"use client";
import type { FoyerClient } from "@foyer/client";
import { useContext } from "react";
import { FoyerContext } from "./context.ts";

/** What `useFoyer` returns. */
export interface UseFoyerResult {
  /** The API client given to `FoyerProvider`. */
  client: FoyerClient;
  /** The active BCP 47 locale. */
  locale: string;
}

/**
 * The Foyer client and locale of the nearest `FoyerProvider`, for custom UIs.
 * @throws when used outside a `FoyerProvider`
 * @example const { client } = useFoyer();
 */
export function useFoyer(): UseFoyerResult {
  const context = useContext(FoyerContext);
  if (!context) {
    throw new Error("useFoyer must be used inside <FoyerProvider client={…}>.");
  }
  return { client: context.client, locale: context.locale };
}
