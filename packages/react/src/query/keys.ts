import type { CreateInvitationsBody, ListInvitationsQuery } from "@foyer/core/rules";

/** A list query without its cursor: the cache key of a whole infinite list. */
export type InvitationListKeyQuery = Omit<ListInvitationsQuery, "cursor" | "counts">;

const all = ["foyer"] as const;

/**
 * The one query-key factory of Foyer. Keys nest, so invalidating
 * `foyerKeys.invitations.all()` reaches every list, detail and event query of invitations.
 * @example queryClient.invalidateQueries({ queryKey: foyerKeys.invitations.lists() })
 */
export const foyerKeys = {
  /** Every Foyer query. */
  all,
  /** The actor's session context. */
  context: () => [...all, "context"] as const,
  /** Roles of one tenant. */
  roles: (tenantId: string) => [...all, "roles", tenantId] as const,
  /** Invitee-facing preview of one token; kept in memory only, never sent in a URL. */
  preview: (token: string) => [...all, "preview", token] as const,
  /** A tenant's invite link as its admins see it (R-LNK-01). */
  inviteLink: (tenantId: string) => [...all, "invite-link", tenantId] as const,
  /** What the join page shows for one link token; kept in memory only, never in a URL. */
  inviteLinkPreview: (token: string) => [...all, "invite-link-preview", token] as const,
  /** Every batch check (dry run). */
  batchChecks: () => [...all, "batch-check"] as const,
  /** The dry run of one batch. */
  batchCheck: (body: CreateInvitationsBody) => [...all, "batch-check", body] as const,
  invitations: {
    /** Everything about invitations. */
    all: () => [...all, "invitations"] as const,
    /** Every list, whatever its filters. */
    lists: () => [...all, "invitations", "list"] as const,
    /** One list: filters, search and sort. */
    list: (query: InvitationListKeyQuery) => [...all, "invitations", "list", query] as const,
    /** One invitation. */
    detail: (invitationId: string) => [...all, "invitations", "detail", invitationId] as const,
    /** The audit trail of one invitation. */
    events: (invitationId: string) => [...all, "invitations", "events", invitationId] as const,
  },
} as const;
