"use client";
import type { Invitation } from "@foyer/core/rules";
import { type ReactNode, useId, useMemo, useRef, useState } from "react";
import {
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
import { columnsFor } from "./columns.ts";
import { InvitationsGrid } from "./invitations-grid.tsx";
import { RevokeDialog } from "./revoke-dialog.tsx";
import { SelectionBar } from "./selection-bar.tsx";
import type { InvitationsTableSlot } from "./slots.ts";
import { tabId } from "./status-tabs.tsx";
import { TableMessage } from "./table-message.tsx";
import { TableToolbar } from "./table-toolbar.tsx";
import { useRowActions } from "./use-row-actions.ts";

/** Props of `InvitationsTable`: the options of `useInvitationsTable` plus presentation. */
export interface InvitationsTableProps
  extends UseInvitationsTableOptions,
    StylingProps<InvitationsTableSlot> {
  /** The host's buttons in the header, e.g. "Invite users" and "Invite link". */
  actions?: ReactNode | undefined;
  /**
   * The host's buttons in the empty state, e.g. its "Invite users" button. While the empty
   * state shows them, the header's `actions` are hidden, so a button never shows twice.
   */
  emptyActions?: ReactNode | undefined;
  /** Row height: 44 px comfortable, 28 px compact. @default "comfortable" */
  density?: "comfortable" | "compact" | undefined;
  /** String overrides for this table; wins over the provider's. */
  localization?: DeepPartial<FoyerLocalization> | undefined;
  /** Show the tenant of each row. @default true when no `tenantId` is given */
  showTenant?: boolean | undefined;
  /** Called after an invitation was sent again. */
  onResent?: ((invitation: Invitation) => void) | undefined;
  /** Called after an invitation was revoked. */
  onRevoked?: ((invitation: Invitation) => void) | undefined;
}

/**
 * The invitations list of R-INV-09 / R-UI-01: Pending and History tabs with counts, email
 * search, sortable Sent and Expires columns, windowed rows over cursor pages, row actions
 * (Resend, Copy link, Revoke with confirmation), selection with bulk actions, delivery status
 * that refreshes while emails are queued, and empty, loading and error states. Columns size
 * to their content with Email never below a readable width; in a narrow container (below
 * 640 px of its own width, whatever the window) rows become cards. Built only from
 * `useInvitationsTable`.
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
  const announcer = useAnnouncer();
  const rootProps = useFoyerRootProps();
  const id = useId();
  const panelId = `${id}-panel`;
  const tableRef = useRef<HTMLTableElement>(null);
  const withTenant = showTenant ?? table.multiTenant;
  const columns = useMemo(() => columnsFor(table.tab, withTenant), [table.tab, withTenant]);
  const row = useRowActions({
    table,
    announcer,
    l10n,
    onResent,
    onRevoked,
    focusAfterRevoke: () => tableRef.current,
  });
  // The confirmation mounts with the first revoke and then stays (its fade-out needs it); a
  // table nobody revokes from never runs the dialog's code.
  const [dialogUsed, setDialogUsed] = useState(false);
  if (row.confirmation !== null && !dialogUsed) setDialogUsed(true);
  // An empty tab shows the host's buttons in its message; the header then leaves them out.
  const emptyWithActions = table.state === "empty" && !table.query && Boolean(emptyActions);

  return (
    <div
      {...rootProps}
      className={cx("foyer-root foyer-invitations", className, classNames?.root)}
      data-slot="root"
      data-state={table.state}
      data-density={density}
      data-tab={table.tab}
    >
      <TableToolbar
        table={table}
        idPrefix={id}
        panelId={panelId}
        actions={emptyWithActions ? null : actions}
        l10n={l10n}
        classNames={classNames}
      />
      <div
        id={panelId}
        role="tabpanel"
        aria-labelledby={tabId(id, table.tab)}
        className="foyer-invitations__panel"
      >
        {table.state === "error" || table.state === "empty" ? (
          <TableMessage
            table={table}
            emptyActions={emptyActions}
            l10n={l10n}
            classNames={classNames}
          />
        ) : (
          <InvitationsGrid
            table={table}
            columns={columns}
            withTenant={withTenant}
            rowHeight={density === "compact" ? 28 : 44}
            actionsFor={row.actionsFor}
            tableRef={tableRef}
            l10n={l10n}
            classNames={classNames}
          />
        )}
        {table.selection.length > 0 && (
          <SelectionBar
            table={table}
            busy={row.bulkRunning}
            onResend={row.resendSelected}
            onRevoke={row.askRevokeSelected}
            l10n={l10n}
            className={classNames?.selectionBar}
          />
        )}
      </div>
      <Notices
        announcer={announcer}
        label={l10n.t.common.notices}
        dismissLabel={l10n.t.common.dismiss}
        className={classNames?.notices}
      />
      {dialogUsed && (
        <RevokeDialog
          open={row.confirmation !== null}
          confirmation={row.shownConfirmation}
          onConfirm={row.confirmRevoke}
          onCancel={row.cancelConfirmation}
          returnFocusTo={row.returnFocusTo}
          l10n={l10n}
          className={classNames?.dialog}
        />
      )}
    </div>
  );
}
