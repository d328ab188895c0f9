"use client";
import type { InvitationResult } from "@foyer/core/rules";
import { type UseMutationResult, useMutation } from "@tanstack/react-query";
import type { InvitationRollback } from "../internal/invitation-cache.ts";
import { useFoyer } from "../provider/use-foyer.ts";
import { revokeInvitationMutationOptions } from "../query/options.ts";

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
  return useMutation(revokeInvitationMutationOptions(client));
}
