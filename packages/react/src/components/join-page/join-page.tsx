"use client";
import { type IdentityProvider, type InviteLinkPreview, isLogoUrl } from "@foyer/core/rules";
import {
  type CSSProperties,
  type FormEvent,
  Fragment,
  type ReactNode,
  type RefObject,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { initialsOf } from "../../hooks/tenant-branding.ts";
import {
  type JoinField,
  type JoinState,
  type UseJoinOptions,
  type UseJoinResult,
  useJoin,
} from "../../hooks/use-join.ts";
import { cx } from "../../internal/cx.ts";
import { PasswordChecklist } from "../../internal/password-checklist.tsx";
import type { SlotClassNames, StylingProps } from "../../internal/slots.ts";
import { acceptInvitePageEn } from "../../localization/accept-invite-page.ts";
import { joinPageEn } from "../../localization/join-page.ts";
import type { DeepPartial, FoyerLocalization } from "../../localization/types.ts";
import {
  type UseLocalizationResult,
  useLocalization,
} from "../../localization/use-localization.ts";
import type { JoinPageSlot } from "./slots.ts";

/** Props of `JoinPage`. */
export interface JoinPageProps extends UseJoinOptions, StylingProps<JoinPageSlot> {
  /**
   * The host's sign-in page, for people who already have an account and after "User already
   * registered.". @default the server's `signInUrl` from the link's preview
   */
  signInUrl?: string | undefined;
  /** The Terms of Service page. @default the server's `termsUrl` */
  termsUrl?: string | undefined;
  /** The Privacy Policy page. @default the server's `privacyUrl` */
  privacyUrl?: string | undefined;
  /**
   * Starts sign-up with an identity provider the link offers ("Continue with Microsoft",
   * R-LNK-06), for instance by navigating to the host's OpenID Connect start route. The
   * buttons show only when this is given and the server lists providers.
   */
  onContinueWith?:
    | ((provider: IdentityProvider, token: string) => void | Promise<void>)
    | undefined;
  /**
   * Why signing up with a provider failed, shown above the provider buttons: what the start
   * call threw (a `FoyerError`), or the error code the provider's callback sent back to the
   * page (`/join#token=…&error=IDENTITY_EMAIL_NOT_VERIFIED`).
   */
  providerError?: unknown;
  /** String overrides for this page (defaults < provider < this prop). */
  localization?: DeepPartial<FoyerLocalization> | undefined;
}

type L10n = UseLocalizationResult<"acceptInvitePage" | "joinPage">;
type ClassNames = SlotClassNames<JoinPageSlot> | undefined;

/**
 * R-UI-04 in join mode, R-LNK-06..09: the page a tenant's invite link opens. "Join
 * {Organization}" with the tenant's branding and the role, identity-provider buttons when
 * the host offers them, the sign-up form (names, email checked against the link's domains,
 * password with the live checklist of R-PWD-01, confirmation, the terms checkbox with the
 * tenant's links), R-LNK-07's exact texts, and after joining the "check your email" step with
 * "Resend email". Shares the form's strings with `AcceptInvitePage`. Built only from
 * `useJoin`.
 * @example
 * <JoinPage token={tokenFromFragment} signInUrl="/login" redirectTo="/app" />
 */
export function JoinPage({
  signInUrl,
  termsUrl,
  privacyUrl,
  onContinueWith,
  providerError,
  localization,
  className,
  classNames,
  ...options
}: JoinPageProps) {
  const join = useJoin(options);
  const l10n = useLocalization(
    { acceptInvitePage: acceptInvitePageEn, joinPage: joinPageEn },
    localization,
  );
  const { state } = join;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const status = state.status;
  // A new page in the card (error, joined) moves focus to its heading.
  const firstRender = useRef(true);
  useEffect(() => {
    const first = firstRender.current;
    firstRender.current = false;
    if (first && (status === "loading" || status === "form")) return;
    if (status !== "form" && status !== "loading") headingRef.current?.focus();
  }, [status]);

  const preview =
    state.status === "loading" || state.status === "load-error" ? null : state.preview;
  const links = {
    signIn: signInUrl ?? preview?.signInUrl ?? undefined,
    terms: termsUrl ?? preview?.termsUrl ?? undefined,
    privacy: privacyUrl ?? preview?.privacyUrl ?? undefined,
  };
  const style = join.branding
    ? ({
        "--foyer-accent": join.branding.accent,
        "--foyer-accent-foreground": join.branding.accentForeground,
      } as CSSProperties)
    : undefined;
  return (
    <div
      className={cx("foyer-root foyer-accept foyer-join", className, classNames?.root)}
      style={style}
      data-slot="root"
      data-state={status}
      data-branded={join.branding ? "" : undefined}
    >
      <div
        className={cx("foyer-accept__card", classNames?.card)}
        data-slot="card"
        aria-busy={status === "loading" || undefined}
      >
        {state.status === "loading" ? (
          <div className="foyer-accept__loading" data-slot="loading">
            <span className="foyer-skeleton foyer-accept__skeleton-logo" />
            <span className="foyer-skeleton foyer-accept__skeleton-title" />
            <span className="foyer-skeleton foyer-accept__skeleton-field" />
            <span className="foyer-skeleton foyer-accept__skeleton-field" />
            <span className="foyer-skeleton foyer-accept__skeleton-field" />
            <p role="status" className="foyer-sr-only">
              {l10n.t.common.loading}
            </p>
          </div>
        ) : (
          <>
            {preview?.tenant && (
              <Header
                preview={preview}
                tenant={preview.tenant}
                l10n={l10n}
                classNames={classNames}
                showTitle={state.status === "form"}
              />
            )}
            <Body
              state={state}
              join={join}
              l10n={l10n}
              links={links}
              headingRef={headingRef}
              classNames={classNames}
              onContinueWith={
                onContinueWith && ((provider) => onContinueWith(provider, options.token))
              }
              providerError={providerError}
            />
          </>
        )}
      </div>
    </div>
  );
}

interface Links {
  signIn: string | undefined;
  terms: string | undefined;
  privacy: string | undefined;
}

function Header({
  preview,
  tenant,
  l10n,
  classNames,
  showTitle,
}: {
  preview: InviteLinkPreview;
  tenant: NonNullable<InviteLinkPreview["tenant"]>;
  l10n: L10n;
  classNames: ClassNames;
  showTitle: boolean;
}) {
  const s = l10n.t.joinPage;
  const logo = tenant.logoUrl && isLogoUrl(tenant.logoUrl) ? tenant.logoUrl : null;
  const [logoFailed, setLogoFailed] = useState(false);
  return (
    <div className={cx("foyer-accept__header", classNames?.header)} data-slot="header">
      {logo && !logoFailed ? (
        <img
          className={cx("foyer-accept__logo", classNames?.logo)}
          data-slot="logo"
          src={logo}
          alt={l10n.formatMessage(l10n.t.acceptInvitePage.logoAlt, { tenant: tenant.name })}
          referrerPolicy="no-referrer"
          onError={() => setLogoFailed(true)}
        />
      ) : (
        <span
          className={cx("foyer-accept__initials", classNames?.logo)}
          data-slot="logo"
          aria-hidden="true"
        >
          {initialsOf(tenant.name)}
        </span>
      )}
      {showTitle && (
        <>
          <h1 className={cx("foyer-accept__title", classNames?.title)} data-slot="title">
            {l10n.formatMessage(s.title, { tenant: tenant.name })}
          </h1>
          <p className="foyer-accept__meta">
            {preview.role && (
              <span
                className={cx("foyer-badge foyer-accept__role", classNames?.role)}
                data-slot="role"
              >
                <span className="foyer-sr-only">
                  {l10n.formatMessage(l10n.t.acceptInvitePage.roleBadge, {
                    role: preview.role.name,
                  })}
                </span>
                <span aria-hidden="true">{preview.role.name}</span>
              </span>
            )}
            <span>{s.description}</span>
          </p>
        </>
      )}
    </div>
  );
}

function Message({
  title,
  children,
  headingRef,
  tone,
  classNames,
}: {
  title: string;
  children: ReactNode;
  headingRef: RefObject<HTMLHeadingElement | null>;
  tone: "error" | "success";
  classNames: ClassNames;
}) {
  return (
    <div
      className={cx("foyer-accept__message", classNames?.message)}
      data-slot="message"
      data-state={tone}
    >
      <h1 ref={headingRef} tabIndex={-1} className={cx("foyer-accept__title", classNames?.title)}>
        {title}
      </h1>
      {children}
    </div>
  );
}

function Body({
  state,
  join,
  l10n,
  links,
  headingRef,
  classNames,
  onContinueWith,
  providerError,
}: {
  state: Exclude<JoinState, { status: "loading" }>;
  join: UseJoinResult;
  l10n: L10n;
  links: Links;
  headingRef: RefObject<HTMLHeadingElement | null>;
  classNames: ClassNames;
  onContinueWith: ((provider: IdentityProvider) => void | Promise<void>) | undefined;
  providerError: unknown;
}) {
  const a = l10n.t.acceptInvitePage;
  const s = l10n.t.joinPage;
  switch (state.status) {
    case "invalid":
      // R-LNK-07: one text for a link that is invalid, revoked, turned off, expired or full.
      return (
        <Message
          title={s.invalidTitle}
          headingRef={headingRef}
          tone="error"
          classNames={classNames}
        >
          <p>{l10n.t.errors.INVITE_LINK_INVALID}</p>
          {links.signIn && (
            <a className="foyer-button foyer-accept__action" href={links.signIn}>
              {a.signIn}
            </a>
          )}
        </Message>
      );
    case "load-error": {
      const network = state.error instanceof Error && state.error.name === "FoyerNetworkError";
      return (
        <Message
          title={network ? a.networkTitle : a.genericTitle}
          headingRef={headingRef}
          tone="error"
          classNames={classNames}
        >
          <p>{network ? a.networkBody : l10n.errorMessage(state.error)}</p>
          <button
            type="button"
            className="foyer-button foyer-button--primary foyer-accept__action"
            onClick={join.retry}
          >
            {a.retry}
          </button>
        </Message>
      );
    }
    case "joined":
      return state.result.next === "verify_email" ? (
        <CheckEmail
          email={state.result.user.email}
          join={join}
          l10n={l10n}
          headingRef={headingRef}
          classNames={classNames}
        />
      ) : (
        <Message title={a.doneTitle} headingRef={headingRef} tone="success" classNames={classNames}>
          <p>{l10n.formatMessage(a.doneBody, { tenant: state.preview.tenant?.name ?? "" })}</p>
        </Message>
      );
    case "form":
      return (
        <JoinForm
          preview={state.preview}
          join={join}
          l10n={l10n}
          links={links}
          classNames={classNames}
          onContinueWith={onContinueWith}
          providerError={providerError}
        />
      );
    default: {
      const exhaustive: never = state;
      return exhaustive;
    }
  }
}

/** After a join that needs verification: the address, and "Resend email" (R-LNK-09). */
function CheckEmail({
  email,
  join,
  l10n,
  headingRef,
  classNames,
}: {
  email: string;
  join: UseJoinResult;
  l10n: L10n;
  headingRef: RefObject<HTMLHeadingElement | null>;
  classNames: ClassNames;
}) {
  const s = l10n.t.joinPage;
  const sending = join.resendState === "sending";
  // The server sends at most one email a minute (and says nothing either way): the button
  // waits as long, from the join and from each resend, so a click always can mean a send.
  const [waitUntil, setWaitUntil] = useState(() => Date.now() + RESEND_WAIT_MS);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (now >= waitUntil) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [now, waitUntil]);
  const seconds = Math.max(0, Math.ceil((waitUntil - now) / 1000));
  const blocked = sending || seconds > 0;
  const waitId = useId();
  return (
    <Message
      title={l10n.t.acceptInvitePage.verifyTitle}
      headingRef={headingRef}
      tone="success"
      classNames={classNames}
    >
      <p>{l10n.formatMessage(s.checkEmailBody, { email })}</p>
      <button
        type="button"
        className={cx("foyer-button foyer-accept__action", classNames?.resend)}
        data-slot="resend"
        data-state={sending ? "pending" : "idle"}
        aria-disabled={blocked || undefined}
        aria-describedby={seconds > 0 ? waitId : undefined}
        onClick={() => {
          if (blocked) return;
          void join.resend().then(() => {
            setWaitUntil(Date.now() + RESEND_WAIT_MS);
            setNow(Date.now());
          });
        }}
      >
        {sending ? s.resending : s.resend}
      </button>
      {seconds > 0 && (
        <p id={waitId} className="foyer-hint">
          {l10n.formatMessage(s.resendIn, { seconds })}
        </p>
      )}
      <p role="status" className="foyer-hint">
        {join.resendState === "sent" ? s.resent : ""}
      </p>
      {join.resendState === "error" && (
        <p role="alert" className="foyer-field-error">
          {l10n.errorMessage(join.resendError)}
        </p>
      )}
    </Message>
  );
}

/** How long "Resend email" waits after an email went out: the server's first interval. */
const RESEND_WAIT_MS = 60_000;

/** Puts elements where a message names them: `"I accept the {{terms}}"` with a link. */
function withNodes(message: string, nodes: Record<string, ReactNode>): ReactNode[] {
  return message.split(/(\{\{\w+\}\})/).map((part, index) => {
    const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1];
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed message
    return <Fragment key={index}>{name && name in nodes ? nodes[name] : part}</Fragment>;
  });
}

function JoinForm({
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
