import { type Actor, type DeliveryStatus, emailKey, type InvitationStatus } from "@foyer/core";
import {
  type AuditRow,
  type InvitationRow,
  type NewInvitationRowInit,
  newInvitationRow,
} from "@foyer/server/store";

// Not exported from the package: row builders the scenarios use to seed the store in bulk.
// They fill every column the way the services write it, so what the real handler reads back
// from a seeded row is what it would read from one it created itself.

/** One hour in milliseconds. */
export const HOUR = 3_600_000;
/** One day in milliseconds. */
export const DAY = 24 * HOUR;

/**
 * A stored invitation as the services leave one that was sent by email and delivered:
 * `newInvitationRow`'s defaults, with delivery `sent` at `sentAt` unless given, and the
 * address in core's `emailKey` form, as the services store it.
 */
export function invitationRow(init: NewInvitationRowInit, inviter: Actor | null): InvitationRow {
  return newInvitationRow(
    {
      deliveryStatus: "sent",
      deliveryUpdatedAt: init.sentAt,
      ...init,
      email: emailKey(init.email),
    },
    inviter,
  );
}

/** The audit record the services write when they create an invitation. */
export function createdEvent(row: InvitationRow, id: string): AuditRow {
  return {
    id,
    tenantId: row.tenantId,
    invitationId: row.id,
    action: "created",
    source: row.deliveryStatus === "none" ? "manual" : "email_invitation",
    actorId: row.invitedById,
    actorEmail: row.invitedByEmail,
    actorName: row.invitedByName,
    subjectEmail: row.email,
    at: row.sentAt,
    data: { roleId: row.roleId },
  };
}

/**
 * The audit trail the services would have written for a seeded row: `created`, then
 * `accepted` or `revoked` where the row reached that state (R-INV-14).
 */
export function eventsFor(row: InvitationRow): AuditRow[] {
  const events = [createdEvent(row, `${row.id}-created`)];
  if (row.status === "accepted" && row.acceptedAt) {
    events.push({
      id: `${row.id}-accepted`,
      tenantId: row.tenantId,
      invitationId: row.id,
      action: "accepted",
      source: "email_invitation",
      actorId: row.acceptedUserId,
      actorEmail: row.email,
      actorName: row.name,
      subjectEmail: row.email,
      at: row.acceptedAt,
      data: { roleId: row.roleId, userId: row.acceptedUserId },
    });
  }
  if (row.status === "revoked" && row.revokedAt) {
    events.push({
      id: `${row.id}-revoked`,
      tenantId: row.tenantId,
      invitationId: row.id,
      action: "revoked",
      source: "manual",
      actorId: row.revokedById,
      actorEmail: row.revokedByEmail,
      actorName: row.revokedByName,
      subjectEmail: row.email,
      at: row.revokedAt,
      data: {},
    });
  }
  return events;
}

/** A small deterministic PRNG (mulberry32), so "busy" looks the same on every load. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FIRST = [
  "ada",
  "grace",
  "alan",
  "edsger",
  "barbara",
  "ken",
  "margaret",
  "linus",
  "radia",
  "donald",
  "frances",
  "john",
  "hedy",
  "tim",
  "katherine",
  "dennis",
  "sophie",
  "niklaus",
  "anita",
  "guido",
];
const LAST = [
  "lovelace",
  "hopper",
  "turing",
  "dijkstra",
  "liskov",
  "thompson",
  "hamilton",
  "torvalds",
  "perlman",
  "knuth",
  "allen",
  "backus",
  "lamarr",
  "berners-lee",
  "johnson",
  "ritchie",
  "wilson",
  "wirth",
  "borg",
  "van-rossum",
];
const DOMAINS = ["acme.example.com", "mail.example.org", "contractors.example.net", "example.io"];
const DEPARTMENTS = ["Engineering", "Sales", "Support", "Finance", "Operations"];
const TEAMS = ["Blue", "Green", "Night shift", "On-call", "EMEA", "APAC"];
const MESSAGES = [
  "Welcome aboard! Your manager will reach out on day one.",
  "Here is your access to the support portal.",
];

/** What `generateInvitations` spreads the rows over. */
export interface InvitationMix {
  tenantId: string;
  count: number;
  roleIds: string[];
  inviters: Actor[];
  now: Date;
  seed: number;
  /** Distinguishes addresses when several batches go into one tenant. */
  prefix: string;
}

