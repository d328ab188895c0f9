/** What every error of the Foyer client knows about the call that failed. */
export interface FoyerClientErrorInit {
  /** The HTTP method of the call. */
  method: string;
  /** The path of the call below `baseUrl`. Never holds a token (tokens travel in bodies). */
  path: string;
  /** The failure underneath, when there is one. */
  cause?: unknown;
}

/**
 * The base of every error the Foyer client throws, so one `instanceof` (or
 * `isFoyerClientError`) catches them all. Each kind has its own class: `FoyerError` (the API
 * answered no), `FoyerNetworkError` (no answer) and `FoyerContractError` (an answer that breaks
 * the contract). Messages name the method and path.
 */
export abstract class FoyerClientError extends Error {
  /** The HTTP method of the failed call. */
  readonly method: string;
  /** The path of the failed call below `baseUrl`. */
  readonly path: string;

  constructor(message: string, init: FoyerClientErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.method = init.method;
    this.path = init.path;
  }
}

const NAMES: ReadonlySet<string> = new Set([
  "FoyerError",
  "FoyerNetworkError",
  "FoyerContractError",
]);

/** Whether `error` is any error of the Foyer client (by class, or by name across bundle copies). */
export function isFoyerClientError(error: unknown): error is FoyerClientError {
  return error instanceof FoyerClientError || (error instanceof Error && NAMES.has(error.name));
}
