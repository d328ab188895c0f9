import type { ErrorCode, Issue } from "@foyer/core";

/** What `FoyerError` is built from. */
export interface FoyerErrorInit {
  code: ErrorCode;
  status: number;
  /** The server's developer-facing message. */
  message: string;
  method: string;
  /** The path below `baseUrl`, such as `/invitations/inv_1/resend`. Never holds a token. */
  path: string;
  issues?: Issue[] | undefined;
  details?: Record<string, unknown> | undefined;
}

/**
 * The API said no: the server answered `{ error: { code, message, issues?, details? } }`.
 * Show people the text that localization holds for `code`; `message` is for developers.
 * An error answer without a valid error body (a proxy's 502 page, say) still becomes a
 * `FoyerError`, with the code that fits its status (`INTERNAL` for 5xx).
 * @example
 * try {
 *   await client.acceptInvitation(body);
 * } catch (error) {
 *   if (isFoyerError(error) && error.code === "PASSWORD_TOO_WEAK") showIssues(error.issues);
 * }
 */
export class FoyerError extends Error {
  override readonly name = "FoyerError";
  /** The machine code, stable across versions. */
  readonly code: ErrorCode;
  /** The HTTP status of the answer. */
  readonly status: number;
  /** Field problems (`VALIDATION_FAILED`, `PASSWORD_TOO_WEAK` …); empty when there are none. */
  readonly issues: Issue[];
  /** Extra facts the server gave, such as `seatsLeft`. */
  readonly details: Record<string, unknown> | undefined;
  /** The HTTP method of the failed call. */
  readonly method: string;
  /** The path of the failed call below `baseUrl`. */
  readonly path: string;

  constructor(init: FoyerErrorInit) {
    super(`${init.method} ${init.path} answered ${init.status} ${init.code}: ${init.message}`);
    this.code = init.code;
    this.status = init.status;
    this.issues = init.issues ?? [];
    this.details = init.details;
    this.method = init.method;
    this.path = init.path;
  }
}

/** Whether `error` is a `FoyerError` (by class, or by name across bundle copies). */
export function isFoyerError(error: unknown): error is FoyerError {
  return error instanceof FoyerError || (error instanceof Error && error.name === "FoyerError");
}
