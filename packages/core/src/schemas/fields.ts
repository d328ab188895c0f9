import * as z from "zod/mini";

// The field builders every schema module shares. Not part of the package's API: the public
// schemas are re-exported by `schemas.ts`, these are not (except `isSingleLine`).

export const id = () => z.string().check(z.minLength(1), z.maxLength(200));
export const isoDate = () => z.iso.datetime({ offset: true });
export const text = (max: number) => z.string().check(z.maxLength(max));

/** CR, LF and every other C0/C1 control character (and DEL). */
const CONTROL_CHARACTERS = /\p{Cc}/u;

/**
 * True when a value is one line without control characters: what a name, a subject or
 * anything else that may reach an email header must be (R-EML-04). CR/LF in a name would
 * otherwise let `Evil\r\nBcc: victim@…` add a header to any mailer that does not clean it.
 */
export function isSingleLine(value: string): boolean {
  return !CONTROL_CHARACTERS.test(value);
}

/** A one-line text of at most `max` characters: CR, LF and control characters are refused. */
export const line = (max: number, min = 0) =>
  z
    .string()
    .check(
      z.maxLength(max),
      ...(min > 0 ? [z.minLength(min)] : []),
      z.refine(isSingleLine, "must be a single line without control characters"),
    );

/** A password for a new account and its confirmation, as typed (R-PWD-01). */
export const newPassword = () => z.string().check(z.maxLength(1024));
export const personName = () => z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
