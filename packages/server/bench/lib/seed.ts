import { randomBytes } from "node:crypto";
import type { Actor } from "@foyer/core";
import type { InvitationRow, Store, TokenRow } from "../../src/store/types.ts";
import { createRandom } from "./stats.ts";

const DAY = 86_400_000;
const HOUR = 3_600_000;

const FIRST = ["ada", "ben", "chloe", "dev", "emma", "farid", "grace", "hugo", "ines", "jon"];
const LAST = ["ng", "smith", "garcia", "kowalski", "okafor", "tanaka", "muller", "rossi"];
const DOMAINS = [
  "acme.example.com",
  "mail.example.org",
  "contractors.example.net",
  "example.co.uk",
  "partner.example.io",
];
/** Expiry presets in hours with their share of invitations. */
const EXPIRY_MIX: [hours: number, share: number][] = [
  [168, 0.7],
  [336, 0.1],
  [720, 0.1],
  [72, 0.05],
  [24, 0.05],
];

/** What a seeded set of invitations looks like (for the report). */
export interface SeedSummary {
  tenantId: string;
  rows: number;
  /** Stored status counts. */
  stored: Record<InvitationRow["status"], number>;
  /** Rows a `status=pending` list returns (stored pending and not expired at seed time). */
  livePending: number;
  /** Stored pending rows already past their expiry (read as expired). */
  pendingExpired: number;
  spanDays: number;
  ms: number;
}

