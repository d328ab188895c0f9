import { type FoyerClient, isFoyerError } from "@foyer/client";
import type {
  AcceptInvitationBody,
  AcceptResult,
  BatchResult,
  CreateInvitationsBody,
  InvitationLinkResult,
  InvitationPage,
  InvitationResult,
  InviteLinkResult,
  JoinBody,
  JoinResult,
  ResendInvitationBody,
  ResendResult,
  ResendVerificationResult,
  UpdateInviteLinkBody,
  VerifyEmailResult,
} from "@foyer/core/rules";
import {
  infiniteQueryOptions,
  mutationOptions,
  type QueryClient,
  type QueryKey,
  queryOptions,
} from "@tanstack/react-query";
import { type InvitationRollback, patchInvitationInLists } from "../internal/invitation-cache.ts";
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

/**
 * R-INV-16: what a batch would do, from the server's dry run: who would be invited and who
 * skipped, and why. A read (nothing is created), so it is a query keyed by the batch; the
 * body's `dryRun` is forced on.
 */
export function batchCheckQueryOptions(client: FoyerClient, body: CreateInvitationsBody) {
  return queryOptions({
    queryKey: foyerKeys.batchCheck(body),
    queryFn: ({ signal }): Promise<BatchResult> =>
      client.createInvitations({ ...body, dryRun: true }, { signal }),
    staleTime: 30_000,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/** Marks invitation data stale after a change. Internal to this module. */
async function invalidateInvitation(queryClient: QueryClient, invitationId: string) {
  // Lists are only marked stale: refetching the one on screen would make rows jump (a
  // revoked row vanishing from Pending mid-bulk) while the cache already holds the answer.
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: foyerKeys.invitations.lists(), refetchType: "none" }),
    queryClient.invalidateQueries({ queryKey: foyerKeys.invitations.detail(invitationId) }),
    queryClient.invalidateQueries({ queryKey: foyerKeys.invitations.events(invitationId) }),
    queryClient.invalidateQueries({ queryKey: foyerKeys.batchChecks() }),
  ]);
}

/** Variables of a resend. */
export interface ResendVariables {
  invitationId: string;
  body?: ResendInvitationBody;
}

/**
 * Resend (R-INV-07), optimistically: the row reads "Queued" (or "Link only") with a fresh
 * sent time at once, and is put back on error; on success it becomes the server's answer.
 * Invalidates, through the query client it runs in: every invitation list (marked stale, not
 * refetched under the reader's pointer), the invitation, its events and batch checks.
 * @example useMutation(resendInvitationMutationOptions(client))
 */
export function resendInvitationMutationOptions(client: FoyerClient) {
  return mutationOptions<ResendResult, Error, ResendVariables, InvitationRollback>({
    mutationKey: [...foyerKeys.invitations.all(), "resend"],
    mutationFn: ({ invitationId, body }) => client.resendInvitation(invitationId, body),
    onMutate: async ({ invitationId, body }, { client: queryClient }) => {
      const now = new Date().toISOString();
      // A list fetch in flight would overwrite the optimistic row with the old one.
      await queryClient.cancelQueries({ queryKey: foyerKeys.invitations.lists() });
      const previous = patchInvitationInLists(queryClient, invitationId, (invitation) => ({
        ...invitation,
        sentAt: now,
        delivery: {
          // Without a choice the server keeps a link-only invitation link-only (R-INV-10).
          status:
            (body?.delivery ?? (invitation.delivery.status === "none" ? "link" : "email")) ===
            "link"
              ? "none"
              : "queued",
          error: null,
          updatedAt: now,
          attempts: 0,
          lastAttemptAt: null,
        },
      }));
      return { previous };
    },
    onError: (_error, { invitationId }, rollback, { client: queryClient }) => {
      const previous = rollback?.previous;
      if (previous) patchInvitationInLists(queryClient, invitationId, () => previous);
    },
    onSuccess: ({ invitation }, _variables, _rollback, { client: queryClient }) => {
      patchInvitationInLists(queryClient, invitation.id, () => invitation);
    },
    onSettled: (_data, _error, { invitationId }, _rollback, { client: queryClient }) =>
      invalidateInvitation(queryClient, invitationId),
  });
}

