import type { InviteLinkState } from "@foyer/core/rules";
import { inviteLinkDialogFormEn } from "./invite-link-dialog-form.ts";
import { inviteLinkDialogFrameEn } from "./invite-link-dialog-frame.ts";
import type { PluralMessage } from "./types.ts";

/** Every string the invite link dialog shows (R-UI-03). Placeholders use `{{name}}`. */
export interface InviteLinkDialogStrings {
  /** Dialog title, and the default trigger's label. */
  title: string;
  /** Under the title; `{{tenant}}`. */
  description: string;
  /** Label of the switch that turns the link on and off. */
  toggleLabel: string;
  /** R-LNK-05: why the switch is disabled on a tenant with SSO (the exact text). */
  ssoUnavailable: string;
  /** Badge beside the switch, by the link's state. */
  state: Record<InviteLinkState, string>;
  /** Label of the read-only link field. */
  linkLabel: string;
  /** Shown instead of the link before it was ever turned on. */
  linkNone: string;
  /** Under the link while it is off. */
  linkOffHint: string;
  /** Under the link once its expiry passed; `{{date}}`. */
  linkExpiredHint: string;
  /** Under the link once its join limit is reached. */
  linkFullHint: string;
  /** Announced after copying. */
  copiedAnnouncement: string;
  /** Label of the role select. */
  roleLabel: string;
  /** The select's empty choice. */
  rolePlaceholder: string;
  /** Help under the role select. */
  roleHint: string;
  /** Shown when the link is turned on without a role. */
  roleRequired: string;
  /** The actor may grant no role on this tenant. */
  roleNone: string;
  /** Label of the domains field. */
  domainsLabel: string;
  /** Help under the domains field. */
  domainsHint: string;
  /** How many domains are typed, of the 50 allowed; `{{count}}`, `{{max}}`. */
  domainsCount: PluralMessage;
  /** Entries that are not domains; `{{list}}`, `{{count}}`. */
  domainsInvalid: PluralMessage;
  /** Over the limit; `{{max}}`, `{{count}}` to remove. */
  tooManyDomains: PluralMessage;
  /** Label of the expiry date. */
  expiryLabel: string;
  /** Help under the expiry date. */
  expiryHint: string;
  /** The date is today or earlier. */
  expiryPast: string;
  /** Label of the join limit. */
  maxJoinsLabel: string;
  /** Help under the join limit. */
  maxJoinsHint: string;
  /** The limit is not a whole number from 1. */
  maxJoinsInvalid: string;
  /** Joins through the current link; `{{count}}`. */
  joins: PluralMessage;
  /** Joins through the current link against its limit; `{{count}}`, `{{max}}`. */
  joinsOfMax: PluralMessage;
  /** Saves the edited settings. */
  save: string;
  /** The save button while saving. */
  saving: string;
  /** Shown (and announced) once the change reached the server. */
  saved: string;
  /** Throws the edited settings away. */
  discard: string;
  /** Announced after the switch turned the link on. */
  enabledAnnouncement: string;
  /** Announced after the switch turned the link off. */
  disabledAnnouncement: string;
  /** The secondary danger action (R-LNK-03). */
  regenerate: string;
  /** Title of its confirmation. */
  regenerateTitle: string;
  /** Its confirmation: the old link stops working for everyone. */
  regenerateDescription: string;
  /** Confirm button of that confirmation. */
  regenerateConfirm: string;
  /** Announced after the new link was generated. */
  regenerated: string;
  /** Shown when the actor may not manage this tenant's link. */
  forbidden: string;
  /** Title of the question asked before closing with unsaved changes. */
  discardTitle: string;
  /** Its description. */
  discardDescription: string;
  /** Its button that keeps the dialog open. */
  discardKeep: string;
  /** Its button that closes without saving. */
  discardConfirm: string;
}

/**
 * English strings of the invite link dialog: the frame's and the settings', kept in two files
 * so that each ships with the code that shows it.
 */
export const inviteLinkDialogEn: InviteLinkDialogStrings = {
  ...inviteLinkDialogFrameEn,
  ...inviteLinkDialogFormEn,
};

