import { BUSY_INVITATIONS, type Scenario } from "@foyer/msw";
import { InvitationsTable } from "@foyer/react";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { expectCardLayout, expectTableLayout, inFrame, setFrameWidth } from "./support/layout.ts";
import { LONG, mspScenario, storyMock, TEAM, teamScenario } from "./support/mock.ts";

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

/** The team, and Ben's reminder went out an hour ago (R-INV-17). */
const remindedScenario: Scenario = {
  ...teamScenario,
  name: "team-reminded",
  description: "Acme's team; one pending invitation was reminded an hour ago.",
  async seed(context) {
    await teamScenario.seed(context);
    const [ben] = await context.store.findOpenInvitations("acme", [TEAM.ben]);
    if (!ben) throw new Error("no pending invitation to remind");
    await context.store.updateInvitation(ben.id, {
      reminderSentAt: new Date(context.now.getTime() - 3_600_000),
    });
  },
};

/** A pending invitation whose reminder went out reads "Reminded", with when on focus (R-INV-17). */
export const Reminded = {
  ...storyMock(remindedScenario),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const ben = await rowFor(canvas, TEAM.ben);
    const label = within(ben).getByText("Reminded");
    await expect(label).toBeVisible();
    await expect(within(await rowFor(canvas, TEAM.ana)).getByText("Sent")).toBeVisible();
    const trigger = label.closest<HTMLElement>('[data-slot="delivery"]');
    trigger?.focus();
    await waitFor(() =>
      expect(within(ben).getByRole("tooltip")).toHaveTextContent(/^Reminder sent /),
    );
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

/** An MSP admin's "All tenants": the organisation of each row beside its email. */
export const AllTenants = {
  ...storyMock(mspScenario),
  args: { tenantId: undefined },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const nina = await rowFor(canvas, LONG.nina);
    await expect(within(nina).getByText("Globex")).toBeVisible();
    await expect(within(nina).getByText(LONG.nina)).toBeVisible();
    await expect(canvas.getByRole("columnheader", { name: "Organisation" })).toBeVisible();
  },
} satisfies Story;

/** All tenants, dark theme. */
export const AllTenantsDark = { ...AllTenants, globals: { theme: "dark" } } satisfies Story;

/** All tenants, in German. */
export const AllTenantsGerman = {
  ...storyMock(mspScenario),
  args: { tenantId: undefined },
  globals: { locale: "de" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rowFor(canvas, LONG.nina);
    await expect(canvas.getByRole("columnheader", { name: "Organisation" })).toBeVisible();
  },
} satisfies Story;

/** History with long addresses: every address in full, and when each invitation closed. */
export const HistoryLongAddresses = {
  ...storyMock(mspScenario),
  args: { tenantId: undefined, defaultTab: "history" },
  decorators: [inFrame(1440)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const row = await rowFor(canvas, LONG.bartholomew);
    await expect(within(row).getByText("Accepted")).toBeVisible();
    await expect(canvas.getByRole("columnheader", { name: "Closed" })).toBeVisible();
    await expect(canvas.queryByRole("columnheader", { name: /Expires/ })).toBeNull();
    await expectTableLayout(canvasElement, { tenant: true, tab: "history", fullAddresses: false });
  },
} satisfies Story;

/** History with long addresses, dark theme. */
export const HistoryLongAddressesDark = {
  ...HistoryLongAddresses,
  globals: { theme: "dark" },
} satisfies Story;

/** History with long addresses, in German. */
export const HistoryLongAddressesGerman = {
  ...storyMock(mspScenario),
  args: { tenantId: undefined, defaultTab: "history" },
  decorators: [inFrame(1440)],
  globals: { locale: "de" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const row = await rowFor(canvas, LONG.bartholomew);
    await expect(within(row).getByText("Angenommen")).toBeVisible();
    await expect(canvas.getByRole("columnheader", { name: "Beendet" })).toBeVisible();
  },
} satisfies Story;

/** A narrow container (a phone, a side panel): each row is a card with the same data and actions. */
export const NarrowContainer = {
  ...storyMock(mspScenario),
  args: { tenantId: undefined },
  decorators: [inFrame(390)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const card = await rowFor(canvas, LONG.alexandra);
    await expect(
      within(card).getByRole("button", { name: `Actions for ${LONG.alexandra}` }),
    ).toBeVisible();
    await expect(within(card).getByText("Acme Corp")).toBeVisible();
    await expectCardLayout(canvasElement, 390);
  },
} satisfies Story;

/** The narrow container, dark theme. */
export const NarrowContainerDark = {
  ...NarrowContainer,
  globals: { theme: "dark" },
} satisfies Story;

