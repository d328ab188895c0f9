// Why an address of a batch is not invited (R-INV-02), in the order people read them, with
// one English wording each. The server answers `message` from here, the components head their
// groups with `label` from here (other languages translate the label by reason), and both
// sort by `order`, so the dry run, the results and the browser's own checks read the same.
// zod-free, so browser code can use it without the schema library.

/** Every skip reason with its display position and its English wording. */
export const SKIP_REASONS = {
  invalid_email: {
    order: 0,
    label: "Invalid address",
    message: "This is not a valid email address.",
  },
  duplicate_in_batch: {
    order: 1,
    label: "Repeated in this list",
    message: "This address appears earlier in the list.",
  },
  already_pending: {
    order: 2,
    label: "Already pending",
    message: "An invitation to this address is already pending.",
  },
  already_member: {
    order: 3,
    label: "Already a member",
    message: "This address already belongs to a user.",
  },
  deactivated_user: {
    order: 4,
    label: "Deactivated user",
    message:
      "This address belongs to a deactivated user. Reactivate the user instead of inviting them.",
  },
  domain_not_allowed: {
    order: 5,
    label: "Domain not allowed",
    message: "This tenant does not allow invitations to this domain.",
  },
  seat_limit: {
    order: 6,
    label: "No seats left",
    message: "The tenant's seat limit is reached.",
  },
} as const satisfies Record<string, { order: number; label: string; message: string }>;

/** Why an address of a batch was not invited. */
export type SkipReason = keyof typeof SKIP_REASONS;

/** Every skip reason, in display order. */
export const skipReasons = (Object.keys(SKIP_REASONS) as SkipReason[]).sort(
  (a, b) => SKIP_REASONS[a].order - SKIP_REASONS[b].order,
);

/** Sorts skip reasons into display order (for `Array.prototype.sort`). */
export function compareSkipReasons(a: SkipReason, b: SkipReason): number {
  return SKIP_REASONS[a].order - SKIP_REASONS[b].order;
}

/** The English sentence that explains one skipped address, as the API answers it. */
export function skipMessage(reason: SkipReason): string {
  return SKIP_REASONS[reason].message;
}

/**
 * Groups skipped addresses by reason, reasons in display order, addresses in their order.
 * @example groupSkipped([{ reason: "seat_limit", email: "a@b.co", input: "a@b.co" }])
 */
export function groupSkipped<T extends { reason: SkipReason }>(
  skipped: readonly T[],
): Array<{ reason: SkipReason; entries: T[] }> {
  const groups = new Map<SkipReason, T[]>();
  for (const entry of skipped) {
    const list = groups.get(entry.reason);
    if (list) list.push(entry);
    else groups.set(entry.reason, [entry]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareSkipReasons(a, b))
    .map(([reason, entries]) => ({ reason, entries }));
}
