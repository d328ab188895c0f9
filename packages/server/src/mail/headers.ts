// Defence in depth against header injection (R-EML-04): names are refused with CR/LF at
// input (core's schemas), and whatever reaches a header is made one line again here, in
// the dispatcher before any Mailer and in the SMTP transport, so a value that came in
// another way (a host's actor name, a tenant name from its own database) cannot add one.

const CONTROL_RUN = /\p{Cc}+/gu;

/** The value on one line: every run of control characters (CR, LF, tab …) becomes a space. */
export function oneLine(value: string): string {
  return value
    .replace(CONTROL_RUN, " ")
    .replace(/\s{2,}/g, " ")
    .trim();
}

/** A display name for a header, or null when nothing printable is left. */
export function headerName(value: string | null | undefined): string | null {
  if (value == null) return null;
  const cleaned = oneLine(value);
  return cleaned === "" ? null : cleaned;
}
