import { type ExpiryPreset, SKIP_REASONS, type SkipReason } from "@foyer/core/rules";
import type { PluralMessage } from "./types.ts";

/** Every string the bulk invite modal shows (R-UI-02). Placeholders use `{{name}}`. */
export interface BulkInviteModalStrings {
  /** Dialog title. */
  title: string;
  /** Dialog description under the title. */
  description: string;
  /** Label of the default trigger button. */
  trigger: string;
  /** Label of the tenant select. */
  tenantLabel: string;
  /** Label of the address field. */
  emailsLabel: string;
  /** Help text under the address field. */
  emailsHint: string;
  /** Placeholder of the address input. */
  emailsPlaceholder: string;
  /** Accessible label of a chip's remove button; `{{email}}`. */
  removeChip: string;
  /** Reason shown for an invalid chip. */
  chipInvalid: string;
  /** Reason shown for a duplicate chip. */
  chipDuplicate: string;
  /** Summary under the address field; `{{count}}` valid addresses. */
  emailsCount: PluralMessage;
  /** Appended to the summary when some are invalid or repeated; `{{count}}`. */
  emailsIgnored: PluralMessage;
  /** Button that removes every invalid and duplicate chip. */
  removeInvalid: string;
  /** Switch to the typed-addresses mode. */
  modeType: string;
  /** Switch to the CSV mode. */
  modeCsv: string;
  /** Accessible name of the mode switch. */
  modeLabel: string;
  /** Button that opens the file chooser. */
  chooseFile: string;
  /** Text in the drop zone. */
  dropZone: string;
  /** Help text of the drop zone. */
  dropZoneHint: string;
  /** Shown while the file is read. */
  csvReading: string;
  /** The file could not be read; `{{name}}` is the file name. */
  csvError: string;
  /** The file has no addresses. */
  csvEmpty: string;
  /** Counts of the file: `{{count}}` addresses. */
  csvCount: PluralMessage;
  /** Invalid part of the count: `{{count}}` invalid. */
  csvInvalid: PluralMessage;
  /** Repeated rows of the file: `{{count}}` repeated. */
  csvDuplicates: PluralMessage;
  /** Caption of the preview table; `{{shown}}` of `{{total}}` rows. */
  csvPreviewCaption: string;
  /** Column header: row number. */
  csvRow: string;
  /** Column header: address. */
  csvEmail: string;
  /** Column header: state. */
  csvState: string;
  /** State of a valid row, before the dry run has answered. */
  csvValid: string;
  /** State of a row the dry run will invite. */
  csvWillInvite: string;
  /** Column header: the person's name from the file. */
  csvName: string;
  /** The selected file; `{{name}}`. */
  csvFile: string;
  /** Button that removes the selected file. */
  csvRemove: string;
  /** Label of the role select. */
  roleLabel: string;
  /** Placeholder option of the role select. */
  rolePlaceholder: string;
  /** Shown when the actor may grant no role in this tenant. */
  roleNone: string;
  /** Label of the expiry select. */
  expiresLabel: string;
  /** Expiry preset labels. */
  expiry: Record<ExpiryPreset, string>;
  /** Marks the tenant's default preset; `{{label}}`. */
  expiryDefault: string;
  /** Label of the message field. */
  messageLabel: string;
  /** Help text of the message field. */
  messageHint: string;
  /** Counter under the message; `{{count}}` of `{{max}}`. */
  messageCounter: string;
  /** Label of the department select. */
  departmentLabel: string;
  /** Empty option of the department select. */
  departmentNone: string;
  /** Legend of the teams checkboxes. */
  teamsLabel: string;
  /** Legend of the delivery options. */
  deliveryLabel: string;
  /** Delivery option labels and hints. */
  delivery: {
    email: string;
    emailHint: string;
    link: string;
    linkHint: string;
    both: string;
    bothHint: string;
  };
  /** Footer: dry-run button. */
  preview: string;
  /** Footer: cancel. */
  cancel: string;
  /** Footer: primary button with the count. */
  send: PluralMessage;
  /** Primary button before any address is added. */
  sendEmpty: string;
  /** Primary button while sending. */
  sending: string;
  /** Progress label; `{{done}}` and `{{total}}`. */
  progress: string;
  /** Accessible name of the progress bar. */
  progressLabel: string;
  /** Shown while a dry run is running. */
  previewing: string;
  /** Heading of the dry-run result. */
  previewTitle: string;
  /** Under the addresses while the server checks them (dry run). */
  checking: string;
  /** The check failed; `{{reason}}`. */
  checkFailed: string;
  /** Dry-run summary: `{{count}}` would be invited. */
  previewCreated: PluralMessage;
  /** Dry-run summary: `{{count}}` would be skipped. */
  previewSkipped: PluralMessage;
  /** Nothing would be skipped. */
  previewNothingSkipped: string;
  /** Leaves the dry-run result to edit the batch. */
  previewBack: string;
  /** Results: `{{count}}` invited. */
  resultInvited: PluralMessage;
  /** Results: `{{count}}` skipped. */
  resultSkipped: PluralMessage;
  /** Heading of the results view. */
  resultTitle: string;
  /** Heading of the skipped list. */
  skippedTitle: string;
  /** Group heading: `{{reason}} ({{count}})`. */
  skippedGroup: string;
  /**
   * Skip reasons (R-INV-02), one per `SkipReason`, so a new reason fails to compile. The
   * English ones are core's labels, the wording the server and every Foyer UI share.
   */
  reasons: Record<SkipReason, string>;
  /** Copies the plaintext links. */
  /** Label of the field that shows each invitee's link after a send with links (R-INV-10). */
  linksLabel: string;
  copyLinks: string;
  /** After the links were copied. */
  linksCopied: string;
  /** Copying failed. */
  copyFailed: string;
  /** Seats left after the batch; `{{count}}`. */
  seatsLeft: PluralMessage;
  /** Closes the results view. */
  done: string;
  /** Accessible label of the close button. */
  close: string;
  /** The send stopped part-way; `{{done}}` of `{{count}}` addresses went out. */
  partialFailure: string;
  /** The send failed before anything went out; `{{count}}` addresses. */
  nothingSent: PluralMessage;
  /** Title of the question before typed addresses are thrown away. */
  discardTitle: string;
  /** Body of that question. */
  discardDescription: string;
  /** Keeps the dialog open. */
  discardKeep: string;
  /** Closes it and throws the input away. */
  discardConfirm: string;
  /** Retry the remaining chunks. */
  retry: string;
  /** Shown while tenants or roles load. */
  loading: string;
  /** Validation: no address was added. */
  errorNoEmails: string;
  /** Validation: no role was chosen. */
  errorNoRole: string;
  /** Validation: the message is too long; `{{max}}`. */
  errorMessageTooLong: string;
}

