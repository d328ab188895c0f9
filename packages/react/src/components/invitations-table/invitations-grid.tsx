"use client";
import type { Invitation } from "@foyer/core/rules";
import {
  type CSSProperties,
  type ReactNode,
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useVirtualizer } from "react-window";
import type { UseInvitationsTableResult } from "../../hooks/use-invitations-table.ts";
import { cx } from "../../internal/cx.ts";
import type { SlotClassNames } from "../../internal/slots.ts";
import { useOverflowsX } from "../../internal/use-overflows-x.ts";
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
 * The table's default height (`--foyer-table-height`, 560 px, less its 1 px borders): before
 * layout is known (server render, the first render, jsdom) the windowing assumes it is
 * filled, so that in the usual case its measurement finds the same rows and renders nothing
 * more before the first paint.
 */
const DEFAULT_VIEWPORT = 558;

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
  // The windowing takes elements, not refs: it observes them once they have mounted.
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const [body, setBody] = useState<HTMLTableSectionElement | null>(null);
  const scrollerCallback = useCallback((element: HTMLDivElement | null) => {
    scrollerRef.current = element;
    setScroller(element);
  }, []);
  const { rows } = table;
  // Rows share one height, set by the CSS (44 px, 28 px compact, taller cards in the stacked
  // layout of a narrow container): measured from a drawn row once rows are drawn and whenever
  // the scroller changes size. The first measurement matches the default in the usual case, so
  // it renders nothing. Measuring only on resize is not enough: a scroller of fixed height
  // does not resize when the first rows replace the skeleton, and a stale size makes the
  // spacers disagree with the cards, so the windowing chases its own scroll position.
  const [itemSize, setItemSize] = useState(rowHeight);
  const hasRows = table.state === "ready" && rows.length > 0;
  useLayoutEffect(() => {
    setItemSize(rowHeight);
    if (!scroller) return;
    const measure = () => {
      const row = scroller.querySelector<HTMLElement>("[data-slot='row']");
      if (row && row.offsetHeight > 0) setItemSize(row.offsetHeight);
    };
    if (hasRows) measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [scroller, rowHeight, hasRows]);
  // The rows scroll inside the scroller under a sticky header: `element` is the tbody, whose
  // offset in the scroller the virtualizer follows, so the header and caption are accounted.
  const { items, totalSize } = useVirtualizer({
    count: rows.length,
    element: body,
    scrollElement: scroller,
    itemSize,
    overscanCount: OVERSCAN,
    defaultSize: DEFAULT_VIEWPORT,
  });
  const first = items[0];
  const last = items.at(-1);
  const paddingTop = first?.offset ?? 0;
  const paddingBottom = last ? Math.max(0, totalSize - last.offset - last.size) : 0;
  const overflowsX = useOverflowsX(scrollerRef);
  const { onRowsRendered } = table;
  const lastRendered = last?.index ?? -1;
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

  let content: ReactNode = null;
  if (table.state === "loading") {
    content = Array.from({ length: SKELETON_ROWS }, (_, index) => (
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
    content = (
      <>
        {spacer(paddingTop, "before")}
        {items.map(({ index }) => {
          const invitation = rows[index];
          return invitation ? (
            <InvitationRow
              key={invitation.id}
              invitation={invitation}
              columns={columns}
              rowIndex={index + 2}
              selectable={table.isActionable(invitation)}
              selected={table.isSelected(invitation.id)}
              busy={table.busyIds.has(invitation.id)}
              onToggleSelected={table.toggleSelected}
              hasLink={table.linkFor(invitation.id) !== null}
              actionsFor={actionsFor}
              l10n={l10n}
              classNames={classNames}
            />
          ) : null;
        })}
        {spacer(paddingBottom, "after")}
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
      ref={scrollerCallback}
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
        <tbody ref={setBody}>{content}</tbody>
      </table>
    </div>
  );
}
