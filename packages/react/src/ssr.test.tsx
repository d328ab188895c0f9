// @vitest-environment node
import { createFoyerClient } from "@foyer/client";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";

describe("server rendering", () => {
  it("R-UI-09: the package imports and renders on a server without window or document", async () => {
    expect(typeof window).toBe("undefined");
    expect(typeof document).toBe("undefined");
    const { FoyerProvider, InvitationsTable } = await import("./index.ts");
    const client = createFoyerClient({ baseUrl: "https://app.example.com/api/foyer" });
    const html = renderToString(
      <FoyerProvider client={client}>
        <InvitationsTable tenantId="acme" />
      </FoyerProvider>,
    );
    expect(html).toContain('data-state="loading"');
    expect(html).toContain("<caption");
    expect(html).toContain("Pending invitations");
  });
});
