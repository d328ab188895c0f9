"use client";
import type { Invitation } from "@foyer/core/rules";
import { cx } from "../../internal/cx.ts";
import { Tooltip } from "../../internal/tooltip.tsx";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";

const DELIVERY_ICONS = { none: "↗", queued: "◷", sent: "✓", failed: "!", cancelled: "⊘" } as const;

/** Props of `DeliveryCell`. Internal to InvitationsTable. */
export interface DeliveryCellProps {
  invitation: Invitation;
  l10n: UseLocalizationResult<"invitationsTable">;
  className: string | undefined;
}

/**
 * Delivery status as a small icon and text ("Sent", "Queued", "Failed" with the reason in a
 * tooltip), never colour alone. A pending invitation whose reminder went out (R-INV-17)
 * reads "Reminded", with when in a tooltip. Internal to InvitationsTable.
 */
export function DeliveryCell({ invitation, l10n, className }: DeliveryCellProps) {
  const { t, formatMessage } = l10n;
  const { status, error } = invitation.delivery;
  const remindedAt =
    invitation.status === "pending" && status === "sent" ? invitation.reminderSentAt : null;
  const content = (
    <>
      <span aria-hidden="true" className="foyer-invitations__delivery-icon">
        {DELIVERY_ICONS[status]}
      </span>
      {remindedAt ? t.invitationsTable.deliveryReminded : t.invitationsTable.delivery[status]}
    </>
  );
  const classes = cx("foyer-invitations__delivery", className);
  if (remindedAt) {
    return (
      <Tooltip
        content={() =>
          formatMessage(t.invitationsTable.deliveryRemindedAt, {
            date: l10n.formatDate(remindedAt),
          })
        }
        className={classes}
        slot="delivery"
      >
        {content}
      </Tooltip>
    );
  }
  if (status === "failed" && error) {
    return (
      <Tooltip
        content={formatMessage(t.invitationsTable.deliveryFailedReason, { reason: error })}
        className={cx(classes, "foyer-invitations__delivery--failed")}
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
