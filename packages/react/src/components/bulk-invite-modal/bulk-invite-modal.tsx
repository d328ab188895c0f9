"use client";
import type { Delivery, ExpiryPreset } from "@foyer/core";
import {
  cloneElement,
  isValidElement,
  type MouseEvent,
  type ReactElement,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import {
  type BulkInvite,
  type UseBulkInviteOptions,
  useBulkInvite,
} from "../../hooks/use-bulk-invite.ts";
import { cx } from "../../internal/cx.ts";
import { Dialog, DialogDescription, DialogTitle, useDialogClose } from "../../internal/dialog.tsx";
import type { StylingProps } from "../../internal/slots.ts";
import { useControllableState } from "../../internal/use-controllable-state.ts";
import { bulkInviteModalEn } from "../../localization/bulk-invite-modal.ts";
import type { DeepPartial, FoyerLocalization } from "../../localization/types.ts";
import {
  type UseLocalizationResult,
  useLocalization,
} from "../../localization/use-localization.ts";
import { BatchSummary, summaryLine } from "./batch-summary.tsx";
import { CsvDropZone } from "./csv-drop-zone.tsx";
import { EmailChipField } from "./email-chip-field.tsx";
import type { BulkInviteModalSlot } from "./slots.ts";

/** Props of `BulkInviteModal`. */
export interface BulkInviteModalProps
  extends UseBulkInviteOptions,
    StylingProps<BulkInviteModalSlot> {
  /** Whether the dialog is open (controlled). */
  open?: boolean;
  /** Whether the dialog starts open (uncontrolled). @default false */
  defaultOpen?: boolean;
  /** Called when the dialog opens or closes. Never called to close while sending. */
  onOpenChange?: (open: boolean) => void;
  /**
   * The element that opens the dialog, or `true` for Foyer's own "Invite users" button.
   * Like Radix's `asChild`, the element gets the click handler (its own `onClick` runs first
   * and may `preventDefault`), `aria-haspopup`, `aria-expanded`, `aria-controls` and
   * `data-state`, so it must pass them on to its DOM element. Without it, open the dialog
   * through `open`.
   */
  trigger?: ReactElement | true;
  /** Departments to offer; the field is shown only when the host supplies some. */
  departments?: readonly string[];
  /** Teams to offer; the field is shown only when the host supplies some. */
  teams?: readonly string[];
  /** String overrides for this instance (defaults < provider < this prop). */
  localization?: DeepPartial<FoyerLocalization>;
}

const DELIVERIES: readonly Delivery[] = ["email", "link", "both"];

/** What the trigger element receives from the modal. */
interface TriggerProps {
  onClick?: ((event: MouseEvent<HTMLElement>) => void) | undefined;
  "aria-haspopup"?: "dialog";
  "aria-expanded"?: boolean;
  "aria-controls"?: string | undefined;
  "data-state"?: "open" | "closed";
}

/**
 * R-UI-02: invite many people at once. Addresses are typed or pasted as chips, or read from
 * a CSV file; the person picks tenant (when they manage several), a grantable role, an
 * expiry and options, can preview a dry run (R-INV-16), and sends in chunks of at most
 * 1,000 with progress. The results summary groups skipped addresses by reason. Built only
 * from `useBulkInvite`.
 * @example
 * <BulkInviteModal trigger={<button type="button">Invite users</button>} onInvited={(r) => toast(r)} />
 */
export function BulkInviteModal({
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  trigger,
  localization,
  className,
  classNames,
  ...options
}: BulkInviteModalProps) {
  const [open, setOpen] = useControllableState({
    prop: openProp,
    defaultProp: defaultOpen,
    onChange: onOpenChange,
  });
  const [busy, setBusy] = useState(false);
  const l10n = useLocalization({ bulkInviteModal: bulkInviteModalEn }, localization);
  const s = l10n.t.bulkInviteModal;
  const dialogId = useId();

  const requestOpenChange = useCallback(
    (next: boolean) => {
      // R-UI-02: a send in flight is never abandoned by an accidental Escape or click.
      if (!next && busy) return;
      setOpen(next);
    },
    [busy, setOpen],
  );

  const triggerElement: ReactElement<TriggerProps> | null =
    trigger === undefined ? null : isValidElement<TriggerProps>(trigger) ? (
      trigger
    ) : (
      <button
        type="button"
        className={cx("foyer-button foyer-button--primary", classNames?.trigger)}
        data-slot="trigger"
      >
        {s.trigger}
      </button>
    );

  return (
    <>
      {triggerElement &&
        cloneElement(triggerElement, {
          "aria-haspopup": "dialog",
          "aria-expanded": open,
          "aria-controls": open ? dialogId : undefined,
          "data-state": open ? "open" : "closed",
          onClick: (event: MouseEvent<HTMLElement>) => {
            triggerElement.props.onClick?.(event);
            if (event.defaultPrevented) return;
            // Safari does not focus a clicked button; focus comes back to it on close.
            event.currentTarget.focus();
            requestOpenChange(true);
          },
        })}
      <Dialog
        id={dialogId}
        open={open}
        onOpenChange={requestOpenChange}
        // A click beside the dialog should not throw away a typed list.
        dismissible={false}
        className={cx("foyer-dialog-overlay", classNames?.overlay)}
        data-slot="overlay"
      >
        <div
          className={cx(
            "foyer-root foyer-dialog foyer-bulk-invite",
            className,
            classNames?.content,
          )}
          data-slot="content"
          data-state={open ? "open" : "closed"}
          data-busy={busy || undefined}
        >
          <BulkInviteBody
            options={options}
            l10n={l10n}
            classNames={classNames}
            onBusyChange={setBusy}
            onDone={() => setOpen(false)}
          />
        </div>
      </Dialog>
    </>
  );
}

interface BodyProps {
  options: Omit<
    BulkInviteModalProps,
    | "open"
    | "defaultOpen"
    | "onOpenChange"
    | "trigger"
    | "localization"
    | "className"
    | "classNames"
  >;
  l10n: UseLocalizationResult<"bulkInviteModal">;
  classNames: BulkInviteModalProps["classNames"];
  onBusyChange: (busy: boolean) => void;
  onDone: () => void;
}

// Mounted only while the dialog is open: each opening starts a fresh batch.
function BulkInviteBody({ options, l10n, classNames, onBusyChange, onDone }: BodyProps) {
  const { departments, teams: teamOptions, ...hookOptions } = options;
  const invite = useBulkInvite(hookOptions);
  const { t, formatMessage: format, errorMessage } = l10n;
  const s = t.bulkInviteModal;
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const focusTarget = useRef<HTMLElement | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");
  const close = useDialogClose();

  const { phase } = invite;
  useEffect(() => onBusyChange(phase === "sending"), [phase, onBusyChange]);

  // Move focus to what changed, and announce results politely (R-UI-08).
  const result = invite.result;
  const preview = invite.preview;
  useEffect(() => {
    if (phase === "done" && result) setAnnouncement(summaryLine(result, s, format));
    else if (phase === "preview" && preview) setAnnouncement(summaryLine(preview, s, format));
    else if (phase === "failed") setAnnouncement(errorMessage(invite.error));
    if (phase !== "editing") focusTarget.current?.focus();
  }, [phase, result, preview, s, format, errorMessage, invite.error]);

  const fieldError = (key: BulkInvite["fieldErrors"][number]) => invite.fieldErrors.includes(key);
  const emailsErrorId = fieldError("noEmails") ? `${id}-emails-error` : undefined;
  const roleErrorId = fieldError("noRole") ? `${id}-role-error` : undefined;
  const sending = phase === "sending";
  const locked = phase === "sending" || phase === "previewing";

  const onSendAttempt = () => {
    void invite.send();
  };
  useEffect(() => {
    // After a failed attempt, put the person on the first field to fix.
    if (invite.fieldErrors.includes("noEmails") && invite.source === "type")
      inputRef.current?.focus();
  }, [invite.fieldErrors, invite.source]);

  const copyLinks = async () => {
    const text = invite.links.map((entry) => `${entry.email}\t${entry.link}`).join("\n");
    try {
      await navigator.clipboard.writeText(text);
      setCopyState("copied");
      setAnnouncement(s.linksCopied);
    } catch {
      setCopyState("failed");
      setAnnouncement(s.copyFailed);
    }
  };

  const sendLabel =
    invite.recipients.length === 0
      ? s.sendEmpty
      : format(s.send, { count: invite.recipients.length });

  let body: ReactElement;
  let footer: ReactElement;
  if (phase === "sending" || (phase === "previewing" && invite.progress.total > 0)) {
    const { done, total } = invite.progress;
    const label = phase === "sending" ? format(s.progress, { done, total }) : s.previewing;
    body = (
      <div className={cx("foyer-bulk-invite__progress", classNames?.progress)} data-slot="progress">
        <p
          id={`${id}-progress`}
          ref={(node) => {
            focusTarget.current = node;
          }}
          tabIndex={-1}
        >
          {label}
        </p>
        <div
          role="progressbar"
          aria-labelledby={`${id}-progress`}
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
    footer = (
      <button type="button" className="foyer-button foyer-button--primary" disabled>
        {phase === "sending" ? s.sending : s.previewing}
      </button>
    );
  } else if (phase === "preview" && preview) {
    body = (
      <section
        aria-labelledby={`${id}-preview`}
        className={cx("foyer-bulk-invite__results", classNames?.results)}
        data-slot="results"
      >
        <h3
          id={`${id}-preview`}
          className="foyer-bulk-invite__heading"
          tabIndex={-1}
          ref={(node) => {
            focusTarget.current = node;
          }}
        >
          {s.previewTitle}
        </h3>
        <BatchSummary result={preview} strings={s} format={format} headingId={`${id}-pv`} />
      </section>
    );
    footer = (
      <>
        <button type="button" className="foyer-button" onClick={invite.backToEditing}>
          {s.previewBack}
        </button>
        <button
          type="button"
          className="foyer-button foyer-button--primary"
          onClick={onSendAttempt}
          disabled={preview.created.length === 0}
        >
          {preview.created.length === 0
            ? s.sendEmpty
            : format(s.send, { count: preview.created.length })}
        </button>
      </>
    );
  } else if ((phase === "done" || phase === "failed") && result) {
    body = (
      <section
        aria-labelledby={`${id}-result`}
        className={cx("foyer-bulk-invite__results", classNames?.results)}
        data-slot="results"
        data-state={phase}
      >
        <h3
          id={`${id}-result`}
          className="foyer-bulk-invite__heading"
          tabIndex={-1}
          ref={(node) => {
            focusTarget.current = node;
          }}
        >
          {s.resultTitle}
        </h3>
        {phase === "failed" && (
          <div role="alert" className="foyer-alert">
            <p>{errorMessage(invite.error)}</p>
            <p>
              {format(s.partialFailure, {
                done: invite.progress.done,
                total: invite.progress.total,
              })}
            </p>
          </div>
        )}
        <BatchSummary result={result} strings={s} format={format} headingId={`${id}-rs`} />
        {copyState === "failed" && (
          <textarea
            className="foyer-input foyer-bulk-invite__links"
            readOnly
            aria-label={s.copyLinks}
            value={invite.links.map((e) => `${e.email}\t${e.link}`).join("\n")}
          />
        )}
      </section>
    );
    footer = (
      <>
        {invite.links.length > 0 && (
          <button type="button" className="foyer-button" onClick={() => void copyLinks()}>
            {copyState === "copied" ? s.linksCopied : s.copyLinks}
          </button>
        )}
        {phase === "failed" ? (
          <>
            <button type="button" className="foyer-button" onClick={close}>
              {s.close}
            </button>
            <button
              type="button"
              className="foyer-button foyer-button--primary"
              onClick={() => void invite.retry()}
            >
              {s.retry}
            </button>
          </>
        ) : (
          <button type="button" className="foyer-button foyer-button--primary" onClick={onDone}>
            {s.done}
          </button>
        )}
      </>
    );
  } else {
    body = (
      <EditingForm
        invite={invite}
        l10n={l10n}
        id={id}
        inputRef={inputRef}
        emailsErrorId={emailsErrorId}
        roleErrorId={roleErrorId}
        locked={locked}
        departments={departments}
        teamOptions={teamOptions}
        classNames={classNames}
      />
    );
    footer = (
      <>
        <button type="button" className="foyer-button foyer-button--ghost" onClick={close}>
          {s.cancel}
        </button>
        <button
          type="button"
          className="foyer-button"
          onClick={() => void invite.runPreview()}
          disabled={locked}
        >
          {phase === "previewing" ? s.previewing : s.preview}
        </button>
        <button
          type="button"
          className="foyer-button foyer-button--primary"
          onClick={onSendAttempt}
          disabled={locked}
          data-slot="send"
        >
          {sendLabel}
        </button>
      </>
    );
  }

  return (
    <>
      <div className={cx("foyer-bulk-invite__header", classNames?.header)} data-slot="header">
        <DialogTitle className={cx("foyer-dialog__title", classNames?.title)} data-slot="title">
          {s.title}
        </DialogTitle>
        <DialogDescription
          className={cx("foyer-dialog__description", classNames?.description)}
          data-slot="description"
        >
          {s.description}
        </DialogDescription>
        {!sending && (
          <button
            type="button"
            className={cx(
              "foyer-button foyer-button--ghost foyer-button--icon foyer-bulk-invite__close",
              classNames?.close,
            )}
            aria-label={s.close}
            data-slot="close"
            onClick={close}
          >
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      <div
        className={cx("foyer-bulk-invite__body", classNames?.body)}
        data-slot="body"
        data-state={phase}
      >
        {invite.error !== null && phase === "editing" && (
          <div role="alert" className="foyer-alert">
            {errorMessage(invite.error)}
          </div>
        )}
        {body}
      </div>
      <div className={cx("foyer-dialog__footer", classNames?.footer)} data-slot="footer">
        {footer}
      </div>
      <div
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className="foyer-sr-only"
        data-slot="announcer"
      >
        {announcement}
      </div>
    </>
  );
}

interface EditingFormProps {
  invite: BulkInvite;
  l10n: UseLocalizationResult<"bulkInviteModal">;
  id: string;
  inputRef: RefObject<HTMLInputElement | null>;
  emailsErrorId: string | undefined;
  roleErrorId: string | undefined;
  locked: boolean;
  departments: readonly string[] | undefined;
  teamOptions: readonly string[] | undefined;
  classNames: BulkInviteModalProps["classNames"];
}

function EditingForm({
  invite,
  l10n,
  id,
  inputRef,
  emailsErrorId,
  roleErrorId,
  locked,
  departments,
  teamOptions,
  classNames,
}: EditingFormProps) {
  const { t, formatMessage: format, formatNumber, errorMessage } = l10n;
  const s = t.bulkInviteModal;
  const messageCounterId = `${id}-message-counter`;
  const messageTooLong = invite.fieldErrors.includes("messageTooLong");
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
            disabled={locked}
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

      <fieldset className="foyer-segmented" disabled={locked}>
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
          strings={s}
          format={format}
          inputRef={inputRef}
          invalid={emailsErrorId !== undefined}
          errorId={emailsErrorId}
          disabled={locked}
          classNames={classNames}
        />
      ) : (
        <CsvDropZone
          csv={invite.csv}
          strings={s}
          format={format}
          invalid={emailsErrorId !== undefined}
          errorId={emailsErrorId}
          disabled={locked}
          classNames={classNames}
        />
      )}
      {emailsErrorId && (
        <p id={emailsErrorId} className="foyer-field-error">
          {s.errorNoEmails}
        </p>
      )}

      <fieldset
        className={cx("foyer-bulk-invite__roles", classNames?.roles)}
        data-slot="roles"
        disabled={locked}
        aria-describedby={roleErrorId}
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
            <p>{errorMessage(invite.loadError)}</p>
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
        {roleErrorId && (
          <p id={roleErrorId} className="foyer-field-error">
            {s.errorNoRole}
          </p>
        )}
      </fieldset>

      {invite.expiryOptions.length > 0 && (
        <div className="foyer-field">
          <label className="foyer-label" htmlFor={`${id}-expires`}>
            {s.expiresLabel}
          </label>
          <select
            id={`${id}-expires`}
            className="foyer-select"
            value={invite.expiresIn ?? ""}
            disabled={locked}
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
            disabled={locked}
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
        <fieldset className="foyer-bulk-invite__teams" disabled={locked}>
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
          disabled={locked}
          aria-describedby={`${id}-message-hint ${messageCounterId}`}
          aria-invalid={messageTooLong || undefined}
          onChange={(event) => invite.setMessage(event.target.value)}
        />
        <div className="foyer-field__meta">
          <span id={`${id}-message-hint`} className="foyer-hint">
            {s.messageHint}
          </span>
          <span id={messageCounterId} className="foyer-hint foyer-counter" data-slot="counter">
            {format(s.messageCounter, {
              count: formatNumber(invite.message.length),
              max: formatNumber(invite.maxMessage),
            })}
          </span>
        </div>
        {messageTooLong && (
          <p className="foyer-field-error">
            {format(s.errorMessageTooLong, { max: formatNumber(invite.maxMessage) })}
          </p>
        )}
      </div>

      <fieldset
        className="foyer-bulk-invite__delivery"
        disabled={locked}
        aria-describedby={`${id}-delivery-hint`}
      >
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
    </>
  );
}
