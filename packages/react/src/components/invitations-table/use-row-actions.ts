"use client";
import type { Invitation } from "@foyer/core/rules";
import { useCallback, useRef, useState } from "react";
import type {
  BulkActionResult,
  UseInvitationsTableResult,
} from "../../hooks/use-invitations-table.ts";
import type { Announcer } from "../../internal/announcer.tsx";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import type { RowAction } from "./row-actions-menu.tsx";

/** What the revoke confirmation is about: one row, or the selection. */
export type Confirmation =
  | { kind: "one"; invitation: Invitation }
  | { kind: "many"; count: number };

/** Options of `useRowActions`. Internal to InvitationsTable. */
export interface UseRowActionsOptions {
  table: UseInvitationsTableResult;
  announcer: Announcer;
  l10n: UseLocalizationResult<"invitationsTable">;
  onResent: ((invitation: Invitation) => void) | undefined;
  onRevoked: ((invitation: Invitation) => void) | undefined;
  /** Where focus goes after a confirmed revoke (the rows change under it). */
  focusAfterRevoke: () => HTMLElement | null;
}

/**
 * The table's actions with their notices: each row's menu (Resend, Copy link, Revoke), the
 * revoke confirmation and the bulk actions of the selection. Internal to InvitationsTable.
 */
export function useRowActions({
  table,
  announcer,
  l10n,
  onResent,
  onRevoked,
  focusAfterRevoke,
}: UseRowActionsOptions) {
  const { t, formatMessage, errorMessage } = l10n;
  const s = t.invitationsTable;
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [bulkRunning, setBulkRunning] = useState(false);
  const returnFocus = useRef<HTMLElement | null>(null);
  // The dialog keeps its text while it fades out after `confirmation` is cleared.
  const lastConfirmation = useRef<Confirmation | null>(null);
  if (confirmation) lastConfirmation.current = confirmation;

  const failed = (template: string, invitation: Invitation, error: unknown) =>
    announcer.announce(
      formatMessage(template, { email: invitation.email, reason: errorMessage(error) }),
      { tone: "error" },
    );

  const resend = async (invitation: Invitation) => {
    try {
      const updated = await table.resend(invitation);
      announcer.announce(formatMessage(s.resent, { email: invitation.email }));
      onResent?.(updated);
    } catch (error) {
      failed(s.resendFailed, invitation, error);
    }
  };

  const revoke = async (invitation: Invitation) => {
    try {
      const updated = await table.revoke(invitation);
      announcer.announce(formatMessage(s.revoked, { email: invitation.email }));
      onRevoked?.(updated);
    } catch (error) {
      failed(s.revokeFailed, invitation, error);
    }
  };

  // R-INV-10: the server recomputes the current link (and audits the copy); when the
  // clipboard refuses, the link is shown in the notice to copy by hand.
  const copyLink = async (invitation: Invitation) => {
    let link: string;
    try {
      link = await table.copyLink(invitation);
    } catch (error) {
      failed(s.copyLinkFailed, invitation, error);
      return;
    }
    try {
      await navigator.clipboard.writeText(link);
      announcer.announce(formatMessage(s.linkCopied, { email: invitation.email }));
    } catch {
      announcer.announce(t.common.copyFailed, { tone: "error", details: [link] });
    }
  };

  const report = (result: BulkActionResult, kind: "resend" | "revoke") => {
    const done = result.succeeded.length;
    if (done > 0) {
      announcer.announce(
        formatMessage(kind === "resend" ? s.bulkResent : s.bulkRevoked, { count: done }),
      );
      for (const invitation of result.succeeded) {
        (kind === "resend" ? onResent : onRevoked)?.(invitation);
      }
    }
    if (result.failed.length > 0) {
      announcer.announce(formatMessage(s.bulkFailed, { count: result.failed.length }), {
        tone: "error",
        details: result.failed.map(({ invitation, error }) =>
          formatMessage(s.bulkFailedRow, { email: invitation.email, reason: errorMessage(error) }),
        ),
      });
    }
  };

  const runBulk = async (kind: "resend" | "revoke") => {
    setBulkRunning(true);
    try {
      report(await (kind === "resend" ? table.resendSelected() : table.revokeSelected()), kind);
    } finally {
      setBulkRunning(false);
    }
  };

  const rowActions = (invitation: Invitation): RowAction[] => {
    if (!table.isActionable(invitation)) return [];
    const list: RowAction[] = [
      { key: "resend", label: s.resend, onSelect: () => void resend(invitation) },
    ];
    if (invitation.status === "pending") {
      list.push({ key: "copy", label: s.copyLink, onSelect: () => void copyLink(invitation) });
    }
    list.push({
      key: "revoke",
      label: s.revoke,
      danger: true,
      onSelect: (trigger) => {
        returnFocus.current = trigger;
        setConfirmation({ kind: "one", invitation });
      },
    });
    return list;
  };

  // The rows are memoised: they get one stable function that reads the latest `rowActions`.
  const latest = useRef(rowActions);
  latest.current = rowActions;
  const actionsFor = useCallback((invitation: Invitation) => latest.current(invitation), []);

  return {
    actionsFor,
    bulkRunning,
    confirmation,
    /** The confirmation shown, also while the dialog fades out. */
    shownConfirmation: confirmation ?? lastConfirmation.current,
    returnFocusTo: () => returnFocus.current,
    resendSelected: () => void runBulk("resend"),
    askRevokeSelected: (trigger: HTMLElement) => {
      returnFocus.current = trigger;
      setConfirmation({ kind: "many", count: table.selectedRows.length });
    },
    confirmRevoke: () => {
      const current = confirmation;
      // The row changes under the revoke: focus goes to the table, not a vanishing button.
      returnFocus.current = focusAfterRevoke();
      setConfirmation(null);
      if (!current) return;
      if (current.kind === "one") void revoke(current.invitation);
      else void runBulk("revoke");
    },
    cancelConfirmation: () => setConfirmation(null),
  };
}
