import type { RouteName } from "@foyer/core";
import { FoyerServiceError, isFoyerServiceError } from "../errors.ts";
import type { Store } from "../store/types.ts";
import { toHex } from "../tokens.ts";
import type { Logger } from "../types.ts";

// Internal to the handler: the Idempotency-Key protocol of R-SDK-08 over the store's
// claim / complete / release operations.

const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

/** The header's value when present and well formed; null when absent; throws when malformed. */
export function readIdempotencyKey(headers: Headers): string | null {
  const key = headers.get("idempotency-key");
  if (key === null) return null;
  if (!KEY_PATTERN.test(key)) {
    throw new FoyerServiceError("VALIDATION_FAILED", {
      issues: [
        {
          path: "Idempotency-Key",
          message: "Idempotency-Key must be 1 to 255 printable ASCII characters.",
        },
      ],
    });
  }
  return key;
}

/**
 * JSON with object keys sorted at every level, so two bodies that mean the same hash the
 * same. Inputs come from `JSON.parse` and have passed `inspectJson` (bounded depth).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** SHA-256 (Web Crypto) of method, path and canonical body, as hex. */
export async function hashRequest(method: string, path: string, body: unknown): Promise<string> {
  const text = `${method}\n${path}\n${canonicalJson(body)}`;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return toHex(new Uint8Array(digest));
}

/** A successful answer as the handler sends it, and the form an idempotency record keeps. */
export interface Outcome {
  body: unknown;
  /** What a replay answers; defaults to `body`. */
  kept?: unknown;
  headers?: Headers;
}

/** An answer to send: the live outcome, or a stored one replayed. */
export type IdempotentAnswer =
  | { replayed: false; outcome: Outcome }
  | { replayed: true; status: number; body: string };

/**
 * Runs `run` at most once per scoped key (`${actorId}:${routeName}:${key}`). 2xx and 4xx
 * answers are kept and replayed for the same request; a 5xx or a thrown error releases the
 * key so a retry runs again. The same key with another request answers
 * IDEMPOTENCY_KEY_REUSED; one still running answers IDEMPOTENCY_IN_PROGRESS.
 */
export async function runIdempotent(input: {
  store: Store;
  logger: Logger;
  actorId: string;
  routeName: RouteName;
  key: string;
  requestHash: string;
  successStatus: number;
  run: () => Promise<Outcome>;
}): Promise<IdempotentAnswer> {
  const { store, logger, routeName } = input;
  const key = `${input.actorId}:${routeName}:${input.key}`;
  // A key left in progress by a process that died is the store's to free (R-SDK-07): it
  // answers such a key as absent as soon as its owner is known to be gone. Age alone frees
  // nothing, since the owner may still be running the request.
  const existing = await store.claimIdempotencyKey({
    key,
    requestHash: input.requestHash,
    state: "in_progress",
    status: null,
    body: null,
    createdAt: new Date(),
    owner: null,
  });
  if (existing) {
    if (existing.requestHash !== input.requestHash) {
      throw new FoyerServiceError("IDEMPOTENCY_KEY_REUSED");
    }
    if (existing.state !== "done" || existing.status === null || existing.body === null) {
      throw new FoyerServiceError("IDEMPOTENCY_IN_PROGRESS");
    }
    return { replayed: true, status: existing.status, body: existing.body };
  }

  // Failing to record the answer must not turn a done change into an error: the change
  // happened; the key is released so the next retry is at least not stuck in progress.
  const complete = async (status: number, body: unknown) => {
    try {
      await store.completeIdempotencyKey(key, status, JSON.stringify(body));
    } catch {
      logger.warn("Foyer could not record an idempotent answer", { route: routeName });
      await release();
    }
  };
  const release = async () => {
    try {
      await store.releaseIdempotencyKey(key);
    } catch {
      logger.warn("Foyer could not release an idempotency key", { route: routeName });
    }
  };

  let outcome: Outcome;
  try {
    outcome = await input.run();
  } catch (error) {
    if (isFoyerServiceError(error) && error.status < 500) {
      await complete(error.status, error.toBody());
    } else {
      await release();
    }
    throw error;
  }
  await complete(input.successStatus, "kept" in outcome ? outcome.kept : outcome.body);
  return { replayed: false, outcome };
}
