import { createFoyerClient } from "@foyer/client";
import { ERROR_CODES, type ErrorCode } from "@foyer/core";
import { createFoyerMsw, type FoyerMsw, SCENARIO_TOKENS, type ScenarioName } from "@foyer/msw";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { acceptInvitePageDe } from "../../localization/accept-invite-page.ts";
import { commonDe } from "../../localization/common.ts";
import { de } from "../../localization/de.ts";
import { errorsDe } from "../../localization/errors.ts";
import type { DeepPartial, FoyerLocalization } from "../../localization/types.ts";
import { FoyerProvider } from "../../provider/foyer-provider.tsx";
import { loadResponseSchemas } from "../../test/foyer-test.tsx";
import { AcceptInvitePage, type AcceptInvitePageProps } from "./accept-invite-page.tsx";

const BASE = "http://localhost/api/foyer";
const PREVIEW_URL = `${BASE}/public/invitations/preview`;
const ACCEPT_URL = `${BASE}/public/invitations/accept`;
const STRONG = "Tr1cky-Lantern";
const server = setupServer();

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  await loadResponseSchemas();
  // Compile the form (a chunk the component imports on mount) before the tests time anything; the
  // state before it arrives is tested on its own.
  await import("./accept-form.tsx");
});
afterEach(() => {
  server.resetHandlers();
  server.events.removeAllListeners();
});
afterAll(() => server.close());

async function startScenario(scenario: ScenarioName): Promise<FoyerMsw> {
  const mock = createFoyerMsw({ baseUrl: BASE, scenario });
  await mock.ready;
  server.use(...mock.handlers);
  return mock;
}

function errorAnswer(code: ErrorCode, issues?: Array<{ path: string; message: string }>) {
  return HttpResponse.json(
    { error: { code, message: ERROR_CODES[code].message, ...(issues ? { issues } : {}) } },
    { status: ERROR_CODES[code].status },
  );
}

function renderPage(
  props: Partial<AcceptInvitePageProps> & {
    locale?: string;
    providerLocalization?: DeepPartial<FoyerLocalization>;
  } = {},
) {
  const { locale, providerLocalization, ...rest } = props;
  const client = createFoyerClient({ baseUrl: BASE, retry: 0 });
  const user = userEvent.setup();
  const view = render(
    <FoyerProvider client={client} locale={locale ?? "en"} localization={providerLocalization}>
      <AcceptInvitePage token={SCENARIO_TOKENS.valid} {...rest} />
    </FoyerProvider>,
  );
  return { user, ...view };
}

function acceptRequests(): string[] {
  const seen: string[] = [];
  server.events.on("request:start", ({ request }) => {
    if (request.url === ACCEPT_URL) seen.push(request.method);
  });
  return seen;
}

