"use client";
import type { UseInvitationsTableResult } from "../../hooks/use-invitations-table.ts";
import { cx } from "../../internal/cx.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";

/** Props of `SelectionBar`. Internal to InvitationsTable. */
export interface SelectionBarProps {
  table: UseInvitationsTableResult;
  /** A bulk action is running: its buttons wait. */
  busy: boolean;
  onResend: () => void;
  /** Asks to revoke the selection; gets the button, where focus returns after the dialog. */
  onRevoke: (trigger: HTMLButtonElement) => void;
  l10n: UseLocalizationResult<"invitationsTable">;
  className: string | undefined;
}

/**
 * "3 selected · Resend · Revoke · Clear": floats over the bottom of the table while rows are
 * selected, so nothing moves when it comes or goes. Internal to InvitationsTable.
 */
export function SelectionBar({
  table,
  busy,
  onResend,
  onRevoke,
  l10n,
  className,
}: SelectionBarProps) {
  const s = l10n.t.invitationsTable;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would imply a form
    <div
      role="group"
      aria-label={s.selectionLabel}
      className={cx("foyer-invitations__selection", className)}
      data-slot="selection-bar"
      data-state={busy ? "busy" : "idle"}
    >
      <span className="foyer-invitations__selection-count">
        {l10n.formatMessage(s.selectedCount, { count: table.selection.length })}
      </span>
      <button
        type="button"
        className="foyer-button foyer-button--small"
        disabled={busy}
        onClick={onResend}
      >
        {s.resend}
      </button>
      <button
        type="button"
        className="foyer-button foyer-button--small"
        data-state="danger"
        disabled={busy}
        onClick={(event) => onRevoke(event.currentTarget)}
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
  );
}
