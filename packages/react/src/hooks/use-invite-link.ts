"use client";
import { isFoyerError } from "@foyer/client";
import {
  type ErrorCode,
  type InviteLink,
  MAX_LINK_DOMAINS,
  MAX_LINK_JOINS,
  parseDomainList,
  type Role,
  type UpdateInviteLinkBody,
} from "@foyer/core/rules";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { useFoyer } from "../provider/use-foyer.ts";
import {
  contextQueryOptions,
  inviteLinkQueryOptions,
  regenerateInviteLinkMutationOptions,
  rolesQueryOptions,
  updateInviteLinkMutationOptions,
} from "../query/options.ts";

/** The settings an admin edits before saving. */
export type InviteLinkField = "roleId" | "allowedDomains" | "expiresOn" | "maxJoins";

/**
 * Why a setting is not accepted: `roleRequired` (enabling needs a role), `domainsInvalid`
 * (entries that are not domains, listed in `domains.invalid`), `tooManyDomains` (over 50),
 * `expiryPast` (the date is not in the future), `maxJoinsInvalid` (not a whole number from
 * 1), or `server` (the API's text, in `serverMessages`).
 */
export type InviteLinkFieldError =
  | "roleRequired"
  | "domainsInvalid"
  | "tooManyDomains"
  | "expiryPast"
  | "maxJoinsInvalid"
  | "server";

/** The edited settings, as typed. */
export interface InviteLinkDraft {
  /** The default role's id; `""` for none chosen yet. */
  roleId: string;
  /** Allowed domains, one per line or separated by commas, as typed. */
  allowedDomains: string;
  /** Last day the link works (`YYYY-MM-DD`, local time), or `""` for no expiry. */
  expiresOn: string;
  /** Most joins through the current link, or `""` for no limit. */
  maxJoins: string;
}

/**
 * Where a save stands: `idle`, `saving`, `saved` (the last change reached the server), or
 * `error` (see `saveError`).
 */
export type InviteLinkSaveState = "idle" | "saving" | "saved" | "error";

/** Options of `useInviteLink`. */
export interface UseInviteLinkOptions {
  /** The tenant whose link is managed. */
  tenantId: string;
  /** Whether to load the link and roles (a closed dialog need not). @default true */
  enabled?: boolean | undefined;
  /** Called with the link after every change the server accepted. */
  onSaved?: ((link: InviteLink) => void) | undefined;
}

/** What `useInviteLink` returns: everything `InviteLinkDialog` shows, for custom UIs too. */
export interface UseInviteLinkResult {
  /** Loading the link, the roles and the actor's permissions; or failed; or ready. */
  status: "loading" | "error" | "ready";
  /** Whether the actor has `invite_links:manage` on the tenant; null until known. */
  canManage: boolean | null;
  /** The tenant's name, from the actor's context; null until known. */
  tenantName: string | null;
  /** The error that kept the link, roles or context from loading. */
  loadError: unknown;
  /** Loads everything again after a failure. */
  retry: () => void;
  /** The link as the server has it. */
  link: InviteLink | null;
  /** Roles the actor may grant on this tenant (R-TEN-04); the only ones offered. */
  roles: Role[];
  /** The settings being edited. */
  draft: InviteLinkDraft;
  setDraft: (field: InviteLinkField, value: string) => void;
  /** The typed domains, normalised (lower case, punycode) and unique, and what is not a domain. */
  domains: { domains: string[]; invalid: string[] };
  /** Problems of the draft, by setting. */
  errors: Partial<Record<InviteLinkField, InviteLinkFieldError>>;
  /** The API's wording of a refused setting, by setting. */
  serverMessages: Partial<Record<InviteLinkField, string>>;
  /** Whether the draft differs from the saved settings. */
  dirty: boolean;
  saveState: InviteLinkSaveState;
  /** What the last failed save or toggle answered. */
  saveError: unknown;
  /**
   * Turns the link on (saving the draft with it; refused without a role) or off. Resolves
   * with whether the server accepted it.
   */
  setEnabled: (enabled: boolean) => Promise<boolean>;
  /**
   * Saves the draft. Resolves with whether the server took it, and the first setting that
   * is not accepted (for focus), if any.
   */
  save: () => Promise<{ saved: boolean; invalid: InviteLinkField | null }>;
  /** Throws the draft away. */
  discard: () => void;
  /** "Revoke & generate new link" (R-LNK-03); resolves with whether it happened. */
  regenerate: () => Promise<boolean>;
  regenerating: boolean;
  regenerateError: unknown;
}

const EMPTY: InviteLinkDraft = { roleId: "", allowedDomains: "", expiresOn: "", maxJoins: "" };

