"use client";
import { isFoyerError } from "@foyer/client";
import {
  DEFAULT_PASSWORD_POLICY,
  emailDomain,
  evaluatePassword,
  type InviteLinkPreview,
  type JoinResult,
  normalizeEmail,
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
  inviteLinkPreviewQueryOptions,
  joinWithInviteLinkMutationOptions,
  resendVerificationEmailMutationOptions,
} from "../query/options.ts";
import { type TenantBranding, tenantBranding } from "./tenant-branding.ts";

/** The text fields of the join form. */
export type JoinField = "firstName" | "lastName" | "email" | "password" | "passwordConfirmation";

/**
 * Why a field is not accepted yet: `required`, `invalid` (not an address), `domain` (outside
 * the link's allowed domains, R-LNK-04/07), `weak` (R-PWD-01), `mismatch`, `terms` (the
 * checkbox), or `server` (the API's wording, in `serverMessages`).
 */
export type JoinFieldError =
  | "required"
  | "invalid"
  | "domain"
  | "weak"
  | "mismatch"
  | "terms"
  | "server";

/**
 * Where the join page is: loading the link's preview; the link cannot be joined (`invalid`,
 * with R-LNK-07's exact text); the preview failed to load (with Retry); the form; or joined
 * (`verify_email`: the "check your email" step; `signed_in`: on the way in).
 */
export type JoinState =
  | { status: "loading" }
  | { status: "invalid"; preview: InviteLinkPreview | null }
  | { status: "load-error"; error: unknown }
  | { status: "form"; preview: InviteLinkPreview }
  | { status: "joined"; preview: InviteLinkPreview; result: JoinResult };

/** The values of the join form. */
export interface JoinValues {
  firstName: string;
  lastName: string;
  email: string;
  password: string;
  passwordConfirmation: string;
  /** The Terms of Service and Privacy Policy checkbox. */
  acceptTerms: boolean;
}

/** Options of `useJoin`. */
export interface UseJoinOptions {
  /** The link token. It is sent only in request bodies, never in a URL. */
  token: string;
  /** The deployment's password policy, shown live. @default core's DEFAULT_PASSWORD_POLICY */
  passwordPolicy?: PasswordPolicy | undefined;
  /** Called after the account was created. */
  onJoined?: ((result: JoinResult) => void) | undefined;
  /**
   * Where to go once joined and signed in. Used only when it is on the page's own origin:
   * anything else (another host, `javascript:`, `//evil.example`) is ignored.
   */
  redirectTo?: string | undefined;
  /** Follows `redirectTo`; pass a router's `push`. @default window.location.assign */
  navigate?: ((url: string) => void) | undefined;
  /**
   * The address a sign-up with an identity provider just sent a verification email to, when
   * the provider did not verify it (the callback comes back with `#token=…&verify_email=…`):
   * the page opens on its "check your email" step, with "Resend email".
   */
  verificationSentTo?: string | undefined;
}

/** What `useJoin` returns: everything `JoinPage` shows, for custom UIs too. */
export interface UseJoinResult {
  state: JoinState;
  /** The tenant's accent with a readable foreground, or null to keep the host's theme. */
  branding: TenantBranding | null;
  values: JoinValues;
  setValue: (field: JoinField, value: string) => void;
  setAcceptTerms: (accepted: boolean) => void;
  /** The password checked against the policy, rule by rule (R-PWD-01). */
  passwordCheck: PasswordCheck;
  /** Problems per field (`acceptTerms` for the checkbox); shown once left or submitted. */
  errors: Partial<Record<JoinField | "acceptTerms", JoinFieldError>>;
  /** The API's wording of refused fields, by field. */
  serverMessages: Partial<Record<JoinField | "acceptTerms", string>>;
  /** Marks a field as visited, so its problems show. */
  touch: (field: JoinField) => void;
  submitting: boolean;
  /** A failed submit that kept the form (network, rate limit, "User already registered."). */
  submitError: unknown;
  /** Validates and submits; resolves with the first invalid field, or null. */
  submit: () => Promise<JoinField | "acceptTerms" | null>;
  /** Loads the preview again after a failure. */
  retry: () => void;
  /** Sends the verification email again (same answer whether or not it went out). */
  resend: () => Promise<boolean>;
  resendState: "idle" | "sending" | "sent" | "error";
  resendError: unknown;
}

