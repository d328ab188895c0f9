"use client";
import type { FoyerClient } from "@foyer/client";
import type { BatchResult, SkipReason } from "@foyer/core/rules";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { batchCheckQueryOptions } from "../query/options.ts";
import { type BatchBody, chunkBody, chunkRecipients, mergeBatchResults } from "./batch-chunks.ts";
import { useDebouncedValue } from "./use-debounced-value.ts";

/** What a batch would do, as far as it is known. Internal. */
export interface BatchCheck {
  /** `idle` with nothing to check, `checking` while the dry run runs, `ready`, or `error`. */
  status: "idle" | "checking" | "ready" | "error";
  /** The server's dry run of the current batch (or of the last one while a newer runs). */
  result: BatchResult | null;
  /** Why the server would skip each address (normalised), from `result`. */
  verdicts: ReadonlyMap<string, SkipReason>;
  error: unknown;
  /** Runs the dry run again now (after an error). */
  refetch: () => void;
}

/** Milliseconds the check waits after the batch last changed. */
const DEBOUNCE_MS = 400;

/**
 * R-INV-16: keeps a dry run of the batch as it is being edited, so counts and reasons (already
 * pending, already a member, deactivated, domain, seats) are the server's before anything is
 * sent. Debounced; runs in chunks of at most 1,000 addresses like a send. Internal:
 * `useBulkInvite`.
 */
export function useBatchCheck(
  client: FoyerClient,
  body: BatchBody | null,
  recipients: readonly string[],
  names: ReadonlyMap<string, string>,
  chunkSize: number,
  enabled: boolean,
): BatchCheck {
  const request = useMemo(
    () => (body === null || recipients.length === 0 ? null : { body, recipients, names }),
    [body, recipients, names],
  );
  const debounced = useDebouncedValue(request, DEBOUNCE_MS);
  const active = enabled && debounced !== null;
  const query = useQuery({
    ...batchCheckQueryOptions(
      client,
      debounced === null
        ? { tenantId: "", roleId: "", emails: [""] }
        : chunkBody(debounced.body, debounced.recipients, debounced.names, true),
    ),
    queryFn: async ({ signal }) => {
      if (debounced === null) throw new Error("Nothing to check.");
      const results: BatchResult[] = [];
      for (const chunk of chunkRecipients(debounced.recipients, chunkSize)) {
        results.push(
          await client.createInvitations(
            chunkBody(debounced.body, chunk.emails, debounced.names, true),
            { signal },
          ),
        );
      }
      return mergeBatchResults(results, true);
    },
    enabled: active,
    placeholderData: keepPreviousData,
  });
  const result = request === null ? null : (query.data ?? null);
  const verdicts = useMemo(() => {
    const map = new Map<string, SkipReason>();
    for (const entry of result?.skipped ?? []) {
      if (entry.email !== null) map.set(entry.email, entry.reason);
    }
    return map;
  }, [result]);
  const settled = request === debounced && !query.isFetching;
  return {
    status:
      request === null || !enabled
        ? "idle"
        : query.isError && settled
          ? "error"
          : settled && query.data
            ? "ready"
            : "checking",
    result,
    verdicts,
    error: query.error,
    refetch: () => void query.refetch(),
  };
}
