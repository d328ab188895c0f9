// @foyer/react: every export by name, types apart. Components and hooks are "use client"
// modules; importing one does not pull in the others (R-UI-09).

// AcceptInvitePage
export type { AcceptInvitePageProps } from "./components/accept-invite-page/accept-invite-page.tsx";
export { AcceptInvitePage } from "./components/accept-invite-page/accept-invite-page.tsx";
export type { AcceptInvitePageSlot } from "./components/accept-invite-page/slots.ts";
// BulkInviteModal
export type { BulkInviteModalProps } from "./components/bulk-invite-modal/bulk-invite-modal.tsx";
export { BulkInviteModal } from "./components/bulk-invite-modal/bulk-invite-modal.tsx";
export type { BulkInviteModalSlot } from "./components/bulk-invite-modal/slots.ts";
// InvitationsTable
export type { InvitationsTableProps } from "./components/invitations-table/invitations-table.tsx";
export { InvitationsTable } from "./components/invitations-table/invitations-table.tsx";
export type { InvitationsTableSlot } from "./components/invitations-table/slots.ts";
// InviteLinkDialog
export type { InviteLinkDialogProps } from "./components/invite-link-dialog/invite-link-dialog.tsx";
export { InviteLinkDialog } from "./components/invite-link-dialog/invite-link-dialog.tsx";
export type { InviteLinkDialogSlot } from "./components/invite-link-dialog/slots.ts";
// JoinPage
export type { JoinPageProps } from "./components/join-page/join-page.tsx";
export { JoinPage } from "./components/join-page/join-page.tsx";
export type { JoinPageSlot } from "./components/join-page/slots.ts";
// VerifyEmailPage
export type { VerifyEmailPageSlot } from "./components/verify-email-page/slots.ts";
export type { VerifyEmailPageProps } from "./components/verify-email-page/verify-email-page.tsx";
export { VerifyEmailPage } from "./components/verify-email-page/verify-email-page.tsx";
export type { TenantBranding } from "./hooks/tenant-branding.ts";
export { initialsOf, tenantBranding } from "./hooks/tenant-branding.ts";
export type {
  AcceptInvite,
  AcceptInviteField,
  AcceptInviteFieldError,
  AcceptInviteState,
  AcceptInviteTerminalCode,
  AcceptInviteValues,
  UseAcceptInviteOptions,
} from "./hooks/use-accept-invite.ts";
export { useAcceptInvite } from "./hooks/use-accept-invite.ts";
export type {
  BulkInvite,
  BulkInviteFieldError,
  BulkInvitePhase,
  BulkInviteProgress,
  BulkInviteSource,
  GrantableRole,
  UseBulkInviteOptions,
} from "./hooks/use-bulk-invite.ts";
export { useBulkInvite } from "./hooks/use-bulk-invite.ts";
export type {
  CsvAddress,
  CsvExtract,
  CsvImport,
  CsvImportState,
  CsvNameColumns,
} from "./hooks/use-csv-import.ts";
export { useCsvImport } from "./hooks/use-csv-import.ts";
export type {
  EmailChipCounts,
  EmailChips,
  UseEmailChipsOptions,
} from "./hooks/use-email-chips.ts";
export { useEmailChips } from "./hooks/use-email-chips.ts";
// Headless hooks
export type {
  BulkActionResult,
  BulkFailure,
  InvitationsSort,
  InvitationsSortColumn,
  InvitationsTab,
  InvitationsTableState,
  UseInvitationsTableOptions,
  UseInvitationsTableResult,
} from "./hooks/use-invitations-table.ts";
export { useInvitationsTable } from "./hooks/use-invitations-table.ts";
export type {
  InviteLinkDraft,
  InviteLinkField,
  InviteLinkFieldError,
  InviteLinkSaveState,
  UseInviteLinkOptions,
  UseInviteLinkResult,
} from "./hooks/use-invite-link.ts";
export { useInviteLink } from "./hooks/use-invite-link.ts";
export type {
  JoinField,
  JoinFieldError,
  JoinState,
  JoinValues,
  UseJoinOptions,
  UseJoinResult,
} from "./hooks/use-join.ts";
export { useJoin } from "./hooks/use-join.ts";
export { useResendInvitation } from "./hooks/use-resend-invitation.ts";
export { useRevokeInvitation } from "./hooks/use-revoke-invitation.ts";
export type {
  UseVerifyEmailOptions,
  UseVerifyEmailResult,
  VerifyEmailFailureCode,
  VerifyEmailState,
} from "./hooks/use-verify-email.ts";
export { useVerifyEmail } from "./hooks/use-verify-email.ts";
export type { MessageValues } from "./internal/format-message.ts";
export { formatMessage } from "./internal/format-message.ts";
export type { SlotClassNames } from "./internal/slots.ts";
export type { BatchCheck } from "./internal/use-batch-check.ts";
// Localization: English is built into each component (its own namespace only); `de` and the
// `…De` namespaces are opt-in, passed as `localization`, so only hosts that use them ship them.
export type { AcceptInvitePageStrings } from "./localization/accept-invite-page.ts";
export { acceptInvitePageDe, acceptInvitePageEn } from "./localization/accept-invite-page.ts";
export type { BulkInviteModalStrings } from "./localization/bulk-invite-modal.ts";
export { bulkInviteModalDe, bulkInviteModalEn } from "./localization/bulk-invite-modal.ts";
export type { CommonStrings } from "./localization/common.ts";
export { commonDe, commonEn } from "./localization/common.ts";
export { de } from "./localization/de.ts";
export { en } from "./localization/en.ts";
export { errorsDe, errorsEn } from "./localization/errors.ts";
export type { InvitationsTableStrings } from "./localization/invitations-table.ts";
export { invitationsTableDe, invitationsTableEn } from "./localization/invitations-table.ts";
export type { InviteLinkDialogStrings } from "./localization/invite-link-dialog.ts";
export { inviteLinkDialogDe, inviteLinkDialogEn } from "./localization/invite-link-dialog.ts";
export type { JoinPageStrings } from "./localization/join-page.ts";
export { joinPageDe, joinPageEn } from "./localization/join-page.ts";
export type {
  DeepPartial,
  FoyerLocalization,
  LocalizationNamespace,
  LocalizedStrings,
  Message,
  PluralMessage,
} from "./localization/types.ts";
export type { DateStyle, UseLocalizationResult } from "./localization/use-localization.ts";
export { useLocalization } from "./localization/use-localization.ts";
export type { VerifyEmailPageStrings } from "./localization/verify-email-page.ts";
export { verifyEmailPageDe, verifyEmailPageEn } from "./localization/verify-email-page.ts";
// Provider
export type { FoyerAppearance, FoyerToken } from "./provider/context.ts";
export type { FoyerProviderProps } from "./provider/foyer-provider.tsx";
export { FoyerProvider } from "./provider/foyer-provider.tsx";
export type { UseFoyerResult } from "./provider/use-foyer.ts";
export { useFoyer } from "./provider/use-foyer.ts";
// Query keys and options (build your own hooks from these)
export type { InvitationListKeyQuery } from "./query/keys.ts";
export { foyerKeys } from "./query/keys.ts";
export type {
  CreateInvitationsVariables,
  ResendVariables,
  UpdateInviteLinkVariables,
} from "./query/options.ts";
export {
  acceptInvitationMutationOptions,
  batchCheckQueryOptions,
  contextQueryOptions,
  createInvitationsMutationOptions,
  invitationEventsQueryOptions,
  invitationPreviewQueryOptions,
  invitationQueryOptions,
  invitationsInfiniteQueryOptions,
  inviteLinkPreviewQueryOptions,
  inviteLinkQueryOptions,
  joinWithInviteLinkMutationOptions,
  regenerateInviteLinkMutationOptions,
  resendInvitationMutationOptions,
  resendVerificationEmailMutationOptions,
  revokeInvitationMutationOptions,
  rolesQueryOptions,
  updateInviteLinkMutationOptions,
  verifyEmailMutationOptions,
} from "./query/options.ts";
