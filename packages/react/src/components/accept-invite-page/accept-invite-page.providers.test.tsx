import { createFoyerClient } from "@foyer/client";
import { createFoyerMsw, SCENARIO_TOKENS, type ScenarioName } from "@foyer/msw";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { de } from "../../localization/de.ts";
import { FoyerProvider } from "../../provider/foyer-provider.tsx";
import { loadResponseSchemas } from "../../test/foyer-test.tsx";
import { AcceptInvitePage, type AcceptInvitePageProps } from "./accept-invite-page.tsx";

// "Accept with …": the mock's "Microsoft" provider serves Globex, the tenant with SSO, so its
// invitee (scenario `ssoTenant`) is offered the provider and no password; Acme's invitee
// (scenario `validToken`) is offered the password form only.

const BASE = "http://localhost/api/foyer";
const server = setupServer();

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  await loadResponseSchemas();
  await import("./accept-form.tsx");
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function renderScenario(scenario: ScenarioName, props: Partial<AcceptInvitePageProps> = {}) {
  const mock = createFoyerMsw({ baseUrl: BASE, scenario });
  await mock.ready;
  server.use(...mock.handlers);
  const client = createFoyerClient({ baseUrl: BASE, retry: 0 });
  const user = userEvent.setup();
  const { locale, ...rest } = { locale: "en", ...props } as Partial<AcceptInvitePageProps> & {
    locale: string;
  };
  render(
    <FoyerProvider client={client} locale={locale} localization={locale === "de" ? de : undefined}>
      <AcceptInvitePage token={SCENARIO_TOKENS.valid} {...rest} />
    </FoyerProvider>,
  );
  await screen.findByRole("heading", { level: 1 });
  return { user, client };
}

describe("AcceptInvitePage with identity providers", () => {
  it("R-UI-04 R-INV-12: an SSO tenant's invitee gets only 'Accept with Microsoft', which starts with the token", async () => {
    const onContinueWith = vi.fn();
    const { user } = await renderScenario("ssoTenant", { onContinueWith });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(
      "You're invited to join Globex",
    );
    expect(
      (
        await screen.findByText(
          "Globex uses single sign-on. Sign in as valid.invitee@globex.example to accept.",
        )
      ).tagName,
    ).toBe("P");
    const button = screen.getByRole("button", { name: "Accept with Microsoft" });
    expect(screen.queryByLabelText("Password")).toBeNull();
    expect(screen.queryByRole("button", { name: "Accept & create account" })).toBeNull();
    expect(screen.queryByText("or")).toBeNull();
    await user.click(button);
    expect(onContinueWith).toHaveBeenCalledWith(
      { id: "microsoft", name: "Microsoft" },
      SCENARIO_TOKENS.valid,
    );
  });

  it("R-INV-12: a start that is still running shows its button busy and blocks a second start", async () => {
    let finish: () => void = () => {};
    const onContinueWith = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { user } = await renderScenario("ssoTenant", { onContinueWith });
    const button = await screen.findByRole("button", { name: "Accept with Microsoft" });
    await user.click(button);
    expect(button.getAttribute("aria-busy")).toBe("true");
    expect((button as HTMLButtonElement).disabled).toBe(true);
    await user.click(button);
    expect(onContinueWith).toHaveBeenCalledTimes(1);
    finish();
    await vi.waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  });

  it("R-INV-12: a refusal the provider's callback sent back is shown above the button, in German too", async () => {
    await renderScenario("ssoTenant", {
      onContinueWith: vi.fn(),
      providerError: "IDENTITY_EMAIL_MISMATCH",
      locale: "de",
    } as Partial<AcceptInvitePageProps>);
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Das Konto, mit dem Sie sich angemeldet haben, ist nicht die Adresse, an die diese Einladung ging.",
    );
    expect(screen.getByRole("button", { name: "Mit Microsoft annehmen" }).tagName).toBe("BUTTON");
  });

  it("R-INV-12: without onContinueWith an SSO tenant's page says why there is no form, rather than offer one the server refuses", async () => {
    await renderScenario("ssoTenant");
    const message = await screen.findByText(
      "This organisation signs in with single sign-on. Accept the invitation with your organisation's account.",
    );
    expect(message.tagName).toBe("P");
    expect(screen.queryByRole("button", { name: /Accept/ })).toBeNull();
    expect(screen.queryByLabelText("Password")).toBeNull();
  });

  it("R-UI-04: a tenant the provider does not serve shows the password form and no provider button", async () => {
    await renderScenario("validToken", { onContinueWith: vi.fn() });
    expect((await screen.findByLabelText("Password")).tagName).toBe("INPUT");
    expect(screen.queryByRole("button", { name: /Accept with/ })).toBeNull();
  });
});