/** Options of `seedInvitations`. */
export interface SeedOptions {
  tenantId: string;
  count: number;
  /** Roles to spread the rows over (first one most often). */
  roleIds: [string, ...string[]];
  invitedBy: Actor;
  now: Date;
  /** Days over which `sentAt` is spread (uniformly) back from `now`. */
  spanDays?: number;
  /** Rows per `insertInvitations` call. */
  chunkSize?: number;
  seed?: number;
  /**
   * Stored status of lapsed rows whose expiry the sweep recorded. Today's sweep
   * (`recordExpirations`) leaves them `pending`; `expired` shows a sweep that settles them.
   */
  sweptStatus?: "pending" | "expired";
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

function expiryHours(random: () => number): number {
  let roll = random();
  for (const [hours, share] of EXPIRY_MIX) {
    if (roll < share) return hours;
    roll -= share;
  }
  return 168;
}

/** One invitation row and its token, in a realistic state for its age. */
function makeRow(
  index: number,
  random: () => number,
  options: SeedOptions,
  spanDays: number,
): { row: InvitationRow; token: TokenRow } {
  const now = options.now.getTime();
  const sentAt = new Date(now - random() * spanDays * DAY);
  const expiresAt = new Date(sentAt.getTime() + expiryHours(random) * HOUR);
  const live = expiresAt.getTime() > now;
  const resendCount = random() < 0.1 ? 1 + Math.floor(random() * 2) : 0;
  const createdAt = new Date(sentAt.getTime() - resendCount * (1 + random() * 6) * DAY);
  const roll = random();
  let status: InvitationRow["status"];
  if (live) status = roll < 0.7 ? "pending" : roll < 0.95 ? "accepted" : "revoked";
  else if (roll < 0.55) status = "accepted";
  else if (roll < 0.63) status = "revoked";
  else if (roll < 0.95) status = options.sweptStatus ?? "pending";
  else status = "expired";
  const window = Math.max(HOUR, Math.min(expiresAt.getTime(), now) - sentAt.getTime());
  const settledAt = new Date(sentAt.getTime() + random() * window);
  const acceptedAt = status === "accepted" ? settledAt : null;
  const revokedAt = status === "revoked" ? settledAt : null;
  const expiredRecordedAt =
    status === "expired" || (status === "pending" && !live)
      ? new Date(expiresAt.getTime() + random() * HOUR)
      : null;
  const deliveryRoll = random();
  const link = deliveryRoll < 0.08;
  const recent = now - sentAt.getTime() < 10 * 60_000;
  const deliveryStatus: InvitationRow["deliveryStatus"] = link
    ? "none"
    : recent
      ? "queued"
      : deliveryRoll > 0.98
        ? "failed"
        : "sent";
  const first = pick(random, FIRST);
  const last = pick(random, LAST);
  const roleIndex = random() < 0.85 ? 0 : 1 + Math.floor(random() * (options.roleIds.length - 1));
  const roleId = options.roleIds[roleIndex] ?? options.roleIds[0];
  const id = crypto.randomUUID();
  const row: InvitationRow = {
    id,
    tenantId: options.tenantId,
    // Unique per tenant: the pending partial unique index allows one pending row per address.
    email: `${first}.${last}.${index}@${pick(random, DOMAINS)}`,
    name: random() < 0.3 ? `${first} ${last}` : null,
    roleId,
    department: random() < 0.2 ? pick(random, ["Sales", "Support", "Finance", "IT"]) : null,
    teams: random() < 0.1 ? [pick(random, ["north", "south", "east", "west"])] : [],
    message: random() < 0.15 ? "Welcome aboard! Join us on the portal." : null,
    status,
    invitedById: options.invitedBy.id,
    invitedByEmail: options.invitedBy.email,
    invitedByName: options.invitedBy.name,
    createdAt,
    sentAt,
    expiresAt,
    deliveryAttempts: deliveryStatus === "none" ? 0 : 1,
    deliveryLastAttemptAt: deliveryStatus === "none" || deliveryStatus === "queued" ? null : sentAt,
    acceptedAt,
    acceptedUserId: acceptedAt ? crypto.randomUUID() : null,
    revokedAt,
    revokedById: revokedAt ? options.invitedBy.id : null,
    revokedByEmail: revokedAt ? options.invitedBy.email : null,
    revokedByName: revokedAt ? options.invitedBy.name : null,
    resendCount,
    deliveryStatus,
    deliveryError: deliveryStatus === "failed" ? "550 mailbox unavailable" : null,
    deliveryUpdatedAt: deliveryStatus === "none" ? null : new Date(sentAt.getTime() + 2_000),
    reminderSentAt: null,
    expiredRecordedAt,
    tokenKid: null,
    tokenGeneration: 0,
  };
  const token: TokenRow = {
    hash: randomBytes(32).toString("hex"),
    invitationId: id,
    createdAt: sentAt,
    supersededAt: acceptedAt ?? revokedAt,
  };
  return { row, token };
}

/**
 * Bulk-inserts `count` invitations (and one token each) through the store's own
 * `insertInvitations` / `insertTokens`, in chunks: far faster than batch requests, and the
 * rows cover every state a year of use leaves behind.
 */
export async function seedInvitations(store: Store, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const random = createRandom(options.seed ?? 42);
  const spanDays = options.spanDays ?? 365;
  const chunkSize = options.chunkSize ?? 5_000;
  const now = options.now.getTime();
  const summary: SeedSummary = {
    tenantId: options.tenantId,
    rows: options.count,
    stored: { pending: 0, accepted: 0, expired: 0, revoked: 0 },
    livePending: 0,
    pendingExpired: 0,
    spanDays,
    ms: 0,
  };
  for (let start = 0; start < options.count; start += chunkSize) {
    const rows: InvitationRow[] = [];
    const tokens: TokenRow[] = [];
    for (let index = start; index < Math.min(options.count, start + chunkSize); index += 1) {
      const { row, token } = makeRow(index, random, options, spanDays);
      rows.push(row);
      tokens.push(token);
      summary.stored[row.status] += 1;
      if (row.status === "pending") {
        if (row.expiresAt.getTime() > now) summary.livePending += 1;
        else summary.pendingExpired += 1;
      }
    }
    await store.insertInvitations(rows);
    await store.insertTokens(tokens);
  }
  summary.ms = performance.now() - started;
  return summary;
}
