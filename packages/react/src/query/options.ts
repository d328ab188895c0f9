import type { FoyerClient } from "@foyer/client";
import type {
  AcceptInvitationBody,
  CreateInvitationsBody,
  InvitationPage,
  ResendInvitationBody,
} from "@foyer/core";
import { infiniteQueryOptions, type QueryKey, queryOptions } from "@tanstack/react-query";
import { foyerKeys, type InvitationListKeyQuery } from "./keys.ts";

/**
 * The actor's session context (who it is, which tenants it manages).
 * @example useQuery(contextQueryOptions(client))
 */
export function contextQueryOptions(client: FoyerClient) {
  return queryOptions({
    queryKey: foyerKeys.context(),
    queryFn: ({ signal }) => client.getContext({ signal }),
    staleTime: 5 * 60_000,
  });
}

/** Roles of a tenant, each marked whether the actor may grant it. */
export function rolesQueryOptions(client: FoyerClient, tenantId: string) {
  return queryOptions({
    queryKey: foyerKeys.roles(tenantId),
    queryFn: ({ signal }) => client.listTenantRoles(tenantId, { signal }),
    staleTime: 5 * 60_000,
  });
}

/**
 * Cursor pages of invitations. Only the first page asks for counts per status; later pages
 * are fetched one at a time, when the reader nears the end.
 */
export function invitationsInfiniteQueryOptions(
  client: FoyerClient,
  query: InvitationListKeyQuery,
) {
  return infiniteQueryOptions({
    queryKey: foyerKeys.invitations.list(query),
    queryFn: ({ pageParam, signal }): Promise<InvitationPage> =>
      client.listInvitations(
        pageParam === null ? { ...query, counts: "true" } : { ...query, cursor: pageParam },
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** One invitation. */
export function invitationQueryOptions(client: FoyerClient, invitationId: string) {
  return queryOptions({
    queryKey: foyerKeys.invitations.detail(invitationId),
    queryFn: ({ signal }) => client.getInvitation(invitationId, { signal }),
  });
}

/** The newest page of one invitation's audit trail. */
export function invitationEventsQueryOptions(client: FoyerClient, invitationId: string) {
  return queryOptions({
    queryKey: foyerKeys.invitations.events(invitationId),
    queryFn: ({ signal }) => client.listInvitationEvents(invitationId, undefined, { signal }),
  });
}

/**
 * The invitee's preview of a token. Never retried on 4xx answers (an expired link stays
 * expired) and never refetched on focus: the page shows one answer.
 */
export function invitationPreviewQueryOptions(client: FoyerClient, token: string) {
  return queryOptions({
    queryKey: foyerKeys.preview(token),
    queryFn: ({ signal }) => client.previewInvitation(token, { signal }),
    retry: false,
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Variables of a resend. */
export interface ResendVariables {
  invitationId: string;
  body?: ResendInvitationBody;
}

/**
 * Resend (R-INV-07). Invalidates every invitation list, the invitation and its events.
 */
export function resendInvitationMutationOptions(client: FoyerClient) {
  return {
    mutationKey: [...foyerKeys.invitations.all(), "resend"] as const,
    mutationFn: ({ invitationId, body }: ResendVariables) =>
      client.resendInvitation(invitationId, body),
    /** The keys this mutation makes stale. */
    invalidates: ({ invitationId }: ResendVariables): QueryKey[] => [
      foyerKeys.invitations.lists(),
      foyerKeys.invitations.detail(invitationId),
      foyerKeys.invitations.events(invitationId),
    ],
  };
}

/**
 * Revoke (R-INV-08). Invalidates every invitation list, the invitation and its events.
 */
export function revokeInvitationMutationOptions(client: FoyerClient) {
  return {
    mutationKey: [...foyerKeys.invitations.all(), "revoke"] as const,
    mutationFn: (invitationId: string) => client.revokeInvitation(invitationId),
    /** The keys this mutation makes stale. */
    invalidates: (invitationId: string): QueryKey[] => [
      foyerKeys.invitations.lists(),
      foyerKeys.invitations.detail(invitationId),
      foyerKeys.invitations.events(invitationId),
    ],
  };
}

/**
 * Create one or many invitations, or preview with `dryRun` (R-INV-01/02/16). A real run
 * invalidates every invitation list (counts included) and the context (seats); a dry run
 * invalidates nothing.
 */
export function createInvitationsMutationOptions(client: FoyerClient) {
  return {
    mutationKey: [...foyerKeys.invitations.all(), "create"] as const,
    mutationFn: (body: CreateInvitationsBody) => client.createInvitations(body),
    /** The keys this mutation makes stale. */
    invalidates: (body: CreateInvitationsBody): QueryKey[] =>
      body.dryRun ? [] : [foyerKeys.invitations.lists(), foyerKeys.context()],
  };
}

/** Accept an invitation (R-INV-12). Invalidates the token's preview. */
export function acceptInvitationMutationOptions(client: FoyerClient) {
  return {
    mutationKey: [...foyerKeys.all, "accept"] as const,
    mutationFn: (body: AcceptInvitationBody) => client.acceptInvitation(body),
    /** The keys this mutation makes stale. */
    invalidates: (body: AcceptInvitationBody): QueryKey[] => [foyerKeys.preview(body.token)],
  };
}
