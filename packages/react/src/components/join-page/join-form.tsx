"use client";
import type { IdentityProvider, InviteLinkPreview } from "@foyer/core/rules";
import { type FormEvent, Fragment, type ReactNode, useId, useRef } from "react";
import type { JoinField, UseJoinResult } from "../../hooks/use-join.ts";
import { cx } from "../../internal/cx.ts";
import { formFieldRenderer, PasswordFields } from "../../internal/invitee-form.tsx";
import { ProviderButtons, providerErrorText } from "../../internal/provider-buttons.tsx";
import type { SlotClassNames } from "../../internal/slots.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import type { Links } from "./join-page.tsx";
import type { JoinPageSlot } from "./slots.ts";

type L10n = UseLocalizationResult<"acceptInvitePage" | "joinPage">;
type ClassNames = SlotClassNames<JoinPageSlot> | undefined;

/** Puts elements where a message names them: `"I accept the {{terms}}"` with a link. */
function withNodes(message: string, nodes: Record<string, ReactNode>): ReactNode[] {
  return message.split(/(\{\{\w+\}\})/).map((part, index) => {
    const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1];
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed message
    return <Fragment key={index}>{name && name in nodes ? nodes[name] : part}</Fragment>;
  });
}

/**
 * The sign-up form: identity-provider buttons, names, email, password with the live checklist,
 * confirmation, the terms checkbox, submit. A chunk of its own, imported when `JoinPage`
 * mounts, beside the request for the link's preview it waits for anyway. Internal: part of
 * `JoinPage`.
 */
export function JoinForm({
  preview,
  join,
  l10n,
  links,
  classNames,
  onContinueWith,
  providerError,
}: {
  preview: InviteLinkPreview;
  join: UseJoinResult;
  l10n: L10n;
  links: Links;
  classNames: ClassNames;
  onContinueWith: ((provider: IdentityProvider) => void | Promise<void>) | undefined;
  providerError: unknown;
}) {
  const a = l10n.t.acceptInvitePage;
  const s = l10n.t.joinPage;
  const id = useId();
  const providerMessage = providerErrorText(
    providerError,
    l10n.t.errors,
    l10n.errorMessage,
    l10n.t.common.unknownError,
  );
  const refs = useRef<Partial<Record<JoinField | "acceptTerms", HTMLInputElement | null>>>({});
  const { values, errors } = join;

  const errorText = (field: JoinField | "acceptTerms"): string | null => {
    const kind = errors[field];
    switch (kind) {
      case undefined:
        return null;
      case "required":
        return {
          firstName: a.firstNameRequired,
          lastName: a.lastNameRequired,
          email: s.emailRequired,
          password: a.passwordRequired,
          passwordConfirmation: a.confirmRequired,
          acceptTerms: s.termsRequired,
        }[field];
      case "invalid":
        return s.emailInvalid;
      case "domain":
        return l10n.t.errors.EMAIL_DOMAIN_NOT_ALLOWED;
      case "weak":
        return a.passwordWeak;
      case "mismatch":
        return a.mismatch;
      case "terms":
        return s.termsRequired;
      case "server":
        if (field === "password") return a.passwordWeak;
        if (field === "passwordConfirmation") return a.mismatch;
        if (field === "acceptTerms") return s.termsRequired;
        return join.serverMessages[field] ?? l10n.t.errors.VALIDATION_FAILED;
      default: {
        const exhaustive: never = kind;
        return exhaustive;
      }
    }
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (join.submitting) return;
    const invalid = await join.submit();
    if (invalid) refs.current[invalid]?.focus();
  };

  const field = formFieldRenderer<JoinField>({
    idPrefix: id,
    values,
    errorText,
    refs,
    setValue: join.setValue,
    touch: join.touch,
    classNames,
  });

  const providers = onContinueWith ? preview.identityProviders : [];
  const domains = preview.allowedDomains;
  const submitError = join.submitError;
  const exists =
    submitError instanceof Error &&
    submitError.name === "FoyerError" &&
    (submitError as Error & { code?: string }).code === "USER_ALREADY_EXISTS";
  const termsError = errorText("acceptTerms");
  const link = (href: string | undefined, text: string) =>
    href ? (
      <a href={href} target="_blank" rel="noreferrer">
        {text}
      </a>
    ) : (
      text
    );
  return (
    <>
      {providers.length > 0 && onContinueWith && (
        <ProviderButtons
          providers={providers}
          label={(provider) => l10n.formatMessage(s.continueWith, { provider: provider.name })}
          onContinueWith={onContinueWith}
          error={providerMessage}
          errorAction={
            providerMessage === l10n.t.errors.USER_ALREADY_EXISTS &&
            links.signIn && <a href={links.signIn}>{a.signIn}</a>
          }
          divider={s.or}
          className={classNames?.providers}
        />
      )}
      <form
        className={cx("foyer-accept__form", classNames?.form)}
        data-slot="form"
        noValidate
        onSubmit={(event) => void onSubmit(event)}
      >
        <div className="foyer-accept__row">
          {field("firstName", a.firstNameLabel, { type: "text", autoComplete: "given-name" })}
          {field("lastName", a.lastNameLabel, { type: "text", autoComplete: "family-name" })}
        </div>
        {field("email", a.emailLabel, {
          type: "email",
          autoComplete: "email",
          describedBy: domains.length > 0 ? `${id}-email-hint` : undefined,
        })}
        {domains.length > 0 && (
          <p id={`${id}-email-hint`} className="foyer-hint foyer-join__domains">
            {l10n.formatMessage(s.emailDomainsHint, { domains: domains.join(", ") })}
          </p>
        )}
        <PasswordFields
          idPrefix={id}
          field={field}
          check={join.passwordCheck}
          strings={a}
          format={l10n.formatMessage}
          checklistClassName={classNames?.checklist}
        />
        <div
          className={cx("foyer-join__terms", classNames?.terms)}
          data-slot="terms"
          data-field="acceptTerms"
        >
          <input
            ref={(node) => {
              refs.current.acceptTerms = node;
            }}
            id={`${id}-terms`}
            type="checkbox"
            className="foyer-checkbox"
            checked={values.acceptTerms}
            aria-invalid={termsError ? true : undefined}
            aria-describedby={termsError ? `${id}-terms-error` : undefined}
            onChange={(event) => join.setAcceptTerms(event.target.checked)}
          />
          <label htmlFor={`${id}-terms`}>
            {withNodes(s.terms, {
              terms: link(links.terms, s.termsLink),
              privacy: link(links.privacy, s.privacyLink),
            })}
          </label>
          {termsError && (
            <p id={`${id}-terms-error`} className="foyer-field-error" data-slot="error">
              {termsError}
            </p>
          )}
        </div>
        {submitError !== null && (
          <div role="alert" className="foyer-alert">
            <p>{exists ? l10n.t.errors.USER_ALREADY_EXISTS : l10n.errorMessage(submitError)}</p>
            {exists && links.signIn && <a href={links.signIn}>{a.signIn}</a>}
          </div>
        )}
        <button
          type="submit"
          className={cx(
            "foyer-button foyer-button--primary foyer-accept__submit",
            classNames?.submit,
          )}
          data-slot="submit"
          data-state={join.submitting ? "pending" : "idle"}
          aria-disabled={join.submitting || undefined}
        >
          {join.submitting ? a.submitting : s.submit}
        </button>
        {links.signIn && (
          <p className="foyer-hint foyer-join__sign-in">
            {s.haveAccount} <a href={links.signIn}>{a.signIn}</a>
          </p>
        )}
      </form>
    </>
  );
}
