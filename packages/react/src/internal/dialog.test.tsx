import type { FoyerClient } from "@foyer/client";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { type ReactNode, useState } from "react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FoyerContext, type FoyerContextValue } from "../provider/context.ts";
import { axeViolations } from "../test/axe.ts";
import { Dialog, DialogDescription, DialogTitle, useDialogClose } from "./dialog.tsx";

const TITLE = "Revoke invitation?";
const DESCRIPTION = "The link stops working immediately.";

/** A provider value with an accent colour; the dialog never calls the client. */
const themed: FoyerContextValue = {
  client: {} as FoyerClient,
  locale: "en",
  localization: undefined,
  appearance: { variables: { accent: "#0f766e" } },
};

interface HarnessProps {
  /** The caller refuses every close request (a send in flight). */
  refuse?: boolean;
  role?: "dialog" | "alertdialog";
  dismissible?: boolean;
  returnFocus?: () => HTMLElement | null;
  onOpenChange?: (open: boolean) => void;
  /** The content inside the box, after the title and description. */
  body?: ReactNode;
}

/** A caller owning the open state, with a trigger and another button outside the dialog. */
function Harness({
  refuse = false,
  role,
  dismissible,
  returnFocus,
  onOpenChange,
  body = <DefaultBody />,
}: HarnessProps) {
  const [open, setOpen] = useState(false);
  return (
    <main>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <button type="button">Elsewhere</button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          onOpenChange?.(next);
          if (!refuse) setOpen(next);
        }}
        role={role}
        dismissible={dismissible}
        returnFocus={returnFocus}
        className="foyer-dialog-overlay"
        data-testid="overlay"
      >
        <div className="foyer-dialog" data-testid="content">
          <DialogTitle>{TITLE}</DialogTitle>
          <DialogDescription>{DESCRIPTION}</DialogDescription>
          {body}
        </div>
      </Dialog>
    </main>
  );
}

function CloseButton({ children = "Close" }: { children?: ReactNode }) {
  const close = useDialogClose();
  return (
    <button type="button" onClick={close}>
      {children}
    </button>
  );
}

/** A field first in the tree, but focus should start on the marked Cancel button. */
function DefaultBody() {
  return (
    <>
      <input aria-label="Reason" />
      <button type="button" data-foyer-autofocus="">
        Cancel
      </button>
      <CloseButton />
    </>
  );
}

