"use client";
import type { Invitation } from "@foyer/core/rules";
import { memo, type ReactNode } from "react";
import { cx } from "../../internal/cx.ts";
import type { SlotClassNames } from "../../internal/slots.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import type { ColumnId } from "./columns.ts";
import { DeliveryCell } from "./delivery-cell.tsx";
import { type RowAction, RowActionsMenu } from "./row-actions-menu.tsx";
import type { InvitationsTableSlot } from "./slots.ts";
import { RelativeTime } from "./time-cell.tsx";

/** Props of `InvitationRow`. Internal to InvitationsTable. */
export interface InvitationRowProps {
  invitation: Invitation;
  /** The columns to draw, in order (see `columnsFor`). */
  columns: readonly ColumnId[];
  /** 1-based position among all rows, header row included (`aria-rowindex`). */
  rowIndex: number;
  selectable: boolean;
  selected: boolean;
  busy: boolean;
  /** Stable across renders (the row is memoised): called with the row's invitation id. */
  onToggleSelected: (invitationId: string) => void;
  /** Whether a fresh invite link is known for the row (adds "Copy link" to its actions). */
  hasLink: boolean;
  /** Stable across renders: the actions of one row, read when the row renders. */
  actionsFor: (invitation: Invitation) => RowAction[];
  l10n: UseLocalizationResult<"invitationsTable">;
  classNames: SlotClassNames<InvitationsTableSlot> | undefined;
}

const DAY = 86_400_000;

/** When a closed invitation was closed: accepted, revoked, or its expiry. */
function closedAt(invitation: Invitation): string {
  if (invitation.status === "accepted") return invitation.acceptedAt ?? invitation.expiresAt;
  if (invitation.status === "revoked") return invitation.revokedAt ?? invitation.expiresAt;
  return invitation.expiresAt;
}

/**
 * One invitation as a table row; in a narrow container CSS lays the same cells out as a
 * card (each time cell then shows its column name, from `data-label`). Memoised: while the
 * table scrolls, only rows that come into view render. Internal to InvitationsTable.
 */
export const InvitationRow = memo(function InvitationRow({
  invitation,
  columns,
  rowIndex,
  selectable,
  selected,
  busy,
  onToggleSelected,
  actionsFor,
  l10n,
  classNames,
}: InvitationRowProps) {
  const { t, formatMessage } = l10n;
  const s = t.invitationsTable;
  const cellClass = cx("foyer-invitations__cell", classNames?.cell);

  const content = (column: ColumnId): ReactNode => {
    switch (column) {
      case "select":
        return selectable ? (
          <input
            type="checkbox"
            className={cx("foyer-checkbox", classNames?.checkbox)}
            data-slot="checkbox"
            checked={selected}
            onChange={() => onToggleSelected(invitation.id)}
            aria-label={formatMessage(s.selectRow, { email: invitation.email })}
          />
        ) : null;
      case "email":
        return (
          <>
            <span className="foyer-invitations__email" title={invitation.email}>
              {invitation.email}
            </span>
            {invitation.name && <span className="foyer-invitations__name">{invitation.name}</span>}
          </>
        );
      case "tenant":
        return invitation.tenantName;
      case "role":
        return invitation.role.name;
      case "invitedBy":
        return invitation.invitedBy?.name ?? invitation.invitedBy?.email ?? t.common.none;
      case "sent":
        return <RelativeTime at={invitation.sentAt} l10n={l10n} />;
      case "expires": {
        const soon =
          invitation.status === "pending" &&
          new Date(invitation.expiresAt).getTime() - Date.now() < DAY;
        return (
          <RelativeTime
            at={invitation.expiresAt}
            l10n={l10n}
            state={soon ? "soon" : "later"}
            slot="expiry"
          />
        );
      }
      case "closed": {
        const by = invitation.status === "revoked" ? invitation.revokedBy : null;
        return (
          <>
            <RelativeTime at={closedAt(invitation)} l10n={l10n} state={invitation.status} />
            {by && (
              <span className="foyer-invitations__name">
                {formatMessage(s.revokedBy, { name: by.name ?? by.email })}
              </span>
            )}
          </>
        );
      }
      case "status":
        return (
          <span
            className={cx("foyer-badge", classNames?.badge)}
            data-slot="badge"
            data-state={invitation.status}
          >
            {s.status[invitation.status]}
          </span>
        );
      case "delivery":
        return (
          <DeliveryCell invitation={invitation} l10n={l10n} className={classNames?.delivery} />
        );
      case "actions": {
        const actions = actionsFor(invitation);
        return actions.length > 0 ? (
          <RowActionsMenu
            label={formatMessage(s.rowActions, { email: invitation.email })}
            actions={actions}
            disabled={busy}
            triggerClassName={classNames?.rowActions}
            menuClassName={classNames?.menu}
            itemClassName={classNames?.menuItem}
          />
        ) : null;
      }
      default: {
        const exhaustive: never = column;
        return exhaustive;
      }
    }
  };

  return (
    <tr
      aria-rowindex={rowIndex}
      aria-selected={selectable ? selected : undefined}
      className={cx("foyer-invitations__row", classNames?.row)}
      data-slot="row"
      data-state={invitation.status}
      data-selected={selected || undefined}
      data-busy={busy || undefined}
    >
      {columns.map((column) => (
        <td
          key={column}
          className={cellClass}
          data-slot="cell"
          data-column={column}
          data-label={LABELLED.has(column) ? s.columns[column as LabelledColumn] : undefined}
        >
          {content(column)}
        </td>
      ))}
    </tr>
  );
});

type LabelledColumn = "invitedBy" | "sent" | "expires" | "closed";
/** Cells that show their column name in the stacked (card) layout. */
const LABELLED: ReadonlySet<ColumnId> = new Set<LabelledColumn>([
  "invitedBy",
  "sent",
  "expires",
  "closed",
]);
