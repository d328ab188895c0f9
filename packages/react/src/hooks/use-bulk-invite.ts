"use client";
import {
  type BatchResult,
  type Delivery,
  displayNameOf,
  type ExpiryPreset,
  expiryOptionsFor,
  MAX_BATCH,
  MAX_MESSAGE,
  type ParsedAddress,
  type Role,
  type SkipReason,
  type Tenant,
} from "@foyer/core/rules";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { type BatchBody, localSkips, withLocalSkips } from "../internal/batch-chunks.ts";
import { type BatchCheck, useBatchCheck } from "../internal/use-batch-check.ts";
import { useBatchSender } from "../internal/use-batch-sender.ts";
import { useFoyer } from "../provider/use-foyer.ts";
import {
  contextQueryOptions,
  createInvitationsMutationOptions,
  rolesQueryOptions,
} from "../query/options.ts";
import { type CsvImport, useCsvImport } from "./use-csv-import.ts";
import { type EmailChipCounts, type EmailChips, useEmailChips } from "./use-email-chips.ts";

/** Where the addresses of a batch come from: typed/pasted chips or a CSV file. */
export type BulkInviteSource = "type" | "csv";

/**
 * Where the batch is: being edited, waiting for the dry run to show it, showing the dry run,
 * being sent, sent, or stopped part-way by an error.
 */
export type BulkInvitePhase = "editing" | "previewing" | "preview" | "sending" | "done" | "failed";

/** A field problem found before anything is sent. */
export type BulkInviteFieldError = "noEmails" | "noRole" | "messageTooLong";

/** Options of `useBulkInvite`. */
export interface UseBulkInviteOptions {
  /**
   * Invite into this tenant only; no tenant choice is offered. Without it, the actor picks
   * among the tenants it may invite into (R-UI-02).
   */
  tenantId?: string | undefined;
  /** The tenant preselected when the actor may choose. @default the actor's own tenant */
  defaultTenantId?: string | undefined;
  /** Called once every chunk of a send has gone out. */
  onInvited?: ((result: BatchResult) => void) | undefined;
  /**
   * Addresses per request; never more than the API's batch limit.
   * @default 1000
   */
  chunkSize?: number | undefined;
}

/** Progress of a send, in addresses. */
export interface BulkInviteProgress {
  done: number;
  total: number;
}

/** A grantable role of the chosen tenant. */
export type GrantableRole = Role;