/** English strings of the bulk invite modal. */
export const bulkInviteModalEn: BulkInviteModalStrings = {
  title: "Invite users",
  description: "Invitations are sent to each address. People join with the role you choose.",
  trigger: "Invite users",
  tenantLabel: "Organisation",
  emailsLabel: "Email addresses",
  emailsHint: "Type or paste addresses separated by commas, spaces or new lines.",
  emailsPlaceholder: "ana@acme.com, ben@acme.com",
  removeChip: "Remove {{email}}",
  chipInvalid: "Not a valid email address",
  chipDuplicate: "Already in the list",
  emailsCount: { one: "{{count}} address", other: "{{count}} addresses" },
  emailsIgnored: {
    one: "{{count}} invalid or repeated will be skipped",
    other: "{{count}} invalid or repeated will be skipped",
  },
  removeInvalid: "Remove invalid",
  modeType: "Type addresses",
  modeCsv: "Upload CSV",
  modeLabel: "How to add people",
  chooseFile: "Choose file",
  dropZone: "Drop a CSV file here or choose one",
  dropZoneHint:
    "One address per row. A header row is optional; the email column is found, and name columns fill in names.",
  csvReading: "Reading file…",
  csvError: "{{name}} could not be read. Check that it is a CSV file and try again.",
  csvEmpty: "No email addresses were found in this file.",
  csvCount: { one: "{{count}} address", other: "{{count}} addresses" },
  csvInvalid: { one: "{{count}} invalid", other: "{{count}} invalid" },
  csvDuplicates: { one: "{{count}} repeated", other: "{{count}} repeated" },
  csvPreviewCaption: "First {{shown}} of {{total}} rows",
  csvRow: "Row",
  csvEmail: "Email",
  csvState: "Status",
  csvValid: "Valid",
  csvWillInvite: "Will be invited",
  csvName: "Name",
  csvFile: "File: {{name}}",
  csvRemove: "Choose another file",
  roleLabel: "Role",
  rolePlaceholder: "Choose a role",
  roleNone: "You can't grant any role in this organisation.",
  expiresLabel: "Expires after",
  expiry: {
    "24h": "24 hours",
    "3d": "3 days",
    "7d": "7 days",
    "14d": "14 days",
    "30d": "30 days",
  },
  expiryDefault: "{{label}} (default)",
  messageLabel: "Message (optional)",
  messageHint: "Added to the invitation email.",
  messageCounter: "{{count}} / {{max}}",
  departmentLabel: "Department (optional)",
  departmentNone: "No department",
  teamsLabel: "Teams (optional)",
  deliveryLabel: "Delivery",
  delivery: {
    email: "Send email",
    emailHint: "Each person gets an email with their link.",
    link: "Copy links",
    linkHint: "No email is sent; you share each link yourself.",
    both: "Email and copy links",
    bothHint: "Emails are sent and you also get the links.",
  },
  preview: "Preview",
  cancel: "Cancel",
  send: { one: "Send {{count}} invitation", other: "Send {{count}} invitations" },
  sendEmpty: "Send invitations",
  sending: "Sending…",
  progress: "Sending {{done}} of {{total}}…",
  progressLabel: "Sending progress",
  previewing: "Checking…",
  previewTitle: "Preview",
  checking: "Checking the addresses…",
  checkFailed: "Couldn't check the addresses. {{reason}}",
  previewCreated: {
    one: "{{count}} invitation would be sent",
    other: "{{count}} invitations would be sent",
  },
  previewSkipped: { one: "{{count}} would be skipped", other: "{{count}} would be skipped" },
  previewNothingSkipped: "Nothing would be skipped.",
  previewBack: "Back to editing",
  resultInvited: { one: "{{count}} invited", other: "{{count}} invited" },
  resultSkipped: { one: "{{count}} skipped", other: "{{count}} skipped" },
  resultTitle: "Results",
  skippedTitle: "Skipped",
  skippedGroup: "{{reason}} ({{count}})",
  reasons: {
    invalid_email: SKIP_REASONS.invalid_email.label,
    duplicate_in_batch: SKIP_REASONS.duplicate_in_batch.label,
    already_pending: SKIP_REASONS.already_pending.label,
    already_member: SKIP_REASONS.already_member.label,
    deactivated_user: SKIP_REASONS.deactivated_user.label,
    domain_not_allowed: SKIP_REASONS.domain_not_allowed.label,
    seat_limit: SKIP_REASONS.seat_limit.label,
  },
  linksLabel: "Invite links (address, tab, link)",
  copyLinks: "Copy links",
  linksCopied: "Links copied",
  copyFailed: "The links could not be copied. Select them and copy them by hand.",
  seatsLeft: { one: "{{count}} seat left", other: "{{count}} seats left" },
  done: "Done",
  close: "Close",
  partialFailure:
    "Sending stopped after {{done}} of {{count}} addresses. Those already sent are kept; retry to send the rest.",
  nothingSent: {
    one: "Nothing was sent. Retry to send the invitation.",
    other: "Nothing was sent. Retry to send all {{count}} invitations.",
  },
  discardTitle: "Discard these invitations?",
  discardDescription: "The addresses and message you entered will be lost.",
  discardKeep: "Keep editing",
  discardConfirm: "Discard",
  retry: "Retry",
  loading: "Loading…",
  errorNoEmails: "Add at least one valid email address.",
  errorNoRole: "Choose a role.",
  errorMessageTooLong: "Keep the message to {{max}} characters or fewer.",
};

