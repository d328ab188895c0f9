"use client";
import type { InviteLink } from "@foyer/core/rules";
import { Description, Root, Title } from "@radix-ui/react-dialog";
import type { ReactElement } from "react";
import { type UseInviteLinkResult, useInviteLink } from "../../hooks/use-invite-link.ts";
import { ConfirmDialog } from "../../internal/confirm-dialog.tsx";
import { cx } from "../../internal/cx.ts";
import { DeferredFallback } from "../../internal/deferred-fallback.tsx";
import {
  type DeferredPartState,
  deferredPart,
  useDeferredPart,
} from "../../internal/deferred-part.ts";
import { DialogLayer } from "../../internal/dialog-layer.tsx";
import { DialogTrigger, DiscardConfirm, useGuardedClose } from "../../internal/guarded-dialog.tsx";
import type { SlotClassNames, StylingProps } from "../../internal/slots.ts";
import { useControllableState } from "../../internal/use-controllable-state.ts";
import {
  type FrameLocalization,
  useFrameLocalization,
} from "../../localization/frame-localization.ts";
import {
  type InviteLinkDialogFrameKey,
  inviteLinkDialogFrameEn,
} from "../../localization/invite-link-dialog-frame.ts";
import type { DeepPartial, FoyerLocalization } from "../../localization/types.ts";
import type { InviteLinkDialogSlot } from "./slots.ts";

/** Props of `InviteLinkDialog`. */
export interface InviteLinkDialogProps extends StylingProps<InviteLinkDialogSlot> {
  /** The tenant whose invite link is managed. */
  tenantId: string;
  /** The tenant's name in the description; the session context's name when left out. */
  tenantName?: string | undefined;
  /** Whether the dialog is open (controlled). */
  open?: boolean | undefined;
  /** Whether the dialog starts open (uncontrolled). @default false */
  defaultOpen?: boolean | undefined;
  /** Called when the dialog opens or closes (never before unsaved changes were confirmed). */
  onOpenChange?: ((open: boolean) => void) | undefined;
  /**
   * The element that opens the dialog, or `true` for Foyer's own "Invite link" button.
   * Shown only to people with `invite_links:manage` on the tenant. It becomes Radix's
   * `Dialog.Trigger` (`asChild`), so it must pass props and its ref on to its DOM element.
   */
  trigger?: ReactElement | true | undefined;
  /** Called with the link after every change the server accepted. */
  onSaved?: ((link: InviteLink) => void) | undefined;
  /** String overrides for this instance (defaults < provider < this prop). */
  localization?: DeepPartial<FoyerLocalization> | undefined;
}

type L10n = FrameLocalization<"inviteLinkDialog", InviteLinkDialogFrameKey>;
type ClassNames = SlotClassNames<InviteLinkDialogSlot> | undefined;

/** The settings form: a chunk of its own, imported once the dialog has rendered. */
const settingsPart = /* @__PURE__ */ deferredPart(() => import("./invite-link-settings.tsx"));
type SettingsPart = DeferredPartState<typeof import("./invite-link-settings.tsx")>;

/**
 * R-UI-03, R-LNK-01..05, R-LNK-10: a tenant's invite link in a Radix dialog, for people with
 * `invite_links:manage` (for anyone else the trigger is not rendered). The switch turns the
 * link on and off at once (on needs a default role; a tenant with SSO cannot turn it on);
 * the default role (only grantable roles), allowed domains (validated as typed), expiry and
 * join limit are saved with "Save changes"; the URL copies with feedback; "Revoke & generate
 * new link" asks first. Closing with unsaved changes asks too. Built only from
 * `useInviteLink`.
 * @example
 * <InviteLinkDialog tenantId="acme" trigger={<button type="button">Invite link</button>} />
 */
