import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// Testing Library only cleans up on its own when vitest globals are on; Foyer keeps them off.
afterEach(() => {
  cleanup();
});

if (typeof HTMLDialogElement !== "undefined" && !("showModal" in HTMLDialogElement.prototype)) {
  const resetDialogs = installDialogPolyfill();
  afterEach(resetDialogs);
}

/**
 * jsdom reflects `<dialog open>` but has no `show()`, `showModal()`, `close()`, no close
 * request on Escape and no `cancel`/`close` events. This stand-in follows the HTML spec where
 * the components and their tests can tell the difference:
 * - `showModal()` throws on a disconnected or non-modally open dialog, sets `open`, makes the
 *   dialog modal and focuses its autofocus element or first focusable descendant;
 * - while a modal is open, the rest of the page is inert, emulated with the `inert`
 *   attribute on everything beside the dialog's ancestors (what axe reads; browsers block
 *   the document without the attribute);
 * - `close()` removes `open`, puts focus back where it was before `showModal()` and fires
 *   `close` in a later task;
 * - an Escape keydown nobody prevented, while a modal is open, fires a cancelable `cancel` at
 *   the topmost one and closes it unless the event is canceled.
 * Not emulated: the top layer and `::backdrop` (jsdom has no layout). Returns a reset for
 * `afterEach`. Test-only.
 */
function installDialogPolyfill(): () => void {
  const returnValues = new WeakMap<HTMLDialogElement, string>();
  // Open modal dialogs, bottom to top, each with the element focused before it opened.
  let modals: { dialog: HTMLDialogElement; focusBefore: Element | null }[] = [];
  const madeInert = new Set<Element>();
  const invalidState = (message: string) => new DOMException(message, "InvalidStateError");
  const isModal = (dialog: HTMLDialogElement) => modals.some((entry) => entry.dialog === dialog);
  const focusable =
    'button:not(:disabled), [href], input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]';

  const focusingSteps = (dialog: HTMLDialogElement) => {
    const target =
      dialog.querySelector<HTMLElement>("[autofocus]") ??
      dialog.querySelector<HTMLElement>(focusable);
    target?.focus();
  };

  // A dialog removed from the document leaves the top layer; the topmost one blocks the rest.
  const updateModality = () => {
    modals = modals.filter(({ dialog }) => dialog.isConnected && dialog.hasAttribute("open"));
    for (const element of madeInert) element.removeAttribute("inert");
    madeInert.clear();
    const top = modals.at(-1)?.dialog;
    for (let node: Element | undefined = top; node?.parentElement; node = node.parentElement) {
      for (const sibling of node.parentElement.children) {
        if (sibling === node || sibling.hasAttribute("inert")) continue;
        sibling.setAttribute("inert", "");
        madeInert.add(sibling);
      }
    }
  };

  Object.defineProperties(HTMLDialogElement.prototype, {
    returnValue: {
      configurable: true,
      get(this: HTMLDialogElement) {
        return returnValues.get(this) ?? "";
      },
      set(this: HTMLDialogElement, value: string) {
        returnValues.set(this, String(value));
      },
    },
    show: {
      configurable: true,
      value(this: HTMLDialogElement) {
        if (this.hasAttribute("open")) {
          if (isModal(this)) throw invalidState("The dialog is already open as a modal.");
          return;
        }
        this.setAttribute("open", "");
        focusingSteps(this);
      },
    },
    showModal: {
      configurable: true,
      value(this: HTMLDialogElement) {
        if (this.hasAttribute("open")) {
          if (isModal(this)) return;
          throw invalidState("The dialog is already open as a non-modal dialog.");
        }
        if (!this.isConnected) throw invalidState("The dialog is not connected.");
        modals.push({ dialog: this, focusBefore: this.ownerDocument.activeElement });
        this.setAttribute("open", "");
        updateModality();
        focusingSteps(this);
      },
    },
    close: {
      configurable: true,
      value(this: HTMLDialogElement, returnValue?: string) {
        if (!this.hasAttribute("open")) return;
        const entry = modals.find(({ dialog }) => dialog === this);
        this.removeAttribute("open");
        updateModality();
        if (returnValue !== undefined) returnValues.set(this, returnValue);
        if (entry?.focusBefore instanceof HTMLElement && entry.focusBefore.isConnected) {
          entry.focusBefore.focus();
        }
        setTimeout(() => this.dispatchEvent(new Event("close")), 0);
      },
    },
  });

  // The close request: window is last on the bubble path, so components see Escape first.
  window.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    updateModality();
    const top = modals.at(-1)?.dialog;
    if (top?.dispatchEvent(new Event("cancel", { cancelable: true }))) top.close();
  });

  return () => {
    modals = [];
    updateModality();
  };
}
