"use client";
import type { ReactNode } from "react";
import type {
  InvitationsSortColumn,
  UseInvitationsTableResult,
} from "../../hooks/use-invitations-table.ts";
import { cx } from "../../internal/cx.ts";
import type { SlotClassNames } from "../../internal/slots.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import type { ColumnId } from "./columns.ts";
import type { InvitationsTableSlot } from "./slots.ts";

/** Props of `TableHead`. Internal to InvitationsTable. */
export interface TableHeadProps {
  table: UseInvitationsTableResult;
  columns: readonly ColumnId[];
  l10n: UseLocalizationResult<"invitationsTable">;
  classNames: SlotClassNames<InvitationsTableSlot> | undefined;
}

const SORTABLE: Partial<Record<ColumnId, InvitationsSortColumn>> = {
  sent: "sentAt",
  expires: "expiresAt",
};

/**
 * The header row: select-all (aligned with the rows' checkboxes), column names, and the
 * sortable Sent and Expires headers with `aria-sort`. Internal to InvitationsTable.
 */
export function TableHead({ table, columns, l10n, classNames }: TableHeadProps) {
  const s = l10n.t.invitationsTable;
  const headerClass = cx("foyer-invitations__th", classNames?.headerCell);

  const content = (column: ColumnId): ReactNode => {
    switch (column) {
      case "select":
        return table.state === "ready" ? (
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
        );
      case "actions":
        return <span className="foyer-sr-only">{s.columns.actions}</span>;
      default: {
        const sortColumn = SORTABLE[column];
        if (!sortColumn) return s.columns[column];
        const sort = table.ariaSort(sortColumn);
        return (
          <button
            type="button"
            className="foyer-invitations__sort"
            onClick={() => table.toggleSort(sortColumn)}
          >
            {s.columns[column]}
            <span aria-hidden="true" className="foyer-invitations__sort-icon">
              {sort === "ascending" ? "↑" : sort === "descending" ? "↓" : "↕"}
            </span>
          </button>
        );
      }
    }
  };

  return (
    <thead>
      <tr aria-rowindex={1}>
        {columns.map((column) => {
          const sortColumn = SORTABLE[column];
          const sort = sortColumn ? table.ariaSort(sortColumn) : undefined;
          return (
            <th
              key={column}
              scope="col"
              aria-sort={sort}
              className={headerClass}
              data-slot="header-cell"
              data-column={column}
              data-state={sort}
            >
              {content(column)}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
