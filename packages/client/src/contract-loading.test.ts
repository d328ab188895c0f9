import { afterEach, describe, expect, it, vi } from "vitest";

// The response schemas load on demand (`contract.ts`, imported dynamically). These tests
// make that import fail, as a page whose schemas chunk cannot be fetched would see it.

const preview = {
  email: "ada@example.com",
  name: null,
  expiresAt: "2026-03-08T10:00:00.000Z",
  tenant: { name: "Acme", logoUrl: null, accentColor: null },
  role: { name: "User" },
  invitedBy: null,
};

afterEach(() => {
  vi.doUnmock("./contract.ts");
  vi.resetModules();
});

describe("schemas loaded on demand", () => {
  it("R-SDK-01: when the schemas cannot be loaded, a call fails as FoyerNetworkError, never with an unparsed answer", async () => {
    let loads = 0;
    vi.resetModules();
    vi.doMock("./contract.ts", () => {
      loads += 1;
      throw new Error("Failed to fetch dynamically imported module");
    });
    const { createFoyerClient } = await import("./create-foyer-client.ts");
    const { isFoyerNetworkError } = await import("./errors/foyer-network-error.ts");
    const fetch = vi.fn(async () => Response.json(preview));
    const client = createFoyerClient({ baseUrl: "https://app.example.com/api/foyer", fetch });

    const error = await client.previewInvitation("tok_secret").catch((e: unknown) => e);
    expect(isFoyerNetworkError(error)).toBe(true);
    expect((error as Error).message).toContain("POST /public/invitations/preview");
    expect((error as Error).message).not.toContain("tok_secret");
    expect(fetch).toHaveBeenCalledTimes(1);
    // A failed load is not cached: the next call tries again.
    const before = loads;
    await client.previewInvitation("tok_secret").catch(() => undefined);
    expect(loads).toBeGreaterThan(before);
  });

  it("R-SDK-01: the schemas start loading when the client is created, before any call", async () => {
    let loaded = false;
    vi.resetModules();
    vi.doMock("./contract.ts", async (importOriginal) => {
      loaded = true;
      return importOriginal();
    });
    const { createFoyerClient } = await import("./create-foyer-client.ts");
    createFoyerClient({ baseUrl: "https://app.example.com/api/foyer", fetch: vi.fn() });
    await vi.waitFor(() => expect(loaded).toBe(true));
  });
});
