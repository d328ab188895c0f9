"use client";
import type { CreateCallOptions } from "@foyer/client";
import {
  type BatchResult,
  type CreateInvitationsBody,
  type Delivery,
  EXPIRY_PRESET_HOURS,
  type ExpiryPreset,
  expiryPresets,
  MAX_BATCH,
  MAX_MESSAGE,
  type Role,
  type SkipReason,
  type Tenant,
} from "@foyer/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
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
 * Where the batch is: being edited, being checked (dry run), showing the dry run, being
 * sent, sent, or stopped part-way by an error.
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
  tenantId?: string;
  /** The tenant preselected when the actor may choose. @default the actor's own tenant */
  defaultTenantId?: string;
  /** Called once every chunk of a real (not dry) run has been sent. */
  onInvited?: (result: BatchResult) => void;
  /**
   * Addresses per request; never more than the API's batch limit.
   * @default 1000
   */
  chunkSize?: number;
}

/** Progress of a send or a dry run, in addresses. */
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
  /** Expiry presets the tenant allows (never beyond its maximum). */
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
  /** Counts of the active source. */
  counts: EmailChipCounts;
  /** Problems that keep the batch from going out, shown once the person tries. */
  fieldErrors: BulkInviteFieldError[];
  phase: BulkInvitePhase;
  progress: BulkInviteProgress;
  /** The dry run's result, in phase `preview`. */
  preview: BatchResult | null;
  /** What was sent so far (all of it in phase `done`), with local skips included. */
  result: BatchResult | null;
  /** The error of the last preview or send. */
  error: unknown;
  /** Plaintext links of the created invitations (delivery `link` or `both`). */
  links: Array<{ email: string; link: string }>;
  /** Whether closing now would lose nothing in flight. False while sending. */
  canClose: boolean;
  /** R-INV-16: checks the batch with a dry run; nothing is created. */
  runPreview: () => Promise<void>;
  /** Sends the batch in chunks, each with its own Idempotency-Key (R-SDK-08). */
  send: () => Promise<void>;
  /** After a failure part-way, sends the chunks that did not go out, with their keys. */
  retry: () => Promise<void>;
  /** Leaves the dry-run result to edit the batch again. */
  backToEditing: () => void;
  /** Forgets addresses, results and errors; keeps tenant, role and options. */
  reset: () => void;
}

interface Chunk {
  emails: string[];
  idempotencyKey: string;
}

/** Splits addresses into chunks of at most `size`, each with a fresh Idempotency-Key. */
export function chunkRecipients(emails: readonly string[], size: number = MAX_BATCH): Chunk[] {
  const limit = Math.max(1, Math.min(size, MAX_BATCH));
  const chunks: Chunk[] = [];
  for (let start = 0; start < emails.length; start += limit) {
    chunks.push({ emails: emails.slice(start, start + limit), idempotencyKey: randomKey() });
  }
  return chunks;
}

/** A random UUID v4; falls back to `getRandomValues` where `randomUUID` is missing (plain http). */
function randomKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Joins the results of several chunks into one summary; seats left come from the last. */
export function mergeBatchResults(results: readonly BatchResult[], dryRun: boolean): BatchResult {
  return {
    dryRun,
    created: results.flatMap((r) => r.created),
    skipped: results.flatMap((r) => r.skipped),
    seatsLeft: results.length > 0 ? (results[results.length - 1]?.seatsLeft ?? null) : null,
  };
}

/** Skipped-list entries for addresses the browser already knows are invalid or repeated. */
function localSkips(
  entries: ReadonlyArray<{ input: string; email: string | null; state: string }>,
): BatchResult["skipped"] {
  return entries.flatMap((entry) => {
    if (entry.state === "invalid")
      return [
        {
          input: entry.input,
          email: null,
          reason: "invalid_email" as SkipReason,
          message: "Not a valid email address.",
        },
      ];
    if (entry.state === "duplicate")
      return [
        {
          input: entry.input,
          email: entry.email,
          reason: "duplicate_in_batch" as SkipReason,
          message: "The address appears more than once in this batch.",
        },
      ];
    return [];
  });
}

function presetsUpTo(max: ExpiryPreset): ExpiryPreset[] {
  return expiryPresets.filter((preset) => EXPIRY_PRESET_HOURS[preset] <= EXPIRY_PRESET_HOURS[max]);
}

/**
 * R-UI-02, R-INV-02, R-INV-16: the whole bulk-invite flow without markup. Loads the actor's
 * tenants and the grantable roles, collects addresses from chips or a CSV file, previews a
 * dry run, sends in chunks of at most 1,000 with one Idempotency-Key per chunk and reports
 * progress, then merges the answers into one results summary and invalidates the lists.
 * @example
 * const invite = useBulkInvite({ onInvited: (r) => console.log(r.created.length) });
 * invite.chips.addText("ana@acme.com, ben@acme.com");
 * await invite.send();
 */
