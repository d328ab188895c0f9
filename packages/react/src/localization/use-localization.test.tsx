import { type FoyerClient, FoyerError, FoyerNetworkError } from "@foyer/client";
import { renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { FoyerProvider } from "../provider/foyer-provider.tsx";
import { acceptInvitePageEn } from "./accept-invite-page.ts";
import { commonDe } from "./common.ts";
import { de } from "./de.ts";
import { errorsDe, errorsEn } from "./errors.ts";
import { invitationsTableDe, invitationsTableEn } from "./invitations-table.ts";
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

const expired = new FoyerError({
  code: "INVITATION_EXPIRED",
  status: 410,
  message: "developer text",
  method: "POST",
  path: "/public/invitations/accept",
});

describe("useLocalization", () => {
  it("R-UI-07: merges English defaults < provider < component overrides", () => {
    const { result } = renderHook(
      () =>
        useLocalization(
          { invitationsTable: invitationsTableEn },
          { invitationsTable: { tabPending: "Open" } },
        ),
      {
        wrapper: wrapper("en", { invitationsTable: { tabPending: "Waiting", tabHistory: "Past" } }),
      },
    );
    expect(result.current.t.invitationsTable.tabPending).toBe("Open");
    expect(result.current.t.invitationsTable.tabHistory).toBe("Past");
    expect(result.current.t.invitationsTable.revoke).toBe("Revoke");
  });

  it("R-UI-07: localization={de} gives the German strings, and a de-* locale German Intl formats", () => {
    const { result } = renderHook(() => useLocalization({ invitationsTable: invitationsTableEn }), {
      wrapper: wrapper("de-AT", de),
    });
    expect(result.current.t.common.cancel).toBe("Abbrechen");
    expect(result.current.t.invitationsTable).toEqual(invitationsTableDe);
    expect(result.current.errorMessage(expired)).toBe(errorsDe.INVITATION_EXPIRED);
    const now = new Date("2026-03-10T12:00:00Z");
    expect(result.current.formatRelative(new Date("2026-03-07T12:00:00Z"), now)).toBe(
      "vor 3 Tagen",
    );
    expect(result.current.formatRelative(new Date("2026-03-16T12:00:00Z"), now)).toBe("in 6 Tagen");
    expect(result.current.formatNumber(1234.5)).toMatch(/^1\D234,5$/);
    const days = { one: "{{count}} Tag", other: "{{count}} Tage" };
    expect(result.current.formatMessage(days, { count: 1 })).toBe("1 Tag");
    // de-AT groups thousands with a space, de-DE with a dot.
    expect(result.current.formatMessage(days, { count: 1000 })).toMatch(/^1\D000 Tage$/);
  });

  it("R-UI-07: overrides win over the German dictionary, on the provider and on the component", () => {
    const provider = { ...de, common: { ...de.common, retry: "Nochmal" } };
    const { result } = renderHook(
      () =>
        useLocalization(
          { invitationsTable: invitationsTableEn },
          { invitationsTable: { tabPending: "Offen" }, errors: { INVITATION_EXPIRED: "Zu spät." } },
        ),
      { wrapper: wrapper("de", provider) },
    );
    expect(result.current.t.common.retry).toBe("Nochmal");
    expect(result.current.t.common.cancel).toBe(commonDe.cancel);
    expect(result.current.t.invitationsTable.tabPending).toBe("Offen");
    expect(result.current.t.invitationsTable.tabHistory).toBe(invitationsTableDe.tabHistory);
    expect(result.current.errorMessage(expired)).toBe("Zu spät.");
  });

  it('R-UI-07: locale="de" without localization keeps the English strings but formats in German', () => {
    const { result } = renderHook(() => useLocalization({ invitationsTable: invitationsTableEn }), {
      wrapper: wrapper("de"),
    });
    expect(result.current.t.common.cancel).toBe("Cancel");
    expect(result.current.t.invitationsTable.revoke).toBe("Revoke");
    expect(result.current.formatNumber(1234.5)).toMatch(/^1\D234,5$/);
  });

  it("R-UI-07: t holds only the requested namespaces plus common and errors, even when given the whole dictionary", () => {
    const { result } = renderHook(() => useLocalization({ acceptInvitePage: acceptInvitePageEn }), {
      wrapper: wrapper("de", de),
    });
    expect(Object.keys(result.current.t).sort()).toEqual(["acceptInvitePage", "common", "errors"]);
    expect(result.current.t.acceptInvitePage.submit).toBe("Annehmen und Konto erstellen");
  });

  it("R-UI-07: the result stays the same object across renders with an inline defaults object", () => {
    const { result, rerender } = renderHook(() =>
      useLocalization({ invitationsTable: invitationsTableEn }),
    );
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
  });

  it("R-UI-07: English relative times read as in the brief", () => {
    const { result } = renderHook(() => useLocalization(), { wrapper: wrapper("en") });
    const now = new Date("2026-03-10T12:00:00Z");
    expect(result.current.formatRelative(new Date("2026-03-10T09:00:00Z"), now)).toBe(
      "3 hours ago",
    );
    expect(result.current.formatRelative(new Date("2026-03-16T12:00:00Z"), now)).toBe("in 6 days");
  });

  it("R-UI-07: a relative time that would round up to 60 minutes or 60 seconds says 1 hour or 1 minute", () => {
    const { result } = renderHook(() => useLocalization(), { wrapper: wrapper("en") });
    const now = new Date("2026-03-10T12:00:00Z");
    const ago = (ms: number) => result.current.formatRelative(new Date(now.getTime() - ms), now);
    const inFuture = (ms: number) =>
      result.current.formatRelative(new Date(now.getTime() + ms), now);
    const minute = 60_000;
    const hour = 60 * minute;
    const day = 24 * hour;
    expect(ago(59 * minute + 40_000)).toBe("1 hour ago");
    expect(inFuture(59 * minute + 40_000)).toBe("in 1 hour");
    expect(ago(59_600)).toBe("1 minute ago");
    // Short of that, the smaller unit stays.
    expect(ago(59 * minute + 20_000)).toBe("59 minutes ago");
    expect(ago(59_400)).toBe("59 seconds ago");
    // Hours and days keep their count up to the next unit: an invitation made a moment ago
    // with the 7-day expiry reads "in 7 days", one expiring in 23.6 hours "in 24 hours".
    expect(inFuture(7 * day - 5 * minute)).toBe("in 7 days");
    expect(inFuture(23 * hour + 36 * minute)).toBe("in 24 hours");
  });

  it("R-SDK-01, R-UI-07: errorMessage shows the text keyed by the error code, never the developer message", () => {
    const en = renderHook(() => useLocalization(), { wrapper: wrapper("en") }).result.current;
    expect(en.errorMessage(expired)).toBe(
      "This invitation has expired. Ask your administrator to send a new one.",
    );
    expect(en.errorMessage(expired)).toBe(errorsEn.INVITATION_EXPIRED);
    const german = renderHook(() => useLocalization(), { wrapper: wrapper("de", de) }).result
      .current;
    expect(german.errorMessage(expired)).toBe(errorsDe.INVITATION_EXPIRED);

    const offline = new FoyerNetworkError({
      method: "GET",
      path: "/invitations",
      cause: new TypeError("fetch failed"),
      timedOut: false,
    });
    expect(en.errorMessage(offline)).toBe(en.t.common.networkError);
    expect(german.errorMessage(offline)).toBe(commonDe.networkError);
    expect(en.errorMessage(new Error("boom"))).toBe(en.t.common.unknownError);
    expect(en.errorMessage("not even an error")).toBe(en.t.common.unknownError);
  });

  it("R-UI-07: works without a provider, in English", () => {
    const { result } = renderHook(() => useLocalization({ invitationsTable: invitationsTableEn }));
    expect(result.current.locale).toBe("en");
    expect(result.current.t.invitationsTable.emptyPendingTitle).toBe("No pending invitations");
  });
});
