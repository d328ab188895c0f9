import { acceptInvitePageEn } from "./accept-invite-page.ts";
import { bulkInviteModalEn } from "./bulk-invite-modal.ts";
import { commonEn } from "./common.ts";
import { errorsEn } from "./errors.ts";
import { invitationsTableEn } from "./invitations-table.ts";
import { inviteLinkDialogEn } from "./invite-link-dialog.ts";
import { joinPageEn } from "./join-page.ts";
import type { FoyerLocalization } from "./types.ts";
import { verifyEmailPageEn } from "./verify-email-page.ts";

/**
 * Foyer's English strings, every namespace in one dictionary: the shape to start a
 * translation from. Components do not import it; each loads only its own English namespace
 * (plus `common` and `errors`), so importing this is needed only to read or extend it.
 */
export const en: FoyerLocalization = {
  common: commonEn,
  invitationsTable: invitationsTableEn,
  bulkInviteModal: bulkInviteModalEn,
  acceptInvitePage: acceptInvitePageEn,
  inviteLinkDialog: inviteLinkDialogEn,
  joinPage: joinPageEn,
  verifyEmailPage: verifyEmailPageEn,
  errors: errorsEn,
};