const FIELDS: ReadonlyArray<JoinField | "acceptTerms"> = [
  "firstName",
  "lastName",
  "email",
  "password",
  "passwordConfirmation",
  "acceptTerms",
];
const isField = (value: string): value is JoinField | "acceptTerms" =>
  (FIELDS as readonly string[]).includes(value);

/** Codes that end the join with the invalid-link page rather than keep the form. */
const DEAD_LINK = new Set(["INVITE_LINK_INVALID"]);
/** Codes that belong to one field. */
const FIELD_OF_CODE: Record<string, JoinField | "acceptTerms"> = {
  EMAIL_DOMAIN_NOT_ALLOWED: "email",
  PASSWORD_TOO_WEAK: "password",
  PASSWORD_MISMATCH: "passwordConfirmation",
  TERMS_NOT_ACCEPTED: "acceptTerms",
};

/**
 * R-LNK-06..09, R-PWD-01, R-UI-04 (join mode): signing up through a tenant's invite link,
 * without markup. Loads the link's preview (branding, role, allowed domains, terms links,
 * identity providers, or why it cannot be joined), checks every field as typed (the
 * address against the allowed domains, the password against the policy), submits, maps the
 * API's answers to fields and states, and after a join that needs verification offers to
 * send the email again.
 * @example
 * const join = useJoin({ token, onJoined: () => track("joined") });
 * if (join.state.status === "form") join.setValue("email", "ana@acme.com");
 */
