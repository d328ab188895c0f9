"use client";
import { Tooltip } from "../../internal/tooltip.tsx";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";

/** Props of `RelativeTime`. Internal to InvitationsTable. */
export interface RelativeTimeProps {
  /** ISO date. */
  at: string;
  l10n: UseLocalizationResult<"invitationsTable">;
  /** `data-state` of the `<time>`, for styling ("soon" paints an expiry amber). */
  state?: string | undefined;
  /** `data-slot` of the tooltip trigger. */
  slot?: string | undefined;
}

/**
 * A time as "3 hours ago" / "in 6 days", with the exact date and time on hover and focus.
 * Internal to InvitationsTable (Sent, Expires and Closed cells).
 */
export function RelativeTime({ at, l10n, state, slot }: RelativeTimeProps) {
  return (
    <Tooltip content={() => l10n.formatDate(at)} slot={slot}>
      <time
        dateTime={at}
        suppressHydrationWarning
        className="foyer-invitations__time"
        data-state={state}
      >
        {l10n.formatRelative(at)}
      </time>
    </Tooltip>
  );
}
