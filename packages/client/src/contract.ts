import {
  ERROR_CODES,
  ErrorBodySchema,
  type ErrorCode,
  type Issue,
  type RouteName,
  routes,
} from "@foyer/core";
import type { ContractIssue } from "./errors/foyer-contract-error.ts";

// The contract half of the client: core's response schemas and zod. `createFoyerClient`
// imports this module dynamically and starts loading it when the client is created, so the
// schemas arrive while the first request is on the wire instead of weighing on the page's
// first load (R-SDK-01 still holds: no answer reaches a caller unparsed).

/** The outcome of parsing a success answer with its route's response schema. */
export type ParsedAnswer =
  | { success: true; data: unknown }
  | { success: false; issues: ContractIssue[] };

/** Parses a success answer of `name` with the route's response schema. */
export function parseAnswer(name: RouteName, value: unknown): ParsedAnswer {
  const parsed = routes[name].response.safeParse(value);
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, issues: parsed.error.issues };
}

/**
 * Error answers without a valid Foyer error body (a proxy's HTML page, an empty 502) still
 * get a stable code: the one whose status matches, else `INTERNAL`.
 */
const FALLBACK_CODES: Record<number, ErrorCode> = {
  400: "VALIDATION_FAILED",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "RATE_LIMITED",
};

/** What a `FoyerError` says about an error answer: its body when valid, else its status. */
export interface ErrorAnswer {
  code: ErrorCode;
  message: string;
  issues?: Issue[] | undefined;
  details?: Record<string, unknown> | undefined;
}

/** Reads an error answer's body (`undefined` when it was not JSON). */
export function readErrorAnswer(status: number, body: unknown): ErrorAnswer {
  const parsed = ErrorBodySchema.safeParse(body);
  if (parsed.success) return parsed.data.error;
  const code = FALLBACK_CODES[status] ?? "INTERNAL";
  return {
    code,
    message: `${ERROR_CODES[code].message} (the answer carried no Foyer error body)`,
  };
}
