import { BulkInviteModal } from "@foyer/react";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { delay, http } from "msw";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { BASE_URL, storyMock, teamScenario } from "./support/mock.ts";

const meta = {
  title: "Components/BulkInviteModal",
  component: BulkInviteModal,
  args: { tenantId: "acme", defaultOpen: true },
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof BulkInviteModal>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The dialog is portalled to the body, outside the story's canvas. */
const screen = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

/** Roles load with the actor's context; the form is usable once they show. */
async function ready(canvasElement: HTMLElement) {
  const page = screen(canvasElement);
  await page.findByRole("radio", { name: /Client user/ }, { timeout: 5000 });
  return page;
}

const addressInput = (page: ReturnType<typeof screen>) =>
  page.getByRole("textbox", { name: "Email addresses" });

const chipStates = (canvasElement: HTMLElement) =>
  [...canvasElement.ownerDocument.querySelectorAll<HTMLElement>("[data-slot='chip']")].map(
    (chip) => chip.dataset.state,
  );

/** Open, nothing typed yet. */
export const OpenEmpty = {
  ...storyMock("empty"),
  play: async ({ canvasElement }) => {
    const page = await ready(canvasElement);
    await waitFor(() => expect(page.getByRole("dialog", { name: "Invite users" })).toBeVisible());
    await expect(addressInput(page)).toHaveFocus();
  },
} satisfies Story;

/** Typed addresses become chips: valid, invalid (with the reason) and a duplicate. */
export const Chips = {
  ...storyMock("empty"),
  play: async ({ canvasElement }) => {
    const page = await ready(canvasElement);
    await userEvent.type(
      addressInput(page),
      "ana@acme.com, not-an-address, ANA@acme.com, ben@acme.com,",
    );
    await waitFor(() =>
      expect(chipStates(canvasElement)).toEqual(["valid", "invalid", "duplicate", "valid"]),
    );
    await expect(page.getByRole("button", { name: "Send 2 invitations" })).toBeVisible();
  },
} satisfies Story;

const CSV = [
  "email,name",
  "ana@acme.com,Ana Lima",
  "ben@acme.com,Ben",
  "not-an-address,Nobody",
  "cleo@acme.com,Cleo",
  "ben@acme.com,Ben again",
].join("\n");

/** A CSV file: preview of the first rows with invalid ones marked, and the counts. */
export const CsvPreview = {
  ...storyMock("empty"),
  play: async ({ canvasElement }) => {
    const page = await ready(canvasElement);
    await userEvent.click(page.getByRole("radio", { name: "Upload CSV" }));
    await userEvent.upload(
      page.getByLabelText("Choose file"),
      new File([CSV], "people.csv", { type: "text/csv" }),
    );
    const table = await page.findByRole("table", {}, { timeout: 5000 });
    await expect(within(table).getByText("not-an-address")).toBeVisible();
    await expect(page.getByRole("button", { name: "Send 3 invitations" })).toBeVisible();
  },
} satisfies Story;

/** Preview (dry run): what would be sent and what would be skipped, and why. */
export const DryRunPreview = {
  ...storyMock(teamScenario),
  play: async ({ canvasElement }) => {
    const page = await ready(canvasElement);
    await userEvent.type(
      addressInput(page),
      "ana@acme.com, erin@acme.com, dana@acme.example.com, oops,",
    );
    await userEvent.click(page.getByRole("button", { name: "Preview" }));
    await expect(await page.findByRole("heading", { name: "Preview" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Already a member (1)" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Already pending (1)" })).toBeVisible();
  },
} satisfies Story;

let progressPosts = 0;
/** Sending in chunks of two: the second chunk is held, so progress stays on screen. */
export const SendingProgress = {
  ...storyMock("empty", {
    before: [
      http.post(`${BASE_URL}/invitations`, async () => {
        progressPosts += 1;
        if (progressPosts % 2 === 0) await delay("infinite");
      }),
    ],
  }),
  args: { chunkSize: 2 },
  play: async ({ canvasElement }) => {
    progressPosts = 0;
    const page = await ready(canvasElement);
    await userEvent.type(addressInput(page), "ana@acme.com, ben@acme.com, cleo@acme.com,");
    await userEvent.click(page.getByRole("button", { name: "Send 3 invitations" }));
    const progress = await page.findByRole("progressbar");
    await waitFor(() => expect(progress).toHaveAttribute("aria-valuenow", "2"));
    await expect(page.getByText("Sending 2 of 3…")).toBeVisible();
    // Not closable by accident while sending.
    await userEvent.keyboard("{Escape}");
    await expect(page.getByRole("dialog")).toBeVisible();
  },
} satisfies Story;

/** The main flow: three addresses, one invalid; the results summary groups the skipped. */
export const ResultsSummary = {
  ...storyMock("empty"),
  play: async ({ canvasElement }) => {
    const page = await ready(canvasElement);
    await userEvent.type(addressInput(page), "ana@acme.com, ben@acme, cleo@acme.com,");
    await expect(chipStates(canvasElement)).toEqual(["valid", "invalid", "valid"]);
    await userEvent.click(page.getByRole("button", { name: "Send 2 invitations" }));
    const heading = await page.findByRole(
      "heading",
      { name: "Invitations sent" },
      { timeout: 5000 },
    );
    const section = within(heading.closest("section") ?? canvasElement);
    await expect(section.getByText("2 invited · 1 skipped")).toBeVisible();
    await expect(section.getByRole("heading", { name: "Invalid address (1)" })).toBeVisible();
  },
} satisfies Story;

/** Acme's seat limit is reached: every address is skipped with "No seats left". */
export const SeatLimitReached = {
  ...storyMock("seatLimitReached"),
  play: async ({ canvasElement }) => {
    const page = await ready(canvasElement);
    await userEvent.type(addressInput(page), "erin@acme.com, finn@acme.com,");
    await userEvent.click(page.getByRole("button", { name: "Send 2 invitations" }));
    await page.findByRole("heading", { name: "Invitations sent" }, { timeout: 5000 });
    await expect(page.getByRole("heading", { name: "No seats left (2)" })).toBeVisible();
  },
} satisfies Story;

/** German strings. */
export const German = {
  ...storyMock("empty"),
  globals: { locale: "de" },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    // Visible once the 150 ms fade-in is over.
    await waitFor(() =>
      expect(page.getByRole("dialog", { name: "Personen einladen" })).toBeVisible(),
    );
    await page.findByRole("radio", { name: /Client user/ }, { timeout: 5000 });
  },
} satisfies Story;

