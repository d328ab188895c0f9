// @vitest-environment node
import { createFoyerClient } from "@foyer/client";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FoyerProvider } from "../../provider/foyer-provider.tsx";
import { BulkInviteModal } from "../bulk-invite-modal/bulk-invite-modal.tsx";
import { AcceptInvitePage } from "./accept-invite-page.tsx";

describe("server rendering", () => {
  it("R-UI-09: AcceptInvitePage renders its loading card on the server, without window or network", () => {
    expect(typeof window).toBe("undefined");
    let called = false;
    const client = createFoyerClient({
      baseUrl: "https://app.example.com/api/foyer",
      fetch: async () => {
        called = true;
        throw new Error("no network during SSR");
      },
    });
    const html = renderToString(
      <FoyerProvider client={client}>
        <AcceptInvitePage token="some-token" redirectTo="/app" />
      </FoyerProvider>,
    );
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain("Loading your invitation…");
    expect(html).not.toContain("some-token");
    expect(called).toBe(false);
  });

  it("R-UI-09: BulkInviteModal renders its trigger on the server and nothing of the closed dialog", () => {
    const client = createFoyerClient({ baseUrl: "https://app.example.com/api/foyer" });
    const html = renderToString(
      <FoyerProvider client={client}>
        <BulkInviteModal trigger />
      </FoyerProvider>,
    );
    expect(html).toContain("Invite users");
    expect(html).toContain('aria-haspopup="dialog"');
    expect(html).not.toContain("Email addresses");
  });
});
