"use client";
import { Description, Root, Title } from "@radix-ui/react-dialog";
import { type ReactElement, useEffect, useRef, useState } from "react";
import { type UseBulkInviteOptions, useBulkInvite } from "../../hooks/use-bulk-invite.ts";
import { cx } from "../../internal/cx.ts";
import { DeferredFallback } from "../../internal/deferred-fallback.tsx";
import {
  type DeferredPartState,
  deferredPart,
  useDeferredPart,
} from "../../internal/deferred-part.ts";
import { DialogLayer } from "../../internal/dialog-layer.tsx";
import {
  type CloseGuard,
  DialogTrigger,
  DiscardConfirm,
  useGuardedClose,
} from "../../internal/guarded-dialog.tsx";
import type { StylingProps } from "../../internal/slots.ts";
import { useControllableState } from "../../internal/use-controllable-state.ts";
import { bulkInviteModalFrameEn } from "../../localization/bulk-invite-modal-frame.ts";
import { useFrameLocalization } from "../../localization/frame-localization.ts";
import type { DeepPartial, FoyerLocalization } from "../../localization/types.ts";
import type { BulkInviteBodyProps } from "./bulk-invite-body.tsx";
import type { BulkInviteModalSlot } from "./slots.ts";

/**
 * The dialog's inside (form, CSV import, preview, progress, results and the hook behind them):
 * a chunk of its own, imported once the modal has rendered, since a closed dialog shows only
 * its trigger.
 */
const body = /* @__PURE__ */ deferredPart(() => import("./bulk-invite-body.tsx"));

/** Props of `BulkInviteModal`. */
export interface BulkInviteModalProps
  extends UseBulkInviteOptions,
    StylingProps<BulkInviteModalSlot> {
  /** Whether the dialog is open (controlled). */
  open?: boolean | undefined;
  /** Whether the dialog starts open (uncontrolled). @default false */
  defaultOpen?: boolean | undefined;
  /**
   * Called when the dialog opens or closes. Never called to close while sending, nor before
   * the person confirmed that typed addresses may be thrown away.
   */
  onOpenChange?: ((open: boolean) => void) | undefined;
  /**
   * The element that opens the dialog, or `true` for Foyer's own "Invite users" button. It
   * becomes Radix's `Dialog.Trigger` (`asChild`): it gets the click handler, `aria-haspopup`,
   * `aria-expanded`, `aria-controls` and `data-state`, so it must pass props and its ref on to
   * its DOM element. Without it, open the dialog through `open`.
   */
  trigger?: ReactElement | true | undefined;
  /** Departments to offer; the field is shown only when the host supplies some. */
  departments?: readonly string[] | undefined;
  /** Teams to offer; the field is shown only when the host supplies some. */
  teams?: readonly string[] | undefined;
  /** String overrides for this instance (defaults < provider < this prop). */
  localization?: DeepPartial<FoyerLocalization> | undefined;
}

/**
 * R-UI-02: invite many people at once, in a Radix dialog. Addresses are typed or pasted as
 * chips, or read from a CSV file (with its name columns); the person picks the organisation
 * (when they manage several), a grantable role, an expiry and options. The server's dry run
 * keeps counts and reasons right while the batch is edited (R-INV-16); sending goes in chunks
 * of at most 1,000 with progress, and the results group skipped addresses by reason. Escape,
 * a click beside the dialog, Cancel or × ask before throwing typed addresses away, and
 * nothing closes it while it sends. Built only from `useBulkInvite`.
 * @example
 * <BulkInviteModal trigger={<button type="button">Invite users</button>} onInvited={(r) => toast(r)} />
 */