export function useBulkInvite(options: UseBulkInviteOptions = {}): BulkInvite {
  const { client } = useFoyer();
  const queryClient = useQueryClient();
  const chunkSize = options.chunkSize ?? MAX_BATCH;

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

  const expiryOptions = useMemo(
    () => (tenant ? presetsUpTo(tenant.settings.maxExpiry) : []),
    [tenant],
  );
  const defaultExpiry = tenant
    ? expiryOptions.includes(tenant.settings.defaultExpiry)
      ? tenant.settings.defaultExpiry
      : (expiryOptions[expiryOptions.length - 1] ?? null)
    : null;
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
  const activeEntries = useMemo(() => {
    if (source === "type") return chips.chips;
    return csvState.status === "ready" ? csvState.extract.addresses : [];
  }, [source, chips.chips, csvState]);
  const recipients = useMemo(() => {
    if (source === "type") return chips.validEmails;
    return csvState.status === "ready" ? csvState.validEmails : [];
  }, [source, chips.validEmails, csvState]);
  const counts: EmailChipCounts = useMemo(() => {
    if (source === "type") return chips.counts;
    return csvState.status === "ready"
      ? csvState.counts
      : { total: 0, valid: 0, invalid: 0, duplicate: 0 };
  }, [source, chips.counts, csvState]);

  const [attempted, setAttempted] = useState(false);
  const fieldErrors = useMemo(() => {
    const found: BulkInviteFieldError[] = [];
    if (recipients.length === 0) found.push("noEmails");
    if (roleId === null) found.push("noRole");
    if (message.length > MAX_MESSAGE) found.push("messageTooLong");
    return found;
  }, [recipients.length, roleId, message.length]);

  const [phase, setPhase] = useState<BulkInvitePhase>("editing");
  const [progress, setProgress] = useState<BulkInviteProgress>({ done: 0, total: 0 });
  const [preview, setPreview] = useState<BatchResult | null>(null);
  const [result, setResult] = useState<BatchResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  // A run in flight: its chunks, how far it got, and what came back. Kept in a ref so a
  // retry resumes with the same Idempotency-Keys (R-SDK-08) instead of creating twice.
  const run = useRef<{
    body: Omit<CreateInvitationsBody, "emails">;
    chunks: Chunk[];
    next: number;
    results: BatchResult[];
    skips: BatchResult["skipped"];
  } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const onInvited = useRef(options.onInvited);
  onInvited.current = options.onInvited;

  useEffect(() => () => abort.current?.abort(), []);

  const buildBody = useCallback(
    (dryRun: boolean): Omit<CreateInvitationsBody, "emails"> | null => {
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
        dryRun,
      };
    },
    [tenantId, roleId, expiresIn, message, department, teams, delivery],
  );

  const drive = useCallback(async () => {
    const current = run.current;
    if (!current) return;
    const controller = new AbortController();
    abort.current = controller;
    const dryRun = current.body.dryRun === true;
    const total = current.chunks.reduce((sum, chunk) => sum + chunk.emails.length, 0);
    const doneSoFar = () =>
      current.chunks.slice(0, current.next).reduce((sum, chunk) => sum + chunk.emails.length, 0);
    setProgress({ done: doneSoFar(), total });
    setError(null);
    setPhase(dryRun ? "previewing" : "sending");
    const invalidate = createInvitationsMutationOptions(client).invalidates;
    try {
      while (current.next < current.chunks.length) {
        const chunk = current.chunks[current.next] as Chunk;
        const body: CreateInvitationsBody = { ...current.body, emails: chunk.emails };
        const callOptions: CreateCallOptions = { signal: controller.signal };
        if (!dryRun) callOptions.idempotencyKey = chunk.idempotencyKey;
        const answer = await client.createInvitations(body, callOptions);
        current.results.push(answer);
        current.next++;
        setProgress({ done: doneSoFar(), total });
      }
    } catch (caught) {
      if (controller.signal.aborted) return;
      setError(caught);
      if (dryRun) {
        run.current = null;
        setPhase("editing");
      } else {
        const partial = mergeBatchResults(current.results, false);
        setResult({ ...partial, skipped: [...current.skips, ...partial.skipped] });
        setPhase("failed");
      }
      return;
    } finally {
      if (!dryRun && current.results.length > 0) {
        for (const queryKey of invalidate({ ...current.body, emails: [] })) {
          void queryClient.invalidateQueries({ queryKey });
        }
      }
    }
    const merged = mergeBatchResults(current.results, dryRun);
    const summary = { ...merged, skipped: [...current.skips, ...merged.skipped] };
    run.current = null;
    if (dryRun) {
      setPreview(summary);
      setPhase("preview");
    } else {
      setResult(summary);
      setPhase("done");
      onInvited.current?.(summary);
    }
  }, [client, queryClient]);

  const start = useCallback(
    async (dryRun: boolean) => {
      setAttempted(true);
      const body = buildBody(dryRun);
      if (body === null || fieldErrors.length > 0) return;
      run.current = {
        body,
        chunks: chunkRecipients(recipients, chunkSize),
        next: 0,
        results: [],
        skips: localSkips(activeEntries),
      };
      await drive();
    },
    [buildBody, fieldErrors.length, recipients, chunkSize, activeEntries, drive],
  );

  const runPreview = useCallback(() => start(true), [start]);
  const send = useCallback(() => start(false), [start]);
  const retry = useCallback(async () => {
    if (run.current) await drive();
  }, [drive]);
  const backToEditing = useCallback(() => {
    setPreview(null);
    setError(null);
    setPhase("editing");
  }, []);
  const reset = useCallback(() => {
    abort.current?.abort();
    run.current = null;
    chips.clear();
    csv.reset();
    setMessage("");
    setAttempted(false);
    setPreview(null);
    setResult(null);
    setError(null);
    setProgress({ done: 0, total: 0 });
    setPhase("editing");
  }, [chips.clear, csv.reset]);

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
    counts,
    fieldErrors: attempted ? fieldErrors : [],
    phase,
    progress,
    preview,
    result,
    error,
    links,
    canClose: phase !== "sending",
    runPreview,
    send,
    retry,
    backToEditing,
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
