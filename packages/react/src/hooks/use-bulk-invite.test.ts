import type { BatchResult } from "@foyer/core";
import { describe, expect, it } from "vitest";
import { chunkRecipients, mergeBatchResults } from "./use-bulk-invite.ts";

describe("chunkRecipients", () => {
  it("R-INV-02: splits 2,500 addresses into chunks of at most 1,000, each with its own key", () => {
    const emails = Array.from({ length: 2500 }, (_, i) => `p${i}@acme.com`);
    const chunks = chunkRecipients(emails);
    expect(chunks.map((c) => c.emails.length)).toEqual([1000, 1000, 500]);
    expect(new Set(chunks.map((c) => c.idempotencyKey)).size).toBe(3);
    expect(chunks.flatMap((c) => c.emails)).toEqual(emails);
    // A chunk size above the API limit is capped.
    expect(chunkRecipients(emails, 5000).map((c) => c.emails.length)).toEqual([1000, 1000, 500]);
  });
});

describe("mergeBatchResults", () => {
  it("R-INV-02: joins the chunks' created and skipped lists; seats left come from the last chunk", () => {
    const a: BatchResult = {
      dryRun: false,
      created: [{ email: "a@x.com", invitation: null, link: null, replacedId: null }],
      skipped: [{ input: "b@x.com", email: "b@x.com", reason: "already_pending", message: "" }],
      seatsLeft: 5,
    };
    const b: BatchResult = { ...a, created: [], seatsLeft: 4 };
    const merged = mergeBatchResults([a, b], false);
    expect(merged.created).toHaveLength(1);
    expect(merged.skipped).toHaveLength(2);
    expect(merged.seatsLeft).toBe(4);
  });
});
