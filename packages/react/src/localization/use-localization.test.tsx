import { type FoyerClient, FoyerError, FoyerNetworkError } from "@foyer/client";
import { renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { FoyerProvider } from "../provider/foyer-provider.tsx";
import { errorsDe, errorsEn } from "./errors.ts";
import type { DeepPartial, FoyerLocalization } from "./types.ts";
import { useLocalization } from "./use-localization.ts";

// The hook never calls the client; an object without methods is enough here.
const client = {} as FoyerClient;

function wrapper(locale: string, localization?: DeepPartial<FoyerLocalization>) {
  return ({ children }: { children: ReactNode }) => (
    <FoyerProvider client={client} locale={locale} localization={localization}>
      {children}
    </FoyerProvider>
  );
}

const forbidden = new FoyerError({
  code: "INVITATION_EXPIRED",
  status: 410,
  message: "developer text",
  method: "POST",
  path: "/public/invitations/accept",
});

describe("useLocalization", () => {
  it("R-UI-07: merges defaults < provider < component overrides", () => {
    const { result } = renderHook(
      () => useLocalization({ invitationsTable: { tabPending: "Open" } }),
      {
        wrapper: wrapper("en", { invitationsTable: { tabPending: "Waiting", tabHistory: "Past" } }),
      },
    );
    expect(result.current.t.invitationsTable.tabPending).toBe("Open");
    expect(result.current.t.invitationsTable.tabHistory).toBe("Past");
    expect(result.current.t.invitationsTable.revoke).toBe("Revoke");
  });

  it("R-UI-07: every de-* locale gets the German strings and German Intl formats", () => {
    const { result } = renderHook(() => useLocalization(), { wrapper: wrapper("de-AT") });
    expect(result.current.t.common.cancel).toBe("Abbrechen");
    const now = new Date("2026-03-10T12:00:00Z");
    expect(result.current.formatRelative(new Date("2026-03-07T12:00:00Z"), now)).toBe(
      "vor 3 Tagen",
    );
    expect(result.current.formatRelative(new Date("2026-03-16T12:00:00Z"), now)).toBe("in 6 Tagen");
    expect(result.current.formatNumber(1234.5)).toMatch(/^1\D234,5$/);
  });

  it("R-UI-07: English relative times read as in the brief", () => {
    const { result } = renderHook(() => useLocalization(), { wrapper: wrapper("en") });
    const now = new Date("2026-03-10T12:00:00Z");
    expect(result.current.formatRelative(new Date("2026-03-10T09:00:00Z"), now)).toBe(
      "3 hours ago",
    );
    expect(result.current.formatRelative(new Date("2026-03-16T12:00:00Z"), now)).toBe("in 6 days");
  });

  it("R-SDK-01: errorMessage shows the localized text of the error code, never the developer message", () => {
    const en = renderHook(() => useLocalization(), { wrapper: wrapper("en") }).result.current;
    expect(en.errorMessage(forbidden)).toBe(
      "This invitation has expired. Ask your administrator to send a new one.",
    );
    expect(en.errorMessage(forbidden)).toBe(errorsEn.INVITATION_EXPIRED);
    const de = renderHook(() => useLocalization(), { wrapper: wrapper("de") }).result.current;
    expect(de.errorMessage(forbidden)).toBe(errorsDe.INVITATION_EXPIRED);

    const offline = new FoyerNetworkError({
      method: "GET",
      path: "/invitations",
      cause: new TypeError("fetch failed"),
      timedOut: false,
    });
    expect(en.errorMessage(offline)).toBe(en.t.common.networkError);
    expect(en.errorMessage(new Error("boom"))).toBe(en.t.common.unknownError);
    expect(en.errorMessage("not even an error")).toBe(en.t.common.unknownError);
  });

  it("R-UI-07: works without a provider, in English", () => {
    const { result } = renderHook(() => useLocalization());
    expect(result.current.locale).toBe("en");
    expect(result.current.t.invitationsTable.emptyPendingTitle).toBe("No pending invitations");
  });
});
