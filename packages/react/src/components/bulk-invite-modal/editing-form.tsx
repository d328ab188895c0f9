"use client";
import type { ExpiryPreset } from "@foyer/core/rules";
import type { RefObject } from "react";
import type { BulkInvite } from "../../hooks/use-bulk-invite.ts";
import type { SlotClassNames } from "../../internal/slots.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import { BatchStatus } from "./batch-status.tsx";
import { CsvDropZone } from "./csv-drop-zone.tsx";
import { DeliveryPicker } from "./delivery-picker.tsx";
import { EmailChipField } from "./email-chip-field.tsx";
import { MessageField } from "./message-field.tsx";
import { RolePicker } from "./role-picker.tsx";
import type { BulkInviteModalSlot } from "./slots.ts";

/** Props of `EditingForm`. Internal: part of `BulkInviteModal`. */
export interface EditingFormProps {
  invite: BulkInvite;
  l10n: UseLocalizationResult<"bulkInviteModal">;
  id: string;
  inputRef: RefObject<HTMLInputElement | null>;
  departments: readonly string[] | undefined;
  teamOptions: readonly string[] | undefined;
  classNames: SlotClassNames<BulkInviteModalSlot> | undefined;
}

/**
 * The batch being edited: organisation (for those who manage several), addresses typed or
 * from a CSV file with what the dry run says about them, role, expiry, department and teams
 * when the host offers them, message and delivery. Internal: part of `BulkInviteModal`.
 */
export function EditingForm({
  invite,
  l10n,
  id,
  inputRef,
  departments,
  teamOptions,
  classNames,
}: EditingFormProps) {
  const { t, formatMessage: format } = l10n;
  const s = t.bulkInviteModal;
  const emailsErrorId = invite.fieldErrors.includes("noEmails") ? `${id}-emails-error` : undefined;
  const roleErrorId = invite.fieldErrors.includes("noRole") ? `${id}-role-error` : undefined;
  return (
    <>
      {invite.showTenantSelect && (
        <div className="foyer-field">
          <label className="foyer-label" htmlFor={`${id}-tenant`}>
            {s.tenantLabel}
          </label>
          <select
            id={`${id}-tenant`}
            className="foyer-select"
            value={invite.tenantId ?? ""}
            onChange={(event) => invite.setTenantId(event.target.value)}
          >
            {invite.tenants.map((tenant) => (
              <option key={tenant.id} value={tenant.id}>
                {tenant.name}
              </option>
            ))}
          </select>
        </div>
      )}

      <fieldset className="foyer-segmented">
        <legend className="foyer-sr-only">{s.modeLabel}</legend>
        {(["type", "csv"] as const).map((source) => (
          <label
            key={source}
            className="foyer-segmented__option"
            data-state={invite.source === source ? "on" : "off"}
          >
            <input
              type="radio"
              name={`${id}-source`}
              value={source}
              className="foyer-sr-only"
              checked={invite.source === source}
              onChange={() => invite.setSource(source)}
            />
            {source === "type" ? s.modeType : s.modeCsv}
          </label>
        ))}
      </fieldset>

      {invite.source === "type" ? (
        <EmailChipField
          chips={invite.chips}
          verdictFor={invite.verdictFor}
          l10n={l10n}
          inputRef={inputRef}
          invalid={emailsErrorId !== undefined}
          errorId={emailsErrorId}
          classNames={classNames}
        />
      ) : (
        <CsvDropZone
          csv={invite.csv}
          verdictFor={invite.verdictFor}
          checked={invite.check.status === "ready"}
          l10n={l10n}
          invalid={emailsErrorId !== undefined}
          errorId={emailsErrorId}
          classNames={classNames}
        />
      )}
      {emailsErrorId && (
        <p id={emailsErrorId} className="foyer-field-error">
          {s.errorNoEmails}
        </p>
      )}
      <BatchStatus invite={invite} l10n={l10n} />

      <RolePicker
        invite={invite}
        l10n={l10n}
        id={id}
        errorId={roleErrorId}
        classNames={classNames}
      />

      {invite.expiryOptions.length > 0 && (
        <div className="foyer-field">
          <label className="foyer-label" htmlFor={`${id}-expires`}>
            {s.expiresLabel}
          </label>
          <select
            id={`${id}-expires`}
            className="foyer-select"
            value={invite.expiresIn ?? ""}
            onChange={(event) => invite.setExpiresIn(event.target.value as ExpiryPreset)}
          >
            {invite.expiryOptions.map((preset) => (
              <option key={preset} value={preset}>
                {preset === invite.defaultExpiry
                  ? format(s.expiryDefault, { label: s.expiry[preset] })
                  : s.expiry[preset]}
              </option>
            ))}
          </select>
        </div>
      )}

      {departments && departments.length > 0 && (
        <div className="foyer-field">
          <label className="foyer-label" htmlFor={`${id}-department`}>
            {s.departmentLabel}
          </label>
          <select
            id={`${id}-department`}
            className="foyer-select"
            value={invite.department ?? ""}
            onChange={(event) =>
              invite.setDepartment(event.target.value === "" ? null : event.target.value)
            }
          >
            <option value="">{s.departmentNone}</option>
            {departments.map((department) => (
              <option key={department} value={department}>
                {department}
              </option>
            ))}
          </select>
        </div>
      )}

      {teamOptions && teamOptions.length > 0 && (
        <fieldset className="foyer-bulk-invite__teams">
          <legend className="foyer-label">{s.teamsLabel}</legend>
          {teamOptions.map((team) => (
            <label key={team} className="foyer-check">
              <input
                type="checkbox"
                className="foyer-checkbox"
                checked={invite.teams.includes(team)}
                onChange={(event) =>
                  invite.setTeams(
                    event.target.checked
                      ? [...invite.teams, team]
                      : invite.teams.filter((x) => x !== team),
                  )
                }
              />
              {team}
            </label>
          ))}
        </fieldset>
      )}

      <MessageField invite={invite} l10n={l10n} id={id} />
      <DeliveryPicker invite={invite} l10n={l10n} id={id} />
    </>
  );
}
