"use client";
import { useState } from "react";
import type { BulkInvite } from "../../hooks/use-bulk-invite.ts";
import { cx } from "../../internal/cx.ts";
import type { SlotClassNames } from "../../internal/slots.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import { BatchSummary } from "./batch-summary.tsx";
import type { BulkInviteModalSlot } from "./slots.ts";

/** Props of `ResultsView`. Internal: part of `BulkInviteModal`. */
export interface ResultsViewProps {
  invite: BulkInvite;
  l10n: UseLocalizationResult<"bulkInviteModal">;
  headingId: string;
  focusRef: (node: HTMLElement | null) => void;
  /** Says something through the dialog's live region. */
  announce: (text: string) => void;
  classNames: SlotClassNames<BulkInviteModalSlot> | undefined;
}

/**
 * The results of a send: "9 invited · 3 skipped" with the skipped addresses grouped by
 * reason, each link on screen with "Copy links" when delivery gave links (R-INV-10), and, when the send stopped part-way, what
 * went out and that Retry sends the rest. Internal: part of `BulkInviteModal`.
 */
export function ResultsView({
  invite,
  l10n,
  headingId,
  focusRef,
  announce,
  classNames,
}: ResultsViewProps) {
  const { t, formatMessage, errorMessage } = l10n;
  const s = t.bulkInviteModal;
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");
  const { result, links, progress, phase } = invite;
  const linkText = links.map((entry) => `${entry.email}\t${entry.link}`).join("\n");

  const copyLinks = async () => {
    try {
      await navigator.clipboard.writeText(linkText);
      setCopyState("copied");
      announce(s.linksCopied);
    } catch {
      setCopyState("failed");
      announce(s.copyFailed);
    }
  };

  return (
    <section
      aria-labelledby={headingId}
      className={cx("foyer-bulk-invite__results", classNames?.results)}
      data-slot="results"
      data-state={phase}
    >
      <h3 id={headingId} className="foyer-bulk-invite__heading" tabIndex={-1} ref={focusRef}>
        {s.resultTitle}
      </h3>
      {phase === "failed" && (
        <div role="alert" className="foyer-alert">
          <p>{errorMessage(invite.error)}</p>
          <p>
            {progress.done === 0
              ? formatMessage(s.nothingSent, { count: progress.total })
              : formatMessage(s.partialFailure, { done: progress.done, count: progress.total })}
          </p>
        </div>
      )}
      {result && (result.created.length > 0 || result.skipped.length > 0 || phase === "done") && (
        <BatchSummary result={result} l10n={l10n} headingId={`${headingId}-summary`} />
      )}
      {links.length > 0 && (
        <button type="button" className="foyer-button" onClick={() => void copyLinks()}>
          {copyState === "copied" ? s.linksCopied : s.copyLinks}
        </button>
      )}
      {links.length > 0 && (
        <textarea
          className="foyer-input foyer-bulk-invite__links"
          readOnly
          aria-label={s.linksLabel}
          value={linkText}
        />
      )}
    </section>
  );
}
