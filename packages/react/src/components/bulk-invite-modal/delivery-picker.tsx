"use client";
import type { Delivery } from "@foyer/core/rules";
import type { BulkInvite } from "../../hooks/use-bulk-invite.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";

const DELIVERIES: readonly Delivery[] = ["email", "link", "both"];

/** Props of `DeliveryPicker`. Internal: part of `BulkInviteModal`. */
export interface DeliveryPickerProps {
  invite: BulkInvite;
  l10n: UseLocalizationResult<"bulkInviteModal">;
  id: string;
}

/**
 * How the links reach people (R-INV-10): by email, as links to copy, or both, with a hint
 * for the choice. Internal: part of `BulkInviteModal`.
 */
export function DeliveryPicker({ invite, l10n, id }: DeliveryPickerProps) {
  const s = l10n.t.bulkInviteModal;
  return (
    <fieldset className="foyer-bulk-invite__delivery" aria-describedby={`${id}-delivery-hint`}>
      <legend className="foyer-label">{s.deliveryLabel}</legend>
      <div className="foyer-segmented">
        {DELIVERIES.map((delivery) => (
          <label
            key={delivery}
            className="foyer-segmented__option"
            data-state={invite.delivery === delivery ? "on" : "off"}
          >
            <input
              type="radio"
              name={`${id}-delivery`}
              value={delivery}
              className="foyer-sr-only"
              checked={invite.delivery === delivery}
              onChange={() => invite.setDelivery(delivery)}
            />
            {s.delivery[delivery]}
          </label>
        ))}
      </div>
      <p id={`${id}-delivery-hint`} className="foyer-hint">
        {s.delivery[`${invite.delivery}Hint`]}
      </p>
    </fieldset>
  );
}
