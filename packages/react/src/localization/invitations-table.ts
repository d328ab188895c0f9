import type { DeliveryStatus, InvitationStatus } from "@foyer/core/rules";
import type { PluralMessage } from "./types.ts";

/** Strings of `InvitationsTable`. Placeholders use `{{name}}`; plurals pick by `count`. */
export interface InvitationsTableStrings {
  /** The table's caption, read by screen readers, per tab. */
  captionPending: string;
  /** Caption of the History tab. */
  captionHistory: string;
  /** Accessible name of the tab list. */
  tabsLabel: string;
  /** The Pending tab. */
  tabPending: string;
  /** The History tab. */
  tabHistory: string;
  /** A tab label with its count. `{{label}}`, `{{count}}`. */
  tabWithCount: string;
  /** Label of the search field. */
  searchLabel: string;
  /** Placeholder of the search field. */
  searchPlaceholder: string;
  /**
   * Column headers. In the card layout of a narrow container, `invitedBy`, `sent`,
   * `expires` and `closed` also lead their values ("Sent 3 hours ago").
   */
  columns: {
    select: string;
    email: string;
    /** The tenant of each row (an MSP admin's list of every tenant). */
    tenant: string;
    role: string;
    invitedBy: string;
    sent: string;
    /** Pending: when the invitation expires. */
    expires: string;
    status: string;
    /** History: when the invitation was accepted, revoked, or expired. */
    closed: string;
    delivery: string;
    actions: string;
  };
  /** Checkbox that selects every loaded row. */
  selectAll: string;
  /** Checkbox of one row. `{{email}}`. */
  selectRow: string;
  /** Status badge text. */
  status: Record<InvitationStatus, string>;
  /** Delivery status text. */
  delivery: Record<DeliveryStatus, string>;
  /** Delivery failed with a reason. `{{reason}}`. */
  deliveryFailedReason: string;
  /** Delivery of a pending invitation whose reminder went out (R-INV-17). */
  deliveryReminded: string;
  /** Tooltip of `deliveryReminded`. `{{date}}`. */
  deliveryRemindedAt: string;
  /** Who revoked an invitation. `{{name}}`. */
  revokedBy: string;
  /** The "⋯" button of a row. `{{email}}`. */
  rowActions: string;
  /** Row action: send the invitation again. */
  resend: string;
  /** Row action: copy the invite link (only when the link is known). */
  copyLink: string;
  /** Row action: revoke the invitation. */
  revoke: string;
  /** Title of the revoke confirmation. `{{email}}`. */
  revokeTitle: string;
  /** Body of the revoke confirmation. */
  revokeDescription: string;
  /** Title of the bulk revoke confirmation. `{{count}}`. */
  revokeManyTitle: PluralMessage;
  /** Body of the bulk revoke confirmation. */
  revokeManyDescription: string;
  /** Confirm button of the revoke dialog. */
  revokeConfirm: string;
  /** Selection bar count. `{{count}}`. */
  selectedCount: PluralMessage;
  /** Accessible name of the selection bar. */
  selectionLabel: string;
  /** Selection bar: clear the selection. */
  clearSelection: string;
  /** Notice after a resend. `{{email}}`. */
  resent: string;
  /** Notice after a revoke. `{{email}}`. */
  revoked: string;
  /** Notice when a resend failed. `{{email}}`, `{{reason}}`. */
  resendFailed: string;
  /** Notice when a revoke failed. `{{email}}`, `{{reason}}`. */
  revokeFailed: string;
  /** Notice after a bulk resend. `{{count}}`. */
  bulkResent: PluralMessage;
  /** Notice after a bulk revoke. `{{count}}`. */
  bulkRevoked: PluralMessage;
  /** Notice when some rows of a bulk action failed. `{{count}}`. */
  bulkFailed: PluralMessage;
  /** One failed row in a bulk notice. `{{email}}`, `{{reason}}`. */
  bulkFailedRow: string;
  /** Notice after copying a link. `{{email}}`. */
  linkCopied: string;
  /** Notice when a link could not be copied. `{{email}}`, `{{reason}}`. */
  copyLinkFailed: string;
  /** Empty Pending tab: title. */
  emptyPendingTitle: string;
  /** Empty Pending tab: help. */
  emptyPendingHelp: string;
  /** Empty History tab: title. */
  emptyHistoryTitle: string;
  /** Empty History tab: help. */
  emptyHistoryHelp: string;
  /** No search results: title. `{{query}}`. */
  emptySearchTitle: string;
  /** No search results: help. */
  emptySearchHelp: string;
  /** Error state title. */
  errorTitle: string;
  /** Accessible name while rows load. */
  loadingRows: string;
  /** Shown while the next page loads. */
  loadingMore: string;
}