/** Owns a dialog that removes itself (its owner unmounts it) while open. */
function Removable() {
  const [mounted, setMounted] = useState(true);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {mounted && (
        <Dialog open={open} onOpenChange={setOpen}>
          <div>
            <DialogTitle>{TITLE}</DialogTitle>
            <DialogDescription>{DESCRIPTION}</DialogDescription>
            <button type="button" onClick={() => setMounted(false)}>
              Remove
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}

async function openHarness(props: HarnessProps = {}) {
  const user = userEvent.setup();
  const onOpenChange = vi.fn<(open: boolean) => void>();
  render(<Harness onOpenChange={onOpenChange} {...props} />);
  const trigger = screen.getByRole("button", { name: "Open" });
  await user.click(trigger);
  const overlay = screen.getByTestId("overlay") as HTMLDialogElement;
  expect(overlay.open).toBe(true);
  return { user, onOpenChange, trigger, overlay };
}

describe("Dialog", () => {
  it("R-UI-08: opening shows a modal and moves focus to the element marked data-foyer-autofocus", async () => {
    const { overlay } = await openHarness();
    expect(overlay.tagName).toBe("DIALOG");
    expect(overlay.getAttribute("data-state")).toBe("open");
    // The Reason field comes first: the mark wins over document order.
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Cancel" }));
  });

  it("R-UI-08: without a mark, opening focuses the first focusable element, skipping disabled and tabindex=-1 ones", async () => {
    await openHarness({
      body: (
        <>
          <button type="button" disabled>
            Disabled
          </button>
          <button type="button" tabIndex={-1}>
            Not tabbable
          </button>
          <a href="#help">Help</a>
          <button type="button">Done</button>
        </>
      ),
    });
    expect(document.activeElement).toBe(screen.getByRole("link", { name: "Help" }));
  });

  it("R-UI-08: opening skips controls that are hidden, and a mark on one that cannot take focus", async () => {
    await openHarness({
      body: (
        <>
          <div hidden>
            <button type="button" data-foyer-autofocus="">
              Hidden
            </button>
          </div>
          <button type="button">Visible</button>
        </>
      ),
    });
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Visible" }));
  });

  it("R-UI-08: a dialog removed while open (its owner unmounted) still returns focus to the trigger", async () => {
    const user = userEvent.setup();
    render(<Removable />);
    const trigger = screen.getByRole("button", { name: "Open" });
    await user.click(trigger);
    const remove = screen.getByRole("button", { name: "Remove" });
    expect(document.activeElement).toBe(remove);
    await user.click(remove);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it("R-UI-08: role dialog is named by DialogTitle and described by DialogDescription", async () => {
    const { overlay } = await openHarness();
    const dialog = screen.getByRole("dialog", { name: TITLE, description: DESCRIPTION });
    expect(dialog).toBe(overlay);
    expect(dialog.hasAttribute("role")).toBe(false);
    const title = screen.getByRole("heading", { level: 2, name: TITLE });
    expect(dialog.getAttribute("aria-labelledby")).toBe(title.id);
    expect(dialog.getAttribute("aria-describedby")).toBe(screen.getByText(DESCRIPTION).id);
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it('R-UI-08: role="alertdialog" is exposed with the title as name and the description', async () => {
    const { overlay } = await openHarness({ role: "alertdialog" });
    const dialog = screen.getByRole("alertdialog", { name: TITLE, description: DESCRIPTION });
    expect(dialog).toBe(overlay);
    expect(dialog.getAttribute("role")).toBe("alertdialog");
  });

  it("R-UI-08: Escape asks onOpenChange(false) and a refusing caller keeps the dialog open", async () => {
    const { user, onOpenChange, overlay } = await openHarness({ refuse: true });
    const cancel = screen.getByRole("button", { name: "Cancel" });
    expect(document.activeElement).toBe(cancel);

    await user.keyboard("{Escape}");
    expect(onOpenChange).toHaveBeenCalledTimes(1);
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    expect(overlay.isConnected).toBe(true);
    expect(overlay.open).toBe(true);
    expect(overlay.getAttribute("data-state")).toBe("open");
    expect(document.activeElement).toBe(cancel);
  });

  it("R-UI-08 R-UI-02: dismissing a file picker inside (a bubbling cancel from the input) does not close the dialog", async () => {
    const { onOpenChange, overlay } = await openHarness({
      body: <input type="file" aria-label="CSV file" />,
    });
    const input = screen.getByLabelText("CSV file");
    // What browsers fire at <input type="file"> when its picker closes without a file.
    act(() => {
      input.dispatchEvent(new Event("cancel", { bubbles: true, cancelable: true }));
    });
    expect(onOpenChange).not.toHaveBeenCalled();
    expect(overlay.open).toBe(true);
    expect(screen.getByRole("dialog", { name: TITLE })).toBeTruthy();
  });

  it("R-UI-08: Escape in a dialog nested in another asks only the inner one to close", async () => {
    const outer = vi.fn<(open: boolean) => void>();
    const inner = vi.fn<(open: boolean) => void>();
    render(
      <Dialog open onOpenChange={outer} data-testid="outer">
        <div>
          <DialogTitle>Outer</DialogTitle>
          <DialogDescription>Outer dialog</DialogDescription>
          <Dialog open onOpenChange={inner} data-testid="inner">
            <div>
              <DialogTitle>Inner</DialogTitle>
              <DialogDescription>Inner dialog</DialogDescription>
              <button type="button">Inside</button>
            </div>
          </Dialog>
        </div>
      </Dialog>,
    );
    const innerDialog = screen.getByTestId("inner");
    await waitFor(() => expect((innerDialog as HTMLDialogElement).open).toBe(true));
    act(() => {
      innerDialog.dispatchEvent(new Event("cancel", { cancelable: true }));
    });
    expect(inner).toHaveBeenCalledExactlyOnceWith(false);
    expect(outer).not.toHaveBeenCalled();
  });

  it("R-UI-06: a caller's style adds to the theme variables instead of replacing them", () => {
    render(
      <FoyerContext.Provider value={themed}>
        <Dialog open onOpenChange={() => {}} style={{ maxWidth: "40rem" }} data-testid="styled">
          <div>
            <DialogTitle>Styled</DialogTitle>
            <DialogDescription>With the accent</DialogDescription>
          </div>
        </Dialog>
      </FoyerContext.Provider>,
    );
    const dialog = screen.getByTestId("styled");
    expect(dialog.style.getPropertyValue("--foyer-accent")).toBe("#0f766e");
    expect(dialog.style.maxWidth).toBe("40rem");
  });

  it("R-UI-08: Escape closes the dialog when the caller agrees, unmounts its content and returns focus to the trigger", async () => {
    const { user, onOpenChange, trigger, overlay } = await openHarness();
    await user.keyboard("{Escape}");
    expect(onOpenChange).toHaveBeenCalledExactlyOnceWith(false);
    expect(overlay.open).toBe(false);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.queryByText(TITLE)).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it("R-UI-08: a close forced by the browser asks again, and a refusing caller gets the dialog back with focus where it was", async () => {
    const { user, onOpenChange, overlay } = await openHarness({ refuse: true });
    const reason = screen.getByRole("textbox", { name: "Reason" });
    await user.click(reason);
    expect(document.activeElement).toBe(reason);
    // A second Escape without user activation: `cancel` is not cancelable and the dialog closes.
    await act(async () => {
      overlay.dispatchEvent(new Event("cancel", { cancelable: false }));
      overlay.close();
    });
    expect(onOpenChange).toHaveBeenCalledWith(false);
    await waitFor(() => expect(overlay.open).toBe(true));
    // Every ask is a close request (the uncancelable cancel and the close both ask).
    expect(onOpenChange.mock.calls.every(([open]) => open === false)).toBe(true);
    expect(document.activeElement).toBe(reason);
  });

  it("R-UI-08: a backdrop click asks to close a dismissible dialog (the default), a click on the content does not", async () => {
    const { user, onOpenChange, trigger, overlay } = await openHarness();
    await user.click(screen.getByText(DESCRIPTION));
    await user.click(screen.getByTestId("content"));
    expect(onOpenChange).not.toHaveBeenCalled();
    expect(overlay.open).toBe(true);

    await user.click(overlay);
    expect(onOpenChange).toHaveBeenCalledExactlyOnceWith(false);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it("R-UI-08: a press inside the content released on the backdrop (a drag out of a field) does not close", async () => {
    const { onOpenChange, overlay } = await openHarness();
    const reason = screen.getByRole("textbox", { name: "Reason" });
    fireEvent.pointerDown(reason);
    fireEvent.click(overlay);
    expect(onOpenChange).not.toHaveBeenCalled();
    expect(overlay.open).toBe(true);
    // The next full press on the backdrop does count.
    fireEvent.pointerDown(overlay);
    fireEvent.click(overlay);
    expect(onOpenChange).toHaveBeenCalledExactlyOnceWith(false);
  });

  it("R-UI-08: with dismissible={false} a backdrop click does not ask to close, Escape still does", async () => {
    const { user, onOpenChange, overlay } = await openHarness({ dismissible: false });
    await user.click(overlay);
    expect(onOpenChange).not.toHaveBeenCalled();
    expect(overlay.open).toBe(true);

    await user.keyboard("{Escape}");
    expect(onOpenChange).toHaveBeenCalledExactlyOnceWith(false);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it('R-UI-08: role="alertdialog" is never closed by a backdrop click, even when dismissible', async () => {
    const { user, onOpenChange, overlay } = await openHarness({
      role: "alertdialog",
      dismissible: true,
    });
    await user.click(overlay);
    expect(onOpenChange).not.toHaveBeenCalled();
    expect(overlay.open).toBe(true);
    expect(screen.getByRole("alertdialog")).toBe(overlay);
  });

  it("R-UI-08: useDialogClose asks onOpenChange(false) from a close button inside and focus returns to the trigger", async () => {
    const { user, onOpenChange, trigger } = await openHarness();
    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(onOpenChange).toHaveBeenCalledExactlyOnceWith(false);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it("R-UI-08: useDialogClose only asks, so a refusing caller keeps the dialog open", async () => {
    const { user, onOpenChange, overlay } = await openHarness({ refuse: true });
    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(onOpenChange).toHaveBeenCalledExactlyOnceWith(false);
    expect(overlay.open).toBe(true);
    expect(screen.getByRole("dialog", { name: TITLE })).toBe(overlay);
  });

  it("R-UI-08: returnFocus overrides the trigger when it returns a connected element", async () => {
    const returnFocus = vi.fn(() => screen.getByRole("button", { name: "Elsewhere" }));
    const { user } = await openHarness({ returnFocus });
    expect(returnFocus).not.toHaveBeenCalled();
    await user.keyboard("{Escape}");
    expect(returnFocus).toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Elsewhere" }));
  });

  it.each([
    ["a disconnected element", () => document.createElement("button")],
    ["null", () => null],
  ])(
    "R-UI-08: focus returns to the trigger when returnFocus returns %s",
    async (_, returnFocus) => {
      const { user, trigger } = await openHarness({ returnFocus });
      await user.keyboard("{Escape}");
      expect(screen.queryByRole("dialog")).toBeNull();
      expect(document.activeElement).toBe(trigger);
    },
  );

  it("R-UI-08: reopening after a close moves focus in again and returns it to what had focus this time", async () => {
    const { user, trigger, overlay } = await openHarness();
    await user.keyboard("{Escape}");
    expect(overlay.isConnected).toBe(false);
    expect(document.activeElement).toBe(trigger);

    // Opened again while another element has focus (a click that does not move focus).
    const elsewhere = screen.getByRole("button", { name: "Elsewhere" });
    elsewhere.focus();
    fireEvent.click(trigger);
    const reopened = screen.getByRole("dialog", { name: TITLE }) as HTMLDialogElement;
    expect(reopened.open).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Cancel" }));
    await user.keyboard("{Escape}");
    // Not the trigger remembered from the first opening.
    expect(document.activeElement).toBe(elsewhere);
  });

  it.each(["dialog", "alertdialog"] as const)(
    "R-UI-08: an open %s has no axe violations",
    async (role) => {
      await openHarness({ role });
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  it("R-UI-08: DialogTitle, DialogDescription and useDialogClose throw outside a Dialog", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(() => render(<DialogTitle>Lost</DialogTitle>)).toThrow(
        "DialogTitle must be rendered inside a Dialog.",
      );
      expect(() => render(<DialogDescription>Lost</DialogDescription>)).toThrow(
        "DialogDescription must be rendered inside a Dialog.",
      );
      expect(() => render(<CloseButton />)).toThrow(
        "useDialogClose must be rendered inside a Dialog.",
      );
    } finally {
      error.mockRestore();
    }
  });
});

describe("Dialog on the server", () => {
  const noop = () => {};
  const element = (open: boolean) => (
    <Dialog open={open} onOpenChange={noop} className="foyer-dialog-overlay">
      <div className="foyer-dialog">
        <DialogTitle>{TITLE}</DialogTitle>
        <DialogDescription>{DESCRIPTION}</DialogDescription>
        <button type="button" data-foyer-autofocus="">
          Cancel
        </button>
      </div>
    </Dialog>
  );

  const hydrated: { unmount: () => void; container: HTMLElement }[] = [];
  afterEach(() => {
    for (const { unmount, container } of hydrated.splice(0)) {
      act(unmount);
      container.remove();
    }
  });

  it("R-UI-09: a closed Dialog renders nothing on the server", () => {
    expect(renderToString(element(false))).toBe("");
  });

  it("R-UI-09: an open Dialog renders a closed <dialog> with its labelled content on the server", () => {
    const html = renderToString(element(true));
    const template = document.createElement("template");
    template.innerHTML = html;
    const dialogs = template.content.querySelectorAll("dialog");
    expect(dialogs).toHaveLength(1);
    const dialog = dialogs[0] as HTMLDialogElement;
    expect(dialog.hasAttribute("open")).toBe(false);
    expect(html).not.toMatch(/<dialog[^>]*\sopen[\s=>]/);
    expect(dialog.getAttribute("data-state")).toBe("open");
    expect(dialog.className).toBe("foyer-dialog-overlay");
    const title = dialog.querySelector("h2");
    expect(title?.textContent).toBe(TITLE);
    expect(dialog.getAttribute("aria-labelledby")).toBe(title?.id);
    expect(dialog.getAttribute("aria-describedby")).toBe(dialog.querySelector("p")?.id);
  });

  it("R-UI-09: the server markup of an open Dialog hydrates without mismatch and is shown as a modal afterwards", async () => {
    const container = document.createElement("div");
    container.innerHTML = renderToString(element(true));
    document.body.appendChild(container);
    const serverDialog = container.querySelector("dialog");
    expect(serverDialog?.open).toBe(false);

    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const recoverable = vi.fn();
    try {
      const root = await act(async () =>
        hydrateRoot(container, element(true), { onRecoverableError: recoverable }),
      );
      hydrated.push({ unmount: () => root.unmount(), container });
      expect(recoverable).not.toHaveBeenCalled();
      expect(error).not.toHaveBeenCalled();
    } finally {
      error.mockRestore();
    }
    // The server's node is kept and opened as a modal, focus on the marked element.
    expect(container.querySelector("dialog")).toBe(serverDialog);
    expect(serverDialog?.open).toBe(true);
    expect(screen.getByRole("dialog", { name: TITLE, description: DESCRIPTION })).toBe(
      serverDialog,
    );
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Cancel" }));
  });
});
