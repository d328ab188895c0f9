"use client";
import type { ReactNode } from "react";
import type { UseInvitationsTableResult } from "../../hooks/use-invitations-table.ts";
import { cx } from "../../internal/cx.ts";
import type { SlotClassNames } from "../../internal/slots.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import type { InvitationsTableSlot } from "./slots.ts";

/** Props of `TableMessage`. Internal to InvitationsTable. */
export interface TableMessageProps {
  table: UseInvitationsTableResult;
  /** The host's buttons for the empty state (not shown for an empty search). */
  emptyActions: ReactNode;
  l10n: UseLocalizationResult<"invitationsTable">;
  classNames: SlotClassNames<InvitationsTableSlot> | undefined;
}

/**
 * What the panel shows instead of rows: the error with Retry, or the empty state of the tab
 * or the search, with a line of help and the host's buttons. Internal to InvitationsTable.
 */
export function TableMessage({ table, emptyActions, l10n, classNames }: TableMessageProps) {
  const { t, formatMessage, errorMessage } = l10n;
  const s = t.invitationsTable;
  if (table.state === "error") {
    return (
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
    );
  }
  const { query, tab } = table;
  const title = query
    ? formatMessage(s.emptySearchTitle, { query })
    : tab === "pending"
      ? s.emptyPendingTitle
      : s.emptyHistoryTitle;
  const help = query
    ? s.emptySearchHelp
    : tab === "pending"
      ? s.emptyPendingHelp
      : s.emptyHistoryHelp;
  return (
    <div className={cx("foyer-invitations__state", classNames?.empty)} data-slot="empty">
      <p className="foyer-invitations__state-title">{title}</p>
      <p>{help}</p>
      {emptyActions && !query && <div className="foyer-invitations__actions">{emptyActions}</div>}
    </div>
  );
}
