"use client";
import type { Invitation } from "@foyer/core";
import { type CSSProperties, memo } from "react";
import { cx } from "../../internal/cx.ts";
import type { SlotClassNames } from "../../internal/slots.ts";
import { Tooltip } from "../../internal/tooltip.tsx";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import { type RowAction, RowActionsMenu } from "./row-actions-menu.tsx";
import type { InvitationsTableSlot } from "./slots.ts";

/** Props of `InvitationRow`. Internal to InvitationsTable. */
export interface InvitationRowProps {
  invitation: Invitation;
  /** 1-based position among all rows, header row included (`aria-rowindex`). */
  rowIndex: number;
  showTenant: boolean;
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
  style?: CSSProperties;
}

const DAY = 86_400_000;

const DELIVERY_ICONS = { none: "↗", queued: "◷", sent: "✓", failed: "!" } as const;

/**
 * One invitation as a table row. Memoised: while the table scrolls, only the rows that come
 * into view render, not every row on screen. Every prop is a value or a stable callback.
 */
export const InvitationRow = memo(function InvitationRow({
  invitation,
  rowIndex,
  showTenant,
  selectable,
  selected,
  busy,
  onToggleSelected,
  actionsFor,
  l10n,
  classNames,
  style,
}: InvitationRowProps) {
  const { t, formatMessage, formatDate, formatRelative } = l10n;
  const actions = actionsFor(invitation);
  const s = t.invitationsTable;
  const cell = cx("foyer-invitations__cell", classNames?.cell);
  const inviter = invitation.invitedBy?.name ?? invitation.invitedBy?.email ?? t.common.none;

  return (
    <tr
      aria-rowindex={rowIndex}
      aria-selected={selectable ? selected : undefined}
      className={cx("foyer-invitations__row", classNames?.row)}
      data-slot="row"
      data-state={invitation.status}
      data-selected={selected || undefined}
      data-busy={busy || undefined}
      style={style}
    >
      <td className={cell} data-slot="cell" data-column="select">
        {selectable && (
          <input
            type="checkbox"
            className={cx("foyer-checkbox", classNames?.checkbox)}
            data-slot="checkbox"
            checked={selected}
            onChange={() => onToggleSelected(invitation.id)}
            aria-label={formatMessage(s.selectRow, { email: invitation.email })}
          />
        )}
      </td>
      <td className={cell} data-slot="cell" data-column="email">
        <span className="foyer-invitations__email" title={invitation.email}>
          {invitation.email}
        </span>
        {invitation.name && <span className="foyer-invitations__name">{invitation.name}</span>}
      </td>
      {showTenant && (
        <td className={cell} data-slot="cell" data-column="tenant">
          {invitation.tenantName}
        </td>
      )}
      <td className={cell} data-slot="cell" data-column="role">
        {invitation.role.name}
      </td>
      <td className={cell} data-slot="cell" data-column="invitedBy">
        {inviter}
      </td>
      <td className={cell} data-slot="cell" data-column="sent">
        <Tooltip content={formatDate(invitation.sentAt)}>
          <time dateTime={invitation.sentAt} suppressHydrationWarning>
            {formatRelative(invitation.sentAt)}
          </time>
        </Tooltip>
      </td>
      <td className={cell} data-slot="cell" data-column="expires">
        <ExpiryCell invitation={invitation} l10n={l10n} />
      </td>
      <td className={cell} data-slot="cell" data-column="status">
        <span
          className={cx("foyer-badge", classNames?.badge)}
          data-slot="badge"
          data-state={invitation.status}
        >
          {s.status[invitation.status]}
        </span>
      </td>
      <td className={cell} data-slot="cell" data-column="delivery">
        <DeliveryCell invitation={invitation} l10n={l10n} className={classNames?.delivery} />
      </td>
      <td className={cell} data-slot="cell" data-column="actions">
        {actions.length > 0 && (
          <RowActionsMenu
            label={formatMessage(s.rowActions, { email: invitation.email })}
            actions={actions}
            disabled={busy}
            triggerClassName={classNames?.rowActions}
            menuClassName={classNames?.menu}
            itemClassName={classNames?.menuItem}
          />
        )}
      </td>
    </tr>
  );
});

function ExpiryCell({
  invitation,
  l10n,
}: {
  invitation: Invitation;
  l10n: UseLocalizationResult<"invitationsTable">;
}) {
  const { t, formatMessage, formatDate, formatRelative } = l10n;
  const s = t.invitationsTable;
  const { status } = invitation;
  if (status === "pending") {
    const soon = new Date(invitation.expiresAt).getTime() - Date.now() < DAY;
    return (
      <Tooltip content={formatDate(invitation.expiresAt)} slot="expiry">
        <time
          dateTime={invitation.expiresAt}
          suppressHydrationWarning
          className="foyer-invitations__expiry"
          data-state={soon ? "soon" : "later"}
        >
          {formatRelative(invitation.expiresAt)}
        </time>
      </Tooltip>
    );
  }
  // History: expired, accepted or revoked (the type leaves no other status here).
  const at =
    status === "expired"
      ? invitation.expiresAt
      : ((status === "accepted" ? invitation.acceptedAt : invitation.revokedAt) ??
        invitation.expiresAt);
  const template =
    status === "expired" ? s.expiredAgo : status === "accepted" ? s.acceptedAgo : s.revokedAgo;
  const by = status === "revoked" ? invitation.revokedBy : null;
  return (
    <>
      <Tooltip content={formatDate(at)} slot="expiry">
        <time
          dateTime={at}
          suppressHydrationWarning
          className="foyer-invitations__expiry"
          data-state={status}
        >
          {formatMessage(template, { time: formatRelative(at) })}
        </time>
      </Tooltip>
      {by && (
        <span className="foyer-invitations__name">
          {formatMessage(s.revokedBy, { name: by.name ?? by.email })}
        </span>
      )}
    </>
  );
}

function DeliveryCell({
  invitation,
  l10n,
  className,
}: {
  invitation: Invitation;
  l10n: UseLocalizationResult<"invitationsTable">;
  className: string | undefined;
}) {
  const { t, formatMessage } = l10n;
  const { status, error } = invitation.delivery;
  const content = (
    <>
      <span aria-hidden="true" className="foyer-invitations__delivery-icon">
        {DELIVERY_ICONS[status]}
      </span>
      {t.invitationsTable.delivery[status]}
    </>
  );
  const classes = cx("foyer-invitations__delivery", className);
  if (status === "failed" && error) {
    return (
      <Tooltip
        content={formatMessage(t.invitationsTable.deliveryFailedReason, { reason: error })}
        className={classes}
        slot="delivery"
      >
        {content}
      </Tooltip>
    );
  }
  return (
    <span className={classes} data-slot="delivery" data-state={status}>
      {content}
    </span>
  );
}
