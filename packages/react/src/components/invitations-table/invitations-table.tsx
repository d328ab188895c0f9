"use client";
import type { Invitation } from "@foyer/core";
import { observeElementRect, useVirtualizer } from "@tanstack/react-virtual";
import {
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import {
  type BulkActionResult,
  type InvitationsSortColumn,
  type InvitationsTab,
  type UseInvitationsTableOptions,
  useInvitationsTable,
} from "../../hooks/use-invitations-table.ts";
import { Notices, useAnnouncer } from "../../internal/announcer.tsx";
import { cx } from "../../internal/cx.ts";
import type { StylingProps } from "../../internal/slots.ts";
import { useFoyerRootProps } from "../../internal/use-root-props.ts";
import { invitationsTableEn } from "../../localization/invitations-table.ts";
import type { DeepPartial, FoyerLocalization } from "../../localization/types.ts";
import { useLocalization } from "../../localization/use-localization.ts";
import { InvitationRow } from "./invitation-row.tsx";
import { RevokeDialog } from "./revoke-dialog.tsx";
import type { RowAction } from "./row-actions-menu.tsx";
import type { InvitationsTableSlot } from "./slots.ts";

/** Props of `InvitationsTable`: the options of `useInvitationsTable` plus presentation. */
export interface InvitationsTableProps
  extends UseInvitationsTableOptions,
    StylingProps<InvitationsTableSlot> {
  /** The host's buttons in the header, e.g. "Invite users" and "Invite link". */
  actions?: ReactNode;
  /** The host's buttons in the empty state, e.g. its "Invite users" button. */
  emptyActions?: ReactNode;
  /** Row height: 44 px comfortable, 28 px compact. @default "comfortable" */
  density?: "comfortable" | "compact";
  /** String overrides for this table; wins over the provider's. */
  localization?: DeepPartial<FoyerLocalization>;
  /** Show the tenant of each row. @default true when no `tenantId` is given */
  showTenant?: boolean;
  /** Called after an invitation was sent again. */
  onResent?: (invitation: Invitation) => void;
  /** Called after an invitation was revoked. */
  onRevoked?: (invitation: Invitation) => void;
}

type Confirmation = { kind: "one"; invitation: Invitation } | { kind: "many"; count: number };

const TABS: readonly InvitationsTab[] = ["pending", "history"];
const SKELETON_ROWS = 5;
const FALLBACK_ROWS = 12;

/**
 * The invitations list of R-INV-09 / R-UI-01: Pending and History tabs with counts, email
 * search, sortable Sent and Expires columns, virtual scrolling over cursor pages, row
 * actions (Resend, Copy link, Revoke with confirmation), selection with bulk actions, and
 * empty, loading and error states. Built only from `useInvitationsTable`.
 * @example
 * <InvitationsTable
 *   tenantId="acme"
 *   actions={<button onClick={openInvite}>Invite users</button>}
 * />
 */
export function InvitationsTable({
  actions,
  emptyActions,
  density = "comfortable",
  localization,
  showTenant,
  onResent,
  onRevoked,
  className,
  classNames,
  ...options
}: InvitationsTableProps) {
  const table = useInvitationsTable(options);
  const l10n = useLocalization({ invitationsTable: invitationsTableEn }, localization);
  const { t, formatMessage, errorMessage } = l10n;
  const s = t.invitationsTable;
  const announcer = useAnnouncer();
  const rootProps = useFoyerRootProps();
  const id = useId();
  const panelId = `${id}-panel`;
  const scrollerRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const returnFocusRef = useRef<HTMLElement | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [bulkRunning, setBulkRunning] = useState(false);
  // The dialog keeps its text while it fades out after `confirmation` is cleared.
  const shownConfirmation = useRef<Confirmation | null>(null);
  if (confirmation) shownConfirmation.current = confirmation;
  const shown = confirmation ?? shownConfirmation.current;
  const withTenant = showTenant ?? table.multiTenant;
  const columnCount = withTenant ? 10 : 9;
  const rowHeight = density === "compact" ? 28 : 44;

  const { rows } = table;
  const virtualizer = useVirtualizer({
    count: table.rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => rowHeight,
    // Rows drawn beyond the visible ones, each way: 220 px of slack for fast scrolling. Every
    // one of them is also work in the first render (10 were 20-30 ms slower there, paired runs).
    overscan: 5,
    // Stable while the rows are: a new function makes the virtualizer recompute the position
    // of every row (10,000 of them) on each render, scroll frames included.
    getItemKey: useCallback((index: number) => rows[index]?.id ?? index, [rows]),
    // Rows drawn before layout is known (server render, first paint), and when the area
    // reports no height (hidden, or an environment without layout such as jsdom).
    initialRect: { width: 0, height: rowHeight * FALLBACK_ROWS },
    observeElementRect: (instance, onChange) =>
      observeElementRect(instance, (rect) =>
        onChange(rect.height > 0 ? rect : { width: rect.width, height: rowHeight * FALLBACK_ROWS }),
      ),
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastRendered = virtualRows[virtualRows.length - 1]?.index ?? -1;
  const { onRowsRendered } = table;
  useEffect(() => {
    if (lastRendered >= 0) onRowsRendered(lastRendered);
  }, [lastRendered, onRowsRendered]);
  const paddingTop = virtualRows[0]?.start ?? 0;
  const paddingBottom = Math.max(
    0,
    virtualizer.getTotalSize() - (virtualRows[virtualRows.length - 1]?.end ?? 0),
  );

  const announceError = (template: string, invitation: Invitation, error: unknown) =>
    announcer.announce(
      formatMessage(template, { email: invitation.email, reason: errorMessage(error) }),
      { tone: "error" },
    );

  const resend = async (invitation: Invitation) => {
    try {
      const updated = await table.resend(invitation);
      announcer.announce(formatMessage(s.resent, { email: invitation.email }));
      onResent?.(updated);
    } catch (error) {
      announceError(s.resendFailed, invitation, error);
    }
  };

  const revoke = async (invitation: Invitation) => {
    try {
      const updated = await table.revoke(invitation);
      announcer.announce(formatMessage(s.revoked, { email: invitation.email }));
      onRevoked?.(updated);
    } catch (error) {
      announceError(s.revokeFailed, invitation, error);
    }
  };

  const copyLink = async (invitation: Invitation) => {
    const link = table.linkFor(invitation.id);
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      announcer.announce(formatMessage(s.linkCopied, { email: invitation.email }));
    } catch {
      announcer.announce(t.common.copyFailed, { tone: "error" });
    }
  };

  const reportBulk = (result: BulkActionResult, kind: "resend" | "revoke") => {
    const done = result.succeeded.length;
    if (done > 0) {
      announcer.announce(
        formatMessage(kind === "resend" ? s.bulkResent : s.bulkRevoked, { count: done }),
      );
      for (const invitation of result.succeeded) {
        (kind === "resend" ? onResent : onRevoked)?.(invitation);
      }
    }
    if (result.failed.length > 0) {
      announcer.announce(formatMessage(s.bulkFailed, { count: result.failed.length }), {
        tone: "error",
        details: result.failed.map(({ invitation, error }) =>
          formatMessage(s.bulkFailedRow, { email: invitation.email, reason: errorMessage(error) }),
        ),
      });
    }
  };

  const rowActions = (invitation: Invitation): RowAction[] => {
    if (!table.isActionable(invitation)) return [];
    const list: RowAction[] = [
      { key: "resend", label: s.resend, onSelect: () => void resend(invitation) },
    ];
    if (table.linkFor(invitation.id)) {
      list.push({ key: "copy", label: s.copyLink, onSelect: () => void copyLink(invitation) });
    }
    list.push({
      key: "revoke",
      label: s.revoke,
      danger: true,
      onSelect: (trigger) => {
        returnFocusRef.current = trigger;
        setConfirmation({ kind: "one", invitation });
      },
    });
    return list;
  };

  // The rows are memoised: they get one stable function that reads the latest `rowActions`.
  const latestRowActions = useRef(rowActions);
  latestRowActions.current = rowActions;
  const actionsFor = useCallback(
    (invitation: Invitation) => latestRowActions.current(invitation),
    [],
  );

  const confirmRevoke = () => {
    const current = confirmation;
    // The row changes under the revoke, so focus lands on the table rather than a button
    // that is about to disappear.
    returnFocusRef.current = tableRef.current;
    setConfirmation(null);
    if (!current) return;
    if (current.kind === "one") void revoke(current.invitation);
    else void runBulk("revoke");
  };

  const runBulk = async (kind: "resend" | "revoke") => {
    setBulkRunning(true);
    try {
      const result = await (kind === "resend" ? table.resendSelected() : table.revokeSelected());
      reportBulk(result, kind);
    } finally {
      setBulkRunning(false);
    }
  };

  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.indexOf(table.tab);
    // Arrows move with wrap-around; Home and End go to the first and the last tab.
    const steps: Partial<Record<string, number>> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      Home: -index,
      End: TABS.length - 1 - index,
    };
    const step = steps[event.key];
    const next = step === undefined ? undefined : TABS[(index + step + TABS.length) % TABS.length];
    if (!next) return;
    event.preventDefault();
    table.setTab(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };

  const tabLabel = (tab: InvitationsTab) => {
    const label = tab === "pending" ? s.tabPending : s.tabHistory;
    const count = table.counts?.[tab];
    return count === undefined ? label : formatMessage(s.tabWithCount, { label, count });
  };

  const sortHeader = (column: InvitationsSortColumn, label: string) => {
    const sort = table.ariaSort(column);
    return (
      <th
        scope="col"
        aria-sort={sort}
        className={cx("foyer-invitations__th", classNames?.headerCell)}
        data-slot="header-cell"
        data-column={column === "sentAt" ? "sent" : "expires"}
        data-state={sort}
      >
        <button
          type="button"
          className="foyer-invitations__sort"
          onClick={() => table.toggleSort(column)}
        >
          {label}
          <span aria-hidden="true" className="foyer-invitations__sort-icon">
            {sort === "ascending" ? "↑" : sort === "descending" ? "↓" : "↕"}
          </span>
        </button>
      </th>
    );
  };

  const th = (column: string, content: ReactNode) => (
    <th
      scope="col"
      className={cx("foyer-invitations__th", classNames?.headerCell)}
      data-slot="header-cell"
      data-column={column}
    >
      {content}
    </th>
  );

  const selectionCount = table.selection.length;
  const query = table.query;

  let body: ReactNode;
  switch (table.state) {
    case "loading":
      body = Array.from({ length: SKELETON_ROWS }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: skeleton rows have no identity
        <tr key={index} className="foyer-invitations__row" data-slot="skeleton">
          {Array.from({ length: columnCount }, (_, cell) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: skeleton cells have no identity
            <td key={cell} className="foyer-invitations__cell">
              <span className={cx("foyer-skeleton", classNames?.skeleton)} />
            </td>
          ))}
        </tr>
      ));
      break;
    case "ready":
      body = (
        <>
          {paddingTop > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row holds no focus
            <tr aria-hidden="true" data-slot="spacer">
              <td colSpan={columnCount} style={{ height: paddingTop, padding: 0, border: 0 }} />
            </tr>
          )}
          {virtualRows.map((virtualRow) => {
            const invitation = table.rows[virtualRow.index];
            if (!invitation) return null;
            return (
              <InvitationRow
                key={invitation.id}
                invitation={invitation}
                rowIndex={virtualRow.index + 2}
                showTenant={withTenant}
                selectable={table.isActionable(invitation)}
                selected={table.isSelected(invitation.id)}
                busy={table.busyIds.has(invitation.id)}
                onToggleSelected={table.toggleSelected}
                hasLink={table.linkFor(invitation.id) !== null}
                actionsFor={actionsFor}
                l10n={l10n}
                classNames={classNames}
              />
            );
          })}
          {paddingBottom > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row holds no focus
            <tr aria-hidden="true" data-slot="spacer">
              <td colSpan={columnCount} style={{ height: paddingBottom, padding: 0, border: 0 }} />
            </tr>
          )}
          {table.isFetchingNextPage && (
            <tr data-slot="loading-more">
              <td colSpan={columnCount} className="foyer-invitations__cell">
                {s.loadingMore}
              </td>
            </tr>
          )}
        </>
      );
      break;
    default:
      // "error" and "empty": the panel shows their message in place of the table.
      body = null;
  }

  const emptyTitle = query
    ? formatMessage(s.emptySearchTitle, { query })
    : table.tab === "pending"
      ? s.emptyPendingTitle
      : s.emptyHistoryTitle;
  const emptyHelp = query
    ? s.emptySearchHelp
    : table.tab === "pending"
      ? s.emptyPendingHelp
      : s.emptyHistoryHelp;

  return (
    <div
      {...rootProps}
      className={cx("foyer-root foyer-invitations", className, classNames?.root)}
      data-slot="root"
      data-state={table.state}
      data-density={density}
      data-tab={table.tab}
    >
      <div className={cx("foyer-invitations__header", classNames?.header)} data-slot="header">
        <div
          role="tablist"
          aria-label={s.tabsLabel}
          className={cx("foyer-invitations__tabs", classNames?.tabs)}
          data-slot="tabs"
        >
          {TABS.map((tab) => {
            const selected = table.tab === tab;
            return (
              <button
                key={tab}
                id={`${id}-tab-${tab}`}
                type="button"
                role="tab"
                aria-selected={selected}
                aria-controls={panelId}
                tabIndex={selected ? 0 : -1}
                className={cx("foyer-invitations__tab", classNames?.tab)}
                data-slot="tab"
                data-state={selected ? "active" : "inactive"}
                onClick={() => table.setTab(tab)}
                onKeyDown={onTabKeyDown}
              >
                {tabLabel(tab)}
              </button>
            );
          })}
        </div>
        <label className={cx("foyer-invitations__search", classNames?.search)} data-slot="search">
          <span className="foyer-sr-only">{s.searchLabel}</span>
          <input
            type="search"
            className="foyer-input"
            placeholder={s.searchPlaceholder}
            value={table.search}
            onChange={(event) => table.setSearch(event.target.value)}
          />
        </label>
        {actions && (
          <div
            className={cx("foyer-invitations__actions", classNames?.actions)}
            data-slot="actions"
          >
            {actions}
          </div>
        )}
      </div>

      <Notices
        announcer={announcer}
        label={t.common.notices}
        dismissLabel={t.common.dismiss}
        className={classNames?.notices}
      />

      {selectionCount > 0 && (
        // biome-ignore lint/a11y/useSemanticElements: a fieldset would imply a form
        <div
          role="group"
          aria-label={s.selectionLabel}
          className={cx("foyer-invitations__selection", classNames?.selectionBar)}
          data-slot="selection-bar"
          data-state={bulkRunning ? "busy" : "idle"}
        >
          <span>{formatMessage(s.selectedCount, { count: selectionCount })}</span>
          <button
            type="button"
            className="foyer-button foyer-button--small"
            disabled={bulkRunning}
            onClick={() => void runBulk("resend")}
          >
            {s.resend}
          </button>
          <button
            type="button"
            className="foyer-button foyer-button--small"
            data-state="danger"
            disabled={bulkRunning}
            onClick={(event) => {
              returnFocusRef.current = event.currentTarget;
              setConfirmation({ kind: "many", count: table.selectedRows.length });
            }}
          >
            {s.revoke}
          </button>
          <button
            type="button"
            className="foyer-button foyer-button--small foyer-button--ghost"
            onClick={table.clearSelection}
          >
            {s.clearSelection}
          </button>
        </div>
      )}

      <div
        id={panelId}
        role="tabpanel"
        aria-labelledby={`${id}-tab-${table.tab}`}
        className="foyer-invitations__panel"
      >
        {table.state === "error" ? (
          <div
            role="alert"
            className={cx("foyer-invitations__state", classNames?.error)}
            data-slot="error"
          >
            <p className="foyer-invitations__state-title">{s.errorTitle}</p>
            <p>{errorMessage(table.error)}</p>
            <button type="button" className="foyer-button" onClick={table.retry}>
              {t.common.retry}
            </button>
          </div>
        ) : table.state === "empty" ? (
          <div className={cx("foyer-invitations__state", classNames?.empty)} data-slot="empty">
            <p className="foyer-invitations__state-title">{emptyTitle}</p>
            <p>{emptyHelp}</p>
            {emptyActions && !query && (
              <div className="foyer-invitations__actions">{emptyActions}</div>
            )}
          </div>
        ) : (
          <div
            ref={scrollerRef}
            className={cx("foyer-invitations__scroller", classNames?.scroller)}
            data-slot="scroller"
          >
            <table
              ref={tableRef}
              tabIndex={-1}
              aria-rowcount={table.total === null ? -1 : table.total + 1}
              aria-busy={table.state === "loading" || table.isFetchingNextPage}
              className={cx("foyer-invitations__table", classNames?.table)}
              data-slot="table"
            >
              <caption className={cx("foyer-sr-only", classNames?.caption)} data-slot="caption">
                {table.tab === "pending" ? s.captionPending : s.captionHistory}
                {table.state === "loading" ? ` · ${s.loadingRows}` : ""}
              </caption>
              <thead>
                <tr aria-rowindex={1}>
                  {th(
                    "select",
                    table.state === "ready" ? (
                      <input
                        type="checkbox"
                        className={cx("foyer-checkbox", classNames?.checkbox)}
                        aria-label={s.selectAll}
                        checked={table.selectAllState === "all"}
                        ref={(element) => {
                          if (element) element.indeterminate = table.selectAllState === "some";
                        }}
                        onChange={table.toggleSelectAll}
                      />
                    ) : (
                      <span className="foyer-sr-only">{s.columns.select}</span>
                    ),
                  )}
                  {th("email", s.columns.email)}
                  {withTenant && th("tenant", s.columns.tenant)}
                  {th("role", s.columns.role)}
                  {th("invitedBy", s.columns.invitedBy)}
                  {sortHeader("sentAt", s.columns.sent)}
                  {sortHeader("expiresAt", s.columns.expires)}
                  {th("status", s.columns.status)}
                  {th("delivery", s.columns.delivery)}
                  {th("actions", <span className="foyer-sr-only">{s.columns.actions}</span>)}
                </tr>
              </thead>
              <tbody>{body}</tbody>
            </table>
          </div>
        )}
      </div>

      <RevokeDialog
        open={confirmation !== null}
        title={
          shown?.kind === "many"
            ? formatMessage(s.revokeManyTitle, { count: shown.count })
            : formatMessage(s.revokeTitle, {
                email: shown?.kind === "one" ? shown.invitation.email : "",
              })
        }
        description={shown?.kind === "many" ? s.revokeManyDescription : s.revokeDescription}
        cancelLabel={t.common.cancel}
        confirmLabel={s.revokeConfirm}
        onConfirm={confirmRevoke}
        onOpenChange={(open) => {
          if (!open) setConfirmation(null);
        }}
        returnFocusTo={() => returnFocusRef.current}
        className={classNames?.dialog}
      />
    </div>
  );
}
