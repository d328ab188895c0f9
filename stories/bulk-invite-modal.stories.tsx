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
    await expect(
      await page.findByRole("heading", { name: "Already a member (1)" }, { timeout: 5000 }),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: "Already pending (1)" })).toBeVisible();
  },
} satisfies Story;

/**
 * Checked before sending (R-INV-16): the server's dry run marks an address already pending
 * and one that belongs to a member, and the button counts only what will be created.
 */
export const CheckedBeforeSending = {
  ...storyMock(teamScenario),
  play: async ({ canvasElement }) => {
    const page = await ready(canvasElement);
    await userEvent.type(
      addressInput(page),
      "ana@acme.com, erin@acme.com, dana@acme.example.com, finn@acme.com,",
    );
    await waitFor(
      () => expect(chipStates(canvasElement)).toEqual(["skipped", "valid", "skipped", "valid"]),
      { timeout: 5000 },
    );
    await expect(
      await page.findByRole("button", { name: "Send 2 invitations" }, { timeout: 5000 }),
    ).toBeVisible();
    await expect(page.getByText("2 invitations would be sent · 2 would be skipped")).toBeVisible();
  },
} satisfies Story;

/** Escape with addresses typed asks before throwing them away. */
export const DiscardQuestion = {
  ...storyMock("empty"),
  play: async ({ canvasElement }) => {
    const page = await ready(canvasElement);
    await userEvent.type(addressInput(page), "ana@acme.com, ben@acme.com,");
    await userEvent.keyboard("{Escape}");
    const question = await page.findByRole("alertdialog", { name: "Discard these invitations?" });
    await waitFor(() => expect(question).toBeVisible());
    await expect(within(question).getByRole("button", { name: "Keep editing" })).toHaveFocus();
    await expect(page.getByRole("dialog", { name: "Invite users" })).toBeInTheDocument();
  },
} satisfies Story;

let progressPosts = 0;
/** Sending in chunks of two: the second chunk is held, so progress stays on screen. */
export const SendingProgress = {
  ...storyMock("empty", {
    before: [
      http.post(`${BASE_URL}/invitations`, async ({ request }) => {
        // The dry runs of the batch go through; the second chunk of the send is held.
        const body = (await request.clone().json()) as { dryRun?: boolean };
        if (body.dryRun) return;
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
    const heading = await page.findByRole("heading", { name: "Results" }, { timeout: 5000 });
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
    await page.findByRole("heading", { name: "Results" }, { timeout: 5000 });
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

/** Presses Tab until `target` has focus (at most `max` times); fails if it never does. */
async function tabTo(target: HTMLElement, max: number) {
  for (let i = 0; i < max && target.ownerDocument.activeElement !== target; i++) {
    await userEvent.tab();
  }
  await expect(target).toHaveFocus();
}

// A story's own `parameters` replace the spread mock's whole (plain object spread, not
// Storybook's merge): keep the mock's MSW handlers, or every call falls through to the dev
// server's 404 and the client reports it as NOT_FOUND ("No such endpoint").
const keyboardMock = storyMock("empty");

/** Keyboard only: open from the trigger, add addresses, send, see the results, close (R-UI-08). */
export const KeyboardInvite = {
  ...keyboardMock,
  args: { defaultOpen: false, trigger: true },
  parameters: { ...keyboardMock.parameters, layout: "padded" },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);

    // Closed at first; the trigger is reached with Tab and opens the modal with Enter.
    const trigger = await within(canvasElement).findByRole("button", { name: "Invite users" });
    await expect(page.queryByRole("dialog")).toBeNull();
    await tabTo(trigger, 10);
    await userEvent.keyboard("{Enter}");
    const dialog = await page.findByRole("dialog", { name: "Invite users" });
    await waitFor(() => expect(dialog).toBeVisible());

    // The roles load from the mock; focus starts in the address field.
    await page.findByRole("radio", { name: /Client user/ }, { timeout: 5000 });
    await waitFor(() => expect(addressInput(page)).toHaveFocus());

    // Typed addresses become chips: two valid, one invalid.
    await userEvent.keyboard("ana@acme.com, ben@acme.com, oops,");
    await waitFor(() => expect(chipStates(canvasElement)).toEqual(["valid", "valid", "invalid"]));

    // Send, reached with Tab.
    const send = page.getByRole("button", { name: "Send 2 invitations" });
    await tabTo(send, 40);
    await userEvent.keyboard("{Enter}");

    // The results: both sent, the invalid one skipped with its reason.
    const heading = await page.findByRole("heading", { name: "Results" }, { timeout: 5000 });
    const results = within(heading.closest("section") ?? dialog);
    await expect(results.getByText("2 invited · 1 skipped")).toBeVisible();
    await expect(results.getByRole("heading", { name: "Invalid address (1)" })).toBeVisible();
    await expect(results.getByText("oops")).toBeVisible();

    // Done, reached with Tab, closes the modal and gives focus back to the trigger.
    const done = page.getByRole("button", { name: "Done" });
    await tabTo(done, 20);
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(page.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(trigger).toHaveFocus());
  },
} satisfies Story;
