import type { ErrorCode, Issue } from "@foyer/core/rules";
import { parseRetryAfter } from "../retry-after.ts";
import { FoyerClientError } from "./foyer-client-error.ts";

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
  /** The answer itself; its body has been read into `code`, `message`, `issues`, `details`. */
  response?: Response | undefined;
}

/**
 * The API said no: the server answered `{ error: { code, message, issues?, details? } }`.
 * Show people the text that localization holds for `code`; `message` is for developers.
 * An error answer without a valid error body (a proxy's 502 page, say) still becomes a
 * `FoyerError`, with the code that fits its status (`INTERNAL` for 5xx). A rate-limited call
 * (`RATE_LIMITED`, 429) carries the server's `Retry-After` in `retryAfter`.
 * @example
 * try {
 *   await client.acceptInvitation(body);
 * } catch (error) {
 *   if (isFoyerError(error) && error.code === "PASSWORD_TOO_WEAK") showIssues(error.issues);
 *   if (isFoyerError(error) && error.retryAfter !== null) retryIn(error.retryAfter);
 * }
 */
export class FoyerError extends FoyerClientError {
  override readonly name = "FoyerError";
  /** The machine code, stable across versions. */
  readonly code: ErrorCode;
  /** The HTTP status of the answer. */
  readonly status: number;
  /** Field problems (`VALIDATION_FAILED`, `PASSWORD_TOO_WEAK` …); empty when there are none. */
  readonly issues: Issue[];
  /** Extra facts the server gave, such as `seatsLeft`. */
  readonly details: Record<string, unknown> | undefined;
  /**
   * The answer (status, headers, URL). Its body was read to build this error, so read
   * `issues` and `details` rather than the body. `undefined` for errors built by hand.
   */
  readonly response: Response | undefined;
  /**
   * Seconds the server asked to wait before trying again (its `Retry-After` header, as
   * seconds or as a date), or null when it gave none.
   */
  readonly retryAfter: number | null;

  constructor(init: FoyerErrorInit) {
    super(
      `${init.method} ${init.path} answered ${init.status} ${init.code}: ${init.message}`,
      init,
    );
    this.code = init.code;
    this.status = init.status;
    this.issues = init.issues ?? [];
    this.details = init.details;
    this.response = init.response;
    this.retryAfter = parseRetryAfter(init.response?.headers.get("retry-after") ?? null);
  }
}

/** Whether `error` is a `FoyerError` (by class, or by name across bundle copies). */
export function isFoyerError(error: unknown): error is FoyerError {
  return error instanceof FoyerError || (error instanceof Error && error.name === "FoyerError");
}
