"use client";
import type { IdentityProvider, InvitationPreview } from "@foyer/core/rules";
import { type FormEvent, useId, useRef } from "react";
import type { AcceptInviteField, useAcceptInvite } from "../../hooks/use-accept-invite.ts";
import { cx } from "../../internal/cx.ts";
import { formFieldRenderer, PasswordFields } from "../../internal/invitee-form.tsx";
import { ProviderButtons, providerErrorText } from "../../internal/provider-buttons.tsx";
import type { SlotClassNames } from "../../internal/slots.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import type { AcceptInvitePageSlot } from "./slots.ts";

type FormProps = {
  preview: InvitationPreview;
  accept: ReturnType<typeof useAcceptInvite>;
  l10n: UseLocalizationResult<"acceptInvitePage">;
  signInUrl: string | undefined;
  classNames: SlotClassNames<AcceptInvitePageSlot> | undefined;
};

/**
 * The accept form: "Accept with {provider}" buttons when the host offers them (alone, when
 * the tenant signs in with SSO only), then names, password with the live checklist,
 * confirmation, submit. A chunk of its own, imported when `AcceptInvitePage` mounts, beside
 * the request for the invitation it waits for anyway. Internal: part of `AcceptInvitePage`.
 */
export function AcceptForm({
  onContinueWith,
  providerError,
  ...props
}: FormProps & {
  onContinueWith: ((provider: IdentityProvider) => void | Promise<void>) | undefined;
  providerError: unknown;
}) {
  const { preview, l10n, classNames } = props;
  const s = l10n.t.acceptInvitePage;
  const providers = onContinueWith ? preview.identityProviders : [];
  // The server allows no password on a tenant with SSO that a provider serves.
  const passwordForm = preview.passwordAllowed;
  const message = providerErrorText(
    providerError,
    l10n.t.errors,
    l10n.errorMessage,
    l10n.t.common.unknownError,
  );
  return (
    <>
      {!preview.passwordAllowed && (
        <p className="foyer-hint foyer-accept__sso">
          {providers.length > 0
            ? l10n.formatMessage(s.ssoHint, { tenant: preview.tenant.name, email: preview.email })
            : l10n.t.errors.SSO_REQUIRED}
        </p>
      )}
      {onContinueWith && providers.length > 0 && (
        <ProviderButtons
          providers={providers}
          label={(provider) => l10n.formatMessage(s.acceptWith, { provider: provider.name })}
          onContinueWith={onContinueWith}
          error={message}
          divider={passwordForm ? s.or : null}
          className={classNames?.providers}
        />
      )}
      {passwordForm && <PasswordForm {...props} />}
    </>
  );
}

/** Names, password with the live checklist, confirmation, submit. */
function PasswordForm({ preview, accept, l10n, signInUrl, classNames }: FormProps) {
  const s = l10n.t.acceptInvitePage;
  const id = useId();
  const refs = useRef<Partial<Record<AcceptInviteField, HTMLInputElement | null>>>({});
  const { values, errors } = accept;

  const errorText = (field: AcceptInviteField): string | null => {
    const kind = errors[field];
    switch (kind) {
      case undefined:
        return null;
      case "required":
        return {
          firstName: s.firstNameRequired,
          lastName: s.lastNameRequired,
          password: s.passwordRequired,
          passwordConfirmation: s.confirmRequired,
        }[field];
      case "weak":
        return s.passwordWeak;
      case "mismatch":
        return s.mismatch;
      case "server":
        if (field === "password") return s.passwordWeak;
        if (field === "passwordConfirmation") return s.mismatch;
        return accept.serverMessages[field] ?? l10n.t.errors.VALIDATION_FAILED;
      default: {
        const exhaustive: never = kind;
        return exhaustive;
      }
    }
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (accept.submitting) return;
    const invalid = await accept.submit();
    if (invalid) refs.current[invalid]?.focus();
  };

  const field = formFieldRenderer<AcceptInviteField>({
    idPrefix: id,
    values,
    errorText,
    refs,
    setValue: accept.setValue,
    touch: accept.touch,
    classNames,
  });

  const submitError = accept.submitError;
  const submitCode =
    submitError instanceof Error && submitError.name === "FoyerError"
      ? (submitError as Error & { code?: string }).code
      : undefined;
  return (
    <form
      className={cx("foyer-accept__form", classNames?.form)}
      data-slot="form"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
    >
      <div
        className={cx("foyer-accept__field", classNames?.field)}
        data-slot="field"
        data-field="email"
      >
        <label
          className={cx("foyer-label", classNames?.label)}
          htmlFor={`${id}-email`}
          data-slot="label"
        >
          {s.emailLabel}
        </label>
        <input
          id={`${id}-email`}
          className={cx("foyer-input", classNames?.input)}
          data-slot="input"
          type="email"
          autoComplete="email"
          value={preview.email}
          readOnly
          aria-describedby={`${id}-email-hint`}
        />
        <p id={`${id}-email-hint`} className="foyer-hint">
          {s.emailHint}
        </p>
      </div>
      <div className="foyer-accept__row">
        {field("firstName", s.firstNameLabel, { type: "text", autoComplete: "given-name" })}
        {field("lastName", s.lastNameLabel, { type: "text", autoComplete: "family-name" })}
      </div>
      <PasswordFields
        idPrefix={id}
        field={field}
        check={accept.passwordCheck}
        strings={s}
        format={l10n.formatMessage}
        checklistClassName={classNames?.checklist}
      />
      {submitError !== null && (
        <div role="alert" className="foyer-alert">
          <p>
            {submitCode === "USER_ALREADY_EXISTS" ? s.userExists : l10n.errorMessage(submitError)}
          </p>
          {submitCode === "USER_ALREADY_EXISTS" && signInUrl && <a href={signInUrl}>{s.signIn}</a>}
        </div>
      )}
      <button
        type="submit"
        className={cx(
          "foyer-button foyer-button--primary foyer-accept__submit",
          classNames?.submit,
        )}
        data-slot="submit"
        data-state={accept.submitting ? "pending" : "idle"}
        aria-disabled={accept.submitting || undefined}
      >
        {accept.submitting ? s.submitting : s.submit}
      </button>
    </form>
  );
}
