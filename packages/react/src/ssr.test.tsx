// @vitest-environment node
import { createFoyerClient } from "@foyer/client";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";

describe("server rendering", () => {
  it("R-UI-09: the package imports and renders on a server without window or document, and calls no API", async () => {
    expect(typeof window).toBe("undefined");
    expect(typeof document).toBe("undefined");
    const { FoyerProvider, InvitationsTable } = await import("./index.ts");
    const calls: string[] = [];
    const client = createFoyerClient({
      baseUrl: "https://app.example.com/api/foyer",
      fetch: async (input) => {
        calls.push(String(input instanceof Request ? input.url : input));
        return new Response(null, { status: 503 });
      },
    });
    const html = renderToString(
      <FoyerProvider client={client}>
        <InvitationsTable tenantId="acme" />
      </FoyerProvider>,
    );
    expect(html).toContain('data-state="loading"');
    expect(html).toContain("<caption");
    expect(html).toContain("Pending invitations");
    // Rendering on a server asks the API for nothing; the browser fetches after hydration.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toEqual([]);
  });
});