/** German strings of the bulk invite modal. */
export const bulkInviteModalDe: BulkInviteModalStrings = {
  title: "Personen einladen",
  description:
    "Jede Adresse erhält eine eigene Einladung. Wer sie annimmt, bekommt die gewählte Rolle.",
  trigger: "Personen einladen",
  tenantLabel: "Organisation",
  emailsLabel: "E-Mail-Adressen",
  emailsHint:
    "Adressen eingeben oder einfügen, getrennt durch Kommas, Leerzeichen oder Zeilenumbrüche.",
  emailsPlaceholder: "ana@acme.com, ben@acme.com",
  removeChip: "{{email}} entfernen",
  chipInvalid: "Keine gültige E-Mail-Adresse",
  chipDuplicate: "Steht bereits in der Liste",
  emailsCount: { one: "{{count}} Adresse", other: "{{count}} Adressen" },
  emailsIgnored: {
    one: "{{count}} ungültige oder doppelte wird übersprungen",
    other: "{{count}} ungültige oder doppelte werden übersprungen",
  },
  removeInvalid: "Ungültige entfernen",
  modeType: "Adressen eingeben",
  modeCsv: "CSV hochladen",
  modeLabel: "Personen hinzufügen per",
  chooseFile: "Datei auswählen",
  dropZone: "CSV-Datei hier ablegen oder auswählen",
  dropZoneHint:
    "Eine Adresse pro Zeile. Eine Kopfzeile ist optional; die Spalte mit den Adressen wird erkannt, Namensspalten werden übernommen.",
  csvReading: "Datei wird gelesen …",
  csvError:
    "{{name}} konnte nicht gelesen werden. Prüfen Sie, ob es eine CSV-Datei ist, und versuchen Sie es erneut.",
  csvEmpty: "In dieser Datei wurden keine E-Mail-Adressen gefunden.",
  csvCount: { one: "{{count}} Adresse", other: "{{count}} Adressen" },
  csvInvalid: { one: "{{count}} ungültig", other: "{{count}} ungültig" },
  csvDuplicates: { one: "{{count}} doppelt", other: "{{count}} doppelt" },
  csvPreviewCaption: "Die ersten {{shown}} von {{total}} Zeilen",
  csvRow: "Zeile",
  csvEmail: "E-Mail",
  csvState: "Status",
  csvValid: "Gültig",
  csvWillInvite: "Wird eingeladen",
  csvName: "Name",
  csvFile: "Datei: {{name}}",
  csvRemove: "Andere Datei wählen",
  roleLabel: "Rolle",
  rolePlaceholder: "Rolle wählen",
  roleNone: "Sie können in dieser Organisation keine Rolle vergeben.",
  expiresLabel: "Gültig für",
  expiry: {
    "24h": "24 Stunden",
    "3d": "3 Tage",
    "7d": "7 Tage",
    "14d": "14 Tage",
    "30d": "30 Tage",
  },
  expiryDefault: "{{label}} (Standard)",
  messageLabel: "Nachricht (optional)",
  messageHint: "Erscheint in der Einladungs-E-Mail.",
  messageCounter: "{{count}} / {{max}}",
  departmentLabel: "Abteilung (optional)",
  departmentNone: "Keine Abteilung",
  teamsLabel: "Teams (optional)",
  deliveryLabel: "Zustellung",
  delivery: {
    email: "Per E-Mail senden",
    emailHint: "Jede Person erhält eine E-Mail mit ihrem Link.",
    link: "Links kopieren",
    linkHint: "Es wird keine E-Mail verschickt; Sie geben die Links selbst weiter.",
    both: "E-Mail senden und Links kopieren",
    bothHint: "Die E-Mails werden verschickt, und Sie erhalten zusätzlich die Links.",
  },
  preview: "Vorschau",
  cancel: "Abbrechen",
  send: { one: "{{count}} Einladung senden", other: "{{count}} Einladungen senden" },
  sendEmpty: "Einladungen senden",
  sending: "Wird gesendet …",
  progress: "{{done}} von {{total}} werden gesendet …",
  progressLabel: "Sendefortschritt",
  previewing: "Wird geprüft …",
  previewTitle: "Vorschau",
  checking: "Die Adressen werden geprüft …",
  checkFailed: "Die Adressen konnten nicht geprüft werden. {{reason}}",
  previewCreated: {
    one: "{{count}} Einladung würde gesendet",
    other: "{{count}} Einladungen würden gesendet",
  },
  previewSkipped: {
    one: "{{count}} würde übersprungen",
    other: "{{count}} würden übersprungen",
  },
  previewNothingSkipped: "Es würde nichts übersprungen.",
  previewBack: "Zurück zur Bearbeitung",
  resultInvited: { one: "{{count}} eingeladen", other: "{{count}} eingeladen" },
  resultSkipped: { one: "{{count}} übersprungen", other: "{{count}} übersprungen" },
  resultTitle: "Ergebnis",
  skippedTitle: "Übersprungen",
  skippedGroup: "{{reason}} ({{count}})",
  reasons: {
    invalid_email: "Ungültige Adresse",
    duplicate_in_batch: "Doppelt in dieser Liste",
    already_pending: "Bereits eingeladen",
    already_member: "Bereits Mitglied",
    deactivated_user: "Deaktivierter Benutzer",
    domain_not_allowed: "Domain nicht zugelassen",
    seat_limit: "Keine Plätze mehr frei",
  },
  linksLabel: "Einladungslinks (Adresse, Tab, Link)",
  copyLinks: "Links kopieren",
  linksCopied: "Links kopiert",
  copyFailed:
    "Die Links konnten nicht kopiert werden. Markieren Sie sie und kopieren Sie sie von Hand.",
  seatsLeft: { one: "Noch {{count}} Platz frei", other: "Noch {{count}} Plätze frei" },
  done: "Fertig",
  close: "Schließen",
  partialFailure:
    "Der Versand wurde nach {{done}} von {{count}} Adressen unterbrochen. Bereits gesendete Einladungen bleiben bestehen; versuchen Sie es erneut, um den Rest zu senden.",
  nothingSent: {
    one: "Es wurde nichts gesendet. Versuchen Sie es erneut, um die Einladung zu senden.",
    other:
      "Es wurde nichts gesendet. Versuchen Sie es erneut, um alle {{count}} Einladungen zu senden.",
  },
  discardTitle: "Einladungen verwerfen?",
  discardDescription: "Die eingegebenen Adressen und die Nachricht gehen verloren.",
  discardKeep: "Weiter bearbeiten",
  discardConfirm: "Verwerfen",
  retry: "Erneut versuchen",
  loading: "Wird geladen …",
  errorNoEmails: "Fügen Sie mindestens eine gültige E-Mail-Adresse hinzu.",
  errorNoRole: "Wählen Sie eine Rolle.",
  errorMessageTooLong: "Die Nachricht darf höchstens {{max}} Zeichen lang sein.",
};
