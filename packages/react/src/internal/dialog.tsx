"use client";
import {
  type ComponentPropsWithoutRef,
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { useFoyerRootProps } from "./use-root-props.ts";

interface DialogContextValue {
  titleId: string;
  descriptionId: string;
  requestClose: () => void;
}

const DialogContext = createContext<DialogContextValue | null>(null);

function useDialogContext(part: string): DialogContextValue {
  const context = useContext(DialogContext);
  if (!context) throw new Error(`${part} must be rendered inside a Dialog.`);
  return context;
}

/** Props of `Dialog`. Internal. */
export interface DialogProps
  extends Omit<
    ComponentPropsWithoutRef<"dialog">,
    "open" | "role" | "children" | "onCancel" | "onClose" | "onClick" | "onPointerDown"
  > {
  /** Whether the dialog is open; the caller's state is the only source of truth. */
  open: boolean;
  /** Asked to close (`false`) on Escape, a backdrop click or `useDialogClose`. May refuse. */
  onOpenChange: (open: boolean) => void;
  /**
   * `alertdialog` for confirmations that need an answer: it is never closed by a click on the
   * backdrop, whatever `dismissible` says.
   * @default "dialog"
   */
  role?: "dialog" | "alertdialog";
  /**
   * Whether a click on the backdrop asks to close (light dismiss).
   * @default true
   */
  dismissible?: boolean;
  /**
   * Where focus goes when the dialog closes. When it returns nothing connected, focus goes
   * back to the element that had it when the dialog opened (usually the trigger).
   */
  returnFocus?: (() => HTMLElement | null) | undefined;
  /** The content box (one element); clicks outside it, on the `<dialog>` itself, are backdrop clicks. */
  children: ReactNode;
}

/**
 * A modal on the native `<dialog>` opened with `showModal()`: top layer, the page behind it
 * inert, Escape through the `cancel` event. The `<dialog>` fills the viewport and acts as the
 * overlay (class `foyer-dialog-overlay`, scrim on `::backdrop`); `children` is the content
 * box. Escape and backdrop clicks only *ask* `onOpenChange(false)`, so a caller can refuse
 * (a send in flight). Focus moves to the element marked `data-foyer-autofocus`, else to the
 * first focusable one, and returns on close. Title and description are wired to
 * `aria-labelledby` / `aria-describedby` through `DialogTitle` and `DialogDescription`,
 * which must both be rendered. Children stay mounted until the closing fade ends and are
 * unmounted while closed; on the server nothing is rendered when closed, and a closed
 * `<dialog>` when open (it is shown after hydration).
 * Internal: shared by the styled components, not exported.
 * @example
 * <Dialog open={open} onOpenChange={setOpen} role="alertdialog" className="foyer-dialog-overlay">
 *   <div className="foyer-root foyer-dialog">
 *     <DialogTitle>Revoke?</DialogTitle>
 *     <DialogDescription>The link stops working.</DialogDescription>
 *   </div>
 * </Dialog>
 */
export function Dialog({
  open,
  onOpenChange,
  role = "dialog",
  dismissible = true,
  returnFocus,
  children,
  ...rest
}: DialogProps) {
  const rootProps = useFoyerRootProps();
  const id = useId();
  const titleId = `${id}-title`;
  const descriptionId = `${id}-description`;
  const dialogRef = useRef<HTMLDialogElement>(null);
  // Mounted while open and while the closing fade runs (Radix's Presence, in a few lines).
  const [present, setPresent] = useState(open);
  if (open && !present) setPresent(true);
  // Bumped when the browser closed the dialog on its own, so the effect below re-syncs.
  const [resync, setResync] = useState(0);

  // Refs keep the effect on [open, resync] while reading the newest props.
  const openRef = useRef(open);
  openRef.current = open;
  const onOpenChangeRef = useRef(onOpenChange);
  onOpenChangeRef.current = onOpenChange;
  const returnFocusRef = useRef(returnFocus);
  returnFocusRef.current = returnFocus;
  const shown = useRef(false);
  const focusBefore = useRef<HTMLElement | null>(null);
  const focusInside = useRef<HTMLElement | null>(null);
  const pressedBackdrop = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `resync` re-runs this sync after the browser closed the dialog by itself.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open) {
      if (dialog.open) return;
      const reopening = shown.current;
      if (!reopening) focusBefore.current = activeElement(dialog);
      dialog.showModal();
      shown.current = true;
      const restore = reopening && focusInside.current?.isConnected ? focusInside.current : null;
      (restore ?? initialFocus(dialog))?.focus();
      return;
    }
    if (shown.current) {
      shown.current = false;
      dialog.close();
      const target = returnFocusRef.current?.();
      (target?.isConnected ? target : focusBefore.current)?.focus();
    }
    // Unmount once the dialog's own fade (and its backdrop's) is over.
    const running = closingTransitions(dialog);
    if (running.length === 0) {
      setPresent(false);
      return;
    }
    let cancelled = false;
    void Promise.allSettled(running.map((transition) => transition.finished)).then(() => {
      if (!cancelled) setPresent(false);
    });
    return () => {
      cancelled = true;
    };
  }, [open, resync]);

  // Removed while open (the caller unmounted the whole dialog): focus goes back as on a close.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-read the node each time it mounts.
  useEffect(() => {
    const node = dialogRef.current;
    return () => {
      if (!node || node.isConnected || !shown.current) return;
      shown.current = false;
      focusBefore.current?.focus();
    };
  }, [present]);

  if (!present) return null;
  const requestClose = () => onOpenChangeRef.current(false);
  const lightDismiss = dismissible && role !== "alertdialog";

  return (
    <DialogContext.Provider value={{ titleId, descriptionId, requestClose }}>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the click is a pointer-only shortcut on the backdrop; keyboards close with Escape (the cancel event). */}
      <dialog
        {...rootProps}
        {...rest}
        // The caller's style adds to the theme's variables instead of replacing them.
        style={rest.style ? { ...rootProps.style, ...rest.style } : rootProps.style}
        ref={dialogRef}
        role={role === "alertdialog" ? "alertdialog" : undefined}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        data-state={open ? "open" : "closed"}
        onCancel={(event) => {
          // Only this dialog's own cancel: a file input inside fires a bubbling `cancel` when
          // its picker is dismissed, and React passes a nested dialog's events up its tree.
          if (event.target !== event.currentTarget) return;
          // Escape: React state decides. Not cancelable when the browser insists (a second
          // Escape without user activation); then `close` below brings the state along.
          event.preventDefault();
          const active = activeElement(event.currentTarget);
          focusInside.current = active && event.currentTarget.contains(active) ? active : null;
          requestClose();
        }}
        onClose={(event) => {
          if (event.target !== event.currentTarget) return;
          if (!openRef.current || event.currentTarget.open) return;
          // Closed by the browser while still open in React: ask, then show again if refused.
          requestClose();
          setResync((n) => n + 1);
        }}
        onPointerDown={(event) => {
          pressedBackdrop.current = event.target === event.currentTarget;
        }}
        onClick={(event) => {
          // Both press and release on the backdrop: a drag out of a text field is no dismiss.
          const backdrop = pressedBackdrop.current && event.target === event.currentTarget;
          pressedBackdrop.current = false;
          if (backdrop && lightDismiss) requestClose();
        }}
      >
        {children}
      </dialog>
    </DialogContext.Provider>
  );
}

