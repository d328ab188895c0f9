import { InviteLinkDialog } from "@foyer/react";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, spyOn, userEvent, waitFor, within } from "storybook/test";
import { JOIN_PASSWORD, linkScenario, storyMock } from "./support/mock.ts";

const meta = {
  title: "Components/InviteLinkDialog",
  component: InviteLinkDialog,
  args: { tenantId: "acme", defaultOpen: true, trigger: true },
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof InviteLinkDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The dialog is portalled to the body, outside the story's canvas. */
const screen = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

/** The settings show once the link, the roles and the actor's permissions loaded. */
async function ready(canvasElement: HTMLElement, title = "Invite link") {
  const page = screen(canvasElement);
  const dialog = await page.findByRole("dialog", { name: title }, { timeout: 5000 });
  await within(dialog).findByRole("switch", {}, { timeout: 5000 });
  return within(dialog);
}

const linkValue = (dialog: ReturnType<typeof within>) =>
  (dialog.getByRole("textbox", { name: "Link" }) as HTMLInputElement).value;

const enabled = linkScenario("enabled", {});
const restricted = linkScenario("domain-restricted", {
  allowedDomains: ["acme.com", "acme-holdings.example.com"],
});
/** Never turned on: the admin picks a role and a domain, turns it on and copies the link. */
export const EnableWithRoleAndDomain = {
  ...storyMock("empty"),
  play: async ({ canvasElement }) => {
    const dialog = await ready(canvasElement);
    const toggle = dialog.getByRole("switch", { name: "Allow anyone with the link to join" });
    await expect(dialog.getByText("The link appears here once you turn it on.")).toBeVisible();
    // Without a role the switch says what it needs and stays off.
    await userEvent.click(toggle);
    await expect(
      await dialog.findByText("Choose a default role before turning the link on."),
    ).toBeVisible();
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await userEvent.selectOptions(dialog.getByRole("combobox", { name: "Default role" }), [
      "Client user",
    ]);
    await userEvent.type(
      dialog.getByRole("textbox", { name: "Allowed email domains" }),
      "Acme.com",
    );
    await userEvent.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute("aria-checked", "true"));
    await expect(dialog.getByText("Active")).toBeVisible();
    await expect(dialog.getByRole("textbox", { name: "Allowed email domains" })).toHaveValue(
      "acme.com",
    );
    // Headless Chromium grants no clipboard: the story watches the write instead.
    const write = spyOn(navigator.clipboard, "writeText").mockResolvedValue();
    await userEvent.click(dialog.getByRole("button", { name: "Copy" }));
    await expect(write).toHaveBeenCalledWith(linkValue(dialog));
    await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
    await expect(dialog.getByText("Link copied to the clipboard.")).toBeInTheDocument();
    write.mockRestore();
  },
} satisfies Story;

