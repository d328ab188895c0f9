"use client";
import type { KeyboardEvent } from "react";
import type {
  InvitationsTab,
  UseInvitationsTableResult,
} from "../../hooks/use-invitations-table.ts";
import { cx } from "../../internal/cx.ts";
import type { SlotClassNames } from "../../internal/slots.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import type { InvitationsTableSlot } from "./slots.ts";

/** The tabs, in order. */
export const TABS: readonly InvitationsTab[] = ["pending", "history"];

/** Props of `StatusTabs`. Internal to InvitationsTable. */
export interface StatusTabsProps {
  table: UseInvitationsTableResult;
  /** Prefix of the tab and panel ids. */
  idPrefix: string;
  panelId: string;
  l10n: UseLocalizationResult<"invitationsTable">;
  classNames: SlotClassNames<InvitationsTableSlot> | undefined;
}

/** The id of a tab's button. */
export const tabId = (idPrefix: string, tab: InvitationsTab) => `${idPrefix}-tab-${tab}`;

/**
 * "Pending (12)" and "History" as an ARIA tab list: arrows move with wrap-around, Home and
 * End go to the ends, and only the active tab is in the Tab order. Internal to InvitationsTable.
 */
export function StatusTabs({ table, idPrefix, panelId, l10n, classNames }: StatusTabsProps) {
  const s = l10n.t.invitationsTable;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.indexOf(table.tab);
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
    document.getElementById(tabId(idPrefix, next))?.focus();
  };

  const label = (tab: InvitationsTab) => {
    const text = tab === "pending" ? s.tabPending : s.tabHistory;
    const count = table.counts?.[tab];
    return count === undefined ? text : l10n.formatMessage(s.tabWithCount, { label: text, count });
  };

  return (
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
            id={tabId(idPrefix, tab)}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            className={cx("foyer-invitations__tab", classNames?.tab)}
            data-slot="tab"
            data-state={selected ? "active" : "inactive"}
            onClick={() => table.setTab(tab)}
            onKeyDown={onKeyDown}
          >
            {label(tab)}
          </button>
        );
      })}
    </div>
  );
}
