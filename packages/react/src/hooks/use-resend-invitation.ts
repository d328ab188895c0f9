"use client";
import type { ResendResult } from "@foyer/core/rules";
import { type UseMutationResult, useMutation } from "@tanstack/react-query";
import type { InvitationRollback } from "../internal/invitation-cache.ts";
import { useFoyer } from "../provider/use-foyer.ts";
import { type ResendVariables, resendInvitationMutationOptions } from "../query/options.ts";

/**
 * Resends an invitation (R-INV-07): a new token, a fresh expiry, a new email. Optimistic:
 * the row reads "Queued" at once and is put back on error; on success it becomes the
 * server's answer (new expiry, delivery status). `link` in the result is the plaintext link
 * when `body.delivery` is `link` or `both`, returned only this once.
 * @example
 * const resend = useResendInvitation();
 * const { link } = await resend.mutateAsync({ invitationId, body: { delivery: "both" } });
 */
export function useResendInvitation(): UseMutationResult<
  ResendResult,
  Error,
  ResendVariables,
  InvitationRollback
> {
  const { client } = useFoyer();
  return useMutation(resendInvitationMutationOptions(client));
}
