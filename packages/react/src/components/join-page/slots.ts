/** Slots of `JoinPage`, each with a stable `foyer-…` class and `data-slot`. */
export type JoinPageSlot =
  | "root"
  | "card"
  | "header"
  | "logo"
  | "title"
  | "role"
  | "providers"
  | "form"
  | "field"
  | "label"
  | "input"
  | "error"
  | "checklist"
  | "terms"
  | "submit"
  | "message"
  | "resend";