const pick = <T>(items: readonly T[], random: () => number): T =>
  items[Math.floor(random() * items.length)]!;

/**
 * Rows in every state (pending, accepted, expired, revoked; about 40/30/15/15), with varied
 * roles, inviters and delivery statuses, sent over the last 90 days. Built in memory and
 * inserted with one `insertInvitations` call by the caller.
 */
export function generateInvitations(mix: InvitationMix): InvitationRow[] {
  const random = seededRandom(mix.seed);
  const now = mix.now.getTime();
  const rows: InvitationRow[] = [];
  for (let i = 0; i < mix.count; i++) {
    const roll = random();
    const status: InvitationStatus =
      roll < 0.4 ? "pending" : roll < 0.7 ? "accepted" : roll < 0.85 ? "expired" : "revoked";
    const first = pick(FIRST, random);
    const last = pick(LAST, random);
    const email = `${first}.${last}.${mix.prefix}${i}@${pick(DOMAINS, random)}`;
    const inviter = pick(mix.inviters, random);
    const validity = pick([7, 7, 7, 14, 30], random) * DAY;
    // Pending rows must still be valid now; expired ones ran out; the rest any time.
    const sentAt = new Date(
      status === "pending"
        ? now - random() * (validity - HOUR)
        : status === "expired"
          ? now - validity - HOUR - random() * 60 * DAY
          : now - random() * 90 * DAY,
    );
    const expiresAt = new Date(sentAt.getTime() + validity);
    const deliveryRoll = random();
    const delivery: DeliveryStatus =
      deliveryRoll < 0.05
        ? "none"
        : deliveryRoll < 0.15
          ? "failed"
          : deliveryRoll < 0.25 && status === "pending"
            ? "queued"
            : "sent";
    const acceptedAt =
      status === "accepted" ? new Date(Math.min(now, sentAt.getTime() + random() * 3 * DAY)) : null;
    const revokedAt =
      status === "revoked" ? new Date(Math.min(now, sentAt.getTime() + random() * 5 * DAY)) : null;
    rows.push(
      invitationRow(
        {
          id: `${mix.prefix}inv-${String(i).padStart(5, "0")}`,
          tenantId: mix.tenantId,
          email,
          roleId: pick(mix.roleIds, random),
          sentAt,
          expiresAt,
          // Expired is derived from expiresAt (R-INV-06); the store keeps such rows pending.
          status: status === "expired" ? "pending" : status,
          name: random() < 0.5 ? `${capitalise(first)} ${capitalise(last)}` : null,
          department: random() < 0.4 ? pick(DEPARTMENTS, random) : null,
          teams: random() < 0.3 ? [pick(TEAMS, random)] : [],
          message: random() < 0.1 ? pick(MESSAGES, random) : null,
          resendCount: status === "accepted" ? 0 : Math.floor(random() * 3),
          deliveryStatus: delivery,
          deliveryError: delivery === "failed" ? "550 5.1.1 Mailbox unavailable" : null,
          deliveryUpdatedAt: delivery === "none" ? null : sentAt,
          acceptedAt,
          acceptedUserId: acceptedAt ? `user-${mix.prefix}${i}` : null,
          revokedAt,
          revokedById: revokedAt ? inviter.id : null,
          revokedByEmail: revokedAt ? inviter.email : null,
          revokedByName: revokedAt ? inviter.name : null,
        },
        inviter,
      ),
    );
  }
  return rows;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