export function InviteLinkDialog({
  tenantId,
  tenantName,
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  trigger,
  onSaved,
  localization,
  className,
  classNames,
}: InviteLinkDialogProps) {
  const [open, setOpen] = useControllableState({
    prop: openProp,
    defaultProp: defaultOpen,
    onChange: onOpenChange,
  });
  // The frame's strings; the settings' chunk brings the rest of the English ones.
  const l10n = useFrameLocalization("inviteLinkDialog", inviteLinkDialogFrameEn, localization);
  const s = l10n.t.inviteLinkDialog;
  const link = useInviteLink({ tenantId, enabled: open, onSaved });
  const close = useGuardedClose(link.dirty && link.status === "ready" ? "dirty" : "free", setOpen);
  const settings = useDeferredPart(settingsPart);

  return (
    <Root open={open} onOpenChange={close.onOpenChange}>
      {link.canManage === true && (
        <DialogTrigger trigger={trigger} label={s.title} className={cx(classNames?.trigger)} />
      )}
      <DialogLayer
        overlayClassName={classNames?.overlay}
        className={cx("foyer-invite-link", className, classNames?.content)}
        data-slot="content"
        data-state={link.status}
      >
        <div className={cx("foyer-invite-link__header", classNames?.header)} data-slot="header">
          <Title className={cx("foyer-dialog__title", classNames?.title)} data-slot="title">
            {s.title}
          </Title>
          <Description
            className={cx("foyer-dialog__description", classNames?.description)}
            data-slot="description"
          >
            {l10n.formatMessage(s.description, { tenant: tenantName ?? link.tenantName ?? "" })}
          </Description>
          <button
            type="button"
            className={cx(
              "foyer-button foyer-button--ghost foyer-button--icon foyer-invite-link__close",
              classNames?.close,
            )}
            aria-label={l10n.t.common.close}
            data-slot="close"
            onClick={close.requestClose}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
        <InviteLinkBody
          link={link}
          settings={settings}
          l10n={l10n}
          classNames={classNames}
          onClose={close.requestClose}
        />
        <DiscardConfirm
          close={close}
          strings={s}
          onDiscard={() => {
            link.discard();
            setOpen(false);
          }}
        />
      </DialogLayer>
    </Root>
  );
}

/** The dialog's inside by state: loading, error, not allowed, or the settings. */
function InviteLinkBody({
  link,
  settings,
  l10n,
  classNames,
  onClose,
}: {
  link: UseInviteLinkResult;
  settings: SettingsPart;
  onClose: () => void;
  l10n: L10n;
  classNames: ClassNames;
}) {
  const s = l10n.t.inviteLinkDialog;
  if (link.status === "loading") {
    return (
      <div className="foyer-invite-link__body" data-slot="body" aria-busy="true">
        <span className="foyer-skeleton" />
        <span className="foyer-skeleton" />
        <span className="foyer-skeleton" />
        <p role="status" className="foyer-sr-only">
          {l10n.t.common.loading}
        </p>
      </div>
    );
  }
  if (link.status === "error") {
    return (
      <div className="foyer-invite-link__body" data-slot="body">
        <div role="alert" className="foyer-alert">
          <p>{l10n.errorMessage(link.loadError)}</p>
          <button type="button" className="foyer-button foyer-button--small" onClick={link.retry}>
            {l10n.t.common.retry}
          </button>
        </div>
      </div>
    );
  }
  if (link.canManage !== true || !link.link) {
    return (
      <div className="foyer-invite-link__body" data-slot="body">
        <p role="alert" className="foyer-alert">
          {s.forbidden}
        </p>
      </div>
    );
  }
  const Settings = settings.module?.SettingsForm;
  if (!Settings) {
    return (
      <DeferredFallback
        part={settings}
        common={l10n.t.common}
        className="foyer-invite-link__body"
      />
    );
  }
  return (
    <Settings
      link={link}
      current={link.link}
      l10n={l10n}
      classNames={classNames}
      onClose={onClose}
      ConfirmDialog={ConfirmDialog}
    />
  );
}
