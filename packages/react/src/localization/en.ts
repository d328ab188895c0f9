import { acceptInvitePageEn } from "./accept-invite-page.ts";
import { bulkInviteModalEn } from "./bulk-invite-modal.ts";
import { commonEn } from "./common.ts";
import { errorsEn } from "./errors.ts";
import { invitationsTableEn } from "./invitations-table.ts";
import type { FoyerLocalization } from "./types.ts";

/** Foyer's English strings, the default for every locale Foyer does not ship. */
export const en: FoyerLocalization = {
  common: commonEn,
  invitationsTable: invitationsTableEn,
  bulkInviteModal: bulkInviteModalEn,
  acceptInvitePage: acceptInvitePageEn,
  errors: errorsEn,
};
