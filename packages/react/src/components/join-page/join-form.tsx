"use client";
import type { IdentityProvider, InviteLinkPreview } from "@foyer/core/rules";
import { type FormEvent, Fragment, type ReactNode, useId, useRef, useState } from "react";
import type { JoinField, UseJoinResult } from "../../hooks/use-join.ts";
import { cx } from "../../internal/cx.ts";
import { PasswordChecklist } from "../../internal/password-checklist.tsx";
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
  // The provider whose start is running (the host's `onContinueWith` may return a promise).
  const [starting, setStarting] = useState<string | null>(null);
  const continueWith = (provider: IdentityProvider) => {
    const started = onContinueWith?.(provider);
    if (!(started instanceof Promise)) return;
    setStarting(provider.id);
    void started.finally(() => setStarting(null));
  };
  const providerErrorText =
    providerError === undefined || providerError === null
      ? null
      : typeof providerError === "string"
        ? (l10n.t.errors[providerError as keyof typeof l10n.t.errors] ?? l10n.t.common.unknownError)
        : l10n.errorMessage(providerError);
  const [showPassword, setShowPassword] = useState(false);
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

  const field = (
    name: JoinField,
    label: string,
    input: { type: string; autoComplete: string; describedBy?: string | undefined },
    extra?: ReactNode,
  ) => {
    const inputId = `${id}-${name}`;
    const message = errorText(name);
    const errorId = message ? `${inputId}-error` : undefined;
    return (
      <div
        className={cx("foyer-accept__field", classNames?.field)}
        data-slot="field"
        data-field={name}
      >
        <label className={cx("foyer-label", classNames?.label)} htmlFor={inputId} data-slot="label">
          {label}
        </label>
        <div className="foyer-accept__control">
          <input
            ref={(node) => {
              refs.current[name] = node;
            }}
            id={inputId}
            name={name}
            className={cx("foyer-input", classNames?.input)}
            data-slot="input"
            type={input.type}
            autoComplete={input.autoComplete}
            required
            value={values[name]}
            aria-invalid={message ? true : undefined}
            aria-describedby={[input.describedBy, errorId].filter(Boolean).join(" ") || undefined}
            onChange={(event) => join.setValue(name, event.target.value)}
            onBlur={() => join.touch(name)}
          />
          {extra}
        </div>
        {message && (
          <p id={errorId} className={cx("foyer-field-error", classNames?.error)} data-slot="error">
            {message}
          </p>
        )}
      </div>
    );
  };

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
      {providers.length > 0 && (
        <div className={cx("foyer-join__providers", classNames?.providers)} data-slot="providers">
          {providerErrorText && (
            <div role="alert" className="foyer-alert">
              <p>{providerErrorText}</p>
              {providerErrorText === l10n.t.errors.USER_ALREADY_EXISTS && links.signIn && (
                <a href={links.signIn}>{a.signIn}</a>
              )}
            </div>
          )}
          {providers.map((provider) => (
            <button
              key={provider.id}
              type="button"
              className="foyer-button foyer-accept__action"
              disabled={starting !== null}
              aria-busy={starting === provider.id || undefined}
              onClick={() => continueWith(provider)}
            >
              {l10n.formatMessage(s.continueWith, { provider: provider.name })}
            </button>
          ))}
          <p className="foyer-join__divider">
            <span>{s.or}</span>
          </p>
        </div>
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
        {field(
          "password",
          a.passwordLabel,
          {
            type: showPassword ? "text" : "password",
            autoComplete: "new-password",
            describedBy: `${id}-rules`,
          },
          <button
            type="button"
            className="foyer-button foyer-button--ghost foyer-accept__toggle"
            aria-controls={`${id}-password`}
            onClick={() => setShowPassword((shown) => !shown)}
          >
            {showPassword ? a.hidePassword : a.showPassword}
          </button>,
        )}
        <PasswordChecklist
          id={`${id}-rules`}
          check={join.passwordCheck}
          strings={a}
          format={l10n.formatMessage}
          className={classNames?.checklist}
        />
        {field("passwordConfirmation", a.confirmLabel, {
          type: showPassword ? "text" : "password",
          autoComplete: "new-password",
        })}
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
