"use client";
import { useMemo } from "react";
import { deepMerge } from "../internal/deep-merge.ts";
import type { DeepPartial, FoyerLocalization, LocalizationNamespace } from "./types.ts";
import { type UseLocalizationResult, useLocalization } from "./use-localization.ts";

/**
 * The localization of a dialog whose namespace `N` ships its English strings in two parts:
 * the frame's (`K`: title, trigger, the discard question), in the dialog's own module, and
 * the rest, in the chunk of its deferred inside, so that a closed dialog does not load the
 * words of a form it has not shown. `t[N]` holds the frame's strings and whatever the
 * provider and the component override, of either part; its type offers only the frame's, so
 * the frame cannot read a string that is not there yet. Internal.
 */
export type FrameLocalization<
  N extends LocalizationNamespace,
  K extends keyof FoyerLocalization[N],
> = Omit<UseLocalizationResult<N>, "t"> & {
  t: Omit<UseLocalizationResult<N>["t"], N> & Record<N, Pick<FoyerLocalization[N], K>>;
  /**
   * The whole localization, for the deferred inside: `rest`, the English strings the frame
   * does not hold, beneath the frame's `t[N]` (its English strings and every override), so
   * an override of any key still wins over the English default. A method, so that the
   * inside's chunk imports nothing of this module (nor `useLocalization` and the client).
   */
  complete: (rest: Omit<FoyerLocalization[N], K>) => UseLocalizationResult<N>;
};

/**
 * `useLocalization` for the frame of such a dialog: `frame` holds the English strings of
 * the keys `K` of namespace `namespace`. Same merge order: defaults < provider < `overrides`.
 */
export function useFrameLocalization<
  N extends LocalizationNamespace,
  K extends keyof FoyerLocalization[N],
>(
  namespace: N,
  frame: Pick<FoyerLocalization[N], K>,
  overrides: DeepPartial<FoyerLocalization> | undefined,
): FrameLocalization<N, K> {
  // useLocalization merges what it is given, key by key: `t[N]` is the frame's strings under
  // the overrides, which is what FrameLocalization says.
  const l10n = useLocalization(
    { [namespace]: frame } as unknown as Pick<FoyerLocalization, N>,
    overrides as never,
  );
  return useMemo(
    () => ({
      ...l10n,
      complete: (rest: Omit<FoyerLocalization[N], K>) =>
        ({
          ...l10n,
          t: { ...l10n.t, [namespace]: deepMerge(rest as object, l10n.t[namespace] as object) },
        }) as UseLocalizationResult<N>,
    }),
    [l10n, namespace],
  ) as unknown as FrameLocalization<N, K>;
}
