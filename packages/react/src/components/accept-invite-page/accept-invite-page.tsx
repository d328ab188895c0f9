"use client";
import type { DeadLinkCode, IdentityProvider, InvitationPreview } from "@foyer/core/rules";
import { type RefObject, useEffect, useRef } from "react";
import {
  type AcceptInviteState,
  type UseAcceptInviteOptions,
  useAcceptInvite,
} from "../../hooks/use-accept-invite.ts";
import { cx } from "../../internal/cx.ts";
import { DeferredFallback } from "../../internal/deferred-fallback.tsx";
import {
  type DeferredPartState,
  deferredPart,
  useDeferredPart,
} from "../../internal/deferred-part.ts";
import {
  brandingStyle,
  CardLoading,
  CardMessage,
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
  /**
   * Starts accepting with an identity provider the invitation offers ("Accept with
   * Microsoft"): typically `client.startIdentityAccept({ token, providerId })`, then a
   * navigation to the answer's `authorizationUrl`. The buttons show only when this is given
   * and the server lists providers for the tenant; on a tenant with SSO they replace the
   * password form.
   */
  onContinueWith?:
    | ((provider: IdentityProvider, token: string) => void | Promise<void>)
    | undefined;
  /**
   * Why accepting with a provider failed, shown above its buttons: what the start call threw
   * (a `FoyerError`), or the error code the provider's callback sent back to the page
   * (`/accept-invite#token=…&error=IDENTITY_EMAIL_MISMATCH`).
   */
  providerError?: unknown;
  /** String overrides for this page (defaults < provider < this prop). */
  localization?: DeepPartial<FoyerLocalization> | undefined;
}

/** The form: a chunk of its own, imported on mount while the invitation loads. */
const formPart = /* @__PURE__ */ deferredPart(() => import("./accept-form.tsx"));

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
  onContinueWith,
  providerError,
  localization,
  className,
  classNames,
  ...options
}: AcceptInvitePageProps) {
  const accept = useAcceptInvite(options);
  const form = useDeferredPart(formPart);
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
              form={form}
              l10n={l10n}
              headingRef={headingRef}
              signInUrl={signInUrl}
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
  form: DeferredPartState<typeof import("./accept-form.tsx")>;
  l10n: UseLocalizationResult<"acceptInvitePage">;
  headingRef: RefObject<HTMLHeadingElement | null>;
  signInUrl: string | undefined;
  classNames: SlotClassNames<AcceptInvitePageSlot> | undefined;
  onContinueWith: ((provider: IdentityProvider) => void | Promise<void>) | undefined;
  providerError: unknown;
}

function CardBody({
  state,
  accept,
  form,
  l10n,
  headingRef,
  signInUrl,
  classNames,
  onContinueWith,
  providerError,
}: CardBodyProps) {
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
    case "form": {
      const AcceptForm = form.module?.AcceptForm;
      if (!AcceptForm) {
        return (
          <DeferredFallback part={form} common={l10n.t.common} className="foyer-accept__loading" />
        );
      }
      return (
        <AcceptForm
          preview={state.preview}
          accept={accept}
          l10n={l10n}
          signInUrl={signInUrl}
          classNames={classNames}
          onContinueWith={onContinueWith}
          providerError={providerError}
        />
      );
    }
    default: {
      const exhaustive: never = state;
      return exhaustive;
    }
  }
}
