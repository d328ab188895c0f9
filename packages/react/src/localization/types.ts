import type { ErrorCode } from "@foyer/core/rules";
import type { AcceptInvitePageStrings } from "./accept-invite-page.ts";
import type { BulkInviteModalStrings } from "./bulk-invite-modal.ts";
import type { CommonStrings } from "./common.ts";
import type { InvitationsTableStrings } from "./invitations-table.ts";
import type { InviteLinkDialogStrings } from "./invite-link-dialog.ts";
import type { JoinPageStrings } from "./join-page.ts";
import type { VerifyEmailPageStrings } from "./verify-email-page.ts";

/**
 * A message whose wording depends on a count, chosen with `Intl.PluralRules` for the
 * active locale. `one` and `other` are required; languages with more forms add theirs.
 * @example { one: "{{count}} selected", other: "{{count}} selected" }
 */
export type PluralMessage = {
  one: string;
  other: string;
} & Partial<Record<"zero" | "two" | "few" | "many", string>>;

/** A localizable message: plain text with `{{name}}` placeholders, or plural forms. */
export type Message = string | PluralMessage;

/**
 * Every string Foyer's components show, grouped by component. Error text is keyed by
 * `ErrorCode`, so adding a code to `@foyer/core` fails to compile until it is translated.
 */
export interface FoyerLocalization {
  /** Strings shared by every component. */
  common: CommonStrings;
  /** Strings of `InvitationsTable`. */
  invitationsTable: InvitationsTableStrings;
  /** Strings of `BulkInviteModal`. */
  bulkInviteModal: BulkInviteModalStrings;
  /** Strings of `AcceptInvitePage`. */
  acceptInvitePage: AcceptInvitePageStrings;
  /** Strings of `InviteLinkDialog`. */
  inviteLinkDialog: InviteLinkDialogStrings;
  /** Strings of `JoinPage` that `acceptInvitePage` does not have (it shares those). */
  joinPage: JoinPageStrings;
  /** Strings of `VerifyEmailPage`. */
  verifyEmailPage: VerifyEmailPageStrings;
  /** What a person reads for each error code of the API. */
  errors: Record<ErrorCode, string>;
}

/**
 * A component's own part of `FoyerLocalization`. `common` and `errors` are not namespaces:
 * every component reads them, so `useLocalization` always loads their English defaults.
 */
export type LocalizationNamespace = Exclude<keyof FoyerLocalization, "common" | "errors">;

/**
 * The strings a component reads: its namespaces `N`, plus `common` and `errors`.
 * @example type PageStrings = LocalizedStrings<"acceptInvitePage">; // t.acceptInvitePage.title
 */
export type LocalizedStrings<N extends LocalizationNamespace = never> = Pick<
  FoyerLocalization,
  N | "common" | "errors"
>;

/**
 * Every property optional, at every depth: the shape of localization overrides.
 * @example const overrides: DeepPartial<FoyerLocalization> = { common: { retry: "Try again" } };
 */
export type DeepPartial<T> = T extends string
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;