export function useJoin(options: UseJoinOptions): UseJoinResult {
  const { client } = useFoyer();
  const policy = options.passwordPolicy ?? DEFAULT_PASSWORD_POLICY;
  const previewQuery = useQuery(inviteLinkPreviewQueryOptions(client, options.token));
  const mutation = useMutation(joinWithInviteLinkMutationOptions(client));
  const resendMutation = useMutation(resendVerificationEmailMutationOptions(client));
  const preview = previewQuery.data;

  const [values, setValues] = useState<JoinValues>({
    firstName: "",
    lastName: "",
    email: "",
    password: "",
    passwordConfirmation: "",
    acceptTerms: false,
  });
  const [touched, setTouched] = useState<Partial<Record<JoinField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverMessages, setServerMessages] = useState<UseJoinResult["serverMessages"]>({});
  const [deadLink, setDeadLink] = useState(false);
  // The server refused the address's domain (its list may be newer than the preview's).
  const [domainRefused, setDomainRefused] = useState(false);
  const [joined, setJoined] = useState<JoinResult | null>(() =>
    options.verificationSentTo
      ? {
          user: { id: "", email: options.verificationSentTo, firstName: "", lastName: "" },
          tenantId: "",
          next: "verify_email",
        }
      : null,
  );
  const onJoined = useRef(options.onJoined);
  onJoined.current = options.onJoined;
  const navigate = useRef(options.navigate);
  navigate.current = options.navigate;

  const passwordCheck = useMemo(
    () => evaluatePassword(values.password, policy),
    [values.password, policy],
  );
  const allowed = preview?.allowedDomains;

  const computeErrors = useCallback(
    (all: boolean) => {
      const found: UseJoinResult["errors"] = {};
      const show = (field: JoinField) => all || touched[field] === true;
      if (show("firstName") && values.firstName.trim() === "") found.firstName = "required";
      if (show("lastName") && values.lastName.trim() === "") found.lastName = "required";
      if (show("email")) {
        const email = normalizeEmail(values.email);
        if (values.email.trim() === "") found.email = "required";
        else if (email === null) found.email = "invalid";
        else if (allowed && allowed.length > 0 && !allowed.includes(emailDomain(email)))
          found.email = "domain";
      }
      Object.assign(found, passwordFieldErrors(values, show, passwordCheck.ok));
      if (all && !values.acceptTerms) found.acceptTerms = "terms";
      for (const field of FIELDS) {
        if (found[field] === undefined && serverMessages[field] !== undefined)
          found[field] = field === "email" && domainRefused ? "domain" : "server";
      }
      return found;
    },
    [values, touched, passwordCheck.ok, serverMessages, allowed, domainRefused],
  );
  const errors = useMemo(() => computeErrors(submitted), [computeErrors, submitted]);

  const clearServer = useCallback((field: JoinField | "acceptTerms") => {
    setServerMessages((current) => withoutMessage(current, field));
  }, []);
  const setValue = useCallback(
    (field: JoinField, value: string) => {
      setValues((current) => ({ ...current, [field]: value }));
      clearServer(field);
    },
    [clearServer],
  );
  const setAcceptTerms = useCallback(
    (accepted: boolean) => {
      setValues((current) => ({ ...current, acceptTerms: accepted }));
      clearServer("acceptTerms");
    },
    [clearServer],
  );
  const touch = useCallback((field: JoinField) => {
    setTouched((current) => (current[field] ? current : { ...current, [field]: true }));
  }, []);

  const redirectTo = options.redirectTo;
  const submit = useCallback(async (): Promise<JoinField | "acceptTerms" | null> => {
    setSubmitted(true);
    const found = computeErrors(true);
    const firstInvalid = FIELDS.find(
      (field) => found[field] !== undefined && found[field] !== "server",
    );
    if (firstInvalid) return firstInvalid;
    try {
      const result = await mutation.mutateAsync({
        token: options.token,
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        email: normalizeEmail(values.email) ?? values.email.trim(),
        password: values.password,
        passwordConfirmation: values.passwordConfirmation,
        acceptTerms: values.acceptTerms,
      });
      setJoined(result);
      onJoined.current?.(result);
      redirectAfterSignUp(redirectTo, result.next, navigate.current);
      return null;
    } catch (error) {
      if (!isFoyerError(error)) return null;
      if (DEAD_LINK.has(error.code)) {
        setDeadLink(true);
        return null;
      }
      const byField: UseJoinResult["serverMessages"] = messagesByField(error.issues, isField);
      const field = FIELD_OF_CODE[error.code];
      if (field && byField[field] === undefined) byField[field] = error.message;
      setServerMessages(byField);
      setDomainRefused(error.code === "EMAIL_DOMAIN_NOT_ALLOWED");
      const first = FIELDS.find((f) => byField[f] !== undefined);
      // A field explains it: the alert above the button would say it twice.
      if (first) mutation.reset();
      return first ?? null;
    }
  }, [computeErrors, mutation, options.token, values, redirectTo]);

  const retry = useCallback(() => {
    void previewQuery.refetch();
  }, [previewQuery.refetch]);

  const email = joined?.user.email;
  const resend = useCallback(async (): Promise<boolean> => {
    if (!email) return false;
    try {
      await resendMutation.mutateAsync(email);
      return true;
    } catch {
      return false;
    }
  }, [resendMutation, email]);

  let state: JoinState;
  if (deadLink) state = { status: "invalid", preview: preview ?? null };
  else if (joined !== null && preview) state = { status: "joined", preview, result: joined };
  else if (preview && !preview.joinable) state = { status: "invalid", preview };
  else if (preview) state = { status: "form", preview };
  else if (previewQuery.error !== null) state = { status: "load-error", error: previewQuery.error };
  else state = { status: "loading" };

  const accent = preview?.tenant?.accentColor;
  const branding = useMemo(() => tenantBranding(accent), [accent]);

  return {
    state,
    branding,
    values,
    setValue,
    setAcceptTerms,
    passwordCheck,
    errors,
    serverMessages,
    touch,
    submitting: mutation.isPending,
    submitError: mutation.error,
    submit,
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
