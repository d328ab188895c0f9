"use client";
import type { Invitation } from "@foyer/core/rules";
import {
  type CSSProperties,
  type ReactNode,
  type RefObject,
  useEffect,
  useMemo,
  useRef,
} from "react";
import type { UseInvitationsTableResult } from "../../hooks/use-invitations-table.ts";
import { cx } from "../../internal/cx.ts";
import type { SlotClassNames } from "../../internal/slots.ts";
import { useOverflowsX } from "../../internal/use-overflows-x.ts";
import { useWindowedRows } from "../../internal/use-windowed-rows.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import { type ColumnId, columnWidths } from "./columns.ts";
import { InvitationRow } from "./invitation-row.tsx";
import type { RowAction } from "./row-actions-menu.tsx";
import type { InvitationsTableSlot } from "./slots.ts";
import { TableHead } from "./table-head.tsx";

/** Props of `InvitationsGrid`. Internal to InvitationsTable. */
export interface InvitationsGridProps {
  table: UseInvitationsTableResult;
  columns: readonly ColumnId[];
  withTenant: boolean;
  /** Row height before layout is known: 44 comfortable, 28 compact. */
  rowHeight: number;
  actionsFor: (invitation: Invitation) => RowAction[];
  tableRef: RefObject<HTMLTableElement | null>;
  l10n: UseLocalizationResult<"invitationsTable">;
  classNames: SlotClassNames<InvitationsTableSlot> | undefined;
}

const SKELETON_ROWS = 5;
/** Rows drawn beyond the visible ones, each way: every one is also work in the first render. */
const OVERSCAN = 5;
/**
 * The table's default height (`--foyer-table-height`, 560 px): before layout is known (server
 * render, the first render, jsdom) the windowing assumes it is filled, so that in the usual
 * case its measurement finds the same rows and renders nothing more before the first paint.
 */
const DEFAULT_TABLE_HEIGHT = 560;

/**
 * The scrolling table: header, the rows in view (windowed over every loaded page, the next
 * page fetched as the reader nears the end), skeleton rows while the first page loads.
 * Columns size to their content, Email taking the rest; in a narrow container (a CSS
 * container query, so it follows the space the host gives) each row becomes a card with the
 * same data and actions. Internal to InvitationsTable.
 */
export function InvitationsGrid({
  table,
  columns,
  withTenant,
  rowHeight,
  actionsFor,
  tableRef,
  l10n,
  classNames,
}: InvitationsGridProps) {
  const s = l10n.t.invitationsTable;
  const scrollerRef = useRef<HTMLDivElement>(null);
  const { rows } = table;
  const window = useWindowedRows({
    count: rows.length,
    scrollRef: scrollerRef,
    defaultRowHeight: rowHeight,
    overscan: OVERSCAN,
    fallbackRows: Math.ceil(DEFAULT_TABLE_HEIGHT / rowHeight),
  });
  const overflowsX = useOverflowsX(scrollerRef);
  const { onRowsRendered } = table;
  const lastRendered = window.end - 1;
  useEffect(() => {
    if (lastRendered >= 0) onRowsRendered(lastRendered);
  }, [lastRendered, onRowsRendered]);

  const sampleKey = rows.length > 0 ? rows[0] : null;
  const sampleSize = Math.min(rows.length, 50);
  // biome-ignore lint/correctness/useExhaustiveDependencies: widths follow the first page (its first row and size), not every later page, so columns stay put while scrolling.
  const widths = useMemo(
    () => columnWidths(rows, withTenant, l10n),
    [sampleKey, sampleSize, withTenant, l10n],
  );

  let body: ReactNode = null;
  if (table.state === "loading") {
    body = Array.from({ length: SKELETON_ROWS }, (_, index) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: skeleton rows have no identity
      <tr key={index} className="foyer-invitations__row" data-slot="skeleton">
        {columns.map((column) => (
          <td key={column} className="foyer-invitations__cell" data-column={column}>
            <span className={cx("foyer-skeleton", classNames?.skeleton)} />
          </td>
        ))}
      </tr>
    ));
  } else if (table.state === "ready") {
    const spacer = (height: number, key: string) =>
      height > 0 ? (
        // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row holds no focus
        <tr key={key} aria-hidden="true" data-slot="spacer">
          <td colSpan={columns.length} style={{ height, padding: 0, border: 0 }} />
        </tr>
      ) : null;
    body = (
      <>
        {spacer(window.paddingTop, "before")}
        {rows.slice(window.start, window.end).map((invitation, offset) => (
          <InvitationRow
            key={invitation.id}
            invitation={invitation}
            columns={columns}
            rowIndex={window.start + offset + 2}
            selectable={table.isActionable(invitation)}
            selected={table.isSelected(invitation.id)}
            busy={table.busyIds.has(invitation.id)}
            onToggleSelected={table.toggleSelected}
            hasLink={table.linkFor(invitation.id) !== null}
            actionsFor={actionsFor}
            l10n={l10n}
            classNames={classNames}
          />
        ))}
        {spacer(window.paddingBottom, "after")}
        {table.isFetchingNextPage && (
          <tr data-slot="loading-more">
            <td colSpan={columns.length} className="foyer-invitations__cell">
              {s.loadingMore}
            </td>
          </tr>
        )}
      </>
    );
  }

  return (
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
        data-tenant={withTenant || undefined}
        data-overflow={overflowsX || undefined}
        style={widths as CSSProperties}
      >
        <caption className={cx("foyer-sr-only", classNames?.caption)} data-slot="caption">
          {table.tab === "pending" ? s.captionPending : s.captionHistory}
          {table.state === "loading" ? ` · ${s.loadingRows}` : ""}
        </caption>
        <colgroup>
          {columns.map((column) => (
            <col key={column} data-column={column} />
          ))}
        </colgroup>
        <TableHead table={table} columns={columns} l10n={l10n} classNames={classNames} />
        <tbody>{body}</tbody>
      </table>
    </div>
  );
}