/** On, with the Client user role: the link to copy. */
export const Enabled = {
  ...storyMock(enabled),
  play: async ({ canvasElement }) => {
    const dialog = await ready(canvasElement);
    await expect(dialog.getByRole("switch")).toHaveAttribute("aria-checked", "true");
    await expect(linkValue(dialog)).toMatch(/#token=/);
  },
} satisfies Story;

/** "Revoke & generate new link" asks first, then shows a new URL. */
export const RegenerateWithConfirmation = {
  ...storyMock(enabled),
  play: async ({ canvasElement }) => {
    const dialog = await ready(canvasElement);
    const before = linkValue(dialog);
    await userEvent.click(dialog.getByRole("button", { name: "Revoke & generate new link" }));
    const confirm = await screen(canvasElement).findByRole("alertdialog", {
      name: "Revoke this link and generate a new one?",
    });
    await expect(confirm).toHaveTextContent(
      "The current link stops working at once for everyone who has it.",
    );
    await userEvent.click(within(confirm).getByRole("button", { name: "Revoke & generate" }));
    await waitFor(() => expect(linkValue(dialog)).not.toBe(before));
    await expect(
      dialog.getByText("New link generated. The old link no longer works."),
    ).toBeInTheDocument();
  },
} satisfies Story;

/** Only two domains may join; an entry that is not a domain is named as it is typed. */
export const DomainRestricted = {
  ...storyMock(restricted),
  play: async ({ canvasElement }) => {
    const dialog = await ready(canvasElement);
    const domains = dialog.getByRole("textbox", { name: "Allowed email domains" });
    await expect(domains).toHaveValue("acme.com\nacme-holdings.example.com");
    await userEvent.type(domains, "\nnot_a_domain");
    await expect(dialog.getByText("Not a valid domain: not_a_domain")).toBeVisible();
    await expect(domains).toHaveAttribute("aria-invalid", "true");
  },
} satisfies Story;

/** One join allowed and used: the badge says the limit is reached. */
export const AtJoinLimit = {
  ...storyMock(
    linkScenario("at-join-limit", { maxJoins: 1 }, async ({ foyer, fixture }) => {
      const { link } = await foyer.services.getInviteLink(fixture.actors.acmeAdmin, "acme");
      const token = new URLSearchParams(new URL(link.url ?? "").hash.slice(1)).get("token") ?? "";
      await foyer.services.joinWithInviteLink({
        token,
        firstName: "Ana",
        lastName: "Lima",
        email: "ana.lima@acme.com",
        password: JOIN_PASSWORD,
        passwordConfirmation: JOIN_PASSWORD,
        acceptTerms: true,
      });
    }),
  ),
  play: async ({ canvasElement }) => {
    const dialog = await ready(canvasElement);
    await expect(dialog.getByText("Limit reached")).toBeVisible();
    await expect(dialog.getByText("1 of 1 joined with this link")).toBeVisible();
  },
} satisfies Story;

/** Its last day passed (@foyer/msw's `linkExpired`): the badge and the hint say so. */
export const Expired = {
  ...storyMock("linkExpired"),
  play: async ({ canvasElement }) => {
    const dialog = await ready(canvasElement);
    await expect(dialog.getByText("Expired")).toBeVisible();
    await expect(dialog.getByText(/This link stopped working on/)).toBeVisible();
  },
} satisfies Story;

/** Globex has SSO: the switch is disabled with the exact message (R-LNK-05). */
export const SsoTenant = {
  ...storyMock("empty", { actor: "mspAdmin" }),
  args: { tenantId: "globex" },
  play: async ({ canvasElement }) => {
    const dialog = await ready(canvasElement);
    await expect(dialog.getByRole("switch")).toBeDisabled();
    await expect(
      dialog.getByText("Not available - SSO is configured for this tenant."),
    ).toBeVisible();
  },
} satisfies Story;

/** A plain user without invite_links:manage: no trigger at all. */
export const PlainUserSeesNoButton = {
  ...storyMock(enabled, { actor: "acmeUser" }),
  args: { defaultOpen: false },
  play: async ({ canvasElement }) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(within(canvasElement).queryByRole("button", { name: "Invite link" })).toBeNull();
  },
} satisfies Story;

/** While the link loads: skeletons and a status line. */
export const Loading = {
  ...storyMock(enabled, { latencyMs: 60_000 }),
  play: async ({ canvasElement }) => {
    const dialog = await screen(canvasElement).findByRole("dialog", { name: "Invite link" });
    await expect(within(dialog).getByRole("status")).toHaveTextContent("Loading…");
  },
} satisfies Story;

/** The server fails: the message and Retry. */
export const LoadError = {
  ...storyMock("serverError"),
  play: async ({ canvasElement }) => {
    const dialog = await screen(canvasElement).findByRole("dialog", { name: "Invite link" });
    await expect(await within(dialog).findByRole("alert", {}, { timeout: 5000 })).toBeVisible();
    await expect(within(dialog).getByRole("button", { name: "Retry" })).toBeVisible();
  },
} satisfies Story;

/** German. */
export const German = {
  ...storyMock(restricted),
  globals: { locale: "de" },
  play: async ({ canvasElement }) => {
    const dialog = await ready(canvasElement, "Einladungslink");
    await expect(
      dialog.getByRole("switch", { name: "Beitritt für alle mit dem Link erlauben" }),
    ).toBeVisible();
  },
} satisfies Story;

/** Dark. */
export const Dark = {
  ...storyMock(restricted),
  globals: { theme: "dark" },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
  },
} satisfies Story;
