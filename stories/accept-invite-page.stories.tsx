import { SCENARIO_TOKENS } from "@foyer/msw";
import { AcceptInvitePage } from "@foyer/react";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { storyMock } from "./support/mock.ts";

const meta = {
  title: "Components/AcceptInvitePage",
  component: AcceptInvitePage,
  args: { token: SCENARIO_TOKENS.valid, signInUrl: "/sign-in" },
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof AcceptInvitePage>;

export default meta;
type Story = StoryObj<typeof meta>;

const STRONG = "Tr1cky-Lantern";
const WEAK = "Password1";
const TITLE = "You're invited to join Acme Corp";

async function form(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await canvas.findByRole("heading", { name: TITLE }, { timeout: 5000 });
  // The form is a chunk of its own, loaded beside the invitation: wait for it too.
  await canvas.findByLabelText("Email", {}, { timeout: 5000 });
  return canvas;
}

/** A valid invitation to Acme: logo, accent colour, role and inviter. */
export const ValidToken = {
  ...storyMock("validToken"),
  play: async ({ canvasElement }) => {
    const canvas = await form(canvasElement);
    await expect(canvas.getByLabelText("Email")).toHaveAttribute("readonly");
    const logo = await canvas.findByRole("img", { name: "Acme Corp logo" });
    await waitFor(() => expect((logo as HTMLImageElement).naturalWidth).toBeGreaterThan(0));
  },
} satisfies Story;

/** While the invitation loads: a skeleton card. */
export const Loading = {
  ...storyMock("slowNetwork"),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent(
      "Loading your invitation…",
    );
  },
} satisfies Story;

/** Expired: ask the administrator for a new one. */
export const Expired = {
  ...storyMock("expiredToken"),
  args: { token: SCENARIO_TOKENS.expired },
  play: async ({ canvasElement }) => {
    const heading = await within(canvasElement).findByRole("heading", {}, { timeout: 5000 });
    await expect(canvasElement).toHaveTextContent(/expired/i);
    await waitFor(() => expect(heading).toHaveFocus());
  },
} satisfies Story;

/** Revoked by an administrator. */
export const Revoked = {
  ...storyMock("revokedToken"),
  args: { token: SCENARIO_TOKENS.revoked },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("heading", {}, { timeout: 5000 });
    await expect(canvasElement).toHaveTextContent(/revoked|no longer/i);
  },
} satisfies Story;

/** Already used: sign in instead. */
export const AlreadyUsed = {
  ...storyMock("usedToken"),
  args: { token: SCENARIO_TOKENS.used },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("heading", {}, { timeout: 5000 });
    await expect(await canvas.findByRole("link", { name: /sign in/i })).toHaveAttribute(
      "href",
      "/sign-in",
    );
  },
} satisfies Story;

/** A token that was never issued. */
export const Invalid = {
  ...storyMock("empty"),
  args: { token: SCENARIO_TOKENS.invalid },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("heading", { name: "Link not valid" }, { timeout: 5000 });
    await expect(canvas.getByText("This invitation link is not valid.")).toBeVisible();
    // A dead link still leads somewhere: the host's sign-in page.
    await expect(canvas.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in");
  },
} satisfies Story;

/** The server fails: a generic error with Retry. */
export const ServerError = {
  ...storyMock("serverError"),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("heading", { name: "Something went wrong" }, { timeout: 5000 });
    await expect(canvas.getByRole("button", { name: "Try again" })).toBeVisible();
  },
} satisfies Story;

/** A weak password: the checklist shows what is missing and the submit is refused. */
export const WeakPassword = {
  ...storyMock("validToken"),
  play: async ({ canvasElement }) => {
    const canvas = await form(canvasElement);
    const password = canvas.getByLabelText("Password");
    await userEvent.type(password, WEAK);
    await userEvent.type(canvas.getByLabelText("Confirm password"), WEAK);
    await userEvent.click(canvas.getByRole("button", { name: "Accept & create account" }));
    await expect(canvas.getByText("Choose a password that meets every rule below.")).toBeVisible();
    await expect(password).toHaveFocus();
  },
} satisfies Story;

