"use client";
import type { ResendResult } from "@foyer/core";
import { type UseMutationResult, useMutation, useQueryClient } from "@tanstack/react-query";
import { patchInvitationInLists } from "../internal/invitation-cache.ts";
import { useFoyer } from "../provider/use-foyer.ts";
import { foyerKeys } from "../query/keys.ts";
import { type ResendVariables, resendInvitationMutationOptions } from "../query/options.ts";
import { type InvitationRollback, invalidateAfterInvitationChange } from "./invalidate.ts";

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
  const queryClient = useQueryClient();
  const options = resendInvitationMutationOptions(client);
  return useMutation({
    mutationKey: options.mutationKey,
    mutationFn: options.mutationFn,
    onMutate: async ({ invitationId, body }) => {
      const now = new Date().toISOString();
      const emailed = (body?.delivery ?? "email") !== "link";
      // A list fetch in flight would overwrite the optimistic row with the old one.
      await queryClient.cancelQueries({ queryKey: foyerKeys.invitations.lists() });
      const previous = patchInvitationInLists(queryClient, invitationId, (invitation) => ({
        ...invitation,
        sentAt: now,
        delivery: emailed
          ? { status: "queued", error: null, updatedAt: now }
          : { status: "none", error: null, updatedAt: now },
      }));
      return { previous };
    },
    onError: (_error, { invitationId }, context) => {
      const previous = context?.previous;
      if (previous) patchInvitationInLists(queryClient, invitationId, () => previous);
    },
    onSuccess: ({ invitation }) => {
      patchInvitationInLists(queryClient, invitation.id, () => invitation);
    },
    onSettled: (_data, _error, variables) =>
      invalidateAfterInvitationChange(queryClient, options.invalidates(variables)),
  });
}
