import { acceptInvitePageDe } from "./accept-invite-page.ts";
import { bulkInviteModalDe } from "./bulk-invite-modal.ts";
import { commonDe } from "./common.ts";
import { errorsDe } from "./errors.ts";
import { invitationsTableDe } from "./invitations-table.ts";
import { inviteLinkDialogDe } from "./invite-link-dialog.ts";
import { joinPageDe } from "./join-page.ts";
import type { FoyerLocalization } from "./types.ts";
import { verifyEmailPageDe } from "./verify-email-page.ts";

/**
 * Foyer's German strings (Sie-Form), opt-in: pass them as `localization`, next to a German
 * `locale` for dates, numbers and plurals. Only a host that imports `de` ships it. A host
 * that mounts one component can pass just that component's namespaces instead, e.g.
 * `{ common: commonDe, errors: errorsDe, acceptInvitePage: acceptInvitePageDe }`.
 * @example
 * import { de, FoyerProvider } from "@foyer/react";
 * <FoyerProvider client={client} locale="de-DE" localization={de}>…</FoyerProvider>
 */
export const de: FoyerLocalization = {
  common: commonDe,
  invitationsTable: invitationsTableDe,
  bulkInviteModal: bulkInviteModalDe,
  acceptInvitePage: acceptInvitePageDe,
  inviteLinkDialog: inviteLinkDialogDe,
  joinPage: joinPageDe,
  verifyEmailPage: verifyEmailPageDe,
  errors: errorsDe,
};
