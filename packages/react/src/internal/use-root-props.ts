"use client";
import { type CSSProperties, useContext, useMemo } from "react";
import { FoyerContext } from "../provider/context.ts";

/** Attributes that put a component's root (or a portalled dialog) under Foyer's theme. */
export interface FoyerRootProps {
  "data-foyer-theme"?: "light" | "dark";
  style?: CSSProperties;
}

/**
 * The provider's `appearance` as root attributes: `data-foyer-theme` when a theme is forced
 * and `--foyer-*` variables as inline style. Spread it on every element with class
 * `foyer-root`, the content box of each dialog included.
 * Internal: shared by the styled components.
 */
export function useFoyerRootProps(): FoyerRootProps {
  const appearance = useContext(FoyerContext)?.appearance;
  return useMemo(() => {
    const props: FoyerRootProps = {};
    const theme = appearance?.theme;
    if (theme === "light" || theme === "dark") props["data-foyer-theme"] = theme;
    const variables = appearance?.variables;
    if (variables) {
      const style: Record<string, string> = {};
      for (const [token, value] of Object.entries(variables)) {
        if (value !== undefined) style[`--foyer-${token}`] = value;
      }
      props.style = style as CSSProperties;
    }
    return props;
  }, [appearance]);
}