/** English strings of `InvitationsTable`. */
export const invitationsTableEn: InvitationsTableStrings = {
  captionPending: "Pending invitations",
  captionHistory: "Invitation history",
  tabsLabel: "Invitation status",
  tabPending: "Pending",
  tabHistory: "History",
  tabWithCount: "{{label}} ({{count}})",
  searchLabel: "Search by email",
  searchPlaceholder: "Search by email",
  columns: {
    select: "Select",
    email: "Email",
    tenant: "Organisation",
    role: "Role",
    invitedBy: "Invited by",
    sent: "Sent",
    expires: "Expires",
    status: "Status",
    closed: "Closed",
    delivery: "Delivery",
    actions: "Actions",
  },
  selectAll: "Select all invitations",
  selectRow: "Select {{email}}",
  status: { pending: "Pending", accepted: "Accepted", expired: "Expired", revoked: "Revoked" },
  delivery: {
    none: "Link only",
    queued: "Queued",
    sent: "Sent",
    failed: "Failed",
    cancelled: "Cancelled",
  },
  deliveryFailedReason: "Failed: {{reason}}",
  deliveryReminded: "Reminded",
  deliveryRemindedAt: "Reminder sent {{date}}",
  revokedBy: "by {{name}}",
  rowActions: "Actions for {{email}}",
  resend: "Resend",
  copyLink: "Copy link",
  revoke: "Revoke",
  revokeTitle: "Revoke invitation to {{email}}?",
  revokeDescription: "The link stops working immediately. This can't be undone.",
  revokeManyTitle: {
    one: "Revoke {{count}} invitation?",
    other: "Revoke {{count}} invitations?",
  },
  revokeManyDescription: "Their links stop working immediately. This can't be undone.",
  revokeConfirm: "Revoke",
  selectedCount: { one: "{{count}} selected", other: "{{count}} selected" },
  selectionLabel: "Selected invitations",
  clearSelection: "Clear",
  resent: "Invitation to {{email}} sent again.",
  revoked: "Invitation to {{email}} revoked.",
  resendFailed: "Couldn't resend the invitation to {{email}}. {{reason}}",
  revokeFailed: "Couldn't revoke the invitation to {{email}}. {{reason}}",
  bulkResent: {
    one: "{{count}} invitation sent again.",
    other: "{{count}} invitations sent again.",
  },
  bulkRevoked: { one: "{{count}} invitation revoked.", other: "{{count}} invitations revoked." },
  bulkFailed: { one: "{{count}} failed:", other: "{{count}} failed:" },
  bulkFailedRow: "{{email}}: {{reason}}",
  linkCopied: "Invite link for {{email}} copied.",
  copyLinkFailed: "Couldn't copy the invite link for {{email}}. {{reason}}",
  emptyPendingTitle: "No pending invitations",
  emptyPendingHelp: "Invite people and they appear here until they accept.",
  emptyHistoryTitle: "No past invitations",
  emptyHistoryHelp: "Accepted, expired and revoked invitations appear here.",
  emptySearchTitle: "No invitations match “{{query}}”",
  emptySearchHelp: "Check the spelling or search for another address.",
  errorTitle: "Couldn't load invitations.",
  loadingRows: "Loading invitations",
  loadingMore: "Loading more invitations…",
};

