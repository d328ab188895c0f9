/**
 * Whether this server keeps email in its development mailbox (`/dev/mailbox`): the server
 * says so with `<meta name="foyer-dev-mailbox">`, and only in development (R-EML-03).
 */
export const hasDevMailbox = document.querySelector('meta[name="foyer-dev-mailbox"]') !== null;
