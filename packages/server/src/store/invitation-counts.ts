import type { InvitationCounts, StoredInvitationStatus } from "@foyer/core";

// R-INV-09: what every store's counters share. A store keeps one total per (tenant, stored
// status), changed with every insert and status change; the tabs follow from those totals
// and the few rows still stored as pending past their expiry (until the expiry sweep
// settles them), so counting never reads every invitation.

export const STORED_STATUSES: readonly StoredInvitationStatus[] = [
  "pending",
  "accepted",
  "expired",
  "revoked",
];

/** Stored totals per status of some tenants, and how many pending rows lapsed by `now`. */
export interface StoredCounts {
  stored: Record<StoredInvitationStatus, number>;
  /** Rows still stored as pending whose expiry passed (the sweep has not settled them yet). */
  lapsed: number;
}

/** The tab counts (R-INV-06: a pending row past its expiry counts as expired). */
export function tabCounts({ stored, lapsed }: StoredCounts): InvitationCounts {
  const pending = stored.pending - lapsed;
  const all = stored.pending + stored.accepted + stored.expired + stored.revoked;
  return {
    pending,
    accepted: stored.accepted,
    revoked: stored.revoked,
    expired: stored.expired + lapsed,
    history: all - pending,
    all,
  };
}