export function BulkInviteModal({
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  trigger,
  localization,
  className,
  classNames,
  ...options
}: BulkInviteModalProps) {
  const [open, setOpen] = useControllableState({
    prop: openProp,
    defaultProp: defaultOpen,
    onChange: onOpenChange,
  });
  // The frame's strings; the body's chunk brings the rest of the English ones.
  const l10n = useFrameLocalization("bulkInviteModal", bulkInviteModalFrameEn, localization);
  const s = l10n.t.bulkInviteModal;
  // What closing would cost right now, reported by the body (mounted only while open).
  // R-UI-02: a send in flight is never abandoned by an accidental Escape or click.
  const [guard, setGuard] = useState<CloseGuard>("free");
  const close = useGuardedClose(guard, setOpen);
  const bodyPart = useDeferredPart(body);

  return (
    <Root open={open} onOpenChange={close.onOpenChange}>
      <DialogTrigger
        trigger={trigger}
        label={s.trigger}
        className={cx("foyer-button--primary", classNames?.trigger)}
      />
      <DialogLayer
        overlayClassName={classNames?.overlay}
        className={cx("foyer-bulk-invite", className, classNames?.content)}
        data-slot="content"
        data-busy={guard === "locked" || undefined}
      >
        <BulkInviteInside
          part={bodyPart}
          options={options}
          l10n={l10n}
          classNames={classNames}
          onGuardChange={setGuard}
          onRequestClose={close.requestClose}
          onDone={() => setOpen(false)}
        />
        <DiscardConfirm close={close} strings={s} onDiscard={() => setOpen(false)} />
      </DialogLayer>
    </Root>
  );
}

/** Props of `BulkInviteInside`. */
interface BulkInviteInsideProps
  extends Omit<BulkInviteBodyProps, "invite" | "departments" | "teams"> {
  part: DeferredPartState<typeof import("./bulk-invite-body.tsx")>;
  options: UseBulkInviteOptions & {
    departments?: readonly string[] | undefined;
    teams?: readonly string[] | undefined;
  };
}

/**
 * The open dialog: the batch (`useBulkInvite`, fresh each time the dialog opens, since Radix
 * mounts the content only while open), the header, and the body once its chunk is there.
 */
function BulkInviteInside({
  part,
  options,
  l10n,
  classNames,
  onGuardChange,
  onRequestClose,
  onDone,
}: BulkInviteInsideProps) {
  const { departments, teams, ...hookOptions } = options;
  const invite = useBulkInvite(hookOptions);
  const s = l10n.t.bulkInviteModal;
  const { phase } = invite;
  const Body = part.module?.BulkInviteBody;
  const headerRef = useRef<HTMLDivElement>(null);
  const waited = useRef(Body === undefined);
  useEffect(() => {
    if (!Body || !waited.current) return;
    waited.current = false;
    // The dialog opened before its body arrived, so Radix put focus on ×: move it to where an
    // opening starts (the address field), unless the person has moved it on since.
    const dialog = headerRef.current?.closest<HTMLElement>('[role="dialog"]');
    const active = document.activeElement;
    const untouched =
      active === null ||
      active === document.body ||
      active === dialog ||
      headerRef.current?.contains(active) === true;
    if (dialog && untouched) dialog.querySelector<HTMLElement>("[data-foyer-autofocus]")?.focus();
  }, [Body]);
  return (
    <>
      <div
        ref={headerRef}
        className={cx("foyer-bulk-invite__header", classNames?.header)}
        data-slot="header"
      >
        <Title className={cx("foyer-dialog__title", classNames?.title)} data-slot="title">
          {s.title}
        </Title>
        <Description
          className={cx("foyer-dialog__description", classNames?.description)}
          data-slot="description"
        >
          {s.description}
        </Description>
        {phase !== "sending" && (
          <button
            type="button"
            className={cx(
              "foyer-button foyer-button--ghost foyer-button--icon foyer-bulk-invite__close",
              classNames?.close,
            )}
            aria-label={s.close}
            data-slot="close"
            onClick={phase === "done" || phase === "failed" ? onDone : onRequestClose}
          >
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      {Body ? (
        <Body
          invite={invite}
          departments={departments}
          teams={teams}
          l10n={l10n}
          classNames={classNames}
          onGuardChange={onGuardChange}
          onRequestClose={onRequestClose}
          onDone={onDone}
        />
      ) : (
        <DeferredFallback
          part={part}
          common={l10n.t.common}
          className={cx("foyer-bulk-invite__body", classNames?.body)}
        />
      )}
    </>
  );
}
