import {
  type BatchResult,
  type CreateInvitationsBody,
  MAX_BATCH,
  type ParsedAddress,
  skipMessage,
} from "@foyer/core/rules";

/** One request's share of a batch, with the Idempotency-Key it keeps across retries. */
export interface Chunk {
  emails: string[];
  idempotencyKey: string;
}

/** A batch without its addresses: what every chunk sends. */
export type BatchBody = Omit<CreateInvitationsBody, "emails" | "names" | "dryRun">;

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

/** The request body of one chunk: its addresses and, when known, their names. */
export function chunkBody(
  body: BatchBody,
  emails: readonly string[],
  names: ReadonlyMap<string, string>,
  dryRun: boolean,
): CreateInvitationsBody {
  const chunkNames: Record<string, string> = {};
  for (const email of emails) {
    const name = names.get(email);
    if (name !== undefined) chunkNames[email] = name;
  }
  return {
    ...body,
    emails: [...emails],
    ...(Object.keys(chunkNames).length > 0 ? { names: chunkNames } : {}),
    dryRun,
  };
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

/**
 * Skipped-list entries for what the browser already knows (invalid or repeated entries),
 * worded by core like the server's, so one summary reads the same whoever found the problem.
 */
export function localSkips(entries: readonly ParsedAddress[]): BatchResult["skipped"] {
  return entries.flatMap((entry): BatchResult["skipped"] => {
    if (entry.state === "invalid") {
      return [
        {
          input: entry.input,
          email: null,
          reason: "invalid_email",
          message: skipMessage("invalid_email"),
        },
      ];
    }
    if (entry.state === "duplicate") {
      return [
        {
          input: entry.input,
          email: entry.email,
          reason: "duplicate_in_batch",
          message: skipMessage("duplicate_in_batch"),
        },
      ];
    }
    return [];
  });
}

/** Adds what the browser skipped to a server answer (dry run or real). */
export function withLocalSkips(result: BatchResult, skips: BatchResult["skipped"]): BatchResult {
  return skips.length === 0 ? result : { ...result, skipped: [...skips, ...result.skipped] };
}
