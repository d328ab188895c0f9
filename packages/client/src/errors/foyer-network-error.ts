import { FoyerClientError } from "./foyer-client-error.ts";

/**
 * The request never got an answer: the network failed, or no answer came within `timeout`.
 * The original failure (a `TypeError` from fetch, ky's `TimeoutError` …) is in `cause`.
 * A caller's own `signal` aborting is not a network error; its abort reason is thrown as is.
 */
export class FoyerNetworkError extends FoyerClientError {
  override readonly name = "FoyerNetworkError";
  /** True when the failure was the client's `timeout`. */
  readonly timedOut: boolean;

  constructor(init: { method: string; path: string; cause: unknown; timedOut: boolean }) {
    const what = init.timedOut
      ? "timed out"
      : `failed: ${init.cause instanceof Error ? init.cause.message : String(init.cause)}`;
    super(`${init.method} ${init.path} ${what}`, init);
    this.timedOut = init.timedOut;
  }
}

/** Whether `error` is a `FoyerNetworkError` (by class, or by name across bundle copies). */
export function isFoyerNetworkError(error: unknown): error is FoyerNetworkError {
  return (
    error instanceof FoyerNetworkError ||
    (error instanceof Error && error.name === "FoyerNetworkError")
  );
}
