"use client";
import type { Delivery, Invitation, InvitationCounts } from "@foyer/core/rules";
import { useInfiniteQuery, useMutation, useMutationState } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { runWithConcurrency } from "../internal/run-with-concurrency.ts";
import { useControllableState } from "../internal/use-controllable-state.ts";
import { useDebouncedValue } from "../internal/use-debounced-value.ts";
import { useDeliveryPolling } from "../internal/use-delivery-polling.ts";
import { useFoyer } from "../provider/use-foyer.ts";
import type { InvitationListKeyQuery } from "../query/keys.ts";
import {
  copyInvitationLinkMutationOptions,
  invitationsInfiniteQueryOptions,
  type ResendVariables,
  resendInvitationMutationOptions,
  revokeInvitationMutationOptions,
} from "../query/options.ts";
import { useResendInvitation } from "./use-resend-invitation.ts";
import { useRevokeInvitation } from "./use-revoke-invitation.ts";

/** The tabs of the table: pending invitations, or everything else (accepted, expired, revoked). */
export type InvitationsTab = "pending" | "history";

/** Columns the list can be sorted by. */
export type InvitationsSortColumn = "sentAt" | "expiresAt";

/** A sort: column and direction. */
export interface InvitationsSort {
  column: InvitationsSortColumn;
  direction: "asc" | "desc";
}

/** What the table shows as a whole. */
export type InvitationsTableState = "loading" | "error" | "empty" | "ready";

/** One row of a bulk action that failed, with why. */
export interface BulkFailure {
  invitation: Invitation;
  error: unknown;
}

/** The outcome of a bulk resend or revoke: every row settles on its own. */
export interface BulkActionResult {
  succeeded: Invitation[];
  failed: BulkFailure[];
}

/** Options of `useInvitationsTable`. */
export interface UseInvitationsTableOptions {
  /** The tenant to list. Without it, an MSP admin sees every tenant in scope (R-INV-09). */
  tenantId?: string | undefined;
  /** The controlled tab. */
  tab?: InvitationsTab | undefined;
  /** The initial tab when uncontrolled. @default "pending" */
  defaultTab?: InvitationsTab | undefined;
  onTabChange?: ((tab: InvitationsTab) => void) | undefined;
  /** The controlled search text. */
  search?: string | undefined;
  /** The initial search text when uncontrolled. @default "" */
  defaultSearch?: string | undefined;
  onSearchChange?: ((search: string) => void) | undefined;
  /** The controlled sort. */
  sort?: InvitationsSort | undefined;
  /** The initial sort when uncontrolled. @default { column: "sentAt", direction: "desc" } */
  defaultSort?: InvitationsSort | undefined;
  onSortChange?: ((sort: InvitationsSort) => void) | undefined;
  /** The controlled selection (invitation ids). */
  selection?: string[] | undefined;
  /** The initial selection when uncontrolled. @default [] */
  defaultSelection?: string[] | undefined;
  onSelectionChange?: ((selection: string[]) => void) | undefined;
  /** Rows per page fetched from the server (1–100). @default 50 */
  pageSize?: number | undefined;
  /** Milliseconds the search waits after the last keystroke. @default 300 */
  searchDebounceMs?: number | undefined;
  /** Requests in flight at once during bulk actions. @default 4 */
  bulkConcurrency?: number | undefined;
  /**
   * How resends reach the invitee. Unset, each invitation keeps its own way: a link-only
   * invitation stays link-only, an emailed one is emailed again (R-INV-10).
   */
  resendDelivery?: Delivery | undefined;
  /** Rows left below the last rendered one that trigger the next page. @default 10 */
  prefetchThreshold?: number | undefined;
  /**
   * Refresh the delivery status of queued rows while there are any (R-EML-02), backing off
   * from 1 s to 30 s while nothing changes. @default true
   */
  pollDelivery?: boolean | undefined;
}