async function expectNoAxeViolations(container: HTMLElement) {
  // jsdom cannot compute colours; contrast is covered by the branding unit tests.
  const results = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`),
  ).toEqual([]);
}

function rule(name: RegExp): HTMLElement {
  const checklist = screen.getByRole("list", { name: "Your password needs" });
  const item = within(checklist)
    .getAllByRole("listitem")
    .find((li) => name.test(li.textContent ?? ""));
  if (!item) throw new Error(`no rule ${name}`);
  return item;
}

describe("AcceptInvitePage", () => {
  it("R-UI-04 R-INV-12 R-UI-06: shows the invitation with tenant branding and a read-only email", async () => {
    await startScenario("validToken");
    const { container } = renderPage();
    expect(
      await screen.findByRole("heading", { name: "You're invited to join Acme Corp" }),
    ).toBeTruthy();
    const root = container.querySelector<HTMLElement>("[data-slot='root']");
    // Acme's accent #4f46e5 is dark: white text reads better on it than near-black.
    expect(root?.style.getPropertyValue("--foyer-accent")).toBe("#4f46e5");
    expect(root?.style.getPropertyValue("--foyer-accent-foreground")).toBe("#ffffff");
    const email = screen.getByLabelText("Email") as HTMLInputElement;
    expect(email.value).toBe("valid.invitee@acme.example.com");
    expect(email.readOnly).toBe(true);
    expect(screen.getByText("Invited by Dana Smith")).toBeTruthy();
    expect(screen.getByText("Role: Client user")).toBeTruthy();
    expect(screen.getByRole("img", { name: "Acme Corp logo" })).toBeTruthy();
    // The inviter's name pre-fills the name fields.
    expect((screen.getByLabelText("First name") as HTMLInputElement).value).toBe("Jordan");
    expect((screen.getByLabelText("Last name") as HTMLInputElement).value).toBe("Example");
    await expectNoAxeViolations(container);
  });

  it("R-UI-06: a light accent gets a near-black foreground; no logo shows initials on the accent", async () => {
    const mock = await startScenario("validToken");
    const acme = await mock.store.getTenant("acme");
    if (!acme) throw new Error("fixture without acme");
    await mock.store.upsertTenant({ ...acme, accentColor: "#facc15", logoUrl: null });
    const { container } = renderPage();
    await screen.findByRole("heading", { name: "You're invited to join Acme Corp" });
    const root = container.querySelector<HTMLElement>("[data-slot='root']");
    expect(root?.style.getPropertyValue("--foyer-accent")).toBe("#facc15");
    expect(root?.style.getPropertyValue("--foyer-accent-foreground")).toBe("#0b0b0f");
    expect(container.querySelector("[data-slot='logo']")?.textContent).toBe("AC");
  });

  it("R-PWD-01: the checklist ticks each rule as it is met, announces changes, and a weak password is refused before sending", async () => {
    await startScenario("validToken");
    const requests = acceptRequests();
    const { user } = renderPage();
    await screen.findByLabelText("Password");
    const password = screen.getByLabelText("Password");
    expect(rule(/At least 8 characters/).dataset.state).toBe("unmet");
    await user.type(password, "a");
    expect(rule(/A lowercase letter/).dataset.state).toBe("met");
    expect(rule(/An uppercase letter/).dataset.state).toBe("unmet");
    expect(rule(/A lowercase letter/).textContent).toContain(", met");
    const announcer = () =>
      document.querySelector("[data-slot='checklist-announcer']")?.textContent;
    await waitFor(() => expect(announcer()).toContain("A lowercase letter: met"));
    // "abc" is one of the most common bases: that rule turns back, and only that is announced.
    await user.type(password, "bc");
    await waitFor(() => expect(announcer()).toBe("Not a common password: not met"));

    // Weak: upper, lower, digit but no symbol and too common ("Password1").
    await user.clear(password);
    await user.type(password, "Password1");
    expect(rule(/A symbol or space/).dataset.state).toBe("unmet");
    expect(rule(/Not a common password/).dataset.state).toBe("unmet");
    await user.type(screen.getByLabelText("Confirm password"), "Password1");
    await user.click(screen.getByRole("button", { name: "Accept & create account" }));
    expect(screen.getByText("Choose a password that meets every rule below.")).toBeTruthy();
    expect(document.activeElement).toBe(password);
    expect(requests).toEqual([]);

    // Strong: every rule ticks.
    await user.clear(password);
    await user.type(password, STRONG);
    const items = within(screen.getByRole("list", { name: "Your password needs" })).getAllByRole(
      "listitem",
    );
    expect(items.every((li) => li.dataset.state === "met")).toBe(true);
    expect(screen.queryByText("Choose a password that meets every rule below.")).toBeNull();
  });

  it("R-INV-12: a mismatched confirmation is shown and blocks the submit", async () => {
    await startScenario("validToken");
    const requests = acceptRequests();
    const { user } = renderPage();
    await screen.findByLabelText("Password");
    await user.type(screen.getByLabelText("Password"), STRONG);
    await user.type(screen.getByLabelText("Confirm password"), `${STRONG}x`);
    expect(screen.getByText("The passwords do not match.")).toBeTruthy();
    expect(screen.getByLabelText("Confirm password").getAttribute("aria-invalid")).toBe("true");
    await user.click(screen.getByRole("button", { name: "Accept & create account" }));
    expect(document.activeElement).toBe(screen.getByLabelText("Confirm password"));
    expect(requests).toEqual([]);
  });

  it("R-UI-08 R-INV-12: keyboard only: fill and submit; the account is created and onAccepted gets the result", async () => {
    const mock = await startScenario("validToken");
    const onAccepted = vi.fn();
    const { user, container } = renderPage({ onAccepted });
    await screen.findByLabelText("Password");
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText("Email"));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText("First name"));
    await user.keyboard("{Control>}a{/Control}{Backspace}Jo");
    await user.tab();
    await user.keyboard("{Control>}a{/Control}{Backspace}Example");
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText("Password"));
    await user.keyboard(STRONG);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Show password" }));
    await user.keyboard(" ");
    expect((screen.getByLabelText("Password") as HTMLInputElement).type).toBe("text");
    await user.tab();
    await user.keyboard(STRONG);
    await user.tab();
    expect(document.activeElement).toBe(
      screen.getByRole("button", { name: "Accept & create account" }),
    );
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { name: "You're in" })).toBeTruthy();
    expect(onAccepted).toHaveBeenCalledWith(
      expect.objectContaining({
        next: "signed_in",
        user: expect.objectContaining({ firstName: "Jo" }),
      }),
    );
    expect(mock.users.users.get("valid.invitee@acme.example.com")?.passwordHash).not.toBe("");
    await expectNoAxeViolations(container);
  });

  it('R-INV-12: shows the pending state while submitting and "Check your email" when the tenant asks for verification', async () => {
    const mock = await startScenario("validToken");
    const acme = await mock.store.getTenant("acme");
    if (!acme) throw new Error("fixture without acme");
    await mock.store.upsertTenant({
      ...acme,
      settings: { ...acme.settings, requireEmailVerification: true },
    });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.post(ACCEPT_URL, async () => {
        await gate;
      }),
    );
    const navigate = vi.fn();
    const { user } = renderPage({ redirectTo: "/app", navigate });
    await screen.findByLabelText("Password");
    await user.type(screen.getByLabelText("Password"), STRONG);
    await user.type(screen.getByLabelText("Confirm password"), STRONG);
    await user.click(screen.getByRole("button", { name: "Accept & create account" }));
    const pending = await screen.findByRole("button", { name: "Creating account…" });
    expect(pending.getAttribute("aria-disabled")).toBe("true");
    release();
    expect(await screen.findByRole("heading", { name: "Check your email" })).toBeTruthy();
    expect(screen.getByText(/We sent a link to valid\.invitee@acme\.example\.com/)).toBeTruthy();
    // Not signed in yet: the redirect waits until the address is verified.
    expect(navigate).not.toHaveBeenCalled();
  });

  it("R-UI-04: redirectTo on the page's origin is followed after accepting; an off-origin one is ignored", async () => {
    await startScenario("validToken");
    const navigate = vi.fn();
    const first = renderPage({ redirectTo: "/app/welcome", navigate });
    await screen.findByLabelText("Password");
    await first.user.type(screen.getByLabelText("Password"), STRONG);
    await first.user.type(screen.getByLabelText("Confirm password"), STRONG);
    await first.user.click(screen.getByRole("button", { name: "Accept & create account" }));
    await screen.findByRole("heading", { name: "You're in" });
    expect(navigate).toHaveBeenCalledWith(`${window.location.origin}/app/welcome`);
    first.unmount();

    server.resetHandlers();
    await startScenario("validToken");
    const onAccepted = vi.fn();
    const evil = vi.fn();
    const second = renderPage({
      redirectTo: "https://evil.example/steal",
      navigate: evil,
      onAccepted,
    });
    await screen.findByLabelText("Password");
    await second.user.type(screen.getByLabelText("Password"), STRONG);
    await second.user.type(screen.getByLabelText("Confirm password"), STRONG);
    await second.user.click(screen.getByRole("button", { name: "Accept & create account" }));
    await screen.findByRole("heading", { name: "You're in" });
    expect(onAccepted).toHaveBeenCalledTimes(1);
    expect(evil).not.toHaveBeenCalled();
  });

  it("R-INV-12: server field errors (PASSWORD_TOO_WEAK, VALIDATION_FAILED issues) show at their fields", async () => {
    await startScenario("validToken");
    // The page's policy is laxer than the server's, so the server has the last word.
    const lax = {
      minLength: 8,
      maxLength: 128,
      requireUppercase: false,
      requireLowercase: true,
      requireDigit: false,
      requireSymbol: false,
      rejectCommon: false,
    };
    const { user } = renderPage({ passwordPolicy: lax });
    await screen.findByLabelText("Password");
    await user.type(screen.getByLabelText("Password"), "lanternlantern");
    await user.type(screen.getByLabelText("Confirm password"), "lanternlantern");
    await user.click(screen.getByRole("button", { name: "Accept & create account" }));
    await waitFor(() =>
      expect(screen.getByLabelText("Password").getAttribute("aria-invalid")).toBe("true"),
    );
    expect(screen.getByText("Choose a password that meets every rule below.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Password"));

    server.use(
      http.post(ACCEPT_URL, () =>
        errorAnswer("VALIDATION_FAILED", [
          { path: "lastName", message: "lastName must be at most 100 characters." },
        ]),
      ),
    );
    await user.clear(screen.getByLabelText("Password"));
    await user.type(screen.getByLabelText("Password"), "lanternlantern2");
    await user.clear(screen.getByLabelText("Confirm password"));
    await user.type(screen.getByLabelText("Confirm password"), "lanternlantern2");
    await user.click(screen.getByRole("button", { name: "Accept & create account" }));
    expect(await screen.findByText("lastName must be at most 100 characters.")).toBeTruthy();
    expect(screen.getByLabelText("Last name").getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(screen.getByLabelText("Last name"));
  });

  const errorPages: Array<[string, ScenarioName | ErrorCode, RegExp, string]> = [
    ["TOKEN_INVALID", "empty", /Link not valid/, "This invitation link is not valid."],
    [
      "INVITATION_EXPIRED",
      "expiredToken",
      /Invitation expired/,
      "This invitation has expired. Ask your administrator to send a new one.",
    ],
    [
      "INVITATION_REVOKED",
      "revokedToken",
      /Invitation revoked/,
      "This invitation has been revoked.",
    ],
    [
      "INVITATION_ALREADY_USED",
      "usedToken",
      /Invitation already used/,
      "This invitation has already been used. Sign in instead.",
    ],
    [
      "INVITATION_SUPERSEDED",
      "INVITATION_SUPERSEDED",
      /A newer invitation was sent/,
      "Use the link in the latest email.",
    ],
    [
      "TENANT_INACTIVE",
      "TENANT_INACTIVE",
      /Organization unavailable/,
      "no longer accepts new members",
    ],
  ];

  it.each(errorPages)(
    "R-INV-13 R-UI-04: %s renders its own page in the card",
    async (code, source, title, body) => {
      const tokens: Partial<Record<string, string>> = {
        empty: SCENARIO_TOKENS.invalid,
        expiredToken: SCENARIO_TOKENS.expired,
        revokedToken: SCENARIO_TOKENS.revoked,
        usedToken: SCENARIO_TOKENS.used,
      };
      let token: string = SCENARIO_TOKENS.valid;
      if (source in tokens) {
        await startScenario(source as ScenarioName);
        token = tokens[source] ?? token;
      } else {
        server.use(http.post(PREVIEW_URL, () => errorAnswer(source as ErrorCode)));
      }
      const { container } = renderPage({ token, signInUrl: "/login" });
      const heading = await screen.findByRole("heading", { name: title });
      expect(heading).toBeTruthy();
      expect(container.textContent).toContain(body);
      expect(container.querySelector("[data-slot='root']")?.getAttribute("data-state")).toBe(
        "invalid",
      );
      expect(screen.queryByLabelText("Password")).toBeNull();
      // Every dead link offers a way on: the host's sign-in page, the main action when used.
      const signIn = screen.getByRole("link", { name: "Sign in" });
      expect(signIn.getAttribute("href")).toBe("/login");
      expect(signIn.classList.contains("foyer-button--primary")).toBe(
        code === "INVITATION_ALREADY_USED",
      );
      await expectNoAxeViolations(container);
    },
  );

  it("R-INV-13: a token that stops working between preview and submit switches to its error page", async () => {
    await startScenario("validToken");
    server.use(http.post(ACCEPT_URL, () => errorAnswer("INVITATION_REVOKED")));
    const { user } = renderPage();
    await screen.findByLabelText("Password");
    await user.type(screen.getByLabelText("Password"), STRONG);
    await user.type(screen.getByLabelText("Confirm password"), STRONG);
    await user.click(screen.getByRole("button", { name: "Accept & create account" }));
    const heading = await screen.findByRole("heading", { name: "Invitation revoked" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it("R-UI-04: a network error shows Retry, which loads the invitation", async () => {
    server.use(http.post(PREVIEW_URL, () => HttpResponse.error()));
    const { user, container } = renderPage();
    expect(await screen.findByRole("heading", { name: "Could not connect" })).toBeTruthy();
    await expectNoAxeViolations(container);
    server.resetHandlers();
    await startScenario("validToken");
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(
      await screen.findByRole("heading", { name: "You're invited to join Acme Corp" }),
    ).toBeTruthy();
  });

  it("R-UI-04 R-UI-08: the loading state is a skeleton card, busy and labelled", async () => {
    server.use(http.post(PREVIEW_URL, () => new Promise<never>(() => {})));
    const { container } = renderPage();
    const card = container.querySelector("[data-slot='card']");
    expect(card?.getAttribute("aria-busy")).toBe("true");
    expect(container.querySelectorAll(".foyer-skeleton").length).toBeGreaterThan(2);
    expect(screen.getByRole("status").textContent).toBe("Loading your invitation…");
    await expectNoAxeViolations(container);
  });

  it("R-UI-07: German strings throughout, from the provider's localization={de}", async () => {
    await startScenario("validToken");
    const { user } = renderPage({ locale: "de-DE", providerLocalization: de });
    expect(
      await screen.findByRole("heading", { name: "Sie wurden zu Acme Corp eingeladen" }),
    ).toBeTruthy();
    expect(screen.getByText("Eingeladen von Dana Smith")).toBeTruthy();
    expect(screen.getByLabelText("Vorname")).toBeTruthy();
    expect(screen.getByLabelText("Passwort bestätigen")).toBeTruthy();
    expect(screen.getByRole("list", { name: "Ihr Passwort braucht" })).toBeTruthy();
    expect(screen.getByText("Mindestens 8 Zeichen")).toBeTruthy();
    await user.type(screen.getByLabelText("Passwort"), "a");
    await user.type(screen.getByLabelText("Passwort bestätigen"), "b");
    expect(screen.getByText("Die Passwörter stimmen nicht überein.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Annehmen und Konto erstellen" })).toBeTruthy();
  });

  it("R-UI-07: a component localization prop overrides single strings of the German namespaces", async () => {
    server.use(http.post(PREVIEW_URL, () => errorAnswer("INVITATION_EXPIRED")));
    renderPage({
      localization: { acceptInvitePage: { expiredTitle: "Link abgelaufen" } },
      locale: "de",
      // Only this page's German namespaces, as a host that mounts only this page would.
      providerLocalization: {
        common: commonDe,
        errors: errorsDe,
        acceptInvitePage: acceptInvitePageDe,
      },
    });
    expect(await screen.findByRole("heading", { name: "Link abgelaufen" })).toBeTruthy();
    expect(screen.getByText(/Diese Einladung ist abgelaufen/)).toBeTruthy();
  });
});
