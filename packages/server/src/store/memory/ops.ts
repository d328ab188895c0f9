// What the memory store's operation files share.

/**
 * Runs one operation of the store: inside the transaction that owns it, or outside one as a
 * one-operation transaction of its own (a throw undoes whatever it changed).
 */
export type Run = <T>(op: () => T) => Promise<T>;

/** Rows go in and come out as copies: a caller never holds the store's own objects. */
export const copy = <T>(value: T): T => structuredClone(value);

/** A copy of a patch without its `undefined` fields (they leave a column as it is). */
export function definedFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(copy(patch)).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