/** What `useBulkInvite` returns: everything `BulkInviteModal` shows, for custom UIs too. */
export interface BulkInvite {
  /** Loading state of the actor's context and the roles of the chosen tenant. */
  status: "loading" | "error" | "ready";
  /** The error that kept the context or roles from loading. */
  loadError: unknown;
  /** Loads the context and roles again. */
  reload: () => void;
  /** Tenants the actor may invite into. */
  tenants: Tenant[];
  /** Whether to offer a tenant choice (more than one tenant, no fixed `tenantId`). */
  showTenantSelect: boolean;
  /** The chosen tenant's id, or null before the context has loaded. */
  tenantId: string | null;
  /** The chosen tenant. */
  tenant: Tenant | null;
  setTenantId: (tenantId: string) => void;
  /** Roles the actor may grant in the chosen tenant (R-TEN-04), lowest rank first. */
  roles: GrantableRole[];
  /** The chosen role; defaults to the least privileged grantable role. */
  roleId: string | null;
  setRoleId: (roleId: string) => void;
  /** Expiry presets the tenant allows (core's `expiryOptionsFor`). */
  expiryOptions: ExpiryPreset[];
  /** The tenant's default preset. */
  defaultExpiry: ExpiryPreset | null;
  expiresIn: ExpiryPreset | null;
  setExpiresIn: (preset: ExpiryPreset) => void;
  message: string;
  setMessage: (message: string) => void;
  /** Longest message allowed. */
  maxMessage: number;
  department: string | null;
  setDepartment: (department: string | null) => void;
  teams: string[];
  setTeams: (teams: string[]) => void;
  delivery: Delivery;
  setDelivery: (delivery: Delivery) => void;
  /** Where the addresses come from. */
  source: BulkInviteSource;
  setSource: (source: BulkInviteSource) => void;
  /** The typed/pasted addresses. */
  chips: EmailChips;
  /** The CSV file's addresses. */
  csv: CsvImport;
  /** The normalised addresses that would be sent, from the active source. */
  recipients: string[];
  /** Names by address: a CSV's name columns, or the names of `Name <address>` entries. */
  names: ReadonlyMap<string, string>;
  /** Counts of the active source, as the browser sees them (invalid, repeated). */
  counts: EmailChipCounts;
  /** The server's dry run of the batch as it is now (R-INV-16), kept up to date. */
  check: BatchCheck;
  /**
   * The dry run with what the browser skipped itself (invalid, repeated), once the check of
   * the current batch is in: what a send would do.
   */
  checked: BatchResult | null;
  /** Why an address would be skipped: the browser's own finding or the server's dry run. */
  verdictFor: (entry: ParsedAddress) => SkipReason | null;
  /** How many invitations a send would create: the dry run's count once it is known. */
  sendCount: number;
  /** Whether the form holds anything a close would throw away. */
  hasInput: boolean;
  /** Problems that keep the batch from going out, shown once the person tries. */
  fieldErrors: BulkInviteFieldError[];
  phase: BulkInvitePhase;
  progress: BulkInviteProgress;
  /** The dry run's result with the browser's skips, in phase `preview`. */
  preview: BatchResult | null;
  /** What was sent so far (all of it in phase `done`), with local skips included. */
  result: BatchResult | null;
  /** The error of the last send. */
  error: unknown;
  /** Plaintext links of the created invitations (delivery `link` or `both`). */
  links: Array<{ email: string; link: string }>;
  /** Whether closing now would lose nothing in flight. False while sending. */
  canClose: boolean;
  /** R-INV-16: shows the dry run of the batch; nothing is created. */
  runPreview: () => void;
  /** Sends the batch in chunks, each with its own Idempotency-Key (R-SDK-08). */
  send: () => Promise<void>;
  /** After a failure part-way, sends the chunks that did not go out, with their keys. */
  retry: () => Promise<void>;
  /** Leaves the dry-run result to edit the batch again. */
  backToEditing: () => void;
  /** Forgets addresses, results and errors; keeps tenant, role and options. */
  reset: () => void;
}

const NO_COUNTS: EmailChipCounts = { total: 0, valid: 0, invalid: 0, duplicate: 0 };

/**
 * R-UI-02, R-INV-02, R-INV-16: the whole bulk-invite flow without markup. Loads the actor's
 * tenants and the grantable roles, collects addresses (and names) from chips or a CSV file,
 * keeps the server's dry run of the batch current so counts and reasons are right before
 * anything is sent, then sends in chunks of at most 1,000 with one Idempotency-Key per chunk
 * and progress, and merges the answers into one results summary.
 * @example
 * const invite = useBulkInvite({ onInvited: (r) => console.log(r.created.length) });
 * invite.chips.addText("Ana Lima <ana@acme.com>, ben@acme.com");
 * await invite.send();
 */
