import { SCENARIO_LINK_TOKEN } from "@foyer/msw";
import { JoinPage } from "@foyer/react";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { JOIN_PASSWORD, linkScenario, storyMock, tokenStoryMock } from "./support/mock.ts";

const meta = {
  title: "Components/JoinPage",
  component: JoinPage,
  // The token comes from the reseeded mock (`loaded.token`): the link's URL is derived from
  // the server's secret, as on a real server.
  args: { token: "", signInUrl: "/sign-in", termsUrl: "/terms", privacyUrl: "/privacy" },
  render: (args, { loaded }) => (
    <JoinPage {...args} token={typeof loaded.token === "string" ? loaded.token : args.token} />
  ),
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof JoinPage>;

export default meta;
type Story = StoryObj<typeof meta>;

const WEAK = "Password1";
const INVALID =
  "This invite link is not valid or has been deactivated. Please contact your administrator.";

const open = linkScenario("open", {});
const restricted = linkScenario("domain-restricted", { allowedDomains: ["acme.com"] });
const turnedOff = linkScenario("turned-off", {}, async ({ foyer, fixture }) => {
  await foyer.services.updateInviteLink(fixture.actors.acmeAdmin, "acme", { enabled: false });
});

async function form(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await canvas.findByRole("heading", { name: "Join Acme Corp" }, { timeout: 5000 });
  // The form is a chunk of its own, loaded beside the preview: wait for it too.
  await canvas.findByLabelText("First name", {}, { timeout: 5000 });
  return canvas;
}

async function fill(canvas: ReturnType<typeof within>, email: string, password: string) {
  await userEvent.type(canvas.getByLabelText("First name"), "Ana");
  await userEvent.type(canvas.getByLabelText("Last name"), "Lima");
  await userEvent.type(canvas.getByLabelText("Email"), email);
  await userEvent.type(canvas.getByLabelText("Password"), password);
  await userEvent.type(canvas.getByLabelText("Confirm password"), password);
}

/**
 * The main flow: a weak password is refused, a strong one joins; then "Check your email",
 * with "Resend email" once a minute has passed.
 */
export const JoinWithWeakThenStrongPassword = {
  ...tokenStoryMock(open),
  play: async ({ canvasElement }) => {
    const canvas = await form(canvasElement);
    await fill(canvas, "ana.lima@acme.com", WEAK);
    await userEvent.click(canvas.getByRole("checkbox"));
    await userEvent.click(canvas.getByRole("button", { name: "Create account" }));
    await expect(canvas.getByText("Choose a password that meets every rule below.")).toBeVisible();
    const password = canvas.getByLabelText("Password");
    const confirm = canvas.getByLabelText("Confirm password");
    await userEvent.clear(password);
    await userEvent.clear(confirm);
    await userEvent.type(password, JOIN_PASSWORD);
    await userEvent.type(confirm, JOIN_PASSWORD);
    await userEvent.click(canvas.getByRole("button", { name: "Create account" }));
    const heading = await canvas.findByRole("heading", { name: "Check your email" });
    await waitFor(() => expect(heading).toHaveFocus());
    await expect(canvas.getByText(/We sent a link to ana\.lima@acme\.com/)).toBeVisible();
    // The server sends one email a minute: "Resend email" says when it can be asked for.
    await expect(canvas.getByRole("button", { name: "Resend email" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
    await expect(canvas.getByText(/You can ask for another email in \d+ s\./)).toBeVisible();
  },
} satisfies Story;

/**
 * R-LNK-06: "Continue with …" above the form when the server lists providers and the host
 * passes `onContinueWith`; a sign-up the provider's callback refused shows why.
 */
export const ContinueWithProvider = {
  ...tokenStoryMock(open, undefined, {
    identityProviders: [{ id: "microsoft", name: "Microsoft" }],
  }),
  args: { onContinueWith: fn(), providerError: "IDENTITY_EMAIL_NOT_VERIFIED" },
  play: async ({ canvasElement, args }) => {
    const canvas = await form(canvasElement);
    await expect(canvas.getByRole("alert")).toHaveTextContent(
      "Your identity provider has not verified your email address.",
    );
    await userEvent.click(canvas.getByRole("button", { name: "Continue with Microsoft" }));
    await expect(args.onContinueWith).toHaveBeenCalledWith(
      { id: "microsoft", name: "Microsoft" },
      expect.any(String),
    );
  },
} satisfies Story;

/** The form of an open link, before anything is typed. */
export const Form = {
  ...tokenStoryMock(open),
  play: async ({ canvasElement }) => {
    const canvas = await form(canvasElement);
    await expect(canvas.getByRole("link", { name: "Terms of Service" })).toHaveAttribute(
      "href",
      "/terms",
    );
  },
} satisfies Story;

/** Only acme.com may join: another address is refused on the field. */
export const DisallowedDomain = {
  ...tokenStoryMock(restricted),
  play: async ({ canvasElement }) => {
    const canvas = await form(canvasElement);
    await expect(canvas.getByText("Use your address at acme.com.")).toBeVisible();
    await fill(canvas, "ana@gmail.com", JOIN_PASSWORD);
    await userEvent.click(canvas.getByRole("checkbox"));
    await userEvent.click(canvas.getByRole("button", { name: "Create account" }));
    const email = canvas.getByLabelText("Email");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveFocus();
  },
} satisfies Story;

/** An address that already has an account: "User already registered." */
export const UserAlreadyRegistered = {
  ...tokenStoryMock(open),
  play: async ({ canvasElement }) => {
    const canvas = await form(canvasElement);
    await fill(canvas, "dana@acme.example.com", JOIN_PASSWORD);
    await userEvent.click(canvas.getByRole("checkbox"));
    await userEvent.click(canvas.getByRole("button", { name: "Create account" }));
    await expect(await canvas.findByRole("alert")).toHaveTextContent("User already registered.");
  },
} satisfies Story;

/** A token that was never issued, or retired by "Revoke & generate": the exact text. */
export const InvalidLink = {
  ...storyMock(open),
  args: { token: "never-issued" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("heading", { name: "Link not valid" }, { timeout: 5000 });
    await expect(canvas.getByText(INVALID)).toBeVisible();
  },
} satisfies Story;

/** A link its admin turned off: the same exact text, with the tenant's branding. */
export const TurnedOff = {
  ...tokenStoryMock(turnedOff),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(INVALID, {}, { timeout: 5000 })).toBeVisible();
  },
} satisfies Story;

/** A link past its last day (@foyer/msw's `linkExpired`): the same exact text. */
export const ExpiredLink = {
  ...storyMock("linkExpired"),
  args: { token: SCENARIO_LINK_TOKEN },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText(INVALID, {}, { timeout: 5000 }),
    ).toBeVisible();
  },
} satisfies Story;

/** A link at its join limit (@foyer/msw's `linkFull`): the same exact text. */
export const FullLink = {
  ...storyMock("linkFull"),
  args: { token: SCENARIO_LINK_TOKEN },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText(INVALID, {}, { timeout: 5000 }),
    ).toBeVisible();
  },
} satisfies Story;

/** While the link loads. */
export const Loading = {
  ...storyMock(open, { latencyMs: 60_000 }),
  args: { token: "loading" },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent("Loading…");
  },
} satisfies Story;

/** German. */
export const German = {
  ...tokenStoryMock(restricted),
  globals: { locale: "de" },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole(
      "heading",
      { name: "Acme Corp beitreten" },
      { timeout: 5000 },
    );
  },
} satisfies Story;

/** Dark. */
export const Dark = {
  ...tokenStoryMock(restricted),
  globals: { theme: "dark" },
  play: async ({ canvasElement }) => {
    await form(canvasElement);
  },
} satisfies Story;
