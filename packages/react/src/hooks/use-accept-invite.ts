"use client";
import {
  type AcceptResult,
  DEFAULT_PASSWORD_POLICY,
  type DeadLinkCode,
  evaluatePassword,
  type InvitationPreview,
  isDeadLinkCode,
  type PasswordCheck,
  type PasswordPolicy,
} from "@foyer/core/rules";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import {
  messagesByField,
  passwordFieldErrors,
  redirectAfterSignUp,
  withoutMessage,
} from "../internal/signup-form.ts";
import { useFoyer } from "../provider/use-foyer.ts";
import {
  acceptInvitationMutationOptions,
  invitationPreviewQueryOptions,
} from "../query/options.ts";
import { type TenantBranding, tenantBranding } from "./tenant-branding.ts";

/** The fields of the accept form. */
export type AcceptInviteField = "firstName" | "lastName" | "password" | "passwordConfirmation";

/** Why a field is not accepted yet. `server` carries the API's message in `serverMessages`. */
export type AcceptInviteFieldError = "required" | "weak" | "mismatch" | "server";

/**
 * Error codes that end the invitation flow with their own page (R-INV-13): core's
 * `DEAD_LINK_CODES`. Anything else (network, rate limit, server error) leaves the form in
 * place with a Retry.
 */
export type AcceptInviteTerminalCode = DeadLinkCode;

/**
 * Where the page is: loading the preview, showing a terminal error page, failed to load
 * (network and other errors, with Retry), the form, or accepted.
 */
export type AcceptInviteState =
  | { status: "loading" }
  | { status: "invalid"; code: AcceptInviteTerminalCode }
  | { status: "load-error"; error: unknown }
  | { status: "form"; preview: InvitationPreview }
  | { status: "accepted"; preview: InvitationPreview; result: AcceptResult };

/** The values of the accept form. */
export interface AcceptInviteValues {
  firstName: string;
  lastName: string;
  password: string;
  passwordConfirmation: string;
}

/** Options of `useAcceptInvite`. */
export interface UseAcceptInviteOptions {
  /** The invitation token from the link. It is sent only in request bodies (R-INV-11). */
  token: string;
  /** The deployment's password policy, shown live. @default core's DEFAULT_PASSWORD_POLICY */
  passwordPolicy?: PasswordPolicy | undefined;
  /** Called after the account was created and the invitation accepted. */
  onAccepted?: ((result: AcceptResult) => void) | undefined;
  /**
   * Where to go after accepting. Used only when it is on the page's own origin: anything
   * else (another host, `javascript:`, protocol-relative `//evil.example`) is ignored.
   */
  redirectTo?: string | undefined;
  /**
   * Follows `redirectTo` once it passed the same-origin check; pass a router's `push` for
   * client-side navigation. @default window.location.assign
   */
  navigate?: ((url: string) => void) | undefined;
}

/** What `useAcceptInvite` returns. */
export interface AcceptInvite {
  state: AcceptInviteState;
  /** The tenant's accent with a readable foreground, or null to keep the host's theme. */
  branding: TenantBranding | null;
  values: AcceptInviteValues;
  setValue: (field: AcceptInviteField, value: string) => void;
  /** The password checked against the policy, rule by rule (R-PWD-01). */
  passwordCheck: PasswordCheck;
  /** Whether the confirmation differs from the password (once something is typed). */
  mismatch: boolean;
  /** Problems per field; shown after a field was left or the form was submitted. */
  errors: Partial<Record<AcceptInviteField, AcceptInviteFieldError>>;
  /** The API's wording of server-side field problems, by field. */
  serverMessages: Partial<Record<AcceptInviteField, string>>;
  /** Marks a field as visited, so its problems show. */
  touch: (field: AcceptInviteField) => void;
  /** Whether the submit is in flight. */
  submitting: boolean;
  /** A failed submit that kept the form (network, rate limit, account exists …). */
  submitError: unknown;
  /** Validates and submits; resolves with the first invalid field, or null. */
  submit: () => Promise<AcceptInviteField | null>;
  /** Loads the preview again after a failure. */
  retry: () => void;
}

