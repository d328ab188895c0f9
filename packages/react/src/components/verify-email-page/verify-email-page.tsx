"use client";
import { isValidEmail } from "@foyer/core/rules";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import {
  type UseVerifyEmailOptions,
  type UseVerifyEmailResult,
  useVerifyEmail,
  type VerifyEmailFailureCode,
} from "../../hooks/use-verify-email.ts";
import { cx } from "../../internal/cx.ts";
import type { SlotClassNames, StylingProps } from "../../internal/slots.ts";
import type { DeepPartial, FoyerLocalization } from "../../localization/types.ts";
import {
  type UseLocalizationResult,
  useLocalization,
} from "../../localization/use-localization.ts";
import { verifyEmailPageEn } from "../../localization/verify-email-page.ts";
import type { VerifyEmailPageSlot } from "./slots.ts";

/** Props of `VerifyEmailPage`. */
export interface VerifyEmailPageProps
  extends UseVerifyEmailOptions,
    StylingProps<VerifyEmailPageSlot> {
  /** The host's sign-in page, the next step once verified (and after "already verified"). */
  signInUrl?: string | undefined;
  /** String overrides for this page (defaults < provider < this prop). */
  localization?: DeepPartial<FoyerLocalization> | undefined;
}

type L10n = UseLocalizationResult<"verifyEmailPage">;
type ClassNames = SlotClassNames<VerifyEmailPageSlot> | undefined;

const TITLES = {
  VERIFICATION_LINK_INVALID: "invalidTitle",
  VERIFICATION_LINK_EXPIRED: "expiredTitle",
  VERIFICATION_LINK_USED: "usedTitle",
} as const satisfies Record<VerifyEmailFailureCode, string>;

/**
 * R-LNK-09: where a verification email's link lands. Verifies on arrival, then says so and
 * leads on (to `redirectTo` when the host signed the person in, else to sign-in); a link that
 * is not valid or expired offers to send a new one (the answer never says whether the
 * address exists); an address verified before leads to sign-in. Same card as the invitee
 * pages. Built only from `useVerifyEmail`.
 * @example
 * <VerifyEmailPage token={tokenFromFragment} signInUrl="/login" redirectTo="/app" />
 */
export function VerifyEmailPage({
  signInUrl,
  localization,
  className,
  classNames,
  ...options
}: VerifyEmailPageProps) {
  const verify = useVerifyEmail(options);
  const l10n = useLocalization({ verifyEmailPage: verifyEmailPageEn }, localization);
  const s = l10n.t.verifyEmailPage;
  const { state } = verify;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.status !== "verifying") headingRef.current?.focus();
  }, [state.status]);

  let title: string;
  let body: string;
  let tone: "success" | "error" = "error";
  switch (state.status) {
    case "verifying":
      title = s.verifying;
      body = "";
      break;
    case "verified":
      title = s.verifiedTitle;
      body = state.result.next === "signed_in" ? s.signedInBody : s.verifiedBody;
      tone = "success";
      break;
    case "failed":
      title = s[TITLES[state.code]];
      body = l10n.t.errors[state.code];
      break;
    case "error":
      title = s.errorTitle;
      body = l10n.errorMessage(state.error);
      break;
    default: {
      const exhaustive: never = state;
      return exhaustive;
    }
  }
  const next =
    state.status === "verified"
      ? state.result.next === "signed_in"
        ? (options.redirectTo ?? null)
        : (signInUrl ?? null)
      : null;
  return (
    <div
      className={cx("foyer-root foyer-accept foyer-verify", className, classNames?.root)}
      data-slot="root"
      data-state={state.status}
    >
      <div
        className={cx("foyer-accept__card", classNames?.card)}
        data-slot="card"
        aria-busy={state.status === "verifying" || undefined}
      >
        <div
          className={cx("foyer-accept__message", classNames?.message)}
          data-slot="message"
          data-state={state.status === "verifying" ? undefined : tone}
        >
          <h1
            ref={headingRef}
            tabIndex={-1}
            className={cx("foyer-accept__title", classNames?.title)}
            data-slot="title"
          >
            {title}
          </h1>
          {state.status === "verifying" ? (
            <p role="status" className="foyer-sr-only">
              {s.verifying}
            </p>
          ) : (
            <p>{body}</p>
          )}
          {next && (
            <a className="foyer-button foyer-button--primary foyer-accept__action" href={next}>
              {state.status === "verified" && state.result.next === "sign_in"
                ? s.signIn
                : s.continue}
            </a>
          )}
          {state.status === "failed" && state.code === "VERIFICATION_LINK_USED" && signInUrl && (
            <a className="foyer-button foyer-button--primary foyer-accept__action" href={signInUrl}>
              {s.signIn}
            </a>
          )}
          {state.status === "error" && (
            <button
              type="button"
              className="foyer-button foyer-button--primary foyer-accept__action"
              onClick={verify.retry}
            >
              {s.retry}
            </button>
          )}
        </div>
        {state.status === "failed" && state.code !== "VERIFICATION_LINK_USED" && (
          <ResendForm verify={verify} l10n={l10n} classNames={classNames} />
        )}
      </div>
    </div>
  );
}

/** Asks for a new link: the address, "Send a new link", and the same answer for any address. */
function ResendForm({
  verify,
  l10n,
  classNames,
}: {
  verify: UseVerifyEmailResult;
  l10n: L10n;
  classNames: ClassNames;
}) {
  const s = l10n.t.verifyEmailPage;
  const id = useId();
  const [email, setEmail] = useState("");
  const [invalid, setInvalid] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const sending = verify.resendState === "sending";
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    if (!isValidEmail(email)) {
      setInvalid(true);
      inputRef.current?.focus();
      return;
    }
    void verify.resend(email);
  };
  return (
    <form
      className={cx("foyer-accept__form foyer-verify__form", classNames?.form)}
      data-slot="form"
      noValidate
      onSubmit={onSubmit}
    >
      <p className="foyer-hint">{s.resendPrompt}</p>
      <div className="foyer-accept__field">
        <label className="foyer-label" htmlFor={`${id}-email`}>
          {s.emailLabel}
        </label>
        <input
          ref={inputRef}
          id={`${id}-email`}
          type="email"
          autoComplete="email"
          className={cx("foyer-input", classNames?.input)}
          data-slot="input"
          value={email}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(event) => {
            setEmail(event.target.value);
            setInvalid(false);
          }}
        />
        {invalid && (
          <p id={`${id}-error`} className={cx("foyer-field-error", classNames?.error)}>
            {s.emailInvalid}
          </p>
        )}
      </div>
      <button
        type="submit"
        className={cx("foyer-button foyer-accept__action", classNames?.resend)}
        data-slot="resend"
        data-state={sending ? "pending" : "idle"}
        aria-disabled={sending || undefined}
      >
        {sending ? s.resending : s.resend}
      </button>
      <p role="status" className="foyer-hint">
        {verify.resendState === "sent" ? s.resent : ""}
      </p>
      {verify.resendState === "error" && (
        <p role="alert" className="foyer-field-error">
          {l10n.errorMessage(verify.resendError)}
        </p>
      )}
    </form>
  );
}