/** What `useInvitationsTable` returns: everything to draw an invitations table yourself. */
export interface UseInvitationsTableResult {
  tab: InvitationsTab;
  setTab: (tab: InvitationsTab) => void;
  /** Counts per status from the first page, or null until known. */
  counts: InvitationCounts | null;
  /** The search field's text (not debounced). */
  search: string;
  setSearch: (search: string) => void;
  /** The search the current rows answer (debounced, trimmed). */
  query: string;
  /**
   * The sort the rows follow. History has no expiry column, so a sort by `expiresAt` reads
   * as the newest sent first there.
   */
  sort: InvitationsSort;
  /** Sorts by a column; a second call on the same column flips the direction. */
  toggleSort: (column: InvitationsSortColumn) => void;
  /** The `aria-sort` value of a column header. */
  ariaSort: (column: InvitationsSortColumn) => "ascending" | "descending" | "none";
  state: InvitationsTableState;
  /** The loaded rows, in order. */
  rows: Invitation[];
  /** How many rows the current filter has in total, when counts are known. */
  total: number | null;
  error: Error | null;
  /** Refetches after an error. */
  retry: () => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  /** Call with the index of the last rendered row; fetches one more page when near the end. */
  onRowsRendered: (lastIndex: number) => void;
  /** Whether rows come from several tenants (no `tenantId`), so a tenant column helps. */
  multiTenant: boolean;
  /** Whether a row can be resent, revoked and selected (pending or expired). */
  isActionable: (invitation: Invitation) => boolean;
  selection: string[];
  /** The selected rows among the loaded ones. */
  selectedRows: Invitation[];
  isSelected: (invitationId: string) => boolean;
  toggleSelected: (invitationId: string) => void;
  /** `all` when every actionable loaded row is selected, `some`, or `none`. */
  selectAllState: "all" | "some" | "none";
  /** Selects every actionable loaded row, or clears when all are selected. */
  toggleSelectAll: () => void;
  clearSelection: () => void;
  /** Ids with a resend or revoke in flight. */
  busyIds: ReadonlySet<string>;
  /** The plaintext link of a row, when a resend or copy in this session returned one. */
  linkFor: (invitationId: string) => string | null;
  /**
   * A pending row's current link from the server (R-INV-10: recomputed, audited); rejects
   * with `INVITATION_LINK_UNAVAILABLE` when it cannot be copied.
   */
  copyLink: (invitation: Invitation) => Promise<string>;
  resend: (invitation: Invitation) => Promise<Invitation>;
  revoke: (invitation: Invitation) => Promise<Invitation>;
  /** Resends the selected actionable rows with bounded concurrency. */
  resendSelected: () => Promise<BulkActionResult>;
  /** Revokes the selected actionable rows with bounded concurrency. */
  revokeSelected: () => Promise<BulkActionResult>;
}

const DEFAULT_SORT: InvitationsSort = { column: "sentAt", direction: "desc" };

/**
 * The headless invitations table (R-INV-09, R-UI-01): tabs with counts, debounced email
 * search, sort, cursor pages fetched one at a time as the reader nears the end, selection,
 * and optimistic resend/revoke, single or in bulk. `InvitationsTable` is built only from it.
 * @example
 * const table = useInvitationsTable({ tenantId: "acme" });
 * table.rows.map((row) => <MyRow key={row.id} invitation={row} onRevoke={() => table.revoke(row)} />);
 */