/** The dialog's title (`h2`), referenced by `aria-labelledby`. Internal. */
export function DialogTitle(props: ComponentPropsWithoutRef<"h2">) {
  return <h2 {...props} id={useDialogContext("DialogTitle").titleId} />;
}

/** The dialog's description (`p`), referenced by `aria-describedby`. Internal. */
export function DialogDescription(props: ComponentPropsWithoutRef<"p">) {
  return <p {...props} id={useDialogContext("DialogDescription").descriptionId} />;
}

/** A function that asks the surrounding `Dialog` to close, for Cancel and × buttons. Internal. */
export function useDialogClose(): () => void {
  return useDialogContext("useDialogClose").requestClose;
}

const FOCUSABLE =
  'button, [href], input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])';

function initialFocus(dialog: HTMLDialogElement): HTMLElement | null {
  const marked = dialog.querySelector<HTMLElement>("[data-foyer-autofocus]");
  if (marked && focusable(marked)) return marked;
  for (const element of dialog.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (element.tabIndex >= 0 && focusable(element)) return element;
  }
  return null;
}

/** Enabled and not inside a `hidden` element. */
function focusable(element: HTMLElement): boolean {
  return !element.matches(":disabled") && !element.closest("[hidden]");
}

function activeElement(dialog: HTMLDialogElement): HTMLElement | null {
  const active = dialog.ownerDocument.activeElement;
  return active instanceof HTMLElement && active !== dialog.ownerDocument.body ? active : null;
}

/** Finite transitions and animations on the `<dialog>` and its `::backdrop`, not its content. */
function closingTransitions(dialog: HTMLDialogElement): Animation[] {
  if (typeof dialog.getAnimations !== "function") return [];
  return dialog.getAnimations({ subtree: true }).filter((animation) => {
    const effect = animation.effect;
    return (
      effect instanceof KeyframeEffect &&
      effect.target === dialog &&
      Number.isFinite(effect.getComputedTiming().endTime)
    );
  });
}
