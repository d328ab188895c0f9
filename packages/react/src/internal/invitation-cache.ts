import type {
  Invitation,
  InvitationCounts,
  InvitationPage,
  InvitationStatus,
} from "@foyer/core/rules";
import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import { foyerKeys } from "../query/keys.ts";

type ListData = InfiniteData<InvitationPage, string | null>;

/** What an optimistic invitation update keeps to roll back. Internal. */
export interface InvitationRollback {
  previous: Invitation | undefined;
}

const HISTORY: readonly InvitationStatus[] = ["accepted", "expired", "revoked"];

function shiftCounts(
  counts: InvitationCounts,
  from: InvitationStatus,
  to: InvitationStatus,
): InvitationCounts {
  if (from === to) return counts;
  const next = { ...counts, [from]: Math.max(0, counts[from] - 1), [to]: counts[to] + 1 };
  next.history = HISTORY.reduce((sum, status) => sum + next[status], 0);
  return next;
}

/**
 * Replaces one invitation in every cached list that holds it, and moves one count from its
 * old status to its new one, so tabs stay right without refetching. Returns the invitation
 * as it was before (the first copy found), for rolling back. Internal: optimistic updates.
 */
export function patchInvitationInLists(
  queryClient: QueryClient,
  invitationId: string,
  update: (invitation: Invitation) => Invitation,
): Invitation | undefined {
  let previous: Invitation | undefined;
  queryClient.setQueriesData<ListData>({ queryKey: foyerKeys.invitations.lists() }, (data) => {
    if (!data) return data;
    let from: InvitationStatus | undefined;
    let to: InvitationStatus | undefined;
    const pages = data.pages.map((page) => {
      if (!page.items.some((item) => item.id === invitationId)) return page;
      return {
        ...page,
        items: page.items.map((item) => {
          if (item.id !== invitationId) return item;
          previous ??= item;
          const next = update(item);
          from = item.status;
          to = next.status;
          return next;
        }),
      };
    });
    if (from === undefined || to === undefined) return data;
    const [first, ...rest] = pages;
    if (!first) return data;
    const counts = first.counts ? shiftCounts(first.counts, from, to) : null;
    return { ...data, pages: [{ ...first, counts }, ...rest] };
  });
  return previous;
}
