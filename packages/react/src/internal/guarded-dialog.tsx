"use client";
import { Trigger } from "@radix-ui/react-dialog";
import { type ReactElement, useCallback, useState } from "react";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { cx } from "./cx.ts";

/**
 * What closing a dialog would cost right now: nothing, typed input (ask first), or work in
 * flight (refuse: a send is never abandoned by an accidental Escape or click).
 */
export type CloseGuard = "free" | "dirty" | "locked";

/** What `useGuardedClose` gives a dialog. */
export interface GuardedClose {
  /** Closes, asks first, or does nothing, by the guard. For ×, Cancel and Done buttons. */
  requestClose: () => void;
  /** For Radix's `Root`: opening opens, closing (Escape, a click beside) is a request. */
  onOpenChange: (open: boolean) => void;
  /** Whether "Discard changes?" is asked. */
  confirmDiscard: boolean;
  setConfirmDiscard: (open: boolean) => void;
}

/**
 * Closing a dialog that may hold unsaved input (R-UI-02, R-UI-03): every way out (Escape, a
 * click beside it, ×, Cancel) goes through `requestClose`, which asks before throwing the
 * input away and refuses while work is in flight. Internal: the invite dialogs.
 */
export function useGuardedClose(guard: CloseGuard, setOpen: (open: boolean) => void): GuardedClose {
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const requestClose = useCallback(() => {
    if (guard === "locked") return;
    if (guard === "dirty") setConfirmDiscard(true);
    else setOpen(false);
  }, [guard, setOpen]);
  const onOpenChange = useCallback(
    (next: boolean) => {
      if (next) setOpen(true);
      else requestClose();
    },
    [setOpen, requestClose],
  );
  return { requestClose, onOpenChange, confirmDiscard, setConfirmDiscard };
}

/** The words of the discard question. */
export interface DiscardStrings {
  discardTitle: string;
  discardDescription: string;
  discardKeep: string;
  discardConfirm: string;
}

/**
 * "Discard changes?" over a guarded dialog: Keep editing closes the question, Discard closes
 * it and calls `onDiscard` (which closes the dialog). Internal: the invite dialogs.
 */
export function DiscardConfirm({
  close,
  strings,
  onDiscard,
}: {
  close: GuardedClose;
  strings: DiscardStrings;
  onDiscard: () => void;
}) {
  return (
    <ConfirmDialog
      open={close.confirmDiscard}
      onOpenChange={close.setConfirmDiscard}
      title={strings.discardTitle}
      description={strings.discardDescription}
      cancelLabel={strings.discardKeep}
      confirmLabel={strings.discardConfirm}
      onConfirm={() => {
        close.setConfirmDiscard(false);
        onDiscard();
      }}
    />
  );
}

/**
 * A dialog's opener: nothing when `trigger` is undefined, Foyer's button (`label`, with
 * `className`) when it is `true`, else the host's element. Internal: the invite dialogs.
 */
export function DialogTrigger({
  trigger,
  label,
  className,
}: {
  trigger: ReactElement | true | undefined;
  label: string;
  className: string;
}) {
  if (trigger === undefined) return null;
  return (
    <Trigger asChild>
      {trigger === true ? (
        <button type="button" className={cx("foyer-button", className)} data-slot="trigger">
          {label}
        </button>
      ) : (
        trigger
      )}
    </Trigger>
  );
}
