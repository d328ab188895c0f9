// Layout checks for the stories, run in Chromium by the storybook vitest project: what a
// person sees at a phone's width and on a wide screen, measured from the rendered boxes.
import type { Decorator } from "@storybook/react-vite";
import { createElement } from "react";
import { expect, waitFor } from "storybook/test";

/** Wraps the story in a frame of a fixed width: the space a host gives the component. */
export const inFrame =
  (width: number): Decorator =>
  (Story) =>
    createElement(
      "div",
      { "data-frame": "", style: { width: `${width}px` } },
      createElement(Story),
    );

/** Sets the frame's width; the component follows it (container queries), not the window. */
export async function setFrameWidth(canvasElement: HTMLElement, width: number) {
  const frame = canvasElement.querySelector<HTMLElement>("[data-frame]");
  if (!frame) throw new Error("The story has no [data-frame]: add the inFrame decorator.");
  frame.style.width = `${width}px`;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

const rect = (element: Element) => element.getBoundingClientRect();
const rowsOf = (canvasElement: HTMLElement) => [
  ...canvasElement.querySelectorAll<HTMLElement>("tbody [data-slot='row']"),
];

/**
 * The wide layout: a real table whose Email column is never narrower than 16rem (and, on a
 * wide screen, shows every address in full), the tenant
 * column beside Email when there is one, header and row checkboxes on one vertical line, and
 * nothing wider than the frame.
 */
export async function expectTableLayout(
  canvasElement: HTMLElement,
  options: { tenant: boolean; tab: "pending" | "history"; fullAddresses?: boolean },
) {
  await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(0));
  const rows = rowsOf(canvasElement);
  const first = rows[0] as HTMLElement;
  await expect(getComputedStyle(first).display).toBe("table-row");
  const headers = [...canvasElement.querySelectorAll<HTMLElement>("thead th")].map(
    (th) => th.dataset.column,
  );
  await expect(headers.indexOf("email")).toBe(1);
  if (options.tenant) await expect(headers[2]).toBe("tenant");
  else await expect(headers).not.toContain("tenant");
  await expect(headers.includes("expires")).toBe(options.tab === "pending");
  await expect(headers.includes("closed")).toBe(options.tab === "history");
  for (const row of rows) {
    const email = row.querySelector<HTMLElement>(".foyer-invitations__email");
    if (!email) throw new Error("a row without an email");
    // Never below a readable width (16rem); on a wide screen every address in full.
    await expect(email.clientWidth).toBeGreaterThanOrEqual(255);
    if (options.fullAddresses !== false) {
      await expect(email.scrollWidth).toBeLessThanOrEqual(email.clientWidth + 1);
    }
  }
  const headerBox = canvasElement.querySelector("thead input[type='checkbox']");
  const rowBox = canvasElement.querySelector("tbody input[type='checkbox']");
  if (headerBox && rowBox) {
    const a = rect(headerBox);
    const b = rect(rowBox);
    await expect(Math.abs(a.left + a.width / 2 - (b.left + b.width / 2))).toBeLessThanOrEqual(1);
  }
  const scroller = canvasElement.querySelector<HTMLElement>("[data-slot='scroller']");
  if (!scroller) throw new Error("no scroller");
  await expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth + 1);
}

/**
 * The narrow layout: each row a card inside the frame, with the address, its status and its
 * actions button in view, and nothing wider than the frame.
 */
export async function expectCardLayout(canvasElement: HTMLElement, width: number) {
  await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(0));
  const root = canvasElement.querySelector<HTMLElement>("[data-slot='root']");
  if (!root) throw new Error("no root");
  await expect(root.scrollWidth).toBeLessThanOrEqual(width + 1);
  await expect(rect(root).width).toBeLessThanOrEqual(width + 1);
  const scroller = canvasElement.querySelector<HTMLElement>("[data-slot='scroller']");
  if (!scroller) throw new Error("no scroller");
  await expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth + 1);
  for (const row of rowsOf(canvasElement).slice(0, 4)) {
    await expect(getComputedStyle(row).display).toBe("flex");
    const box = rect(row);
    const email = row.querySelector<HTMLElement>(".foyer-invitations__email");
    const badge = row.querySelector<HTMLElement>("[data-slot='badge']");
    if (!email || !badge) throw new Error("a card without email or status");
    await expect(email.clientWidth).toBeGreaterThan(200);
    for (const part of [email, badge, row.querySelector("[data-slot='row-actions']")]) {
      if (!part) continue;
      const r = rect(part);
      await expect(r.left).toBeGreaterThanOrEqual(box.left - 1);
      await expect(r.right).toBeLessThanOrEqual(box.right + 1);
      await expect(r.width).toBeGreaterThan(0);
    }
  }
}