/** German strings of the invite link dialog (Sie-Form). */
export const inviteLinkDialogDe: InviteLinkDialogStrings = {
  title: "Einladungslink",
  description:
    "Wer den Link hat, kann ein Konto bei {{tenant}} mit der Standardrolle anlegen. Teilen Sie ihn, wie Sie möchten.",
  toggleLabel: "Beitritt für alle mit dem Link erlauben",
  ssoUnavailable: "Nicht verfügbar – für diese Organisation ist SSO eingerichtet.",
  state: {
    active: "Aktiv",
    disabled: "Aus",
    expired: "Abgelaufen",
    full: "Limit erreicht",
    sso: "Nicht verfügbar",
  },
  linkLabel: "Link",
  linkNone: "Der Link erscheint hier, sobald Sie ihn einschalten.",
  linkOffHint:
    "Der Link ist ausgeschaltet, niemand kann damit beitreten. Beim Einschalten gilt wieder derselbe Link.",
  linkExpiredHint:
    "Dieser Link gilt seit dem {{date}} nicht mehr. Wählen Sie ein späteres Datum, um ihn wieder zu öffnen.",
  linkFullHint:
    "Die Höchstzahl an Beitritten ist erreicht. Erhöhen Sie sie, damit weitere Personen beitreten können.",
  copiedAnnouncement: "Link in die Zwischenablage kopiert.",
  roleLabel: "Standardrolle",
  rolePlaceholder: "Rolle wählen",
  roleHint:
    "Alle, die beitreten, erhalten diese Rolle. Eine Änderung gilt für alle, die später beitreten.",
  roleRequired: "Wählen Sie eine Standardrolle, bevor Sie den Link einschalten.",
  roleNone: "Sie können in dieser Organisation keine Rolle vergeben.",
  domainsLabel: "Zugelassene E-Mail-Domains",
  domainsHint:
    "Eine pro Zeile oder durch Kommas getrennt. Leer lassen, um jede Domain zuzulassen · höchstens {{max}}",
  domainsCount: { one: "{{count}} von {{max}} Domains", other: "{{count}} von {{max}} Domains" },
  domainsInvalid: {
    one: "Keine gültige Domain: {{list}}",
    other: "Keine gültigen Domains: {{list}}",
  },
  tooManyDomains: {
    one: "Höchstens {{max}} Domains. Entfernen Sie {{count}}.",
    other: "Höchstens {{max}} Domains. Entfernen Sie {{count}}.",
  },
  expiryLabel: "Gültig bis (optional)",
  expiryHint:
    "Nach diesem Tag funktioniert der Link nicht mehr. Leer lassen, damit er offen bleibt.",
  expiryPast: "Wählen Sie einen Tag nach heute.",
  maxJoinsLabel: "Höchstzahl an Beitritten (optional)",
  maxJoinsHint: "Wie viele Personen mit diesem Link beitreten können. Leer lassen für unbegrenzt.",
  maxJoinsInvalid: "Geben Sie eine ganze Zahl ab 1 ein.",
  joins: {
    one: "{{count}} Person ist mit diesem Link beigetreten",
    other: "{{count}} Personen sind mit diesem Link beigetreten",
  },
  joinsOfMax: {
    one: "{{count}} von {{max}} mit diesem Link beigetreten",
    other: "{{count}} von {{max}} mit diesem Link beigetreten",
  },
  save: "Änderungen speichern",
  saving: "Wird gespeichert …",
  saved: "Gespeichert",
  discard: "Verwerfen",
  enabledAnnouncement: "Einladungslink eingeschaltet.",
  disabledAnnouncement: "Einladungslink ausgeschaltet. Niemand kann jetzt damit beitreten.",
  regenerate: "Widerrufen & neuen Link erzeugen",
  regenerateTitle: "Diesen Link widerrufen und einen neuen erzeugen?",
  regenerateDescription:
    "Der bisherige Link funktioniert sofort für niemanden mehr, der ihn hat. Das lässt sich nicht rückgängig machen.",
  regenerateConfirm: "Widerrufen & erzeugen",
  regenerated: "Neuer Link erzeugt. Der alte Link funktioniert nicht mehr.",
  forbidden: "Sie sind nicht berechtigt, den Einladungslink dieser Organisation zu verwalten.",
  discardTitle: "Änderungen verwerfen?",
  discardDescription: "Die geänderten Einstellungen sind noch nicht gespeichert.",
  discardKeep: "Weiter bearbeiten",
  discardConfirm: "Verwerfen",
};