function codeOf(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name !== "FoyerError") return undefined;
  const code: unknown = (error as Error & { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

function issuesOf(error: unknown): Array<{ path: string; message: string }> {
  if (!(error instanceof Error) || error.name !== "FoyerError") return [];
  const issues: unknown = (error as Error & { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue: unknown) => {
    if (typeof issue !== "object" || issue === null) return [];
    const { path, message } = issue as { path?: unknown; message?: unknown };
    return typeof path === "string" && typeof message === "string" ? [{ path, message }] : [];
  });
}

const FIELDS: readonly AcceptInviteField[] = [
  "firstName",
  "lastName",
  "password",
  "passwordConfirmation",
];

function isField(value: string): value is AcceptInviteField {
  return (FIELDS as readonly string[]).includes(value);
}

/**
 * R-INV-12, R-INV-13, R-PWD-01: the invitee's accept flow without markup. Loads the token's
 * preview (never consuming it, R-INV-18), checks the password live against the policy,
 * submits, maps the API's field problems to fields and its token errors to states, then
 * calls `onAccepted` and follows `redirectTo` when it is on the page's own origin.
 * @example
 * const accept = useAcceptInvite({ token, onAccepted: () => track("joined") });
 * if (accept.state.status === "form") accept.setValue("firstName", "Ana");
 */
export function useAcceptInvite(options: UseAcceptInviteOptions): AcceptInvite {
  const { client } = useFoyer();
  const policy = options.passwordPolicy ?? DEFAULT_PASSWORD_POLICY;
  const previewQuery = useQuery(invitationPreviewQueryOptions(client, options.token));
  // Marks the spent preview stale through its query client (see the options factory).
  const mutation = useMutation(acceptInvitationMutationOptions(client));

  const [values, setValues] = useState<AcceptInviteValues>({
    firstName: "",
    lastName: "",
    password: "",
    passwordConfirmation: "",
  });
  const [touched, setTouched] = useState<Partial<Record<AcceptInviteField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverMessages, setServerMessages] = useState<Partial<Record<AcceptInviteField, string>>>(
    {},
  );
  const [terminal, setTerminal] = useState<AcceptInviteTerminalCode | null>(null);
  const [accepted, setAccepted] = useState<{
    result: AcceptResult;
    preview: InvitationPreview;
  } | null>(null);
  const onAccepted = useRef(options.onAccepted);
  onAccepted.current = options.onAccepted;
  const navigate = useRef(options.navigate);
  navigate.current = options.navigate;

  // Pre-fill the names once when the inviter gave one ("Ana Smith" becomes Ana / Smith). This
  // adjusts state during render, not in an effect, so the form never paints with empty names.
  const preview = previewQuery.data;
  const prefillName = preview?.name ?? null;
  const [prefilledFrom, setPrefilledFrom] = useState<string | null>(null);
  if (prefillName !== null && prefillName !== prefilledFrom) {
    setPrefilledFrom(prefillName);
    const [first = "", ...rest] = prefillName.trim().split(/\s+/u);
    setValues((current) =>
      current.firstName === "" && current.lastName === ""
        ? { ...current, firstName: first, lastName: rest.join(" ") }
        : current,
    );
  }

  const passwordCheck = useMemo(
    () => evaluatePassword(values.password, policy),
    [values.password, policy],
  );
  const mismatch =
    values.passwordConfirmation !== "" && values.passwordConfirmation !== values.password;

  const computeErrors = useCallback(
    (all: boolean) => {
      const found: Partial<Record<AcceptInviteField, AcceptInviteFieldError>> = {};
      const show = (field: AcceptInviteField) => all || touched[field] === true;
      if (show("firstName") && values.firstName.trim() === "") found.firstName = "required";
      if (show("lastName") && values.lastName.trim() === "") found.lastName = "required";
      Object.assign(found, passwordFieldErrors(values, show, passwordCheck.ok));
      for (const field of FIELDS) {
        if (found[field] === undefined && serverMessages[field] !== undefined)
          found[field] = "server";
      }
      return found;
    },
    [values, touched, passwordCheck.ok, serverMessages],
  );
  const errors = useMemo(() => computeErrors(submitted), [computeErrors, submitted]);

  const setValue = useCallback((field: AcceptInviteField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setServerMessages((current) => withoutMessage(current, field));
  }, []);
  const touch = useCallback((field: AcceptInviteField) => {
    setTouched((current) => (current[field] ? current : { ...current, [field]: true }));
  }, []);

  const redirectTo = options.redirectTo;

  const submit = useCallback(async (): Promise<AcceptInviteField | null> => {
    setSubmitted(true);
    const found = computeErrors(true);
    const firstInvalid = FIELDS.find(
      (field) => found[field] !== undefined && found[field] !== "server",
    );
    if (firstInvalid) return firstInvalid;
    try {
      const body = {
        token: options.token,
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        password: values.password,
        passwordConfirmation: values.passwordConfirmation,
      };
      const result = await mutation.mutateAsync(body);
      if (preview) setAccepted({ result, preview });
      onAccepted.current?.(result);
      redirectAfterSignUp(redirectTo, result.next, navigate.current);
      return null;
    } catch (error) {
      const code = codeOf(error);
      if (isDeadLinkCode(code)) {
        setTerminal(code);
        return null;
      }
      const byField = messagesByField(issuesOf(error), isField);
      if (code === "PASSWORD_TOO_WEAK" && byField.password === undefined)
        byField.password = (error as Error).message;
      if (code === "PASSWORD_MISMATCH" && byField.passwordConfirmation === undefined)
        byField.passwordConfirmation = (error as Error).message;
      setServerMessages(byField);
      const first = FIELDS.find((field) => byField[field] !== undefined);
      if (first) mutation.reset();
      return first ?? null;
    }
  }, [computeErrors, mutation, options.token, values, redirectTo, preview]);

  const retry = useCallback(() => {
    void previewQuery.refetch();
  }, [previewQuery.refetch]);

  let state: AcceptInviteState;
  const previewCode = codeOf(previewQuery.error);
  if (terminal !== null) state = { status: "invalid", code: terminal };
  else if (accepted !== null) state = { status: "accepted", ...accepted };
  else if (preview) state = { status: "form", preview };
  else if (previewQuery.error !== null && isDeadLinkCode(previewCode))
    state = { status: "invalid", code: previewCode };
  else if (previewQuery.error !== null) state = { status: "load-error", error: previewQuery.error };
  else state = { status: "loading" };

  const branding = useMemo(() => tenantBranding(preview?.tenant.accentColor), [preview]);

  return {
    state,
    branding,
    values,
    setValue,
    passwordCheck,
    mismatch,
    errors,
    serverMessages,
    touch,
    submitting: mutation.isPending,
    submitError: mutation.error,
    submit,
    retry,
  };
}
