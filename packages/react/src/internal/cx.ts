/**
 * Joins class names, skipping falsy ones. Internal on purpose: hosts use their own.
 * @example cx("foyer-button", danger && "foyer-button--danger")
 */
export function cx(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(" ");
}
