import { createFoyerClient } from "@foyer/client";
import type { UpdateInviteLinkBody } from "@foyer/core";
import { createFoyerMsw, type FoyerMsw, scenarios } from "@foyer/msw";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { FoyerProvider } from "../../provider/foyer-provider.tsx";
import { axeViolations } from "../../test/axe.ts";
import { loadResponseSchemas } from "../../test/foyer-test.tsx";
import { VerifyEmailPage } from "../verify-email-page/verify-email-page.tsx";
import { JoinPage, type JoinPageProps } from "./join-page.tsx";

const BASE = "http://localhost/api/foyer";
const STRONG = "Tr1cky-Lantern";
const WEAK = "Password1";
const INVALID_LINK =
  "This invite link is not valid or has been deactivated. Please contact your administrator.";
const server = setupServer();

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  await loadResponseSchemas();
  // Compile the form (a chunk the page imports on mount) before the tests time anything.
  await import("./join-form.tsx");
});
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

/** A mock where Acme's link is set up as given; answers the mock and the link's token. */
async function startWithLink(
  settings: UpdateInviteLinkBody = {},
): Promise<{ mock: FoyerMsw; token: string }> {
  const mock = createFoyerMsw({
    baseUrl: BASE,
    scenario: {
      ...scenarios.empty,
      name: "join",
      async seed(context) {
        await context.foyer.services.updateInviteLink(context.fixture.actors.acmeAdmin, "acme", {
          enabled: true,
          roleId: context.fixture.roles.clientUser,
          ...settings,
        });
      },
    },
  });
  await mock.ready;
  server.use(...mock.handlers);
  const { link } = await mock.foyer.services.getInviteLink(mock.fixture.actors.acmeAdmin, "acme");
  const token = new URLSearchParams(new URL(link.url ?? "").hash.slice(1)).get("token") ?? "";
  return { mock, token };
}

function renderPage(props: JoinPageProps) {
  const client = createFoyerClient({ baseUrl: BASE, retry: 0 });
  const user = userEvent.setup({
    advanceTimers: (ms) => {
      if (vi.isFakeTimers()) vi.advanceTimersByTime(ms);
    },
  });
  const view = render(
    <FoyerProvider client={client}>
      <JoinPage signInUrl="/sign-in" {...props} />
    </FoyerProvider>,
  );
  return { user, ...view };
}

async function fill(
  user: ReturnType<typeof userEvent.setup>,
  values: { email: string; password: string; terms?: boolean },
) {
  await user.type(screen.getByLabelText("First name"), "Ana");
  await user.type(screen.getByLabelText("Last name"), "Lima");
  await user.type(screen.getByLabelText("Email"), values.email);
  await user.type(screen.getByLabelText("Password"), values.password);
  await user.type(screen.getByLabelText("Confirm password"), values.password);
  if (values.terms !== false) await user.click(screen.getByRole("checkbox"));
}