/**
 * 10,000 invitations as cards in a narrow container, scrolled far down and back (R-UI-01):
 * every drawn card sits where the windowing says it does, so the spacers agree with the card
 * height and the scroll position stays where the person put it. (The card height was once
 * measured only when the scroller resized, so it kept the wide row's height and a wheel near
 * the end looped until React gave up.)
 */
export const NarrowContainerScrolling = {
  ...storyMock("busy"),
  decorators: [inFrame(390)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("tab", { name: /^Pending \([\d,]+\)$/ }, { timeout: 15_000 });
    await expectCardLayout(canvasElement, 390);
    const scroller = canvasElement.querySelector<HTMLElement>("[data-slot='scroller']");
    if (!scroller) throw new Error("no scroller");
    for (const top of [1_500, 4_000, 600]) {
      scroller.scrollTop = top;
      await waitFor(() => {
        const cards = [...scroller.querySelectorAll<HTMLElement>("tbody [data-slot='row']")];
        const body = scroller.querySelector("tbody")?.getBoundingClientRect();
        const view = scroller.getBoundingClientRect();
        expect(scroller.scrollTop).toBe(top);
        expect(cards.length).toBeGreaterThan(2);
        for (const card of cards) {
          const index = Number(card.getAttribute("aria-rowindex")) - 2;
          const offset = card.getBoundingClientRect().top - (body?.top ?? 0);
          expect(Math.abs(offset - index * card.offsetHeight)).toBeLessThan(2);
        }
        // Some card fills the middle of what the scroller shows.
        const middle = (view.top + view.bottom) / 2;
        expect(
          cards.some((card) => {
            const box = card.getBoundingClientRect();
            return box.top <= middle && box.bottom >= middle;
          }),
        ).toBe(true);
      });
    }
  },
} satisfies Story;

/** The narrow container, in German. */
export const NarrowContainerGerman = {
  ...storyMock(mspScenario),
  args: { tenantId: undefined },
  decorators: [inFrame(390)],
  globals: { locale: "de" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rowFor(canvas, LONG.alexandra);
    await expectCardLayout(canvasElement, 390);
  },
} satisfies Story;

/** Runs the layout checks at 390 px and 1920 px, on Pending and on History. */
async function checkLayouts(canvasElement: HTMLElement, tenant: boolean, first: string) {
  const canvas = within(canvasElement);
  await rowFor(canvas, first);
  for (const tab of ["pending", "history"] as const) {
    await userEvent.click(
      canvas.getByRole("tab", { name: new RegExp(tab === "pending" ? "^Pending" : "^History") }),
    );
    for (const width of [390, 1920]) {
      await setFrameWidth(canvasElement, width);
      if (width === 390) await expectCardLayout(canvasElement, width);
      else await expectTableLayout(canvasElement, { tenant, tab });
    }
  }
}

/** One tenant, Pending and History, at 390 px and 1920 px (layout test). */
export const LayoutOneTenant = {
  ...storyMock(mspScenario),
  decorators: [inFrame(1920)],
  play: async ({ canvasElement }) => checkLayouts(canvasElement, false, LONG.alexandra),
} satisfies Story;

/** All tenants (MSP), Pending and History, at 390 px and 1920 px (layout test). */
export const LayoutAllTenants = {
  ...storyMock(mspScenario),
  args: { tenantId: undefined },
  decorators: [inFrame(1920)],
  play: async ({ canvasElement }) => checkLayouts(canvasElement, true, LONG.nina),
} satisfies Story;

/** Selecting rows and a notice move nothing: the bar floats over the table, notices are toasts. */
export const SelectionAndNotice = {
  ...storyMock(teamScenario),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const ana = await rowFor(canvas, TEAM.ana);
    const table = canvas.getByRole("table");
    const top = table.getBoundingClientRect().top;
    await userEvent.click(within(ana).getByRole("checkbox", { name: `Select ${TEAM.ana}` }));
    await expect(await canvas.findByRole("group", { name: "Selected invitations" })).toBeVisible();
    await expect(table.getBoundingClientRect().top).toBe(top);
    await userEvent.click(canvas.getByRole("button", { name: "Resend" }));
    const notice = await canvas.findByText("1 invitation sent again.");
    await waitFor(() => expect(notice).toBeVisible());
    await expect(table.getBoundingClientRect().top).toBe(top);
    await expect(
      getComputedStyle(canvas.getByRole("status", { name: "Notifications" })).position,
    ).toBe("fixed");
  },
} satisfies Story;
