import { ERROR_CODES, type ErrorBody, type ErrorCode, type Issue } from "@foyer/core";

/**
 * A rule said no. Services throw it; the HTTP handler answers it as
 * `{ error: { code, message, issues?, details? } }` with the code's status.
 */
export class FoyerServiceError extends Error {
  override readonly name = "FoyerServiceError";
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues: Issue[] | undefined;
  readonly details: Record<string, unknown> | undefined;
  /** Seconds after which a retry may succeed; the handler sends it as `Retry-After`. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    options: {
      message?: string;
      issues?: Issue[];
      details?: Record<string, unknown>;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(options.message ?? ERROR_CODES[code].message);
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.issues = options.issues;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** The JSON error body. */
  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.issues ? { issues: this.issues } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

/** Type guard that narrows `unknown` catch values. */
export function isFoyerServiceError(error: unknown): error is FoyerServiceError {
  return error instanceof FoyerServiceError;
}
