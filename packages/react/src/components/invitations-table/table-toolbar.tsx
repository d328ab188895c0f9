"use client";
import type { ReactNode } from "react";
import type { UseInvitationsTableResult } from "../../hooks/use-invitations-table.ts";
import { cx } from "../../internal/cx.ts";
import type { SlotClassNames } from "../../internal/slots.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import type { InvitationsTableSlot } from "./slots.ts";
import { StatusTabs } from "./status-tabs.tsx";

/** Props of `TableToolbar`. Internal to InvitationsTable. */
export interface TableToolbarProps {
  table: UseInvitationsTableResult;
  idPrefix: string;
  panelId: string;
  /** The host's buttons, or null while the empty state shows them instead. */
  actions: ReactNode;
  l10n: UseLocalizationResult<"invitationsTable">;
  classNames: SlotClassNames<InvitationsTableSlot> | undefined;
}

/**
 * The header: the Pending / History tabs, "Search by email" and the host's buttons; it wraps
 * onto more lines in a narrow container. Internal to InvitationsTable.
 */
export function TableToolbar({
  table,
  idPrefix,
  panelId,
  actions,
  l10n,
  classNames,
}: TableToolbarProps) {
  const s = l10n.t.invitationsTable;
  return (
    <div className={cx("foyer-invitations__header", classNames?.header)} data-slot="header">
      <StatusTabs
        table={table}
        idPrefix={idPrefix}
        panelId={panelId}
        l10n={l10n}
        classNames={classNames}
      />
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
        <div className={cx("foyer-invitations__actions", classNames?.actions)} data-slot="actions">
          {actions}
        </div>
      )}
    </div>
  );
}
