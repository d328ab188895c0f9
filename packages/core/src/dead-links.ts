import type { ErrorCode } from "./errors.ts";

/**
 * Codes that mean an invitation link is dead for good (R-INV-13): the invitee's page shows
 * its own message for each, instead of the form and a Retry. Anything else (network, rate
 * limit, a server error) may pass, so the page keeps the form.
 */
export const DEAD_LINK_CODES = [
  "TOKEN_INVALID",
  "INVITATION_EXPIRED",
  "INVITATION_REVOKED",
  "INVITATION_ALREADY_USED",
  "INVITATION_SUPERSEDED",
  "TENANT_INACTIVE",
] as const satisfies readonly ErrorCode[];

/** A code of `DEAD_LINK_CODES`. */
export type DeadLinkCode = (typeof DEAD_LINK_CODES)[number];

/** Whether a code (or any string) means the invitation link is dead for good. */
export function isDeadLinkCode(code: unknown): code is DeadLinkCode {
  return (DEAD_LINK_CODES as readonly unknown[]).includes(code);
}
