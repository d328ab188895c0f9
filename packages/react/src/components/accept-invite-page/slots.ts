/** Slots of `AcceptInvitePage`, each with a stable `foyer-…` class and `data-slot`. */
export type AcceptInvitePageSlot =
  | "root"
  | "card"
  | "header"
  | "logo"
  | "title"
  | "role"
  | "inviter"
  | "providers"
  | "form"
  | "field"
  | "label"
  | "input"
  | "error"
  | "checklist"
  | "submit"
  | "message";