/**
 * Revoke (R-INV-08), optimistically: every cached list shows the invitation revoked at once,
 * counts moved; on error that row is put back. Variables are the invitation id. Invalidates,
 * through the query client it runs in: every invitation list (marked stale), the
 * invitation, its events and batch checks.
 * @example useMutation(revokeInvitationMutationOptions(client))
 */
export function revokeInvitationMutationOptions(client: FoyerClient) {
  return mutationOptions<InvitationResult, Error, string, InvitationRollback>({
    mutationKey: [...foyerKeys.invitations.all(), "revoke"],
    mutationFn: (invitationId) => client.revokeInvitation(invitationId),
    onMutate: async (invitationId, { client: queryClient }) => {
      const revokedAt = new Date().toISOString();
      await queryClient.cancelQueries({ queryKey: foyerKeys.invitations.lists() });
      const previous = patchInvitationInLists(queryClient, invitationId, (invitation) => ({
        ...invitation,
        status: "revoked",
        revokedAt,
      }));
      return { previous };
    },
    onError: (_error, invitationId, rollback, { client: queryClient }) => {
      const previous = rollback?.previous;
      if (previous) patchInvitationInLists(queryClient, invitationId, () => previous);
    },
    onSuccess: ({ invitation }, _variables, _rollback, { client: queryClient }) => {
      patchInvitationInLists(queryClient, invitation.id, () => invitation);
    },
    onSettled: (_data, _error, invitationId, _rollback, { client: queryClient }) =>
      invalidateInvitation(queryClient, invitationId),
  });
}

/** Variables of a create: the body, and the Idempotency-Key of this request (R-SDK-08). */
export interface CreateInvitationsVariables {
  body: CreateInvitationsBody;
  idempotencyKey?: string;
}

/**
 * Create one or many invitations (R-INV-01/02). Once created, invalidates, through the query
 * client it runs in, every invitation list (counts included), the context (seats) and batch
 * checks. For a dry run use `batchCheckQueryOptions`.
 * @example
 * const create = useMutation(createInvitationsMutationOptions(client));
 * await create.mutateAsync({ body: { tenantId, roleId, emails }, idempotencyKey: crypto.randomUUID() });
 */
export function createInvitationsMutationOptions(client: FoyerClient) {
  return mutationOptions<BatchResult, Error, CreateInvitationsVariables>({
    mutationKey: [...foyerKeys.invitations.all(), "create"],
    mutationFn: ({ body, idempotencyKey }) =>
      client.createInvitations(body, idempotencyKey === undefined ? {} : { idempotencyKey }),
    onSuccess: (result, _variables, _context, { client: queryClient }) =>
      result.dryRun ? undefined : invalidateAfterCreate(queryClient),
  });
}

