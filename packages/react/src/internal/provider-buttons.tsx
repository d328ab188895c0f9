"use client";
import type { IdentityProvider } from "@foyer/core/rules";
import { type ReactNode, useState } from "react";
import { cx } from "./cx.ts";

/**
 * The text of why a provider flow failed: what the host's start call threw (a `FoyerError`),
 * or the error code the provider's callback sent back to the page (`#…&error=CODE`).
 */
export function providerErrorText(
  providerError: unknown,
  errors: Readonly<Record<string, string>>,
  errorMessage: (error: unknown) => string,
  unknownError: string,
): string | null {
  if (providerError === undefined || providerError === null || providerError === "") return null;
  if (typeof providerError === "string") return errors[providerError] ?? unknownError;
  return errorMessage(providerError);
}

/**
 * Identity-provider buttons ("Continue with Microsoft", "Accept with Microsoft") above a
 * form, with the reason the last attempt failed and, when a form follows, an "or" divider.
 * The host's `onContinueWith` may return a promise: its button shows busy meanwhile and
 * none can start a second flow. Internal: part of `JoinPage` and `AcceptInvitePage`.
 */
export function ProviderButtons({
  providers,
  label,
  onContinueWith,
  error,
  errorAction,
  divider,
  className,
}: {
  providers: readonly IdentityProvider[];
  label: (provider: IdentityProvider) => string;
  onContinueWith: (provider: IdentityProvider) => void | Promise<void>;
  error: string | null;
  /** Shown under the error (a sign-in link for "already registered"). */
  errorAction?: ReactNode;
  /** The divider's text when a form follows; null when the buttons are all there is. */
  divider: string | null;
  className: string | undefined;
}) {
  // The provider whose start is running.
  const [starting, setStarting] = useState<string | null>(null);
  const continueWith = (provider: IdentityProvider) => {
    const started = onContinueWith(provider);
    if (!(started instanceof Promise)) return;
    setStarting(provider.id);
    void started.finally(() => setStarting(null));
  };
  return (
    <div className={cx("foyer-accept__providers", className)} data-slot="providers">
      {error && (
        <div role="alert" className="foyer-alert">
          <p>{error}</p>
          {errorAction}
        </div>
      )}
      {providers.map((provider) => (
        <button
          key={provider.id}
          type="button"
          className={cx(
            "foyer-button foyer-accept__action",
            divider === null && "foyer-button--primary",
          )}
          disabled={starting !== null}
          aria-busy={starting === provider.id || undefined}
          onClick={() => continueWith(provider)}
        >
          {label(provider)}
        </button>
      ))}
      {divider !== null && (
        <p className="foyer-accept__divider">
          <span>{divider}</span>
        </p>
      )}
    </div>
  );
}
