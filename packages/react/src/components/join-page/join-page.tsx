"use client";
import type { IdentityProvider, InviteLinkPreview } from "@foyer/core/rules";
import { type RefObject, useEffect, useId, useRef, useState } from "react";
import {
  type JoinState,
  type UseJoinOptions,
  type UseJoinResult,
  useJoin,
} from "../../hooks/use-join.ts";
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

/** The form: a chunk of its own, imported on mount while the link's preview loads. */
const formPart = /* @__PURE__ */ deferredPart(() => import("./join-form.tsx"));
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
  const form = useDeferredPart(formPart);
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
  return (
    <div
      className={cx("foyer-root foyer-accept foyer-join", className, classNames?.root)}
      style={brandingStyle(join.branding)}
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
          <CardLoading label={l10n.t.common.loading} withLine={false} />
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
              form={form}
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

/** Where the page's links go. Internal. */
export interface Links {
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
  return (
    <div className={cx("foyer-accept__header", classNames?.header)} data-slot="header">
      <TenantMark
        logoUrl={tenant.logoUrl}
        tenantName={tenant.name}
        alt={l10n.formatMessage(l10n.t.acceptInvitePage.logoAlt, { tenant: tenant.name })}
        className={classNames?.logo}
      />
      {showTitle && (
        <>
          <h1 className={cx("foyer-accept__title", classNames?.title)} data-slot="title">
            {l10n.formatMessage(s.title, { tenant: tenant.name })}
          </h1>
          <p className="foyer-accept__meta">
            {preview.role && (
              <RoleBadge
                role={preview.role.name}
                label={l10n.formatMessage(l10n.t.acceptInvitePage.roleBadge, {
                  role: preview.role.name,
                })}
                className={classNames?.role}
              />
            )}
            <span>{s.description}</span>
          </p>
        </>
      )}
    </div>
  );
}

function Body({
  form,
  state,
  join,
  l10n,
  links,
  headingRef,
  classNames,
  onContinueWith,
  providerError,
}: {
  form: DeferredPartState<typeof import("./join-form.tsx")>;
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
        <CardMessage
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
        </CardMessage>
      );
    case "load-error": {
      const network = state.error instanceof Error && state.error.name === "FoyerNetworkError";
      return (
        <CardMessage
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
        </CardMessage>
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
        <CardMessage
          title={a.doneTitle}
          headingRef={headingRef}
          tone="success"
          classNames={classNames}
        >
          <p>{l10n.formatMessage(a.doneBody, { tenant: state.preview.tenant?.name ?? "" })}</p>
        </CardMessage>
      );
    case "form": {
      const JoinForm = form.module?.JoinForm;
      if (!JoinForm) {
        return (
          <DeferredFallback part={form} common={l10n.t.common} className="foyer-accept__loading" />
        );
      }
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
    }
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
    <CardMessage
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
    </CardMessage>
  );
}

/** How long "Resend email" waits after an email went out: the server's first interval. */
const RESEND_WAIT_MS = 60_000;
