"use client";
import type { InvitationResult } from "@foyer/core";
import { type UseMutationResult, useMutation, useQueryClient } from "@tanstack/react-query";
import { patchInvitationInLists } from "../internal/invitation-cache.ts";
import { useFoyer } from "../provider/use-foyer.ts";
import { foyerKeys } from "../query/keys.ts";
import { revokeInvitationMutationOptions } from "../query/options.ts";
import { type InvitationRollback, invalidateAfterInvitationChange } from "./invalidate.ts";

/**
 * Revokes an invitation (R-INV-08), optimistically: every cached list shows it revoked at
 * once, with counts moved; on error that one row is put back as it was. Variables are the
 * invitation id. Afterwards lists are marked stale (not refetched under the reader's
 * pointer) and the invitation's detail and events are refetched.
 * @example
 * const revoke = useRevokeInvitation();
 * await revoke.mutateAsync(invitation.id);
 */
export function useRevokeInvitation(): UseMutationResult<
  InvitationResult,
  Error,
  string,
  InvitationRollback
> {
  const { client } = useFoyer();
  const queryClient = useQueryClient();
  const options = revokeInvitationMutationOptions(client);
  return useMutation({
    mutationKey: options.mutationKey,
    mutationFn: options.mutationFn,
    onMutate: async (invitationId) => {
      const revokedAt = new Date().toISOString();
      // A list fetch in flight would overwrite the optimistic row with the old one.
      await queryClient.cancelQueries({ queryKey: foyerKeys.invitations.lists() });
      const previous = patchInvitationInLists(queryClient, invitationId, (invitation) => ({
        ...invitation,
        status: "revoked",
        revokedAt,
      }));
      return { previous };
    },
    onError: (_error, invitationId, context) => {
      const previous = context?.previous;
      if (previous) patchInvitationInLists(queryClient, invitationId, () => previous);
    },
    onSuccess: ({ invitation }) => {
      patchInvitationInLists(queryClient, invitation.id, () => invitation);
    },
    onSettled: (_data, _error, invitationId) =>
      invalidateAfterInvitationChange(queryClient, options.invalidates(invitationId)),
  });
}
