import type { Invitation } from "@foyer/core";
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { foyerKeys } from "../query/keys.ts";

/** What an optimistic invitation update keeps to roll back. Internal. */
export interface InvitationRollback {
  previous: Invitation | undefined;
}

/**
 * Invalidates what a mutation lists. Lists are only marked stale: refetching the one on
 * screen would make rows jump (a revoked row vanishing from Pending mid-bulk) while the
 * cache already holds the server's answer. Everything else refetches when shown. Internal.
 */
export async function invalidateAfterInvitationChange(
  queryClient: QueryClient,
  keys: QueryKey[],
): Promise<void> {
  const lists = foyerKeys.invitations.lists();
  await Promise.all(
    keys.map((queryKey) =>
      queryClient.invalidateQueries({
        queryKey,
        refetchType:
          queryKey.length === lists.length && queryKey.every((part, i) => part === lists[i])
            ? "none"
            : "active",
      }),
    ),
  );
}
