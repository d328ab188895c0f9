"use client";
import type { CommonStrings } from "../localization/common.ts";
import type { DeferredPartState } from "./deferred-part.ts";

/** Props of `DeferredFallback`. Internal. */
export interface DeferredFallbackProps {
  /** The part being imported. */
  part: DeferredPartState<unknown>;
  common: CommonStrings;
  /** Classes of the box the part would fill (`data-slot="body"`). */
  className: string;
}

/**
 * What a dialog shows in place of its deferred inside while the inside's chunk loads (three
 * skeleton lines and a "Loading…" status), or, when it could not be loaded, the network error
 * with Retry. Internal.
 */
export function DeferredFallback({ part, common, className }: DeferredFallbackProps) {
  if (part.failed) {
    return (
      <div className={className} data-slot="body">
        <div role="alert" className="foyer-alert">
          <p>{common.networkError}</p>
          <button type="button" className="foyer-button foyer-button--small" onClick={part.retry}>
            {common.retry}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className={className} data-slot="body" aria-busy="true">
      <span className="foyer-skeleton" />
      <span className="foyer-skeleton" />
      <span className="foyer-skeleton" />
      <p role="status" className="foyer-sr-only">
        {common.loading}
      </p>
    </div>
  );
}
