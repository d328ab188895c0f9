"use client";
import type { BulkInvite } from "../../hooks/use-bulk-invite.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";

/** Props of `MessageField`. Internal: part of `BulkInviteModal`. */
export interface MessageFieldProps {
  invite: BulkInvite;
  l10n: UseLocalizationResult<"bulkInviteModal">;
  id: string;
}

/** The optional personal message with its "0 / 1,000" counter. Internal: part of `BulkInviteModal`. */
export function MessageField({ invite, l10n, id }: MessageFieldProps) {
  const { t, formatMessage: format, formatNumber } = l10n;
  const s = t.bulkInviteModal;
  const counterId = `${id}-message-counter`;
  const tooLong = invite.fieldErrors.includes("messageTooLong");
  return (
    <div className="foyer-field">
      <label className="foyer-label" htmlFor={`${id}-message`}>
        {s.messageLabel}
      </label>
      <textarea
        id={`${id}-message`}
        className="foyer-input foyer-textarea"
        rows={3}
        maxLength={invite.maxMessage}
        value={invite.message}
        aria-describedby={`${id}-message-hint ${counterId}`}
        aria-invalid={tooLong || undefined}
        onChange={(event) => invite.setMessage(event.target.value)}
      />
      <div className="foyer-field__meta">
        <span id={`${id}-message-hint`} className="foyer-hint">
          {s.messageHint}
        </span>
        <span id={counterId} className="foyer-hint foyer-counter" data-slot="counter">
          {format(s.messageCounter, {
            count: formatNumber(invite.message.length),
            max: formatNumber(invite.maxMessage),
          })}
        </span>
      </div>
      {tooLong && (
        <p className="foyer-field-error">
          {format(s.errorMessageTooLong, { max: formatNumber(invite.maxMessage) })}
        </p>
      )}
    </div>
  );
}
