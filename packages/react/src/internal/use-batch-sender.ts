"use client";
import type { BatchResult } from "@foyer/core/rules";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CreateInvitationsVariables } from "../query/options.ts";
import {
  type BatchBody,
  type Chunk,
  chunkBody,
  chunkRecipients,
  mergeBatchResults,
  withLocalSkips,
} from "./batch-chunks.ts";

/** Where a send is: not started, running, finished, or stopped part-way by an error. */
export type SendPhase = "idle" | "sending" | "done" | "failed";

/** What one send is about. */
export interface SendRequest {
  body: BatchBody;
  /** Valid, unique, normalised addresses. */
  recipients: readonly string[];
  /** Names by address, from a CSV file or `Name <address>` entries. */
  names: ReadonlyMap<string, string>;
  /** What the browser already skipped (invalid, repeated), for the summary. */
  skips: BatchResult["skipped"];
  /** Addresses per request (at most the API's batch limit). */
  chunkSize: number;
}

/** What `useBatchSender` returns. Internal. */
export interface BatchSender {
  phase: SendPhase;
  progress: { done: number; total: number };
  /** Everything sent so far (all of it once `done`), local skips included. */
  result: BatchResult | null;
  error: unknown;
  start: (request: SendRequest) => Promise<void>;
  /** Sends the chunks that did not go out, each with its own first Idempotency-Key. */
  retry: () => Promise<void>;
  reset: () => void;
}

interface Run {
  request: SendRequest;
  chunks: Chunk[];
  next: number;
  results: BatchResult[];
}

/**
 * R-INV-02, R-SDK-08: sends a batch in chunks of at most 1,000 addresses, one request after
 * the other, each with its own Idempotency-Key, reporting progress. A failure part-way keeps
 * what went out and stops; `retry` resumes with the same keys, so nothing is created twice.
 * `send` is the create mutation (it invalidates the lists through its query client).
 * Internal: `useBulkInvite`.
 */
export function useBatchSender(
  send: (variables: CreateInvitationsVariables) => Promise<BatchResult>,
  onSent: (result: BatchResult) => void,
): BatchSender {
  const [phase, setPhase] = useState<SendPhase>("idle");
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [result, setResult] = useState<BatchResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = useRef<Run | null>(null);
  const alive = useRef(true);
  const latest = useRef({ send, onSent });
  latest.current = { send, onSent };

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const drive = useCallback(async () => {
    const current = run.current;
    if (!current) return;
    const { request, chunks } = current;
    const total = request.recipients.length;
    const done = () => chunks.slice(0, current.next).reduce((sum, c) => sum + c.emails.length, 0);
    const summary = () => withLocalSkips(mergeBatchResults(current.results, false), request.skips);
    setProgress({ done: done(), total });
    setError(null);
    setPhase("sending");
    try {
      while (current.next < chunks.length) {
        const chunk = chunks[current.next] as Chunk;
        const answer = await latest.current.send({
          body: chunkBody(request.body, chunk.emails, request.names, false),
          idempotencyKey: chunk.idempotencyKey,
        });
        if (!alive.current) return;
        current.results.push(answer);
        current.next++;
        setProgress({ done: done(), total });
      }
    } catch (caught) {
      if (!alive.current) return;
      setError(caught);
      setResult(summary());
      setPhase("failed");
      return;
    }
    run.current = null;
    const sent = summary();
    setResult(sent);
    setPhase("done");
    latest.current.onSent(sent);
  }, []);

  const start = useCallback(
    async (request: SendRequest) => {
      run.current = {
        request,
        chunks: chunkRecipients(request.recipients, request.chunkSize),
        next: 0,
        results: [],
      };
      await drive();
    },
    [drive],
  );

  const retry = useCallback(() => drive(), [drive]);

  const reset = useCallback(() => {
    run.current = null;
    setPhase("idle");
    setProgress({ done: 0, total: 0 });
    setResult(null);
    setError(null);
  }, []);

  return { phase, progress, result, error, start, retry, reset };
}
