"use client";
import type { BulkInvite } from "../../hooks/use-bulk-invite.ts";
import { cx } from "../../internal/cx.ts";
import type { SlotClassNames } from "../../internal/slots.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import type { BulkInviteModalSlot } from "./slots.ts";

/** Props of `RolePicker`. Internal: part of `BulkInviteModal`. */
export interface RolePickerProps {
  invite: BulkInvite;
  l10n: UseLocalizationResult<"bulkInviteModal">;
  id: string;
  errorId: string | undefined;
  classNames: SlotClassNames<BulkInviteModalSlot> | undefined;
}

/**
 * The grantable roles of the chosen organisation as radio buttons, each with its description
 * (R-TEN-04); skeletons while they load, the error with Retry. Internal: part of
 * `BulkInviteModal`.
 */
export function RolePicker({ invite, l10n, id, errorId, classNames }: RolePickerProps) {
  const s = l10n.t.bulkInviteModal;
  return (
    <fieldset
      className={cx("foyer-bulk-invite__roles", classNames?.roles)}
      data-slot="roles"
      aria-describedby={errorId}
      aria-busy={invite.status === "loading" || undefined}
    >
      <legend className="foyer-label">{s.roleLabel}</legend>
      {invite.status === "loading" && (
        <div className="foyer-bulk-invite__loading">
          <span className="foyer-skeleton" />
          <span className="foyer-skeleton" />
          <span className="foyer-sr-only">{s.loading}</span>
        </div>
      )}
      {invite.status === "error" && (
        <div role="alert" className="foyer-alert">
          <p>{l10n.errorMessage(invite.loadError)}</p>
          <button
            type="button"
            className="foyer-button foyer-button--small"
            onClick={invite.reload}
          >
            {s.retry}
          </button>
        </div>
      )}
      {invite.status === "ready" && invite.roles.length === 0 && (
        <p className="foyer-hint">{s.roleNone}</p>
      )}
      {invite.roles.map((role) => {
        const descriptionId = `${id}-role-${role.id}`;
        return (
          <label
            key={role.id}
            className="foyer-role-option"
            data-state={invite.roleId === role.id ? "checked" : "unchecked"}
          >
            <input
              type="radio"
              name={`${id}-role`}
              value={role.id}
              checked={invite.roleId === role.id}
              onChange={() => invite.setRoleId(role.id)}
              aria-describedby={role.description ? descriptionId : undefined}
            />
            <span className="foyer-role-option__text">
              <span className="foyer-role-option__name">{role.name}</span>
              {role.description && (
                <span id={descriptionId} className="foyer-role-option__description">
                  {role.description}
                </span>
              )}
            </span>
          </label>
        );
      })}
      {errorId && (
        <p id={errorId} className="foyer-field-error">
          {s.errorNoRole}
        </p>
      )}
    </fieldset>
  );
}
