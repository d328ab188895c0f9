import type { InviteLinkDialogStrings } from "./invite-link-dialog.ts";

/**
 * The strings of the invite link dialog that its frame shows: trigger and header, the
 * refusal, the discard question.
 */
export type InviteLinkDialogFrameKey =
  | "title"
  | "description"
  | "forbidden"
  | "discardTitle"
  | "discardDescription"
  | "discardKeep"
  | "discardConfirm";

/**
 * English strings of the invite link dialog's frame: shipped with `InviteLinkDialog`; the
 * rest come with its settings' chunk (`invite-link-dialog-form.ts`).
 */
export const inviteLinkDialogFrameEn: Pick<InviteLinkDialogStrings, InviteLinkDialogFrameKey> = {
  title: "Invite link",
  description:
    "Anyone with the link can create an account in {{tenant}} with the default role. Share it however you like.",
  forbidden: "You don't have permission to manage this organisation's invite link.",
  discardTitle: "Discard your changes?",
  discardDescription: "The settings you changed are not saved yet.",
  discardKeep: "Keep editing",
  discardConfirm: "Discard",
};
