"use client";
import { type InviteLink, MAX_LINK_DOMAINS } from "@foyer/core/rules";
import { type ComponentType, useEffect, useId, useMemo, useRef, useState } from "react";
import type { InviteLinkField, UseInviteLinkResult } from "../../hooks/use-invite-link.ts";
import type { ConfirmDialogProps } from "../../internal/confirm-dialog.tsx";
import { cx } from "../../internal/cx.ts";
import { PoliteAnnouncer } from "../../internal/polite-announcer.tsx";
import type { SlotClassNames } from "../../internal/slots.ts";
import type { FrameLocalization } from "../../localization/frame-localization.ts";
import { inviteLinkDialogFormEn } from "../../localization/invite-link-dialog-form.ts";
import type { InviteLinkDialogFrameKey } from "../../localization/invite-link-dialog-frame.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import type { InviteLinkDialogSlot } from "./slots.ts";

type L10n = UseLocalizationResult<"inviteLinkDialog">;
type ClassNames = SlotClassNames<InviteLinkDialogSlot> | undefined;

/** How long "Copied" stays on the copy button. */
const COPIED_MS = 2000;

/**
 * The invite link's settings, once loaded: the switch, default role, allowed domains, expiry,
 * join limit, the URL with Copy, Save and "Revoke & generate new link". A chunk of its own,
 * imported once `InviteLinkDialog` has rendered. It imports nothing of Radix: the dialog
 * gives it `onClose` and its `ConfirmDialog`, so that a page without the dialog does not load
 * Radix for this chunk's sake (esbuild hoists a lazy chunk's shared imports into the page's
 * first chunk). Internal: part of `InviteLinkDialog`.
 */
