"use client";
import type { FoyerClient } from "@foyer/client";
import { createContext } from "react";
import type { DeepPartial, FoyerLocalization } from "../localization/types.ts";

/** Theme tokens of `styles.css`; each is the CSS variable `--foyer-<token>`. */
export type FoyerToken =
  | "accent"
  | "accent-foreground"
  | "background"
  | "foreground"
  | "muted"
  | "muted-foreground"
  | "border"
  | "ring"
  | "danger"
  | "success"
  | "warning"
  | "radius"
  | "font"
  | "shadow";

/** How Foyer's components look inside the host. */
export interface FoyerAppearance {
  /**
   * Light, dark, or follow the operating system (`prefers-color-scheme`).
   * @default "system"
   */
  theme?: "light" | "dark" | "system" | undefined;
  /** Token values, e.g. `{ accent: "#0f766e", radius: "6px" }`. */
  variables?: Partial<Record<FoyerToken, string>> | undefined;
}

/** What `FoyerProvider` shares with every component. Internal to the package. */
export interface FoyerContextValue {
  client: FoyerClient;
  locale: string;
  localization: DeepPartial<FoyerLocalization> | undefined;
  appearance: FoyerAppearance | undefined;
}

/** The provider's context; `null` outside a `FoyerProvider`. Internal to the package. */
export const FoyerContext = createContext<FoyerContextValue | null>(null);
