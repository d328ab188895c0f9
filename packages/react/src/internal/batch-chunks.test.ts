import type { BatchResult } from "@foyer/core";
import { describe, expect, it } from "vitest";
import { chunkBody, chunkRecipients, localSkips, mergeBatchResults } from "./batch-chunks.ts";

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

describe("chunkBody", () => {
  it("R-INV-02: a chunk carries the names of its own addresses only, keyed by address", () => {
    const names = new Map([
      ["ana@acme.com", "Ana Lima"],
      ["ben@acme.com", "Ben Ode"],
    ]);
    const body = chunkBody(
      { tenantId: "acme", roleId: "r" },
      ["ana@acme.com", "cleo@acme.com"],
      names,
      true,
    );
    expect(body).toEqual({
      tenantId: "acme",
      roleId: "r",
      emails: ["ana@acme.com", "cleo@acme.com"],
      names: { "ana@acme.com": "Ana Lima" },
      dryRun: true,
    });
    expect(
      chunkBody({ tenantId: "acme", roleId: "r" }, ["cleo@acme.com"], names, false),
    ).not.toHaveProperty("names");
  });
});

describe("localSkips", () => {
  it("R-INV-02: invalid and repeated entries are skipped with core's wording, the server's", () => {
    const skips = localSkips([
      { input: "ana@acme.com", email: "ana@acme.com", state: "valid" },
      { input: "nope", email: null, state: "invalid" },
      { input: "ANA@acme.com", email: "ana@acme.com", state: "duplicate" },
    ]);
    expect(skips).toEqual([
      {
        input: "nope",
        email: null,
        reason: "invalid_email",
        message: "This is not a valid email address.",
      },
      {
        input: "ANA@acme.com",
        email: "ana@acme.com",
        reason: "duplicate_in_batch",
        message: "This address appears earlier in the list.",
      },
    ]);
  });
});
