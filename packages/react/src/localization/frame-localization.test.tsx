import type { FoyerClient } from "@foyer/client";
import { renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { FoyerProvider } from "../provider/foyer-provider.tsx";
import { bulkInviteModalDe, bulkInviteModalEn } from "./bulk-invite-modal.ts";
import { bulkInviteModalFormEn } from "./bulk-invite-modal-form.ts";
import { bulkInviteModalFrameEn } from "./bulk-invite-modal-frame.ts";
import { de } from "./de.ts";
import { useFrameLocalization } from "./frame-localization.ts";
import { inviteLinkDialogEn } from "./invite-link-dialog.ts";
import { inviteLinkDialogFormEn } from "./invite-link-dialog-form.ts";
import { inviteLinkDialogFrameEn } from "./invite-link-dialog-frame.ts";
import type { DeepPartial, FoyerLocalization } from "./types.ts";
import { useLocalization } from "./use-localization.ts";

// The hooks never call the client; an object without methods is enough here.
const client = {} as FoyerClient;

function wrapper(localization?: DeepPartial<FoyerLocalization>) {
  return ({ children }: { children: ReactNode }) => (
    <FoyerProvider client={client} locale="en" localization={localization}>
      {children}
    </FoyerProvider>
  );
}

/** The frame's localization, then the one its deferred part completes, in one render. */
function useSplit(overrides?: DeepPartial<FoyerLocalization>) {
  const frame = useFrameLocalization("bulkInviteModal", bulkInviteModalFrameEn, overrides);
  const full = frame.complete(bulkInviteModalFormEn);
  return { frame, full };
}

describe("localization split between a dialog's frame and its deferred part", () => {
  it("R-UI-07: each English dictionary is its two parts, no key in both", () => {
    const frameKeys = Object.keys(bulkInviteModalFrameEn);
    expect(frameKeys.filter((key) => key in bulkInviteModalFormEn)).toEqual([]);
    expect({ ...bulkInviteModalFrameEn, ...bulkInviteModalFormEn }).toEqual(bulkInviteModalEn);
    expect(
      Object.keys(inviteLinkDialogFrameEn).filter((key) => key in inviteLinkDialogFormEn),
    ).toEqual([]);
    expect({ ...inviteLinkDialogFrameEn, ...inviteLinkDialogFormEn }).toEqual(inviteLinkDialogEn);
  });

  it("R-UI-07: the frame holds only its strings; completed, it equals the whole namespace", () => {
    const { result } = renderHook(() => useSplit(), { wrapper: wrapper() });
    expect(result.current.frame.t.bulkInviteModal).toEqual(bulkInviteModalFrameEn);
    expect(result.current.full.t.bulkInviteModal).toEqual(bulkInviteModalEn);
    const whole = renderHook(() => useLocalization({ bulkInviteModal: bulkInviteModalEn }), {
      wrapper: wrapper(),
    }).result.current;
    expect(result.current.full.t).toEqual(whole.t);
  });

  it("R-UI-07: overrides of the deferred part's strings win over its English defaults, at every depth", () => {
    const { result } = renderHook(
      () =>
        useSplit({
          bulkInviteModal: { preview: "Check first", delivery: { email: "Mail them" } },
        }),
      {
        wrapper: wrapper({
          bulkInviteModal: { preview: "Dry run", cancel: "Stop", title: "Add people" },
        }),
      },
    );
    const s = result.current.full.t.bulkInviteModal;
    // Component prop < provider < English, as with useLocalization.
    expect(s.preview).toBe("Check first");
    expect(s.cancel).toBe("Stop");
    expect(s.title).toBe("Add people");
    expect(s.delivery).toEqual({ ...bulkInviteModalEn.delivery, email: "Mail them" });
    expect(s.emailsLabel).toBe(bulkInviteModalEn.emailsLabel);
  });

  it("R-UI-07: localization={de} on the provider gives every German string to both parts", () => {
    const { result } = renderHook(() => useSplit(), { wrapper: wrapper(de) });
    expect(result.current.frame.t.bulkInviteModal.title).toBe(bulkInviteModalDe.title);
    expect(result.current.full.t.bulkInviteModal).toEqual(bulkInviteModalDe);
  });
});