/** Dark theme, with chips. */
export const Dark = {
  ...storyMock("empty"),
  globals: { theme: "dark" },
  play: Chips.play,
} satisfies Story;

/** Keyboard only: open from the trigger, add addresses, send, close (R-UI-08). */
export const KeyboardInvite = {
  ...storyMock("empty"),
  args: { defaultOpen: false, trigger: true },
  parameters: { layout: "padded" },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    const trigger = await within(canvasElement).findByRole("button", { name: "Invite users" });
    for (let i = 0; i < 10 && document.activeElement !== trigger; i++) await userEvent.tab();
    await expect(trigger).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await page.findByRole("radio", { name: /Client user/ }, { timeout: 5000 });
    await waitFor(() => expect(addressInput(page)).toHaveFocus());
    await userEvent.keyboard("ana@acme.com, ben@acme.com, oops,");
    const send = page.getByRole("button", { name: "Send 2 invitations" });
    for (let i = 0; i < 40 && document.activeElement !== send; i++) await userEvent.tab();
    await expect(send).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await page.findByRole("heading", { name: "Invitations sent" }, { timeout: 5000 });
    const done = page.getByRole("button", { name: "Done" });
    for (let i = 0; i < 20 && document.activeElement !== done; i++) await userEvent.tab();
    await expect(done).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(page.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(trigger).toHaveFocus());
  },
} satisfies Story;
