import type { BulkInviteModalStrings } from "./bulk-invite-modal.ts";

/** The strings of the bulk invite modal that its frame shows: trigger, header, the discard question. */
export type BulkInviteModalFrameKey =
  | "title"
  | "description"
  | "trigger"
  | "close"
  | "discardTitle"
  | "discardDescription"
  | "discardKeep"
  | "discardConfirm";

/**
 * English strings of the bulk invite modal's frame: shipped with `BulkInviteModal`; the
 * rest come with its body's chunk (`bulk-invite-modal-form.ts`).
 */
export const bulkInviteModalFrameEn: Pick<BulkInviteModalStrings, BulkInviteModalFrameKey> = {
  title: "Invite users",
  description: "Invitations are sent to each address. People join with the role you choose.",
  trigger: "Invite users",
  close: "Close",
  discardTitle: "Discard these invitations?",
  discardDescription: "The addresses and message you entered will be lost.",
  discardKeep: "Keep editing",
  discardConfirm: "Discard",
};
