import { acceptInvitePageDe } from "./accept-invite-page.ts";
import { bulkInviteModalDe } from "./bulk-invite-modal.ts";
import { commonDe } from "./common.ts";
import { errorsDe } from "./errors.ts";
import { invitationsTableDe } from "./invitations-table.ts";
import type { FoyerLocalization } from "./types.ts";

/** Foyer's German strings (Sie-Form), chosen for every `de` locale (`de-DE`, `de-AT`, `de-CH`). */
export const de: FoyerLocalization = {
  common: commonDe,
  invitationsTable: invitationsTableDe,
  bulkInviteModal: bulkInviteModalDe,
  acceptInvitePage: acceptInvitePageDe,
  errors: errorsDe,
};
