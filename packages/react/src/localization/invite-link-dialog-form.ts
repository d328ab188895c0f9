import type { InviteLinkDialogStrings } from "./invite-link-dialog.ts";
import type { InviteLinkDialogFrameKey } from "./invite-link-dialog-frame.ts";

/**
 * English strings of the invite link dialog's settings: shipped with the settings' chunk,
 * which completes the frame's strings with them.
 */
export const inviteLinkDialogFormEn: Omit<InviteLinkDialogStrings, InviteLinkDialogFrameKey> = {
  toggleLabel: "Allow anyone with the link to join",
  ssoUnavailable: "Not available - SSO is configured for this tenant.",
  state: {
    active: "Active",
    disabled: "Off",
    expired: "Expired",
    full: "Limit reached",
    sso: "Not available",
  },
  linkLabel: "Link",
  linkNone: "The link appears here once you turn it on.",
  linkOffHint: "The link is off and nobody can join with it. Turning it on restores the same link.",
  linkExpiredHint: "This link stopped working on {{date}}. Choose a later date to open it again.",
  linkFullHint: "The join limit is reached. Raise it to let more people join.",
  copiedAnnouncement: "Link copied to the clipboard.",
  roleLabel: "Default role",
  rolePlaceholder: "Choose a role",
  roleHint: "Everyone who joins gets this role. A change applies to people who join later.",
  roleRequired: "Choose a default role before turning the link on.",
  roleNone: "You can't grant any role in this organisation.",
  domainsLabel: "Allowed email domains",
  domainsHint:
    "One per line or separated by commas. Leave empty to allow any domain · up to {{max}}",
  domainsCount: { one: "{{count}} of {{max}} domains", other: "{{count}} of {{max}} domains" },
  domainsInvalid: {
    one: "Not a valid domain: {{list}}",
    other: "Not valid domains: {{list}}",
  },
  tooManyDomains: {
    one: "At most {{max}} domains. Remove {{count}}.",
    other: "At most {{max}} domains. Remove {{count}}.",
  },
  expiryLabel: "Expires after (optional)",
  expiryHint: "The link stops working after this day. Leave empty to keep it open.",
  expiryPast: "Choose a day after today.",
  maxJoinsLabel: "Join limit (optional)",
  maxJoinsHint: "How many people can join with this link. Leave empty for no limit.",
  maxJoinsInvalid: "Enter a whole number from 1.",
  joins: {
    one: "{{count}} person joined with this link",
    other: "{{count}} people joined with this link",
  },
  joinsOfMax: {
    one: "{{count}} of {{max}} joined with this link",
    other: "{{count}} of {{max}} joined with this link",
  },
  save: "Save changes",
  saving: "Saving…",
  saved: "Saved",
  discard: "Discard",
  enabledAnnouncement: "Invite link turned on.",
  disabledAnnouncement: "Invite link turned off. Nobody can join with it now.",
  regenerate: "Revoke & generate new link",
  regenerateTitle: "Revoke this link and generate a new one?",
  regenerateDescription:
    "The current link stops working at once for everyone who has it. This can't be undone.",
  regenerateConfirm: "Revoke & generate",
  regenerated: "New link generated. The old link no longer works.",
};
