import { createFoyerClient } from "@foyer/client";
import { render, renderHook, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { InvitationsTable } from "../components/invitations-table/invitations-table.tsx";
import { BASE_URL, useFoyerMock } from "../test/foyer-test.tsx";
import { FoyerProvider } from "./foyer-provider.tsx";
import { useFoyer } from "./use-foyer.ts";

describe("FoyerProvider", () => {
  const ctx = useFoyerMock("seatLimitReached");

  it("R-UI-05: a component works with only <FoyerProvider client>, using the provider's own query client", async () => {
    const client = createFoyerClient({ baseUrl: BASE_URL });
    render(
      <FoyerProvider client={client}>
        <InvitationsTable tenantId="acme" />
      </FoyerProvider>,
    );
    const row = await screen.findByRole("row", { name: /kim@acme.example.com/ });
    expect(within(row).getByText("Pending")).toBeTruthy();
    expect(ctx.requests.some((r) => r.startsWith("GET /invitations?"))).toBe(true);
  });

  it("R-UI-06: appearance sets the theme and token variables on the component root", async () => {
    const client = createFoyerClient({ baseUrl: BASE_URL });
    const { container } = render(
      <FoyerProvider
        client={client}
        appearance={{ theme: "dark", variables: { accent: "#0f766e", radius: "4px" } }}
      >
        <InvitationsTable tenantId="acme" />
      </FoyerProvider>,
    );
    await screen.findByRole("row", { name: /kim@acme.example.com/ });
    const root = container.querySelector<HTMLElement>(".foyer-root");
    expect(root?.getAttribute("data-foyer-theme")).toBe("dark");
    expect(root?.style.getPropertyValue("--foyer-accent")).toBe("#0f766e");
    expect(root?.style.getPropertyValue("--foyer-radius")).toBe("4px");
  });

  it("R-UI-05: useFoyer gives the client and locale, and says what is missing outside a provider", () => {
    const client = createFoyerClient({ baseUrl: BASE_URL });
    const { result } = renderHook(() => useFoyer(), {
      wrapper: ({ children }) => (
        <FoyerProvider client={client} locale="de-DE">
          {children}
        </FoyerProvider>
      ),
    });
    expect(result.current.client).toBe(client);
    expect(result.current.locale).toBe("de-DE");
    expect(() => renderHook(() => useFoyer())).toThrow(/inside <FoyerProvider/);
  });
});