export function useBulkInvite(options: UseBulkInviteOptions = {}): BulkInvite {
  const { client } = useFoyer();
  const chunkSize = Math.max(1, Math.min(options.chunkSize ?? MAX_BATCH, MAX_BATCH));

  const contextQuery = useQuery(contextQueryOptions(client));
  const tenants = useMemo(
    () =>
      (contextQuery.data?.tenants ?? [])
        .filter((managed) => managed.permissions.includes("invitations:create"))
        .map((managed) => managed.tenant),
    [contextQuery.data],
  );

  const [chosenTenantId, setChosenTenantId] = useState<string | null>(null);
  const tenantId =
    options.tenantId ??
    chosenTenantId ??
    pickDefaultTenant(tenants, options.defaultTenantId ?? contextQuery.data?.actor.tenantId);
  const tenant =
    tenants.find((t) => t.id === tenantId) ??
    contextQuery.data?.tenants.find((managed) => managed.tenant.id === tenantId)?.tenant ??
    null;

  const rolesQuery = useQuery({
    ...rolesQueryOptions(client, tenantId ?? ""),
    enabled: tenantId !== null,
  });
  const roles = useMemo(
    () =>
      (rolesQuery.data?.roles ?? [])
        .filter((entry) => entry.grantable)
        .map((entry) => entry.role)
        .sort((a, b) => a.rank - b.rank),
    [rolesQuery.data],
  );

  const [chosenRoleId, setChosenRoleId] = useState<string | null>(null);
  const roleId =
    chosenRoleId !== null && roles.some((role) => role.id === chosenRoleId)
      ? chosenRoleId
      : (roles[0]?.id ?? null);

  const expiry = useMemo(() => (tenant ? expiryOptionsFor(tenant.settings) : null), [tenant]);
  const expiryOptions = expiry?.presets ?? [];
  const defaultExpiry = expiry?.defaultPreset ?? null;
  const [chosenExpiry, setChosenExpiry] = useState<ExpiryPreset | null>(null);
  const expiresIn =
    chosenExpiry !== null && expiryOptions.includes(chosenExpiry) ? chosenExpiry : defaultExpiry;

  const [message, setMessage] = useState("");
  const [department, setDepartment] = useState<string | null>(null);
  const [teams, setTeams] = useState<string[]>([]);
  const [delivery, setDelivery] = useState<Delivery>("email");
  const [source, setSource] = useState<BulkInviteSource>("type");

  const chips = useEmailChips();
  const csv = useCsvImport();
  const csvState = csv.state;

  const activeEntries: readonly ParsedAddress[] = useMemo(() => {
    if (source === "type") return chips.chips;
    return csvState.status === "ready" ? csvState.extract.addresses : [];
  }, [source, chips.chips, csvState]);
  const recipients = useMemo(() => {
    if (source === "type") return chips.validEmails;
    return csvState.status === "ready" ? csvState.validEmails : [];
  }, [source, chips.validEmails, csvState]);
  const names = useMemo(() => {
    const found = new Map<string, string>();
    if (source === "csv" && csvState.status === "ready") {
      for (const entry of csvState.extract.addresses) {
        if (entry.state === "valid" && entry.email && entry.name)
          found.set(entry.email, entry.name);
      }
    } else if (source === "type") {
      for (const chip of chips.chips) {
        const name = chip.state === "valid" && chip.email ? displayNameOf(chip.input) : null;
        if (chip.email && name) found.set(chip.email, name);
      }
    }
    return found;
  }, [source, csvState, chips.chips]);
  const counts: EmailChipCounts = useMemo(() => {
    if (source === "type") return chips.counts;
    return csvState.status === "ready" ? csvState.counts : NO_COUNTS;
  }, [source, chips.counts, csvState]);

  const [attempted, setAttempted] = useState(false);
  const fieldErrors = useMemo(() => {
    const found: BulkInviteFieldError[] = [];
    if (recipients.length === 0) found.push("noEmails");
    if (roleId === null) found.push("noRole");
    if (message.length > MAX_MESSAGE) found.push("messageTooLong");
    return found;
  }, [recipients.length, roleId, message.length]);

  const body = useMemo((): BatchBody | null => {
    if (tenantId === null || roleId === null) return null;
    const trimmed = message.trim();
    return {
      tenantId,
      roleId,
      ...(expiresIn ? { expiresIn } : {}),
      message: trimmed === "" ? null : trimmed,
      department,
      ...(teams.length > 0 ? { teams } : {}),
      delivery,
    };
  }, [tenantId, roleId, expiresIn, message, department, teams, delivery]);

  const create = useMutation(createInvitationsMutationOptions(client));
  const onInvited = options.onInvited;
  const sender = useBatchSender(create.mutateAsync, (result) => onInvited?.(result));
  const [previewAsked, setPreviewAsked] = useState(false);
  const editing = sender.phase === "idle";
  const check = useBatchCheck(client, body, recipients, names, chunkSize, editing);

  const skips = useMemo(() => localSkips(activeEntries), [activeEntries]);
  const verdictFor = useCallback(
    (entry: ParsedAddress): SkipReason | null => {
      if (entry.state === "invalid") return "invalid_email";
      if (entry.state === "duplicate") return "duplicate_in_batch";
      return entry.email === null ? null : (check.verdicts.get(entry.email) ?? null);
    },
    [check.verdicts],
  );
  const checkedCurrent = check.status === "ready" && check.result !== null;
  const sendCount = checkedCurrent ? (check.result?.created.length ?? 0) : recipients.length;

  const preview = useMemo(
    () => (check.result ? withLocalSkips(check.result, skips) : null),
    [check.result, skips],
  );

  let phase: BulkInvitePhase;
  if (sender.phase === "sending") phase = "sending";
  else if (sender.phase === "done") phase = "done";
  else if (sender.phase === "failed") phase = "failed";
  else if (previewAsked) phase = checkedCurrent ? "preview" : "previewing";
  else phase = "editing";

  const send = useCallback(async () => {
    setAttempted(true);
    if (body === null || fieldErrors.length > 0) return;
    setPreviewAsked(false);
    await sender.start({ body, recipients, names, skips, chunkSize });
  }, [body, fieldErrors.length, sender.start, recipients, names, skips, chunkSize]);

  const runPreview = useCallback(() => {
    setAttempted(true);
    if (body === null || fieldErrors.length > 0) return;
    if (check.status === "error") check.refetch();
    setPreviewAsked(true);
  }, [body, fieldErrors.length, check]);

  const { clear: clearChips } = chips;
  const { reset: resetCsv } = csv;
  const { reset: resetSender } = sender;
  const reset = useCallback(() => {
    clearChips();
    resetCsv();
    resetSender();
    setMessage("");
    setAttempted(false);
    setPreviewAsked(false);
  }, [clearChips, resetCsv, resetSender]);

  const result = sender.result;
  const links = useMemo(
    () =>
      (result?.created ?? []).flatMap((entry) =>
        entry.link ? [{ email: entry.email, link: entry.link }] : [],
      ),
    [result],
  );

  const loadError = contextQuery.error ?? rolesQuery.error ?? null;
  const status: BulkInvite["status"] =
    loadError !== null
      ? "error"
      : contextQuery.isPending || (tenantId !== null && rolesQuery.isPending)
        ? "loading"
        : "ready";

  const reload = useCallback(() => {
    void contextQuery.refetch();
    if (tenantId !== null) void rolesQuery.refetch();
  }, [contextQuery.refetch, rolesQuery.refetch, tenantId]);

  const hasInput =
    chips.entries.length > 0 ||
    chips.draft.trim() !== "" ||
    csvState.status !== "idle" ||
    message.trim() !== "";

  return {
    status,
    loadError,
    reload,
    tenants,
    showTenantSelect: options.tenantId === undefined && tenants.length > 1,
    tenantId,
    tenant,
    setTenantId: setChosenTenantId,
    roles,
    roleId,
    setRoleId: setChosenRoleId,
    expiryOptions,
    defaultExpiry,
    expiresIn,
    setExpiresIn: setChosenExpiry,
    message,
    setMessage,
    maxMessage: MAX_MESSAGE,
    department,
    setDepartment,
    teams,
    setTeams,
    delivery,
    setDelivery,
    source,
    setSource,
    chips,
    csv,
    recipients,
    names,
    counts,
    check,
    verdictFor,
    sendCount,
    hasInput,
    fieldErrors: attempted ? fieldErrors : [],
    phase,
    progress: sender.progress,
    checked: checkedCurrent ? preview : null,
    preview: phase === "preview" ? preview : null,
    result,
    error: sender.error,
    links,
    canClose: phase !== "sending",
    runPreview,
    send,
    retry: sender.retry,
    backToEditing: () => setPreviewAsked(false),
    reset,
  };
}

function pickDefaultTenant(
  tenants: readonly Tenant[],
  preferred: string | undefined,
): string | null {
  if (preferred !== undefined && tenants.some((t) => t.id === preferred)) return preferred;
  return tenants[0]?.id ?? null;
}
