/** Slots of `VerifyEmailPage`, each with a stable `foyer-…` class and `data-slot`. */
export type VerifyEmailPageSlot =
  | "root"
  | "card"
  | "title"
  | "message"
  | "form"
  | "input"
  | "error"
  | "resend";
