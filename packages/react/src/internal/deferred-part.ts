"use client";
import { useEffect, useState } from "react";

/**
 * A part of a component that its first paint does not need (the inside of a closed dialog),
 * imported with `import()` so that bundlers put it in a chunk of its own. The module is
 * imported once and kept; a failed import is tried again by the next `load()`. Internal.
 */
export interface DeferredPart<T> {
  /** The module once imported, else undefined. */
  current(): T | undefined;
  /** Imports the module (once), resolving with it. */
  load(): Promise<T>;
}

/**
 * A {@link DeferredPart} around `importer`, e.g. `() => import("./body.tsx")`. Creating one
 * does nothing: call sites mark it pure (and so does the annotation here), so that a bundler
 * drops the part, its `import()` and its chunk when the component that holds it is unused.
 */
// @__NO_SIDE_EFFECTS__
export function deferredPart<T>(importer: () => Promise<T>): DeferredPart<T> {
  let module: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    current: () => module,
    load() {
      pending ??= importer().then(
        (loaded) => {
          module = loaded;
          return loaded;
        },
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
  };
}

/** What {@link useDeferredPart} returns. */
export interface DeferredPartState<T> {
  /** The module, once imported. */
  module: T | undefined;
  /** The import failed (offline, a deploy removed the chunk); `retry` tries again. */
  failed: boolean;
  retry: () => void;
}

/**
 * The part's module. The import starts after the component's first render, so that it is
 * usually there before the part is shown; until then the caller renders a loading state.
 */
export function useDeferredPart<T>(part: DeferredPart<T>): DeferredPartState<T> {
  const [, setLoaded] = useState<T | undefined>(undefined);
  const [attempt, setAttempt] = useState({ count: 0, failed: false });
  const module = part.current();
  useEffect(() => {
    if (module !== undefined || attempt.failed) return;
    let live = true;
    part.load().then(
      (loaded) => {
        if (live) setLoaded(() => loaded);
      },
      () => {
        if (live) setAttempt((previous) => ({ ...previous, failed: true }));
      },
    );
    return () => {
      live = false;
    };
  }, [part, module, attempt]);
  return {
    module,
    failed: module === undefined && attempt.failed,
    retry: () => setAttempt((previous) => ({ count: previous.count + 1, failed: false })),
  };
}