export function SettingsForm({
  link,
  current,
  l10n: frameL10n,
  classNames,
  onClose,
  ConfirmDialog,
}: {
  link: UseInviteLinkResult;
  current: InviteLink;
  /** The dialog's strings: its frame's, completed here with the English ones of the settings. */
  l10n: FrameLocalization<"inviteLinkDialog", InviteLinkDialogFrameKey>;
  classNames: ClassNames;
  /** Closes the dialog the way its × does (asking first when there are unsaved changes). */
  onClose: () => void;
  ConfirmDialog: ComponentType<ConfirmDialogProps>;
}) {
  const l10n = useMemo(() => frameL10n.complete(inviteLinkDialogFormEn), [frameL10n]);
  const s = l10n.t.inviteLinkDialog;
  const { formatMessage: format } = l10n;
  const id = useId();
  const [announcement, setAnnouncement] = useState("");
  const [confirmRegenerate, setConfirmRegenerate] = useState(false);
  const refs = useRef<Partial<Record<InviteLinkField, HTMLElement | null>>>({});
  const saving = link.saveState === "saving";
  const sso = current.ssoEnabled;

  const focusField = (field: InviteLinkField | null) => {
    if (field) refs.current[field]?.focus();
  };
  const toggle = async () => {
    const next = !current.enabled;
    const done = await link.setEnabled(next);
    if (done) setAnnouncement(next ? s.enabledAnnouncement : s.disabledAnnouncement);
    else if (next && link.draft.roleId === "") focusField("roleId");
  };
  const save = async () => {
    const outcome = await link.save();
    if (outcome.saved) setAnnouncement(s.saved);
    else focusField(outcome.invalid);
  };

  const fieldError = (field: InviteLinkField): string | null => {
    const kind = link.errors[field];
    switch (kind) {
      case undefined:
        return null;
      case "roleRequired":
        return s.roleRequired;
      case "domainsInvalid":
        return format(s.domainsInvalid, {
          count: link.domains.invalid.length,
          list: link.domains.invalid.join(", "),
        });
      case "tooManyDomains":
        return format(s.tooManyDomains, {
          max: MAX_LINK_DOMAINS,
          count: link.domains.domains.length - MAX_LINK_DOMAINS,
        });
      case "expiryPast":
        return s.expiryPast;
      case "maxJoinsInvalid":
        return s.maxJoinsInvalid;
      case "server":
        return link.serverMessages[field] ?? l10n.t.errors.VALIDATION_FAILED;
      default: {
        const exhaustive: never = kind;
        return exhaustive;
      }
    }
  };
  const describedBy = (...ids: Array<string | false | null | undefined>) =>
    ids.filter(Boolean).join(" ") || undefined;
  const errorOf = (field: InviteLinkField) => {
    const message = fieldError(field);
    const errorId = message ? `${id}-${field}-error` : undefined;
    return { message, errorId };
  };

  const role = errorOf("roleId");
  const domains = errorOf("allowedDomains");
  const expiry = errorOf("expiresOn");
  const maxJoins = errorOf("maxJoins");
  const stateHint =
    current.state === "disabled" && current.url
      ? s.linkOffHint
      : current.state === "expired" && current.expiresAt
        ? format(s.linkExpiredHint, { date: l10n.formatDate(current.expiresAt, "date") })
        : current.state === "full"
          ? s.linkFullHint
          : null;
  const generalError =
    link.saveState === "error" &&
    !(["roleId", "allowedDomains", "expiresOn", "maxJoins"] as const).some(
      (field) => link.serverMessages[field] !== undefined,
    )
      ? l10n.errorMessage(link.saveError)
      : null;

  return (
    <>
      <div
        className={cx("foyer-invite-link__body", classNames?.body)}
        data-slot="body"
        data-state={current.state}
      >
        <div className="foyer-invite-link__switch-row">
          <button
            type="button"
            role="switch"
            id={`${id}-switch`}
            aria-checked={current.enabled}
            aria-labelledby={`${id}-switch-label`}
            aria-describedby={describedBy(sso && `${id}-sso`)}
            disabled={sso || saving}
            className={cx("foyer-switch", classNames?.switch)}
            data-slot="switch"
            data-state={current.enabled ? "checked" : "unchecked"}
            onClick={() => void toggle()}
          >
            <span className="foyer-switch__thumb" aria-hidden="true" />
          </button>
          <label
            id={`${id}-switch-label`}
            htmlFor={`${id}-switch`}
            className="foyer-invite-link__switch-label"
          >
            {s.toggleLabel}
          </label>
          <span
            className={cx("foyer-badge", classNames?.state)}
            data-slot="state"
            data-state={current.state}
          >
            {s.state[current.state]}
          </span>
        </div>
        {sso && (
          <p id={`${id}-sso`} className="foyer-invite-link__sso" data-slot="sso">
            {s.ssoUnavailable}
          </p>
        )}
        {!sso && (
          <LinkField
            url={current.url}
            hint={stateHint}
            id={`${id}-link`}
            l10n={l10n}
            classNames={classNames}
            onCopied={() => setAnnouncement(s.copiedAnnouncement)}
          />
        )}
        {/* R-LNK-05: a tenant with SSO has nothing to set; the message says why. */}
        {!sso && (
          <fieldset className="foyer-invite-link__settings" aria-busy={saving || undefined}>
            <div className={cx("foyer-field", classNames?.field)} data-slot="field">
              <label className="foyer-label" htmlFor={`${id}-role`}>
                {s.roleLabel}
              </label>
              <select
                ref={(node) => {
                  refs.current.roleId = node;
                }}
                id={`${id}-role`}
                className={cx("foyer-select", classNames?.input)}
                data-slot="input"
                value={link.draft.roleId}
                aria-invalid={role.message ? true : undefined}
                aria-describedby={describedBy(`${id}-role-hint`, role.errorId)}
                onChange={(event) => link.setDraft("roleId", event.target.value)}
              >
                <option value="">{s.rolePlaceholder}</option>
                {/* A role chosen earlier that the actor can no longer grant stays visible. */}
                {current.role && !link.roles.some((r) => r.id === current.role?.id) && (
                  <option value={current.role.id} disabled>
                    {current.role.name}
                  </option>
                )}
                {link.roles.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
              <p id={`${id}-role-hint`} className="foyer-hint">
                {link.roles.length === 0 ? s.roleNone : s.roleHint}
              </p>
              <FieldError {...role} classNames={classNames} />
            </div>
            <div className={cx("foyer-field", classNames?.field)} data-slot="field">
              <label className="foyer-label" htmlFor={`${id}-domains`}>
                {s.domainsLabel}
              </label>
              <textarea
                ref={(node) => {
                  refs.current.allowedDomains = node;
                }}
                id={`${id}-domains`}
                className={cx("foyer-textarea", classNames?.input)}
                data-slot="input"
                rows={3}
                spellCheck={false}
                autoCapitalize="off"
                placeholder="acme.com"
                value={link.draft.allowedDomains}
                aria-invalid={domains.message ? true : undefined}
                aria-describedby={describedBy(`${id}-domains-hint`, domains.errorId)}
                onChange={(event) => link.setDraft("allowedDomains", event.target.value)}
              />
              <p id={`${id}-domains-hint`} className="foyer-hint">
                {format(s.domainsHint, { max: MAX_LINK_DOMAINS })}
              </p>
              {link.domains.domains.length > 0 && (
                <p className="foyer-hint foyer-invite-link__count">
                  {format(s.domainsCount, {
                    count: link.domains.domains.length,
                    max: MAX_LINK_DOMAINS,
                  })}
                </p>
              )}
              <FieldError {...domains} classNames={classNames} />
            </div>
            <div className="foyer-invite-link__row">
              <div className={cx("foyer-field", classNames?.field)} data-slot="field">
                <label className="foyer-label" htmlFor={`${id}-expiry`}>
                  {s.expiryLabel}
                </label>
                <input
                  ref={(node) => {
                    refs.current.expiresOn = node;
                  }}
                  id={`${id}-expiry`}
                  type="date"
                  className={cx("foyer-input", classNames?.input)}
                  data-slot="input"
                  value={link.draft.expiresOn}
                  aria-invalid={expiry.message ? true : undefined}
                  aria-describedby={describedBy(`${id}-expiry-hint`, expiry.errorId)}
                  onChange={(event) => link.setDraft("expiresOn", event.target.value)}
                />
                <p id={`${id}-expiry-hint`} className="foyer-hint">
                  {s.expiryHint}
                </p>
                <FieldError {...expiry} classNames={classNames} />
              </div>
              <div className={cx("foyer-field", classNames?.field)} data-slot="field">
                <label className="foyer-label" htmlFor={`${id}-max`}>
                  {s.maxJoinsLabel}
                </label>
                <input
                  ref={(node) => {
                    refs.current.maxJoins = node;
                  }}
                  id={`${id}-max`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  step={1}
                  className={cx("foyer-input", classNames?.input)}
                  data-slot="input"
                  value={link.draft.maxJoins}
                  aria-invalid={maxJoins.message ? true : undefined}
                  aria-describedby={describedBy(`${id}-max-hint`, maxJoins.errorId)}
                  onChange={(event) => link.setDraft("maxJoins", event.target.value)}
                />
                <p id={`${id}-max-hint`} className="foyer-hint">
                  {current.maxJoins === null
                    ? format(s.joins, { count: current.joinsSinceRegenerated })
                    : format(s.joinsOfMax, {
                        count: current.joinsSinceRegenerated,
                        max: current.maxJoins,
                      })}
                </p>
                <FieldError {...maxJoins} classNames={classNames} />
              </div>
            </div>
          </fieldset>
        )}
        {generalError && (
          <div role="alert" className="foyer-alert">
            <p>{generalError}</p>
          </div>
        )}
        {link.regenerateError !== null && (
          <div role="alert" className="foyer-alert">
            <p>{l10n.errorMessage(link.regenerateError)}</p>
          </div>
        )}
      </div>
      <div className={cx("foyer-dialog__footer", classNames?.footer)} data-slot="footer">
        {!sso && current.url && (
          <button
            type="button"
            className={cx("foyer-button foyer-invite-link__regenerate", classNames?.regenerate)}
            data-slot="regenerate"
            disabled={link.regenerating || saving}
            onClick={() => setConfirmRegenerate(true)}
          >
            {s.regenerate}
          </button>
        )}
        {link.saveState === "saved" && !link.dirty && (
          <span className="foyer-invite-link__saved" data-slot="saved">
            {s.saved}
          </span>
        )}
        {link.dirty && (
          <button type="button" className="foyer-button" onClick={link.discard} disabled={saving}>
            {s.discard}
          </button>
        )}
        {sso && (
          <button type="button" className="foyer-button" onClick={onClose}>
            {l10n.t.common.close}
          </button>
        )}
        {!sso && (
          <button
            type="button"
            className={cx("foyer-button foyer-button--primary", classNames?.save)}
            data-slot="save"
            data-state={saving ? "pending" : "idle"}
            aria-disabled={!link.dirty || saving || undefined}
            onClick={() => {
              if (link.dirty && !saving) void save();
            }}
          >
            {saving ? s.saving : s.save}
          </button>
        )}
      </div>
      <ConfirmDialog
        open={confirmRegenerate}
        onOpenChange={setConfirmRegenerate}
        title={s.regenerateTitle}
        description={s.regenerateDescription}
        cancelLabel={l10n.t.common.cancel}
        confirmLabel={s.regenerateConfirm}
        onConfirm={() => {
          setConfirmRegenerate(false);
          void link.regenerate().then((done) => {
            if (done) setAnnouncement(s.regenerated);
          });
        }}
      />
      <PoliteAnnouncer>{announcement}</PoliteAnnouncer>
    </>
  );
}

function FieldError({
  message,
  errorId,
  classNames,
}: {
  message: string | null;
  errorId: string | undefined;
  classNames: ClassNames;
}) {
  if (!message) return null;
  return (
    <p id={errorId} className={cx("foyer-field-error", classNames?.error)} data-slot="error">
      {message}
    </p>
  );
}

/** The URL, read-only and selected on focus, with Copy that reads "Copied" for 2 s. */
function LinkField({
  url,
  hint,
  id,
  l10n,
  classNames,
  onCopied,
}: {
  url: string | null;
  hint: string | null;
  id: string;
  l10n: L10n;
  classNames: ClassNames;
  onCopied: () => void;
}) {
  const s = l10n.t.inviteLinkDialog;
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (copy !== "copied") return;
    const timer = setTimeout(() => setCopy("idle"), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copy]);
  // A new URL (regenerated) is not the one that was copied.
  const [shownUrl, setShownUrl] = useState(url);
  if (url !== shownUrl) {
    setShownUrl(url);
    setCopy("idle");
  }
  if (!url) {
    return (
      <p className="foyer-hint" data-slot="link">
        {s.linkNone}
      </p>
    );
  }
  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopy("copied");
      onCopied();
    } catch {
      setCopy("failed");
    }
  };
  return (
    <div className={cx("foyer-field", classNames?.field)} data-slot="field">
      <label className="foyer-label" htmlFor={id}>
        {s.linkLabel}
      </label>
      <div className="foyer-invite-link__link">
        <input
          id={id}
          className={cx("foyer-input", classNames?.link)}
          data-slot="link"
          readOnly
          value={url}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          className={cx("foyer-button", classNames?.copy)}
          data-slot="copy"
          data-state={copy}
          onClick={() => void onCopy()}
        >
          {copy === "copied" ? l10n.t.common.copied : l10n.t.common.copy}
        </button>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="foyer-hint">
          {hint}
        </p>
      )}
      {copy === "failed" && (
        <p className="foyer-field-error" role="alert">
          {l10n.t.common.copyFailed}
        </p>
      )}
    </div>
  );
}
