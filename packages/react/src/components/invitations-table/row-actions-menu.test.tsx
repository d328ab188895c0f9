import { createFoyerClient } from "@foyer/client";
import { act, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FoyerProvider } from "../../provider/foyer-provider.tsx";
import { BASE_URL } from "../../test/foyer-test.tsx";
import { type RowAction, RowActionsMenu } from "./row-actions-menu.tsx";

// jsdom lays nothing out: the boxes the menu measures are given here. The viewport is
// jsdom's window, 1024 × 768.
type Rect = { top: number; left: number; width: number; height: number };
const boxes = new Map<Element, Rect>();
const MENU_HEIGHT = 116;

function setBox(element: Element, rect: Rect) {
  boxes.set(element, rect);
}

vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
  const rect = boxes.get(this) ?? { top: 0, left: 0, width: 0, height: 0 };
  return DOMRect.fromRect({ x: rect.left, y: rect.top, width: rect.width, height: rect.height });
});
vi.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockImplementation(function (
  this: HTMLElement,
) {
  return this.getAttribute("role") === "menu" ? MENU_HEIGHT : 0;
});
vi.spyOn(HTMLElement.prototype, "offsetWidth", "get").mockImplementation(function (
  this: HTMLElement,
) {
  return this.getAttribute("role") === "menu" ? 160 : 0;
});

afterEach(() => boxes.clear());

function renderMenu(onSelect: RowAction["onSelect"] = () => {}) {
  const client = createFoyerClient({ baseUrl: BASE_URL });
  const actions: RowAction[] = [
    { key: "resend", label: "Resend", onSelect },
    { key: "revoke", label: "Revoke", onSelect, danger: true },
  ];
  render(
    <FoyerProvider client={client} appearance={{ variables: { accent: "#0f766e" } }}>
      <div data-foyer-theme="dark">
        <div data-testid="scroller" style={{ overflow: "auto" }}>
          <button type="button">Before</button>
          <RowActionsMenu label="Actions for ana@acme.com" actions={actions} />
          <button type="button">After</button>
        </div>
      </div>
    </FoyerProvider>,
  );
  const scroller = screen.getByTestId("scroller");
  const trigger = screen.getByRole("button", { name: "Actions for ana@acme.com" });
  setBox(scroller, { top: 100, left: 0, width: 1024, height: 400 });
  return { scroller, trigger };
}

/** Runs the animation frame the menu waits for after a scroll or resize. */
async function nextFrame() {
  await act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
}

describe("RowActionsMenu", () => {
  it("R-UI-01 / R-UI-06: the open menu lies outside the table's scroller, in the theme and variables of the table", async () => {
    const user = userEvent.setup();
    const { scroller, trigger } = renderMenu();
    setBox(trigger, { top: 104, left: 960, width: 32, height: 32 });
    await user.click(trigger);
    const menu = screen.getByRole("menu");
    expect(scroller.contains(menu)).toBe(false);
    expect(menu.parentElement).toBe(document.body);
    expect(menu.classList.contains("foyer-root")).toBe(true);
    expect(menu.getAttribute("data-foyer-theme")).toBe("dark");
    expect(menu.style.getPropertyValue("--foyer-accent")).toBe("#0f766e");
    expect(menu.getAttribute("aria-labelledby")).toBe(trigger.id);
    expect(trigger.getAttribute("aria-controls")).toBe(menu.id);
  });

  it("R-UI-01: the first row's menu opens below its button, the last visible row's above it", async () => {
    const user = userEvent.setup();
    const { trigger } = renderMenu();
    setBox(trigger, { top: 104, left: 960, width: 32, height: 32 });
    await user.click(trigger);
    let menu = screen.getByRole("menu");
    expect(menu.dataset.side).toBe("bottom");
    expect(menu.style.top).toBe("140px");
    expect(menu.style.left).toBe(`${992 - 160}px`);
    await user.click(trigger);
    expect(screen.queryByRole("menu")).toBeNull();

    setBox(trigger, { top: 700, left: 960, width: 32, height: 32 });
    await user.click(trigger);
    menu = screen.getByRole("menu");
    expect(menu.dataset.side).toBe("top");
    expect(menu.style.top).toBe(`${700 - 4 - MENU_HEIGHT}px`);
  });

  it("R-UI-01: the menu follows its button when the table scrolls, and closes once the button is scrolled out of sight", async () => {
    const user = userEvent.setup();
    const { scroller, trigger } = renderMenu();
    setBox(trigger, { top: 300, left: 960, width: 32, height: 32 });
    await user.keyboard("{Tab}{Tab}{Enter}");
    expect(document.activeElement?.textContent).toBe("Resend");
    const menu = screen.getByRole("menu");
    expect(menu.style.top).toBe("336px");

    setBox(trigger, { top: 200, left: 960, width: 32, height: 32 });
    fireEvent.scroll(scroller);
    await nextFrame();
    expect(menu.style.top).toBe("236px");

    setBox(trigger, { top: 40, left: 960, width: 32, height: 32 });
    fireEvent.scroll(scroller);
    await nextFrame();
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it("R-UI-08: keyboard: arrows move, Escape returns to the button, Tab leaves from the button", async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    const { trigger } = renderMenu(onSelect);
    trigger.focus();
    await user.keyboard("{ArrowUp}");
    expect(document.activeElement?.textContent).toBe("Revoke");
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement?.textContent).toBe("Resend");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(trigger);

    await user.keyboard("{ArrowDown}");
    // Tab takes focus back to the button before the browser moves it on, so the next
    // element after the button is next, not whatever follows the portal.
    fireEvent.keyDown(document.activeElement as Element, { key: "Tab" });
    expect(document.activeElement).toBe(trigger);
    expect(screen.queryByRole("menu")).toBeNull();

    await user.keyboard("{Enter}");
    await user.keyboard("{ArrowDown}{Enter}");
    expect(onSelect).toHaveBeenCalledWith(trigger);
    expect(document.activeElement).toBe(trigger);
  });

  it("R-UI-01: a click outside closes the menu; a click on an item runs it", async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    const { trigger } = renderMenu(onSelect);
    await user.click(trigger);
    await user.click(screen.getByRole("button", { name: "After" }));
    expect(screen.queryByRole("menu")).toBeNull();
    expect(onSelect).not.toHaveBeenCalled();
    await user.click(trigger);
    await user.click(screen.getByRole("menuitem", { name: "Resend" }));
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("menu")).toBeNull();
  });
});
