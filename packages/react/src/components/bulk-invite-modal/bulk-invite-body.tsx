"use client";
import { type ReactElement, useEffect, useId, useMemo, useRef, useState } from "react";
import type { BulkInvite } from "../../hooks/use-bulk-invite.ts";
import { cx } from "../../internal/cx.ts";
import type { CloseGuard } from "../../internal/guarded-dialog.tsx";
import { PoliteAnnouncer } from "../../internal/polite-announcer.tsx";
import type { SlotClassNames } from "../../internal/slots.ts";
import { bulkInviteModalFormEn } from "../../localization/bulk-invite-modal-form.ts";
import type { BulkInviteModalFrameKey } from "../../localization/bulk-invite-modal-frame.ts";
import type { FrameLocalization } from "../../localization/frame-localization.ts";
import { summaryLine } from "./batch-summary.tsx";
import { EditingForm } from "./editing-form.tsx";
import { PreviewView } from "./preview-view.tsx";
import { ResultsView } from "./results-view.tsx";
import { SendProgress } from "./send-progress.tsx";
import type { BulkInviteModalSlot } from "./slots.ts";

/** Props of `BulkInviteBody`. Internal: part of `BulkInviteModal`. */
export interface BulkInviteBodyProps {
  /** The batch being edited and sent (`useBulkInvite`, held by the modal). */
  invite: BulkInvite;
  departments: readonly string[] | undefined;
  teams: readonly string[] | undefined;
  /** The modal's strings: its frame's, completed here with the English ones of the inside. */
  l10n: FrameLocalization<"bulkInviteModal", BulkInviteModalFrameKey>;
  classNames: SlotClassNames<BulkInviteModalSlot> | undefined;
  onGuardChange: (guard: CloseGuard) => void;
  /** Cancel and ×: the modal asks first when there is input. */
  onRequestClose: () => void;
  /** Done after the results: closes without asking. */
  onDone: () => void;
}

/**
 * The dialog's inside below its header: the form or the progress, preview or results of the
 * batch, the footer's buttons, and a polite live region for results. A chunk of its own that
 * `BulkInviteModal` imports once it has rendered; it imports neither Radix nor the hook (the
 * modal passes `invite`), so that a page without the modal does not load them for this
 * chunk's sake (esbuild hoists a lazy chunk's shared imports into the page's first chunk).
 * Internal: part of `BulkInviteModal`.
 */
export function BulkInviteBody({
  invite,
  departments,
  teams,
  l10n: frameL10n,
  classNames,
  onGuardChange,
  onRequestClose,
  onDone,
}: BulkInviteBodyProps) {
  const l10n = useMemo(() => frameL10n.complete(bulkInviteModalFormEn), [frameL10n]);
  const { t, formatMessage: format, errorMessage } = l10n;
  const s = t.bulkInviteModal;
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const focusTarget = useRef<HTMLElement | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const { phase } = invite;

  const guard: CloseGuard =
    phase === "sending"
      ? "locked"
      : (phase === "editing" || phase === "previewing" || phase === "preview") && invite.hasInput
        ? "dirty"
        : "free";
  useEffect(() => onGuardChange(guard), [guard, onGuardChange]);
  useEffect(() => () => onGuardChange("free"), [onGuardChange]);

  // Move focus to what changed, and announce results politely (R-UI-08).
  const { result, preview } = invite;
  useEffect(() => {
    if (phase === "done" && result) setAnnouncement(summaryLine(result, s, format));
    else if (phase === "preview" && preview) setAnnouncement(summaryLine(preview, s, format));
    else if (phase === "failed") setAnnouncement(errorMessage(invite.error));
    if (phase !== "editing") focusTarget.current?.focus();
  }, [phase, result, preview, s, format, errorMessage, invite.error]);

  useEffect(() => {
    // After a failed attempt, put the person on the first field to fix.
    if (invite.fieldErrors.includes("noEmails") && invite.source === "type") {
      inputRef.current?.focus();
    }
  }, [invite.fieldErrors, invite.source]);

  const setFocusTarget = (node: HTMLElement | null) => {
    focusTarget.current = node;
  };
  const sendLabel =
    invite.sendCount === 0 ? s.sendEmpty : format(s.send, { count: invite.sendCount });
  const primary = (label: string, onClick: () => void, disabled = false) => (
    <button
      type="button"
      className="foyer-button foyer-button--primary"
      onClick={onClick}
      disabled={disabled}
      data-slot="send"
    >
      {label}
    </button>
  );

  let body: ReactElement;
  let footer: ReactElement;
  switch (phase) {
    case "sending":
      body = (
        <SendProgress
          progress={invite.progress}
          l10n={l10n}
          focusRef={setFocusTarget}
          classNames={classNames}
        />
      );
      footer = primary(s.sending, () => {}, true);
      break;
    case "preview":
    case "previewing":
      body = (
        <PreviewView
          invite={invite}
          l10n={l10n}
          headingId={`${id}-preview`}
          focusRef={setFocusTarget}
          classNames={classNames}
        />
      );
      footer = (
        <>
          <button type="button" className="foyer-button" onClick={invite.backToEditing}>
            {s.previewBack}
          </button>
          {primary(
            sendLabel,
            () => void invite.send(),
            phase !== "preview" || invite.sendCount === 0,
          )}
        </>
      );
      break;
    case "done":
    case "failed":
      body = (
        <ResultsView
          invite={invite}
          l10n={l10n}
          headingId={`${id}-result`}
          focusRef={setFocusTarget}
          announce={setAnnouncement}
          classNames={classNames}
        />
      );
      footer =
        phase === "failed" ? (
          <>
            <button type="button" className="foyer-button" onClick={onDone}>
              {s.close}
            </button>
            {primary(s.retry, () => void invite.retry())}
          </>
        ) : (
          primary(s.done, onDone)
        );
      break;
    case "editing":
      body = (
        <EditingForm
          invite={invite}
          l10n={l10n}
          id={id}
          inputRef={inputRef}
          departments={departments}
          teamOptions={teams}
          classNames={classNames}
        />
      );
      footer = (
        <>
          <button
            type="button"
            className="foyer-button foyer-button--ghost"
            onClick={onRequestClose}
          >
            {s.cancel}
          </button>
          <button type="button" className="foyer-button" onClick={invite.runPreview}>
            {s.preview}
          </button>
          {primary(sendLabel, () => void invite.send())}
        </>
      );
      break;
    default: {
      const exhaustive: never = phase;
      return exhaustive;
    }
  }

  return (
    <>
      <div
        className={cx("foyer-bulk-invite__body", classNames?.body)}
        data-slot="body"
        data-state={phase}
      >
        {body}
      </div>
      <div className={cx("foyer-dialog__footer", classNames?.footer)} data-slot="footer">
        {footer}
      </div>
      <PoliteAnnouncer>{announcement}</PoliteAnnouncer>
    </>
  );
}
