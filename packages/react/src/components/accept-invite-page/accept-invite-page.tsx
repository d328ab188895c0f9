"use client";
import type { DeadLinkCode, InvitationPreview } from "@foyer/core/rules";
import { type FormEvent, type RefObject, useEffect, useId, useRef } from "react";
import {
  type AcceptInviteField,
  type AcceptInviteState,
  type UseAcceptInviteOptions,
  useAcceptInvite,
} from "../../hooks/use-accept-invite.ts";
import { cx } from "../../internal/cx.ts";
import {
  brandingStyle,
  CardLoading,
  CardMessage,
  formFieldRenderer,
  PasswordFields,
  RoleBadge,
  TenantMark,
} from "../../internal/invitee-card.tsx";
import type { SlotClassNames, StylingProps } from "../../internal/slots.ts";
import {
  type AcceptInvitePageStrings,
  acceptInvitePageEn,
} from "../../localization/accept-invite-page.ts";
import type { DeepPartial, FoyerLocalization } from "../../localization/types.ts";
import {
  type UseLocalizationResult,
  useLocalization,
} from "../../localization/use-localization.ts";
import type { AcceptInvitePageSlot } from "./slots.ts";

/** Props of `AcceptInvitePage`. */
export interface AcceptInvitePageProps
  extends UseAcceptInviteOptions,
    StylingProps<AcceptInvitePageSlot> {
  /**
   * The host's sign-in page, offered on every dead-link page (the main action when the
   * invitation was already used) and when the address already has an account.
   */
  signInUrl?: string | undefined;
  /** String overrides for this page (defaults < provider < this prop). */
  localization?: DeepPartial<FoyerLocalization> | undefined;
}

const ERROR_PAGES = {
  TOKEN_INVALID: ["invalidTitle", "invalidBody"],
  INVITATION_EXPIRED: ["expiredTitle", "expiredBody"],
  INVITATION_REVOKED: ["revokedTitle", "revokedBody"],
  INVITATION_ALREADY_USED: ["usedTitle", "usedBody"],
  INVITATION_SUPERSEDED: ["supersededTitle", "supersededBody"],
  TENANT_INACTIVE: ["inactiveTitle", "inactiveBody"],
} as const satisfies Record<
  DeadLinkCode,
  readonly [keyof AcceptInvitePageStrings, keyof AcceptInvitePageStrings]
>;

/**
 * R-UI-04: the invitee's page for a per-email invitation. Shows the tenant's branding (logo
 * or initials, accent colour with a readable foreground), the invitation, and the form with
 * the live password checklist; each token error has its own page in the same card
 * (R-INV-13). Renders its loading card on the server. Built only from `useAcceptInvite`.
 * @example
 * <AcceptInvitePage token={params.token} signInUrl="/login" redirectTo="/app" onAccepted={track} />
 */
export function AcceptInvitePage({
  signInUrl,
  localization,
  className,
  classNames,
  ...options
}: AcceptInvitePageProps) {
  const accept = useAcceptInvite(options);
  const l10n = useLocalization({ acceptInvitePage: acceptInvitePageEn }, localization);
  const s = l10n.t.acceptInvitePage;
  const { state } = accept;
  const headingRef = useRef<HTMLHeadingElement>(null);

  // A new page in the card (error, accepted) moves focus to its heading.
  const status = state.status;
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      if (status === "loading" || status === "form") return;
    }
    if (status !== "form" && status !== "loading") headingRef.current?.focus();
  }, [status]);

  const preview = state.status === "form" || state.status === "accepted" ? state.preview : null;
  return (
    <div
      className={cx("foyer-root foyer-accept", className, classNames?.root)}
      style={brandingStyle(accept.branding)}
      data-slot="root"
      data-state={state.status}
      data-branded={accept.branding ? "" : undefined}
    >
      <div
        className={cx("foyer-accept__card", classNames?.card)}
        data-slot="card"
        aria-busy={state.status === "loading" || undefined}
      >
        {state.status === "loading" ? (
          <CardLoading label={s.loading} withLine />
        ) : (
          <>
            {preview && (
              <Header
                preview={preview}
                l10n={l10n}
                classNames={classNames}
                showTitle={state.status === "form"}
              />
            )}
            <CardBody
              state={state}
              accept={accept}
              l10n={l10n}
              headingRef={headingRef}
              signInUrl={signInUrl}
              classNames={classNames}
            />
          </>
        )}
      </div>
    </div>
  );
}