export function useInvitationsTable(
  options: UseInvitationsTableOptions = {},
): UseInvitationsTableResult {
  const { client } = useFoyer();
  const {
    tenantId,
    pageSize = 50,
    searchDebounceMs = 300,
    bulkConcurrency = 4,
    resendDelivery,
    prefetchThreshold = 10,
    pollDelivery = true,
  } = options;

  const [selection, setSelection] = useControllableState<string[]>({
    prop: options.selection,
    defaultProp: options.defaultSelection ?? [],
    onChange: options.onSelectionChange,
  });
  const [tab, setTabState] = useControllableState<InvitationsTab>({
    prop: options.tab,
    defaultProp: options.defaultTab ?? "pending",
    onChange: options.onTabChange,
  });
  const [search, setSearchState] = useControllableState<string>({
    prop: options.search,
    defaultProp: options.defaultSearch ?? "",
    onChange: options.onSearchChange,
  });
  const [chosenSort, setSort] = useControllableState<InvitationsSort>({
    prop: options.sort,
    defaultProp: options.defaultSort ?? DEFAULT_SORT,
    onChange: options.onSortChange,
  });
  const query = useDebouncedValue(search.trim(), searchDebounceMs);
  const sort = tab === "history" && chosenSort.column === "expiresAt" ? DEFAULT_SORT : chosenSort;

  // A selection never spans views: what is selected must be what is on screen.
  const setTab = useCallback(
    (next: InvitationsTab) => {
      setTabState(next);
      setSelection([]);
    },
    [setTabState, setSelection],
  );
  const setSearch = useCallback(
    (next: string) => {
      setSearchState(next);
      setSelection([]);
    },
    [setSearchState, setSelection],
  );

  const listQuery = useMemo<InvitationListKeyQuery>(() => {
    const base: InvitationListKeyQuery = {
      status: tab,
      sort: sort.column,
      order: sort.direction,
      limit: pageSize,
    };
    if (tenantId !== undefined) base.tenantId = tenantId;
    if (query) base.q = query;
    return base;
  }, [tab, sort.column, sort.direction, pageSize, tenantId, query]);

  const list = useInfiniteQuery(invitationsInfiniteQueryOptions(client, listQuery));
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  useDeliveryPolling(client, rows, pollDelivery);
  const freshCounts = list.data?.pages[0]?.counts ?? null;
  // Keep the last counts while another tab or search loads, so tab labels do not flicker.
  // Adjusted while rendering, not in an effect: the answer's render is the only one, with no
  // second pass over the whole table before the rows are painted.
  const [lastCounts, setLastCounts] = useState<InvitationCounts | null>(null);
  if (freshCounts && freshCounts !== lastCounts) setLastCounts(freshCounts);
  const counts = freshCounts ?? lastCounts;
  const total = freshCounts ? freshCounts[tab] : null;

  const state: InvitationsTableState = list.isPending
    ? "loading"
    : list.isError && rows.length === 0
      ? "error"
      : rows.length === 0
        ? "empty"
        : "ready";

  const { hasNextPage, isFetchingNextPage, fetchNextPage, isFetching } = list;
  const onRowsRendered = useCallback(
    (lastIndex: number) => {
      if (!hasNextPage || isFetchingNextPage || isFetching) return;
      if (lastIndex >= rows.length - 1 - prefetchThreshold) void fetchNextPage();
    },
    [hasNextPage, isFetchingNextPage, isFetching, fetchNextPage, rows.length, prefetchThreshold],
  );

  const revokeMutation = useRevokeInvitation();
  const resendMutation = useResendInvitation();
  const revokeKey = revokeInvitationMutationOptions(client).mutationKey;
  const resendKey = resendInvitationMutationOptions(client).mutationKey;
  const revoking = useMutationState({
    filters: { mutationKey: revokeKey, status: "pending" },
    select: (mutation) => mutation.state.variables as string,
  });
  const resending = useMutationState({
    filters: { mutationKey: resendKey, status: "pending" },
    select: (mutation) => (mutation.state.variables as ResendVariables).invitationId,
  });
  const busyIds = useMemo(() => new Set([...revoking, ...resending]), [revoking, resending]);

  const [links, setLinks] = useState<ReadonlyMap<string, string>>(() => new Map());
  const linkFor = useCallback((invitationId: string) => links.get(invitationId) ?? null, [links]);

  const { mutateAsync: revokeAsync } = revokeMutation;
  const { mutateAsync: resendAsync } = resendMutation;
  const revoke = useCallback(
    async (invitation: Invitation) => (await revokeAsync(invitation.id)).invitation,
    [revokeAsync],
  );
  const resend = useCallback(
    async (invitation: Invitation) => {
      const result = await resendAsync({
        invitationId: invitation.id,
        body: resendDelivery ? { delivery: resendDelivery } : {},
      });
      const { link } = result;
      if (link) setLinks((current) => new Map(current).set(invitation.id, link));
      return result.invitation;
    },
    [resendAsync, resendDelivery],
  );

  const { mutateAsync: copyLinkAsync } = useMutation(copyInvitationLinkMutationOptions(client));
  const copyLink = useCallback(
    async (invitation: Invitation) => {
      const { link } = await copyLinkAsync(invitation.id);
      setLinks((current) => new Map(current).set(invitation.id, link));
      return link;
    },
    [copyLinkAsync],
  );

  const isActionable = useCallback(
    (invitation: Invitation) => invitation.status === "pending" || invitation.status === "expired",
    [],
  );
  const selectedSet = useMemo(() => new Set(selection), [selection]);
  const selectedRows = useMemo(
    () => rows.filter((row) => selectedSet.has(row.id)),
    [rows, selectedSet],
  );
  const actionableRows = useMemo(() => rows.filter(isActionable), [rows, isActionable]);
  const selectedActionable = actionableRows.filter((row) => selectedSet.has(row.id)).length;
  const selectAllState =
    selectedActionable === 0
      ? "none"
      : selectedActionable === actionableRows.length
        ? "all"
        : "some";

  const toggleSelected = useCallback(
    (invitationId: string) =>
      setSelection((current) =>
        current.includes(invitationId)
          ? current.filter((id) => id !== invitationId)
          : [...current, invitationId],
      ),
    [setSelection],
  );
  const toggleSelectAll = useCallback(
    () => setSelection(selectAllState === "all" ? [] : actionableRows.map((row) => row.id)),
    [selectAllState, actionableRows, setSelection],
  );
  const clearSelection = useCallback(() => setSelection([]), [setSelection]);

  const runBulk = useCallback(
    async (task: (invitation: Invitation) => Promise<Invitation>): Promise<BulkActionResult> => {
      const targets = selectedRows.filter(isActionable);
      const settled = await runWithConcurrency(targets, bulkConcurrency, task);
      const result: BulkActionResult = { succeeded: [], failed: [] };
      for (const outcome of settled) {
        if (outcome.status === "fulfilled") result.succeeded.push(outcome.value);
        else result.failed.push({ invitation: outcome.item, error: outcome.reason });
      }
      // Failed rows stay selected so the admin can try them again.
      const failedIds = new Set(result.failed.map((failure) => failure.invitation.id));
      setSelection((current) => current.filter((id) => failedIds.has(id)));
      return result;
    },
    [selectedRows, isActionable, bulkConcurrency, setSelection],
  );

  return {
    tab,
    setTab,
    counts,
    search,
    setSearch,
    query,
    sort,
    toggleSort: (column) =>
      setSort(
        sort.column === column
          ? { column, direction: sort.direction === "asc" ? "desc" : "asc" }
          : { column, direction: column === "sentAt" ? "desc" : "asc" },
      ),
    ariaSort: (column) =>
      sort.column !== column ? "none" : sort.direction === "asc" ? "ascending" : "descending",
    state,
    rows,
    total,
    error: list.error,
    retry: () => void list.refetch(),
    hasNextPage,
    isFetchingNextPage,
    onRowsRendered,
    multiTenant: tenantId === undefined,
    isActionable,
    selection,
    selectedRows,
    isSelected: (invitationId) => selectedSet.has(invitationId),
    toggleSelected,
    selectAllState,
    toggleSelectAll,
    clearSelection,
    busyIds,
    linkFor,
    copyLink,
    resend,
    revoke,
    resendSelected: () => runBulk(resend),
    revokeSelected: () => runBulk(revoke),
  };
}
