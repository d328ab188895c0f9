"use client";
import { useId } from "react";
import type { BulkInviteProgress } from "../../hooks/use-bulk-invite.ts";
import { cx } from "../../internal/cx.ts";
import type { SlotClassNames } from "../../internal/slots.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import type { BulkInviteModalSlot } from "./slots.ts";

/** Props of `SendProgress`. Internal: part of `BulkInviteModal`. */
export interface SendProgressProps {
  progress: BulkInviteProgress;
  l10n: UseLocalizationResult<"bulkInviteModal">;
  /** Receives the label, which takes focus so screen readers follow the send. */
  focusRef: (node: HTMLElement | null) => void;
  classNames: SlotClassNames<BulkInviteModalSlot> | undefined;
}

/** "Sending 400 of 1,200…" with a progress bar. Internal: part of `BulkInviteModal`. */
export function SendProgress({ progress, l10n, focusRef, classNames }: SendProgressProps) {
  const id = useId();
  const { done, total } = progress;
  const label = l10n.formatMessage(l10n.t.bulkInviteModal.progress, { done, total });
  return (
    <div className={cx("foyer-bulk-invite__progress", classNames?.progress)} data-slot="progress">
      <p id={id} ref={focusRef} tabIndex={-1}>
        {label}
      </p>
      <div
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={label}
        className="foyer-progress"
      >
        <div
          className="foyer-progress__bar"
          style={{ width: `${total === 0 ? 0 : (done / total) * 100}%` }}
        />
      </div>
    </div>
  );
}
