/** Strings shared by every Foyer component. */
export interface CommonStrings {
  /** Button that closes a dialog without doing anything. */
  cancel: string;
  /** Button that closes a dialog or panel. */
  close: string;
  /** Button that repeats a failed request. */
  retry: string;
  /** Button that hides a notice. */
  dismiss: string;
  /** Accessible name of a busy region. */
  loading: string;
  /** Copy-to-clipboard button. */
  copy: string;
  /** Feedback after copying. */
  copied: string;
  /** Shown when the server could not be reached. */
  networkError: string;
  /** Shown for an error Foyer does not recognise. */
  unknownError: string;
  /** A rate-limited call (429) whose answer said how long to wait; `{{seconds}}`. */
  rateLimitedRetryIn: string;
  /** Shown when the clipboard is not available. */
  copyFailed: string;
  /** Accessible name of the notices region. */
  notices: string;
  /** Placeholder for a missing value in a table cell. */
  none: string;
}

/** English common strings. */
export const commonEn: CommonStrings = {
  cancel: "Cancel",
  close: "Close",
  retry: "Retry",
  dismiss: "Dismiss",
  loading: "Loading…",
  copy: "Copy",
  copied: "Copied",
  networkError: "We couldn't reach the server. Check your connection and try again.",
  unknownError: "Something went wrong. Try again in a moment.",
  rateLimitedRetryIn: "Too many attempts. Try again in {{seconds}} s.",
  copyFailed: "Couldn't copy to the clipboard. Select the text and copy it yourself.",
  notices: "Notifications",
  none: "—",
};

/** German common strings. */
export const commonDe: CommonStrings = {
  cancel: "Abbrechen",
  close: "Schließen",
  retry: "Erneut versuchen",
  dismiss: "Ausblenden",
  loading: "Wird geladen …",
  copy: "Kopieren",
  copied: "Kopiert",
  networkError:
    "Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
  unknownError: "Etwas ist schiefgelaufen. Bitte versuchen Sie es gleich noch einmal.",
  rateLimitedRetryIn: "Zu viele Versuche. Bitte versuchen Sie es in {{seconds}} s erneut.",
  copyFailed:
    "Das Kopieren in die Zwischenablage ist fehlgeschlagen. Bitte markieren und kopieren Sie den Text selbst.",
  notices: "Benachrichtigungen",
  none: "—",
};