/** German strings of `InvitationsTable`. */
export const invitationsTableDe: InvitationsTableStrings = {
  captionPending: "Ausstehende Einladungen",
  captionHistory: "Verlauf der Einladungen",
  tabsLabel: "Status der Einladungen",
  tabPending: "Ausstehend",
  tabHistory: "Verlauf",
  tabWithCount: "{{label}} ({{count}})",
  searchLabel: "Nach E-Mail-Adresse suchen",
  searchPlaceholder: "Nach E-Mail-Adresse suchen",
  columns: {
    select: "Auswahl",
    email: "E-Mail-Adresse",
    tenant: "Organisation",
    role: "Rolle",
    invitedBy: "Eingeladen von",
    sent: "Gesendet",
    expires: "Läuft ab",
    status: "Status",
    closed: "Beendet",
    delivery: "Zustellung",
    actions: "Aktionen",
  },
  selectAll: "Alle Einladungen auswählen",
  selectRow: "{{email}} auswählen",
  status: {
    pending: "Ausstehend",
    accepted: "Angenommen",
    expired: "Abgelaufen",
    revoked: "Widerrufen",
  },
  delivery: {
    none: "Nur Link",
    queued: "In Warteschlange",
    sent: "Gesendet",
    failed: "Fehlgeschlagen",
    cancelled: "Abgebrochen",
  },
  deliveryFailedReason: "Fehlgeschlagen: {{reason}}",
  deliveryReminded: "Erinnert",
  deliveryRemindedAt: "Erinnerung gesendet am {{date}}",
  revokedBy: "von {{name}}",
  rowActions: "Aktionen für {{email}}",
  resend: "Erneut senden",
  copyLink: "Link kopieren",
  revoke: "Widerrufen",
  revokeTitle: "Einladung an {{email}} widerrufen?",
  revokeDescription:
    "Der Link funktioniert ab sofort nicht mehr. Das lässt sich nicht rückgängig machen.",
  revokeManyTitle: {
    one: "{{count}} Einladung widerrufen?",
    other: "{{count}} Einladungen widerrufen?",
  },
  revokeManyDescription:
    "Die Links funktionieren ab sofort nicht mehr. Das lässt sich nicht rückgängig machen.",
  revokeConfirm: "Widerrufen",
  selectedCount: { one: "{{count}} ausgewählt", other: "{{count}} ausgewählt" },
  selectionLabel: "Ausgewählte Einladungen",
  clearSelection: "Auswahl aufheben",
  resent: "Einladung an {{email}} erneut gesendet.",
  revoked: "Einladung an {{email}} widerrufen.",
  resendFailed: "Die Einladung an {{email}} konnte nicht erneut gesendet werden. {{reason}}",
  revokeFailed: "Die Einladung an {{email}} konnte nicht widerrufen werden. {{reason}}",
  bulkResent: {
    one: "{{count}} Einladung erneut gesendet.",
    other: "{{count}} Einladungen erneut gesendet.",
  },
  bulkRevoked: {
    one: "{{count}} Einladung widerrufen.",
    other: "{{count}} Einladungen widerrufen.",
  },
  bulkFailed: { one: "{{count}} fehlgeschlagen:", other: "{{count}} fehlgeschlagen:" },
  bulkFailedRow: "{{email}}: {{reason}}",
  linkCopied: "Einladungslink für {{email}} kopiert.",
  copyLinkFailed: "Der Einladungslink für {{email}} konnte nicht kopiert werden. {{reason}}",
  emptyPendingTitle: "Keine ausstehenden Einladungen",
  emptyPendingHelp: "Laden Sie Personen ein – sie erscheinen hier, bis sie die Einladung annehmen.",
  emptyHistoryTitle: "Noch kein Verlauf",
  emptyHistoryHelp: "Angenommene, abgelaufene und widerrufene Einladungen erscheinen hier.",
  emptySearchTitle: "Keine Einladungen zu „{{query}}“",
  emptySearchHelp: "Prüfen Sie die Schreibweise oder suchen Sie nach einer anderen Adresse.",
  errorTitle: "Die Einladungen konnten nicht geladen werden.",
  loadingRows: "Einladungen werden geladen",
  loadingMore: "Weitere Einladungen werden geladen …",
};