function Header({
  preview,
  l10n,
  classNames,
  showTitle,
}: {
  preview: InvitationPreview;
  l10n: UseLocalizationResult<"acceptInvitePage">;
  classNames: SlotClassNames<AcceptInvitePageSlot> | undefined;
  showTitle: boolean;
}) {
  const s = l10n.t.acceptInvitePage;
  const tenant = preview.tenant.name;
  return (
    <div className={cx("foyer-accept__header", classNames?.header)} data-slot="header">
      <TenantMark
        logoUrl={preview.tenant.logoUrl}
        tenantName={tenant}
        alt={l10n.formatMessage(s.logoAlt, { tenant })}
        className={classNames?.logo}
      />
      {showTitle && (
        <>
          <h1 className={cx("foyer-accept__title", classNames?.title)} data-slot="title">
            {l10n.formatMessage(s.title, { tenant })}
          </h1>
          <p className="foyer-accept__meta">
            <RoleBadge
              role={preview.role.name}
              label={l10n.formatMessage(s.roleBadge, { role: preview.role.name })}
              className={classNames?.role}
            />
            {preview.invitedBy && (
              <span
                className={cx("foyer-accept__inviter", classNames?.inviter)}
                data-slot="inviter"
              >
                {l10n.formatMessage(s.invitedBy, { name: preview.invitedBy.name })}
              </span>
            )}
          </p>
        </>
      )}
    </div>
  );
}

interface CardBodyProps {
  state: Exclude<AcceptInviteState, { status: "loading" }>;
  accept: ReturnType<typeof useAcceptInvite>;
  l10n: UseLocalizationResult<"acceptInvitePage">;
  headingRef: RefObject<HTMLHeadingElement | null>;
  signInUrl: string | undefined;
  classNames: SlotClassNames<AcceptInvitePageSlot> | undefined;
}

function CardBody({ state, accept, l10n, headingRef, signInUrl, classNames }: CardBodyProps) {
  const s = l10n.t.acceptInvitePage;
  switch (state.status) {
    case "invalid": {
      const [title, body] = ERROR_PAGES[state.code];
      return (
        <CardMessage title={s[title]} headingRef={headingRef} tone="error" classNames={classNames}>
          <p>{s[body]}</p>
          {/* Every dead link leads somewhere: the host's sign-in page, for those who have an
              account (the used link's natural next step, primary there). */}
          {signInUrl && (
            <a
              className={cx(
                "foyer-button foyer-accept__action",
                state.code === "INVITATION_ALREADY_USED" && "foyer-button--primary",
              )}
              href={signInUrl}
            >
              {s.signIn}
            </a>
          )}
        </CardMessage>
      );
    }
    case "load-error": {
      const network = state.error instanceof Error && state.error.name === "FoyerNetworkError";
      return (
        <CardMessage
          title={network ? s.networkTitle : s.genericTitle}
          headingRef={headingRef}
          tone="error"
          classNames={classNames}
        >
          <p>{network ? s.networkBody : l10n.errorMessage(state.error)}</p>
          <button
            type="button"
            className="foyer-button foyer-button--primary foyer-accept__action"
            onClick={accept.retry}
          >
            {s.retry}
          </button>
        </CardMessage>
      );
    }
    case "accepted": {
      const verify = state.result.next === "verify_email";
      return verify ? (
        <CardMessage
          title={s.verifyTitle}
          headingRef={headingRef}
          tone="success"
          classNames={classNames}
        >
          <p>{l10n.formatMessage(s.verifyBody, { email: state.result.user.email })}</p>
        </CardMessage>
      ) : (
        <CardMessage
          title={s.doneTitle}
          headingRef={headingRef}
          tone="success"
          classNames={classNames}
        >
          <p>{l10n.formatMessage(s.doneBody, { tenant: state.preview.tenant.name })}</p>
        </CardMessage>
      );
    }
    case "form":
      return (
        <AcceptForm
          preview={state.preview}
          accept={accept}
          l10n={l10n}
          signInUrl={signInUrl}
          classNames={classNames}
        />
      );
    default: {
      const exhaustive: never = state;
      return exhaustive;
    }
  }
}

function AcceptForm({
  preview,
  accept,
  l10n,
  signInUrl,
  classNames,
}: {
  preview: InvitationPreview;
  accept: ReturnType<typeof useAcceptInvite>;
  l10n: UseLocalizationResult<"acceptInvitePage">;
  signInUrl: string | undefined;
  classNames: SlotClassNames<AcceptInvitePageSlot> | undefined;
}) {
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