/** The main flow: a weak password is refused, a strong one creates the account. */
export const AcceptWeakThenStrong = {
  ...storyMock("validToken"),
  play: async ({ canvasElement }) => {
    const canvas = await form(canvasElement);
    const password = canvas.getByLabelText("Password");
    const confirm = canvas.getByLabelText("Confirm password");
    await userEvent.type(password, WEAK);
    await userEvent.type(confirm, WEAK);
    await userEvent.click(canvas.getByRole("button", { name: "Accept & create account" }));
    await expect(canvas.getByText("Choose a password that meets every rule below.")).toBeVisible();

    await userEvent.clear(password);
    await userEvent.type(password, STRONG);
    await userEvent.clear(confirm);
    await userEvent.type(confirm, STRONG);
    const rules = within(canvas.getByRole("list", { name: "Your password needs" }));
    await expect(rules.getAllByRole("listitem").every((li) => li.dataset.state === "met")).toBe(
      true,
    );
    await userEvent.click(canvas.getByRole("button", { name: "Accept & create account" }));
    await waitFor(
      () =>
        expect(canvas.getByRole("heading", { name: /You're in|Check your email/ })).toBeVisible(),
      { timeout: 5000 },
    );
  },
} satisfies Story;

/** Keyboard only: Tab through the form, type, toggle the password, submit with Enter. */
export const KeyboardAccept = {
  ...storyMock("validToken"),
  play: async ({ canvasElement }) => {
    const canvas = await form(canvasElement);
    const firstName = canvas.getByLabelText("First name");
    for (let i = 0; i < 10 && document.activeElement !== firstName; i++) await userEvent.tab();
    await expect(firstName).toHaveFocus();
    await userEvent.keyboard("{Control>}a{/Control}{Backspace}Jo");
    await userEvent.tab();
    await userEvent.keyboard("{Control>}a{/Control}{Backspace}Example");
    await userEvent.tab();
    await expect(canvas.getByLabelText("Password")).toHaveFocus();
    await userEvent.keyboard(STRONG);
    await userEvent.tab();
    await expect(canvas.getByRole("button", { name: "Show password" })).toHaveFocus();
    await userEvent.keyboard(" ");
    await expect(canvas.getByLabelText("Password")).toHaveAttribute("type", "text");
    await userEvent.tab();
    await userEvent.keyboard(STRONG);
    const submit = canvas.getByRole("button", { name: "Accept & create account" });
    for (let i = 0; i < 5 && document.activeElement !== submit; i++) await userEvent.tab();
    await expect(submit).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await waitFor(
      () =>
        expect(canvas.getByRole("heading", { name: /You're in|Check your email/ })).toBeVisible(),
      { timeout: 5000 },
    );
  },
} satisfies Story;

/** German strings. */
export const German = {
  ...storyMock("validToken"),
  globals: { locale: "de" },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole(
      "heading",
      { name: "Sie wurden zu Acme Corp eingeladen" },
      { timeout: 5000 },
    );
  },
} satisfies Story;

/** Dark theme with the tenant's accent. */
export const Dark = {
  ...storyMock("validToken"),
  globals: { theme: "dark" },
  play: async ({ canvasElement }) => {
    await form(canvasElement);
  },
} satisfies Story;

async function ssoCard(canvasElement: HTMLElement, title = "You're invited to join Globex") {
  const canvas = within(canvasElement);
  await canvas.findByRole("heading", { name: title }, { timeout: 5000 });
  return canvas;
}

/**
 * Globex signs in with SSO and the mock's "Microsoft" serves it: its invitee accepts with
 * Microsoft only (no password form), and the button hands the provider and token to the host.
 */
export const SsoTenant = {
  ...storyMock("ssoTenant"),
  args: { onContinueWith: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = await ssoCard(canvasElement);
    const button = await canvas.findByRole(
      "button",
      { name: "Accept with Microsoft" },
      { timeout: 5000 },
    );
    await expect(
      canvas.getByText(
        "Globex uses single sign-on. Sign in as valid.invitee@globex.example to accept.",
      ),
    ).toBeVisible();
    await expect(canvas.queryByLabelText("Password")).toBeNull();
    await userEvent.click(button);
    await expect(args.onContinueWith).toHaveBeenCalledWith(
      { id: "microsoft", name: "Microsoft" },
      SCENARIO_TOKENS.valid,
    );
  },
} satisfies Story;

/** Back from the provider signed in as another address: why, above the button. */
export const SsoWrongAccount = {
  ...storyMock("ssoTenant"),
  args: { onContinueWith: fn(), providerError: "IDENTITY_EMAIL_MISMATCH" },
  play: async ({ canvasElement }) => {
    const canvas = await ssoCard(canvasElement);
    await expect(await canvas.findByRole("alert", {}, { timeout: 5000 })).toHaveTextContent(
      "The account you signed in with is not the address this invitation was sent to.",
    );
  },
} satisfies Story;

/** The SSO tenant's invitee in the dark theme. */
export const SsoTenantDark = {
  ...storyMock("ssoTenant"),
  globals: { theme: "dark" },
  args: { onContinueWith: fn() },
  play: async ({ canvasElement }) => {
    const canvas = await ssoCard(canvasElement);
    await canvas.findByRole("button", { name: "Accept with Microsoft" }, { timeout: 5000 });
  },
} satisfies Story;

/** The SSO tenant's invitee in German. */
export const SsoTenantGerman = {
  ...storyMock("ssoTenant"),
  globals: { locale: "de" },
  args: { onContinueWith: fn() },
  play: async ({ canvasElement }) => {
    const canvas = await ssoCard(canvasElement, "Sie wurden zu Globex eingeladen");
    await canvas.findByRole("button", { name: "Mit Microsoft annehmen" }, { timeout: 5000 });
    await expect(
      canvas.getByText(
        "Globex nutzt Single Sign-On. Melden Sie sich als valid.invitee@globex.example an, um anzunehmen.",
      ),
    ).toBeVisible();
  },
} satisfies Story;