describe("JoinPage", () => {
  it("R-LNK-07 / R-UI-04: an unknown token shows the exact invalid-link text and the way to sign in", async () => {
    await startWithLink();
    const { container } = renderPage({ token: "not-a-real-token" });
    expect(await screen.findByRole("heading", { name: "Link not valid" })).toBeTruthy();
    expect(screen.getByText(INVALID_LINK)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Sign in" }).getAttribute("href")).toBe("/sign-in");
    expect(await axeViolations(container)).toEqual([]);
  });

  it("R-LNK-02 / R-LNK-07: a link turned off shows the same exact text", async () => {
    const { mock, token } = await startWithLink();
    await mock.foyer.services.updateInviteLink(mock.fixture.actors.acmeAdmin, "acme", {
      enabled: false,
    });
    renderPage({ token });
    expect(await screen.findByText(INVALID_LINK)).toBeTruthy();
  });

  it("R-LNK-06 / R-UI-04: the page is branded, names the role, links the terms and offers sign-in", async () => {
    const { token } = await startWithLink({ allowedDomains: ["acme.com"] });
    const { container } = renderPage({ token, termsUrl: "/terms", privacyUrl: "/privacy" });
    expect(await screen.findByRole("heading", { name: "Join Acme Corp" })).toBeTruthy();
    expect(screen.getByText("Role: Client user")).toBeTruthy();
    expect(screen.getByText("Use your address at acme.com.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Terms of Service" }).getAttribute("href")).toBe(
      "/terms",
    );
    expect(screen.getByRole("link", { name: "Privacy Policy" }).getAttribute("href")).toBe(
      "/privacy",
    );
    const root = container.querySelector<HTMLElement>("[data-slot='root']");
    expect(root?.style.getPropertyValue("--foyer-accent")).toBe("#4f46e5");
    // No provider buttons unless the host wires them.
    expect(screen.queryByRole("button", { name: /Continue with/ })).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it("R-LNK-06: provider buttons start the host's sign-up, stay busy meanwhile, and show why it failed", async () => {
    const { mock, token } = await startWithLink();
    // The server lists the providers it has (the mock configures none): add one.
    server.use(
      http.post(`${BASE}/public/invite-links/preview`, async () =>
        HttpResponse.json({
          ...(await mock.foyer.services.previewInviteLink(token)),
          identityProviders: [{ id: "dev", name: "Dev SSO" }],
        }),
      ),
    );
    let finish = () => {};
    const onContinueWith = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    const { user, container, rerender } = renderPage({
      token,
      onContinueWith,
      providerError: "IDENTITY_EMAIL_NOT_VERIFIED",
    });
    const button = await screen.findByRole("button", { name: "Continue with Dev SSO" });
    expect(screen.getByRole("alert").textContent).toBe(
      "Your identity provider has not verified your email address. Verify it there, or sign up with your email address and a password.",
    );
    expect(await axeViolations(container)).toEqual([]);
    await user.click(button);
    expect(onContinueWith).toHaveBeenCalledWith({ id: "dev", name: "Dev SSO" }, token);
    expect(button.hasAttribute("disabled")).toBe(true);
    expect(button.getAttribute("aria-busy")).toBe("true");
    await act(async () => finish());
    await waitFor(() => expect(button.hasAttribute("disabled")).toBe(false));
    rerender(
      <FoyerProvider client={createFoyerClient({ baseUrl: BASE, retry: 0 })}>
        <JoinPage token={token} onContinueWith={onContinueWith} />
      </FoyerProvider>,
    );
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("R-PWD-01 / R-LNK-06: a weak password is refused with the checklist; the terms must be accepted", async () => {
    const { mock, token } = await startWithLink();
    const { user } = renderPage({ token });
    await screen.findByRole("heading", { name: "Join Acme Corp" });
    await fill(user, { email: "new.person@acme.com", password: WEAK, terms: false });
    const rules = screen.getByRole("list", { name: "Your password needs" });
    expect(within(rules).getByText("A symbol or space").closest("li")?.dataset.state).toBe("unmet");
    await user.click(screen.getByRole("button", { name: "Create account" }));
    expect(screen.getByText("Choose a password that meets every rule below.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Password"));
    expect(
      screen.getByText("Accept the Terms of Service and Privacy Policy to continue."),
    ).toBeTruthy();
    expect(mock.users.users.has("new.person@acme.com")).toBe(false);
  });

  it("R-LNK-04 / R-LNK-07: an address outside the allowed domains is refused before sending", async () => {
    const { token } = await startWithLink({ allowedDomains: ["acme.com"] });
    const onJoined = vi.fn();
    const { user } = renderPage({ token, onJoined });
    await screen.findByRole("heading", { name: "Join Acme Corp" });
    await fill(user, { email: "ana@acme.com.evil.test", password: STRONG });
    await user.click(screen.getByRole("button", { name: "Create account" }));
    const email = screen.getByLabelText("Email");
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(email);
    expect(onJoined).not.toHaveBeenCalled();
  });

  it("R-LNK-07: an address registered anywhere answers the exact 'User already registered.'", async () => {
    const { mock, token } = await startWithLink();
    const { user } = renderPage({ token });
    await screen.findByRole("heading", { name: "Join Acme Corp" });
    await fill(user, { email: mock.fixture.actors.globexAdmin.email, password: STRONG });
    await user.click(screen.getByRole("button", { name: "Create account" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("User already registered.");
    expect(within(alert).getByRole("link", { name: "Sign in" }).getAttribute("href")).toBe(
      "/sign-in",
    );
  });

  it("R-LNK-08 / R-LNK-09: a join creates the account, then asks to verify; Resend sends another email after a minute; the email's link verifies", async () => {
    // Fake clocks for the page and the mock's server alike, running on with real time.
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ["setTimeout", "clearTimeout", "Date"] });
    const { mock, token } = await startWithLink();
    const onJoined = vi.fn();
    const { user, unmount } = renderPage({ token, onJoined });
    await screen.findByRole("heading", { name: "Join Acme Corp" });
    await fill(user, { email: "New.Person@ACME.com", password: STRONG });
    await user.click(screen.getByRole("button", { name: "Create account" }));
    const heading = await screen.findByRole("heading", { name: "Check your email" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText(/We sent a link to new\.person@acme\.com/)).toBeTruthy();
    expect(onJoined).toHaveBeenCalledWith(
      expect.objectContaining({ next: "verify_email", tenantId: "acme" }),
    );
    const sentTo = () => mock.mailbox.messages().filter((m) => m.to === "new.person@acme.com");
    await waitFor(() => expect(sentTo()).toHaveLength(1));

    // The server sends at most one email a minute: the button says so and waits as long.
    const resend = screen.getByRole("button", { name: "Resend email" });
    expect(resend.getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByText(/You can ask for another email in \d+ s\./)).toBeTruthy();
    await act(() => vi.advanceTimersByTimeAsync(61_000));
    await waitFor(() => expect(resend.getAttribute("aria-disabled")).toBeNull());
    await user.click(resend);
    expect(await screen.findByText(/a new email is on its way/)).toBeTruthy();
    await waitFor(() => expect(sentTo()).toHaveLength(2));

    // The latest email's link lands on the verification page (messages come newest first).
    const link = sentTo()[0]?.links.find((l) => l.includes("#token=")) ?? "";
    const verifyToken = new URLSearchParams(new URL(link).hash.slice(1)).get("token") ?? "";
    expect(verifyToken).not.toBe("");
    unmount();
    const client = createFoyerClient({ baseUrl: BASE, retry: 0 });
    render(
      <FoyerProvider client={client}>
        <VerifyEmailPage token={verifyToken} signInUrl="/sign-in" />
      </FoyerProvider>,
    );
    expect(await screen.findByRole("heading", { name: "Email verified" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Sign in" }).getAttribute("href")).toBe("/sign-in");
  });

  it("R-LNK-06 / R-LNK-09: back from a provider that did not verify the address, the page opens on 'Check your email' for it", async () => {
    const { token } = await startWithLink();
    renderPage({ token, verificationSentTo: "una@acme.com" });
    expect(await screen.findByRole("heading", { name: "Check your email" })).toBeTruthy();
    expect(screen.getByText(/We sent a link to una@acme\.com/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Create account" })).toBeNull();
    expect(screen.getByRole("button", { name: "Resend email" })).toBeTruthy();
  });
});