/** What a real create makes stale. Internal: also used after a failed chunk that created some. */
export function invalidateAfterCreate(queryClient: QueryClient): Promise<unknown> {
  const keys: QueryKey[] = [
    foyerKeys.invitations.lists(),
    foyerKeys.context(),
    foyerKeys.batchChecks(),
  ];
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/**
 * Accept an invitation (R-INV-12). Marks the token's preview stale through the query client
 * it runs in, without refetching an error page over the success.
 */
export function acceptInvitationMutationOptions(client: FoyerClient) {
  return mutationOptions<AcceptResult, Error, AcceptInvitationBody>({
    mutationKey: [...foyerKeys.all, "accept"],
    mutationFn: (body) => client.acceptInvitation(body),
    onSuccess: (_result, body, _context, { client: queryClient }) =>
      queryClient.invalidateQueries({
        queryKey: foyerKeys.preview(body.token),
        refetchType: "none",
      }),
  });
}

/**
 * Copy a pending invitation's link again (R-INV-10): the server recomputes it and records
 * the copy in the audit trail. Variables are the invitation id. Invalidates, through the
 * query client it runs in: the invitation's events.
 * @example useMutation(copyInvitationLinkMutationOptions(client))
 */
export function copyInvitationLinkMutationOptions(client: FoyerClient) {
  return mutationOptions<InvitationLinkResult, Error, string>({
    mutationKey: [...foyerKeys.invitations.all(), "copy-link"],
    mutationFn: (invitationId) => client.copyInvitationLink(invitationId),
    onSettled: (_data, _error, invitationId, _rollback, { client: queryClient }) =>
      queryClient.invalidateQueries({ queryKey: foyerKeys.invitations.events(invitationId) }),
  });
}

/**
 * A tenant's invite link with the URL to copy (R-LNK-01). Needs `invite_links:manage` on
 * the tenant; others get `FORBIDDEN`, which is not retried.
 * @example useQuery(inviteLinkQueryOptions(client, "acme"))
 */
export function inviteLinkQueryOptions(client: FoyerClient, tenantId: string) {
  return queryOptions({
    queryKey: foyerKeys.inviteLink(tenantId),
    queryFn: ({ signal }) => client.getInviteLink(tenantId, { signal }),
    // The API saying no (a 4xx) would say it again.
    retry: (failures, error) => failures < 2 && !(isFoyerError(error) && error.status < 500),
  });
}

/** Variables of an invite-link update. */
export interface UpdateInviteLinkVariables {
  tenantId: string;
  body: UpdateInviteLinkBody;
}

/**
 * Turns a tenant's invite link on or off, or changes its role, domains, expiry or join
 * limit (R-LNK-02, R-LNK-04, R-LNK-10). The answer replaces the cached link, through the
 * query client it runs in; the URL stays the same.
 * @example useMutation(updateInviteLinkMutationOptions(client)).mutate({ tenantId, body: { enabled: false } })
 */
export function updateInviteLinkMutationOptions(client: FoyerClient) {
  return mutationOptions<InviteLinkResult, Error, UpdateInviteLinkVariables>({
    mutationKey: [...foyerKeys.all, "invite-link", "update"],
    mutationFn: ({ tenantId, body }) => client.updateInviteLink(tenantId, body),
    onSuccess: (result, { tenantId }, _context, { client: queryClient }) => {
      queryClient.setQueryData(foyerKeys.inviteLink(tenantId), result);
    },
  });
}

/**
 * "Revoke & generate new link" (R-LNK-03): the old URL stops working for everyone at once.
 * Variables are the tenant id; the answer, with the new URL, replaces the cached link.
 */
export function regenerateInviteLinkMutationOptions(client: FoyerClient) {
  return mutationOptions<InviteLinkResult, Error, string>({
    mutationKey: [...foyerKeys.all, "invite-link", "regenerate"],
    mutationFn: (tenantId) => client.regenerateInviteLink(tenantId),
    onSuccess: (result, tenantId, _context, { client: queryClient }) => {
      queryClient.setQueryData(foyerKeys.inviteLink(tenantId), result);
    },
  });
}

/**
 * What the join page shows for a link token (R-LNK-06/07). Always answered: a link that
 * cannot be joined comes back with `joinable: false` and its error. Read once, never
 * refetched on focus.
 */
export function inviteLinkPreviewQueryOptions(client: FoyerClient, token: string) {
  return queryOptions({
    queryKey: foyerKeys.inviteLinkPreview(token),
    queryFn: ({ signal }) => client.previewInviteLink(token, { signal }),
    retry: false,
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * Signs up through an invite link (R-LNK-06..09). Marks the link's preview stale through
 * the query client it runs in (a join limit may now be reached), without refetching it
 * over the "check your email" step.
 */
export function joinWithInviteLinkMutationOptions(client: FoyerClient) {
  return mutationOptions<JoinResult, Error, JoinBody>({
    mutationKey: [...foyerKeys.all, "join"],
    mutationFn: (body) => client.joinWithInviteLink(body),
    onSuccess: (_result, body, _context, { client: queryClient }) =>
      queryClient.invalidateQueries({
        queryKey: foyerKeys.inviteLinkPreview(body.token),
        refetchType: "none",
      }),
  });
}

/** Verifies an address with the token of its verification email (R-LNK-09). */
export function verifyEmailMutationOptions(client: FoyerClient) {
  return mutationOptions<VerifyEmailResult, Error, string>({
    mutationKey: [...foyerKeys.all, "verify-email"],
    mutationFn: (token) => client.verifyEmail(token),
  });
}

/**
 * Asks for a new verification email. The answer is the same whether or not the address
 * waits for verification, so it tells nobody which addresses are registered.
 */
export function resendVerificationEmailMutationOptions(client: FoyerClient) {
  return mutationOptions<ResendVerificationResult, Error, string>({
    mutationKey: [...foyerKeys.all, "resend-verification"],
    mutationFn: (email) => client.resendVerificationEmail(email),
  });
}
