import { sameOriginUrl } from "@foyer/core/rules";

// What the invitee's two flows (useAcceptInvite for an invitation, useJoin for an invite
// link) check and do alike. Internal.

/** The password and confirmation fields of a sign-up form. */
export interface PasswordValues {
  password: string;
  passwordConfirmation: string;
}

/** Why the password or its confirmation is not accepted yet. */
export interface PasswordFieldErrors {
  password?: "required" | "weak";
  passwordConfirmation?: "required" | "mismatch";
}

/**
 * The password's problems (empty, or short of the policy: `passwordOk`) once `show` says so;
 * the confirmation's as soon as it differs from a password, else when shown and empty.
 */
export function passwordFieldErrors(
  values: PasswordValues,
  show: (field: keyof PasswordValues) => boolean,
  passwordOk: boolean,
): PasswordFieldErrors {
  const found: PasswordFieldErrors = {};
  if (show("password")) {
    if (values.password === "") found.password = "required";
    else if (!passwordOk) found.password = "weak";
  }
  if (values.passwordConfirmation !== "" && values.passwordConfirmation !== values.password)
    found.passwordConfirmation = "mismatch";
  else if (show("passwordConfirmation") && values.passwordConfirmation === "")
    found.passwordConfirmation = "required";
  return found;
}

/**
 * After a sign-up: follows `redirectTo` when it is on the page's own origin and the person
 * was signed in (one who must verify first cannot use it yet and sees "Check your email"),
 * with the host's `navigate` or `window.location.assign`.
 */
export function redirectAfterSignUp(
  redirectTo: string | undefined,
  next: string,
  navigate: ((url: string) => void) | undefined,
): void {
  const target =
    typeof window === "undefined" ? null : sameOriginUrl(redirectTo, window.location.origin);
  if (target === null || next !== "signed_in") return;
  if (navigate) navigate(target);
  else window.location.assign(target);
}

/** The API's field issues by form field: the first message per field, others dropped. */
export function messagesByField<Field extends string>(
  issues: ReadonlyArray<{ path: string; message: string }>,
  isField: (name: string) => name is Field,
): Partial<Record<Field, string>> {
  const byField: Partial<Record<Field, string>> = {};
  for (const issue of issues) {
    const field = issue.path.split(".")[0] ?? "";
    if (isField(field) && byField[field] === undefined) byField[field] = issue.message;
  }
  return byField;
}

/** `messages` without `field`'s, or the same object when it had none (no re-render). */
export function withoutMessage<Field extends string>(
  messages: Partial<Record<Field, string>>,
  field: Field,
): Partial<Record<Field, string>> {
  if (messages[field] === undefined) return messages;
  const next = { ...messages };
  delete next[field];
  return next;
}
