import { BUSY_INVITATIONS } from "@foyer/msw";
import { InvitationsTable } from "@foyer/react";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { storyMock, TEAM, teamScenario } from "./support/mock.ts";

const meta = {
  title: "Components/InvitationsTable",
  component: InvitationsTable,
  args: { tenantId: "acme" },
  parameters: { layout: "padded" },
} satisfies Meta<typeof InvitationsTable>;

export default meta;
type Story = StoryObj<typeof meta>;

const rowFor = (canvas: ReturnType<typeof within>, email: string) =>
  canvas.findByRole("row", { name: new RegExp(email) }, { timeout: 5000 });

/** Three pending invitations (one with a name), the default tab. */
export const Pending = {
  ...storyMock(teamScenario),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("tab", { name: "Pending (3)" })).toBeVisible();
    const ana = await rowFor(canvas, TEAM.ana);
    await expect(within(ana).getByText("Ana Lima")).toBeVisible();
    await expect(canvas.getByRole("table")).toBeVisible();
  },
} satisfies Story;

/** The History tab: accepted, expired and revoked invitations. */
export const History = {
  ...storyMock(teamScenario),
  args: { defaultTab: "history" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const dev = await rowFor(canvas, TEAM.dev);
    await expect(within(dev).getAllByText(/Revoked/).length).toBeGreaterThan(0);
  },
} satisfies Story;

/** 10,000 invitations: virtual scrolling over cursor pages. */
export const Busy = {
  ...storyMock("busy"),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const tab = await canvas.findByRole(
      "tab",
      { name: /^Pending \([\d,]+\)$/ },
      { timeout: 15_000 },
    );
    await expect(tab).toHaveAttribute("aria-selected", "true");
    // Only a window of rows is in the DOM, never all of them.
    await waitFor(() => expect(canvas.getAllByRole("row").length).toBeGreaterThan(5));
    await expect(canvas.getAllByRole("row").length).toBeLessThan(BUSY_INVITATIONS / 10);
  },
} satisfies Story;

/** No invitations yet: the empty state with the host's invite button. */
export const Empty = {
  ...storyMock("empty"),
  args: {
    emptyActions: (
      <button type="button" className="foyer-button foyer-button--primary">
        Invite users
      </button>
    ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("No pending invitations")).toBeVisible();
  },
} satisfies Story;

/** Slow network: skeleton rows while the first page loads. */
export const Loading = {
  ...storyMock("slowNetwork"),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("table")).toHaveAttribute("aria-busy", "true");
  },
} satisfies Story;

/** Every call fails: the error message with Retry. */
export const ErrorState = {
  name: "Error",
  ...storyMock("serverError"),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("Couldn't load invitations.")).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Retry" })).toBeVisible();
  },
} satisfies Story;

/** German strings and dates. */
export const German = {
  ...storyMock(teamScenario),
  globals: { locale: "de" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("tab", { name: "Ausstehend (3)" })).toBeVisible();
    await rowFor(canvas, TEAM.ana);
  },
} satisfies Story;

/** Dark theme. */
export const Dark = {
  ...storyMock(teamScenario),
  globals: { theme: "dark" },
  play: async ({ canvasElement }) => {
    await rowFor(within(canvasElement), TEAM.ana);
  },
} satisfies Story;

/** Revoke from the row menu, with the confirmation (R-INV-08). */
export const RevokeWithConfirmation = {
  ...storyMock(teamScenario),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const page = within(canvasElement.ownerDocument.body);
    const ana = await rowFor(canvas, TEAM.ana);
    await userEvent.click(within(ana).getByRole("button", { name: `Actions for ${TEAM.ana}` }));
    await userEvent.click(await page.findByRole("menuitem", { name: "Revoke" }));
    const dialog = await page.findByRole("alertdialog");
    // Visible once the dialog's fade-in is over.
    await waitFor(() =>
      expect(within(dialog).getByText(`Revoke invitation to ${TEAM.ana}?`)).toBeVisible(),
    );
    await expect(
      within(dialog).getByText("The link stops working immediately. This can't be undone."),
    ).toBeVisible();
    await userEvent.click(within(dialog).getByRole("button", { name: "Revoke" }));
    await waitFor(() => expect(page.queryByRole("alertdialog")).toBeNull());
    await waitFor(() => expect(within(ana).getByText("Revoked")).toBeVisible());
    await expect(await canvas.findByRole("tab", { name: "Pending (2)" })).toBeVisible();
  },
} satisfies Story;

/** The same revoke with the keyboard only: Tab to the row menu, arrows, Enter (R-UI-08). */
export const KeyboardRevoke = {
  ...storyMock(teamScenario),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const page = within(canvasElement.ownerDocument.body);
    const ana = await rowFor(canvas, TEAM.ana);
    const label = `Actions for ${TEAM.ana}`;
    for (let i = 0; i < 60 && document.activeElement?.getAttribute("aria-label") !== label; i++) {
      await userEvent.tab();
    }
    await expect(document.activeElement).toHaveAttribute("aria-label", label);
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(document.activeElement?.getAttribute("role")).toBe("menuitem"));
    for (let i = 0; i < 5 && document.activeElement?.textContent !== "Revoke"; i++) {
      await userEvent.keyboard("{ArrowDown}");
    }
    await expect(document.activeElement).toHaveTextContent("Revoke");
    await userEvent.keyboard("{Enter}");
    const dialog = await page.findByRole("alertdialog");
    await waitFor(() => expect(document.activeElement).toHaveTextContent("Cancel"));
    await userEvent.tab();
    await expect(document.activeElement).toBe(
      within(dialog).getByRole("button", { name: "Revoke" }),
    );
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(page.queryByRole("alertdialog")).toBeNull());
    await waitFor(() => expect(within(ana).getByText("Revoked")).toBeVisible());
  },
} satisfies Story;
