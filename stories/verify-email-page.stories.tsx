import type { FoyerMsw } from "@foyer/msw";
import { VerifyEmailPage } from "@foyer/react";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { JOIN_PASSWORD, linkScenario, storyMock, tokenOf, tokenStoryMock } from "./support/mock.ts";

const meta = {
  title: "Components/VerifyEmailPage",
  component: VerifyEmailPage,
  args: { token: "", signInUrl: "/sign-in" },
  render: (args, { loaded }) => (
    <VerifyEmailPage
      {...args}
      token={typeof loaded.token === "string" ? loaded.token : args.token}
    />
  ),
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof VerifyEmailPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Ana joined through Acme's link and has not verified yet: her email is in the mailbox. */
const joined = linkScenario("joined-unverified", {}, async ({ foyer, fixture }) => {
  const { link } = await foyer.services.getInviteLink(fixture.actors.acmeAdmin, "acme");
  await foyer.services.joinWithInviteLink({
    token: tokenOf(link.url),
    firstName: "Ana",
    lastName: "Lima",
    email: "ana.lima@acme.com",
    password: JOIN_PASSWORD,
    passwordConfirmation: JOIN_PASSWORD,
    acceptTerms: true,
  });
});

/** The verification link of the newest email in the mock's mailbox. */
const verificationToken = async (mock: FoyerMsw) =>
  tokenOf(
    mock.mailbox
      .messages()
      .flatMap((message) => message.links)
      .find((link) => link.includes("/verify-email#token=")),
  );

/** The link from the email: verified, then sign in. */
export const Verified = {
  ...tokenStoryMock(joined, verificationToken),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("heading", { name: "Email verified" }, { timeout: 5000 });
    await expect(canvas.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in");
  },
} satisfies Story;

/** A token that was never issued: say so, and offer a new link. */
export const InvalidLink = {
  ...storyMock("empty"),
  args: { token: "never-issued" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("heading", { name: "Link not valid" }, { timeout: 5000 });
    await userEvent.type(canvas.getByLabelText("Email"), "ana.lima@acme.com");
    await userEvent.click(canvas.getByRole("button", { name: "Send a new link" }));
    await expect(
      await canvas.findByText(/If this address is waiting for verification/),
    ).toBeVisible();
  },
} satisfies Story;

/** While the link is checked. */
export const Verifying = {
  ...storyMock("empty", { latencyMs: 60_000 }),
  args: { token: "checking" },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent(
      "Verifying your email address…",
    );
  },
} satisfies Story;

/** German. */
export const German = {
  ...storyMock("empty"),
  args: { token: "never-issued" },
  globals: { locale: "de" },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("heading", { name: "Link ungültig" }, { timeout: 5000 });
  },
} satisfies Story;

/** Dark. */
export const Dark = {
  ...tokenStoryMock(joined, verificationToken),
  globals: { theme: "dark" },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole(
      "heading",
      { name: "Email verified" },
      { timeout: 5000 },
    );
  },
} satisfies Story;