/** `YYYY-MM-DD` of an instant in local time, as `<input type="date">` reads it. */
function localDay(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last moment of a local day (`YYYY-MM-DD`), or null when the text is not a date. */
function endOfDay(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The draft that shows what the server has. */
function draftOf(link: InviteLink | null): InviteLinkDraft {
  if (!link) return EMPTY;
  return {
    roleId: link.role?.id ?? "",
    allowedDomains: link.allowedDomains.join("\n"),
    expiresOn: link.expiresAt ? localDay(link.expiresAt) : "",
    maxJoins: link.maxJoins === null ? "" : String(link.maxJoins),
  };
}

/** Which setting an API error is about. */
const FIELD_OF_CODE: Partial<Record<ErrorCode, InviteLinkField>> = {
  INVITE_LINK_ROLE_REQUIRED: "roleId",
  ROLE_NOT_FOUND: "roleId",
  ROLE_NOT_GRANTABLE: "roleId",
  TOO_MANY_DOMAINS: "allowedDomains",
  DOMAIN_INVALID: "allowedDomains",
  DOMAIN_IN_USE: "allowedDomains",
};
const FIELD_OF_PATH: Record<string, InviteLinkField> = {
  roleId: "roleId",
  allowedDomains: "allowedDomains",
  expiresAt: "expiresOn",
  maxJoins: "maxJoins",
};
const FIELDS: readonly InviteLinkField[] = ["roleId", "allowedDomains", "expiresOn", "maxJoins"];

/** The settings an API error names, with its wording (the issue's, naming the domain). */
function serverMessagesOf(error: unknown): Partial<Record<InviteLinkField, string>> {
  if (!isFoyerError(error)) return {};
  const found: Partial<Record<InviteLinkField, string>> = {};
  for (const issue of error.issues) {
    const field = FIELD_OF_PATH[issue.path.split(".")[0] ?? ""];
    if (field && found[field] === undefined) found[field] = issue.message;
  }
  const field = FIELD_OF_CODE[error.code];
  if (field && found[field] === undefined) found[field] = error.message;
  return found;
}

/**
 * R-LNK-01..05, R-LNK-10, R-UI-03: a tenant's invite link without markup. Loads the link,
 * the roles the actor may grant and whether it may manage links at all; keeps a draft of
 * the settings (role, allowed domains, expiry, join limit) validated as typed with core's
 * domain rules; turns the link on and off at once (turning on saves the draft with it and
 * needs a role); saves the rest on request; and revokes and regenerates. Changing the role
 * or the domains keeps the URL (the server decides; the hook only shows what it answers).
 * @example
 * const link = useInviteLink({ tenantId: "acme" });
 * if (link.status === "ready" && link.link?.url) navigator.clipboard.writeText(link.link.url);
 */
export function useInviteLink(options: UseInviteLinkOptions): UseInviteLinkResult {
  const { client } = useFoyer();
  const { tenantId, onSaved } = options;
  const enabled = options.enabled ?? true;
  // The context decides whether the trigger shows at all: loaded even while closed (it is
  // cached, and the other admin components read it too).
  const context = useQuery(contextQueryOptions(client));
  const managed = context.data?.tenants.find((entry) => entry.tenant.id === tenantId);
  const canManage = context.data
    ? (managed?.permissions.includes("invite_links:manage") ?? false)
    : null;
  const linkQuery = useQuery({
    ...inviteLinkQueryOptions(client, tenantId),
    enabled: enabled && canManage === true,
  });
  const rolesQuery = useQuery({
    ...rolesQueryOptions(client, tenantId),
    enabled: enabled && canManage === true,
  });
  const update = useMutation(updateInviteLinkMutationOptions(client));
  const regenerateMutation = useMutation(regenerateInviteLinkMutationOptions(client));

  const link = linkQuery.data?.link ?? null;
  const roles = useMemo(
    () => (rolesQuery.data?.roles ?? []).filter((r) => r.grantable).map((r) => r.role),
    [rolesQuery.data],
  );

  // The draft follows the server's link until the admin edits it (adjusted during render,
  // so the form never paints the old values).
  const [draft, setDraftState] = useState<InviteLinkDraft>(EMPTY);
  const [edited, setEdited] = useState(false);
  const [syncedFrom, setSyncedFrom] = useState<InviteLink | null>(null);
  if (link !== syncedFrom) {
    setSyncedFrom(link);
    if (!edited) setDraftState(draftOf(link));
  }
  const [touched, setTouched] = useState(false);
  // Set when turning the link on was refused for want of a role: the role field says so.
  const [roleAsked, setRoleAsked] = useState(false);
  const [serverMessages, setServerMessages] = useState<Partial<Record<InviteLinkField, string>>>(
    {},
  );
  const [saveState, setSaveState] = useState<InviteLinkSaveState>("idle");
  const [saveError, setSaveError] = useState<unknown>(null);

  const domains = useMemo(() => parseDomainList(draft.allowedDomains), [draft.allowedDomains]);
  const saved = useMemo(() => draftOf(link), [link]);
  const dirty =
    draft.roleId !== saved.roleId ||
    draft.expiresOn !== saved.expiresOn ||
    draft.maxJoins !== saved.maxJoins ||
    domains.invalid.length > 0 ||
    domains.domains.join("\n") !== (link?.allowedDomains ?? []).join("\n");

  const computeErrors = useCallback(
    (requireRole: boolean) => {
      const found: Partial<Record<InviteLinkField, InviteLinkFieldError>> = {};
      if (requireRole && draft.roleId === "") found.roleId = "roleRequired";
      if (domains.invalid.length > 0) found.allowedDomains = "domainsInvalid";
      else if (domains.domains.length > MAX_LINK_DOMAINS) found.allowedDomains = "tooManyDomains";
      if (draft.expiresOn !== "") {
        const end = endOfDay(draft.expiresOn);
        if (end === null || end.getTime() <= Date.now()) found.expiresOn = "expiryPast";
      }
      if (draft.maxJoins.trim() !== "") {
        const n = Number(draft.maxJoins);
        if (!Number.isInteger(n) || n < 1 || n > MAX_LINK_JOINS) found.maxJoins = "maxJoinsInvalid";
      }
      for (const field of FIELDS) {
        if (found[field] === undefined && serverMessages[field] !== undefined)
          found[field] = "server";
      }
      return found;
    },
    [draft, domains, serverMessages],
  );
  // The role is required only to turn the link on, or once it is on.
  const errors = useMemo(
    () => computeErrors(roleAsked || (touched && (link?.enabled ?? false))),
    [computeErrors, roleAsked, touched, link?.enabled],
  );

  const setDraft = useCallback((field: InviteLinkField, value: string) => {
    setDraftState((current) => ({ ...current, [field]: value }));
    setEdited(true);
    setSaveState((current) => (current === "saved" ? "idle" : current));
    setServerMessages((current) => {
      if (current[field] === undefined) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });
  }, []);

  const settingsBody = useCallback((): UpdateInviteLinkBody => {
    const end = draft.expiresOn === "" ? null : endOfDay(draft.expiresOn);
    return {
      ...(draft.roleId === "" ? {} : { roleId: draft.roleId }),
      allowedDomains: domains.domains,
      expiresAt: end === null ? null : end.toISOString(),
      maxJoins: draft.maxJoins.trim() === "" ? null : Number(draft.maxJoins),
    };
  }, [draft, domains]);

  const send = useCallback(
    async (body: UpdateInviteLinkBody): Promise<InviteLinkField | null | false> => {
      setSaveState("saving");
      setSaveError(null);
      try {
        const result = await update.mutateAsync({ tenantId, body });
        setEdited(false);
        setDraftState(draftOf(result.link));
        setServerMessages({});
        setSaveState("saved");
        onSaved?.(result.link);
        return null;
      } catch (error) {
        const byField = serverMessagesOf(error);
        setServerMessages(byField);
        setSaveError(error);
        setSaveState("error");
        return FIELDS.find((field) => byField[field] !== undefined) ?? false;
      }
    },
    [update, tenantId, onSaved],
  );

  const save = useCallback(async (): Promise<{
    saved: boolean;
    invalid: InviteLinkField | null;
  }> => {
    setTouched(true);
    const found = computeErrors(link?.enabled ?? false);
    const invalid = FIELDS.find((field) => found[field] !== undefined && found[field] !== "server");
    if (invalid) return { saved: false, invalid };
    const outcome = await send(settingsBody());
    return outcome === null
      ? { saved: true, invalid: null }
      : { saved: false, invalid: outcome === false ? null : outcome };
  }, [computeErrors, link?.enabled, send, settingsBody]);

  const setEnabled = useCallback(
    async (next: boolean): Promise<boolean> => {
      if (!next) return (await send({ enabled: false })) === null;
      setTouched(true);
      setRoleAsked(true);
      const found = computeErrors(true);
      if (FIELDS.some((field) => found[field] !== undefined && found[field] !== "server"))
        return false;
      // Turning on saves what the admin chose with it: one request, one audit entry.
      return (await send({ ...settingsBody(), enabled: true })) === null;
    },
    [send, computeErrors, settingsBody],
  );

  const discard = useCallback(() => {
    setEdited(false);
    setDraftState(draftOf(link));
    setServerMessages({});
    setTouched(false);
    setRoleAsked(false);
    setSaveState("idle");
  }, [link]);

  const regenerate = useCallback(async (): Promise<boolean> => {
    try {
      await regenerateMutation.mutateAsync(tenantId);
      return true;
    } catch {
      return false;
    }
  }, [regenerateMutation, tenantId]);

  const retry = useCallback(() => {
    if (context.isError) void context.refetch();
    if (linkQuery.isError) void linkQuery.refetch();
    if (rolesQuery.isError) void rolesQuery.refetch();
  }, [context, linkQuery, rolesQuery]);

  const loadError = context.error ?? linkQuery.error ?? rolesQuery.error ?? null;
  let status: UseInviteLinkResult["status"];
  if (loadError !== null) status = "error";
  else if (canManage === false || (link !== null && rolesQuery.data !== undefined))
    status = "ready";
  else status = "loading";

  return {
    status,
    canManage,
    tenantName: managed?.tenant.name ?? null,
    loadError,
    retry,
    link,
    roles,
    draft,
    setDraft,
    domains,
    errors,
    serverMessages,
    dirty,
    saveState,
    saveError,
    setEnabled,
    save,
    discard,
    regenerate,
    regenerating: regenerateMutation.isPending,
    regenerateError: regenerateMutation.error,
  };
}
