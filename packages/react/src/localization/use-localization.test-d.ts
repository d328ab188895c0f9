import { describe, expectTypeOf, it } from "vitest";
import type { AcceptInvitePageStrings } from "./accept-invite-page.ts";
import { acceptInvitePageEn } from "./accept-invite-page.ts";
import type { CommonStrings } from "./common.ts";
import { de } from "./de.ts";
import type { LocalizedStrings } from "./types.ts";
import { type UseLocalizationResult, useLocalization } from "./use-localization.ts";

// Checked by `tsc` (typecheck), not run: `t` has the requested namespaces and no others.
describe("useLocalization types", () => {
  it("types t with the requested namespaces plus common and errors", () => {
    const l10n = useLocalization({ acceptInvitePage: acceptInvitePageEn }, de);
    expectTypeOf(l10n).toEqualTypeOf<UseLocalizationResult<"acceptInvitePage">>();
    expectTypeOf(l10n.t).toEqualTypeOf<LocalizedStrings<"acceptInvitePage">>();
    expectTypeOf(l10n.t.acceptInvitePage).toEqualTypeOf<AcceptInvitePageStrings>();
    expectTypeOf(l10n.t.common).toEqualTypeOf<CommonStrings>();
    // @ts-expect-error another component's namespace is not loaded
    l10n.t.invitationsTable;
  });

  it("rejects overrides for namespaces that were not requested, and unknown namespaces", () => {
    // @ts-expect-error the literal names a namespace this component does not read
    useLocalization({ acceptInvitePage: acceptInvitePageEn }, { invitationsTable: {} });
    // @ts-expect-error not a namespace
    useLocalization({ nope: acceptInvitePageEn });
    // @ts-expect-error common and errors are built in, not defaults
    useLocalization({ common: de.common });
  });
});
