"use client";
import { isFoyerError } from "@foyer/client";
import { normalizeEmail, sameOriginUrl, type VerifyEmailResult } from "@foyer/core/rules";
import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { useFoyer } from "../provider/use-foyer.ts";
import {
  resendVerificationEmailMutationOptions,
  verifyEmailMutationOptions,
} from "../query/options.ts";

/** Verification codes that end on their own page, with a way to ask for a new link. */
export type VerifyEmailFailureCode =
  | "VERIFICATION_LINK_INVALID"
  | "VERIFICATION_LINK_EXPIRED"
  | "VERIFICATION_LINK_USED";

/**
 * Where the verification page is: checking the token; verified; the link is dead (invalid,
 * expired, or used before); or another failure (network, rate limit) with Retry.
 */
export type VerifyEmailState =
  | { status: "verifying" }
  | { status: "verified"; result: VerifyEmailResult }
  | { status: "failed"; code: VerifyEmailFailureCode }
  | { status: "error"; error: unknown };

/** Options of `useVerifyEmail`. */
export interface UseVerifyEmailOptions {
  /** The token from the verification email's link; sent only in a request body. */
  token: string;
  /** Called once the address is verified. */
  onVerified?: ((result: VerifyEmailResult) => void) | undefined;
  /**
   * Where to go when the host signed the person in. Used only when it is on the page's own
   * origin.
   */
  redirectTo?: string | undefined;
  /** Follows `redirectTo`. @default window.location.assign */
  navigate?: ((url: string) => void) | undefined;
}

/** What `useVerifyEmail` returns. */
export interface UseVerifyEmailResult {
  state: VerifyEmailState;
  /** Verifies again after a failure that was not the link's. */
  retry: () => void;
  /**
   * Asks for a new link for an address; resolves false when the address is not valid or the
   * call failed. The answer is the same whether or not the address has an account.
   */
  resend: (email: string) => Promise<boolean>;
  resendState: "idle" | "sending" | "sent" | "error";
  resendError: unknown;
}

const FAILURES: readonly string[] = [
  "VERIFICATION_LINK_INVALID",
  "VERIFICATION_LINK_EXPIRED",
  "VERIFICATION_LINK_USED",
];
const isFailure = (code: string): code is VerifyEmailFailureCode => FAILURES.includes(code);

/**
 * R-LNK-09: the landing page of a verification email, without markup. Verifies the token
 * once on mount (a second mount, as in React's StrictMode, does not spend it twice), then
 * follows `redirectTo` when the host signed the person in; a dead link offers a new one.
 * @example
 * const verify = useVerifyEmail({ token, redirectTo: "/app" });
 */
export function useVerifyEmail(options: UseVerifyEmailOptions): UseVerifyEmailResult {
  const { client } = useFoyer();
  const verify = useMutation(verifyEmailMutationOptions(client));
  const resendMutation = useMutation(resendVerificationEmailMutationOptions(client));
  const latest = useRef(options);
  latest.current = options;
  const started = useRef<string | null>(null);
  const { mutate } = verify;

  const run = useCallback(
    (token: string) =>
      mutate(token, {
        onSuccess: (result) => {
          const { onVerified, redirectTo, navigate } = latest.current;
          onVerified?.(result);
          const target = sameOriginUrl(redirectTo, window.location.origin);
          if (target !== null && result.next === "signed_in") {
            if (navigate) navigate(target);
            else window.location.assign(target);
          }
        },
      }),
    [mutate],
  );

  useEffect(() => {
    if (started.current === options.token) return;
    started.current = options.token;
    run(options.token);
  }, [options.token, run]);

  const retry = useCallback(() => run(latest.current.token), [run]);
  const { mutateAsync: resendAsync } = resendMutation;
  const resend = useCallback(
    async (email: string): Promise<boolean> => {
      const address = normalizeEmail(email);
      if (address === null) return false;
      try {
        await resendAsync(address);
        return true;
      } catch {
        return false;
      }
    },
    [resendAsync],
  );

  let state: VerifyEmailState;
  if (verify.data) state = { status: "verified", result: verify.data };
  else if (verify.error && isFoyerError(verify.error) && isFailure(verify.error.code))
    state = { status: "failed", code: verify.error.code };
  else if (verify.error) state = { status: "error", error: verify.error };
  else state = { status: "verifying" };

  return {
    state,
    retry,
    resend,
    resendState: resendMutation.isPending
      ? "sending"
      : resendMutation.isError
        ? "error"
        : resendMutation.isSuccess
          ? "sent"
          : "idle",
    resendError: resendMutation.error,
  };
}
