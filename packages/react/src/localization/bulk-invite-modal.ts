import type { ExpiryPreset, SkipReason } from "@foyer/core/rules";
import { bulkInviteModalFormEn } from "./bulk-invite-modal-form.ts";
import { bulkInviteModalFrameEn } from "./bulk-invite-modal-frame.ts";
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

/**
 * English strings of the bulk invite modal: the frame's and the inside's, kept in two files so
 * that each ships with the code that shows it.
 */
export const bulkInviteModalEn: BulkInviteModalStrings = {
  ...bulkInviteModalFrameEn,
  ...bulkInviteModalFormEn,
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
