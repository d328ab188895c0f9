import { oneLine } from "../mail/headers.ts";
import type { AuditRow, InvitationRow, OutboxRow, Store, StoreTx } from "../store/types.ts";
import type { Logger, Mailer, MailMessage } from "../types.ts";
import { createRoundCache, type RoundCache } from "./round-cache.ts";
import { deliveryState, type Settled } from "./settled.ts";

export type { RoundCache } from "./round-cache.ts";

/** What to do with a claimed email at send time: send this message, or cancel it. */
export type Composed = { message: MailMessage } | { cancel: string };

/**
 * Builds the message of a claimed email at send time, inside the delivery transaction and
 * under the invitation's lock (`invitation` is null for emails without one); `round` holds
 * what the round's emails share (the tenant, the roles).
 */
export type ComposeEmail = (
  tx: StoreTx,
  email: OutboxRow,
  invitation: InvitationRow | null,
  round: RoundCache,
) => Promise<Composed>;

/** How a delivery attempt ended for good: sent, or failed with the server's reason. */
export interface DeliveryOutcome {
  status: "sent" | "failed";
  attempts: number;
  at: Date;
  error: string | null;
}

/**
 * The audit rows of a final outcome (R-EML-02): the dispatcher writes them in the delivery
 * transaction, with those of the other emails delivered in it, and hands them to `emit`
 * once that transaction committed.
 */
export type RecordDelivery = (
  email: OutboxRow,
  invitation: InvitationRow | null,
  outcome: DeliveryOutcome,
) => AuditRow[];

/** Options of the outbox dispatcher. */
export interface DispatcherOptions {
  store: Store;
  mailer: Mailer;
  logger: Logger;
  now: () => Date;
  /** Builds each message at send time. */
  compose: ComposeEmail;
  /** Emails claimed per round. @default 50 */
  batchSize?: number;
  /** Emails delivered at once per instance. @default 4 */
  concurrency?: number;
  /** Attempts before an email is marked failed for good. @default 8 */
  maxAttempts?: number;
  /** An email still failing this long after it was queued fails for good. @default 2 days */
  maxAgeMs?: number;
  /** First retry delay; doubles per attempt (with jitter), capped at one hour. @default 30000 */
  baseDelayMs?: number;
  /**
   * How long a claim holds; an instance that dies mid-round leaves its claims to others
   * after this. @default 120000
   */
  leaseMs?: number;
  /** Random number in [0, 1) for the jitter. @default Math.random */
  random?: () => number;
  /** Called every round after delivery, e.g. to record expirations. */
  onRound?: () => Promise<unknown>;
  /** Records each send and each final failure in the delivery transaction. */
  record?: RecordDelivery;
  /** Receives what `record` answered, after the commit (the host's `onEvent`). */
  emit?: (rows: AuditRow[]) => Promise<void>;
}

/** Drains the transactional outbox into a Mailer (R-EML-02, R-EML-05). */
export interface Dispatcher {
  /** Delivers what is due now; answers how many emails were attempted. */
  runOnce(): Promise<number>;
  /** Runs `runOnce` every `intervalMs` until `stop`. @default 1000 */
  start(intervalMs?: number): void;
  /** Stops the timer and waits for the round in flight (graceful shutdown). */
  stop(): Promise<void>;
}

/**
 * A delivery failure that retrying cannot fix (an SMTP 5xx, say). Throw it from a custom
 * Mailer to fail the email at once; SMTP errors with a 5xx `responseCode` count as one.
 */
export class PermanentMailError extends Error {
  override readonly name = "PermanentMailError";
}

function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/[\r\n]+/g, " ").slice(0, 500);
}

/** SMTP 5xx replies (nodemailer's `responseCode`) and `PermanentMailError` are final. */
export function isPermanentFailure(error: unknown): boolean {
  if (error instanceof PermanentMailError) return true;
  if (typeof error !== "object" || error === null) return false;
  const code: unknown = Reflect.get(error, "responseCode");
  return typeof code === "number" && code >= 500 && code < 600;
}

const MAX_DELAY_MS = 3_600_000;

/** What a delivery transaction did: sends attempted, audit rows, emails it settled. */
interface Delivered {
  attempted: number;
  events: AuditRow[];
  done: string[];
}

/**
 * Creates the outbox dispatcher (R-EML-05). A round leases due emails in one statement that
 * locks outbox rows only and skips what another instance holds, and splits them into
 * `concurrency` chunks delivered side by side. A chunk's transaction locks the invitations
 * of its emails and then the emails, without waiting (`lockDeliveries`, SKIP LOCKED), the
 * invitation-then-email order every other path (revoke, resend, replace, accept, expiry)
 * uses too; never waiting, it cannot close a cycle with the paths that lock one invitation
 * after another. Whatever it could not lock (held elsewhere, a second email of one
 * invitation, no invitation) is delivered after it, one email per transaction that waits
 * for the invitation's lock and then the email's. Under those locks each email is checked
 * again (a revoke that came first has cancelled it), composed, sent, and its status written
 * with the invitation's after the chunk's sends; a revoke that comes during the sends waits
 * for them and then finds the email sent. A crash mid-send rolls the transaction back: the
 * leases run out and another instance sends the emails again under the same Message-IDs.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { store, mailer, logger, now, compose } = options;
  const batchSize = options.batchSize ?? 50;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const maxAttempts = options.maxAttempts ?? 8;
  const maxAgeMs = options.maxAgeMs ?? 2 * 86_400_000;
  const baseDelayMs = options.baseDelayMs ?? 30_000;
  const leaseMs = options.leaseMs ?? 120_000;
  const random = options.random ?? Math.random;
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<number> | null = null;

  /** Exponential back-off with jitter: between half and all of base × 2^(attempts-1). */
  function delayFor(attempts: number): number {
    const ceiling = Math.min(baseDelayMs * 2 ** (attempts - 1), MAX_DELAY_MS);
    return Math.round(ceiling / 2 + (ceiling / 2) * random());
  }

  /** A composed email's cancellation, to write with the invitation's status. */
  function cancelled(email: OutboxRow, invitation: InvitationRow | null, why: string): Settled {
    const cancelsInvitation =
      invitation !== null && email.kind === "invitation" && invitation.deliveryStatus === "queued";
    return {
      email,
      invitation,
      emailPatch: { status: "cancelled", lastError: why },
      invitationPatch: cancelsInvitation
        ? { deliveryStatus: "cancelled", deliveryError: why, deliveryUpdatedAt: now() }
        : null,
      outcome: null,
      attempted: false,
    };
  }

  /** Sends a composed message; answers what to write, whether it went out or not. */
  async function send(
    email: OutboxRow,
    invitation: InvitationRow | null,
    message: MailMessage,
  ): Promise<Settled> {
    const attempts = email.attempts + 1;
    const attemptAt = now();
    // Reminders leave the invitation's status alone unless they fail for good.
    const tracks = invitation !== null && email.kind === "invitation";
    const delivery = (status: "sent" | "failed" | "queued", error: string | null) =>
      tracks
        ? {
            deliveryStatus: status,
            deliveryError: error,
            deliveryUpdatedAt: attemptAt,
            deliveryAttempts: attempts,
            deliveryLastAttemptAt: attemptAt,
          }
        : null;
    try {
      await mailer.send({ ...message, to: oneLine(message.to), subject: oneLine(message.subject) });
    } catch (error) {
      const why = reason(error);
      const final =
        isPermanentFailure(error) ||
        attempts >= maxAttempts ||
        attemptAt.getTime() - email.createdAt.getTime() >= maxAgeMs;
      logger.warn("email delivery failed", { outboxId: email.id, attempts, final });
      return {
        email,
        invitation,
        emailPatch: {
          status: final ? "failed" : "queued",
          attempts,
          lastError: why,
          nextAttemptAt: new Date(attemptAt.getTime() + delayFor(attempts)),
          leaseUntil: null,
        },
        invitationPatch: delivery(final ? "failed" : "queued", why),
        outcome: final ? { status: "failed", attempts, at: attemptAt, error: why } : null,
        attempted: true,
      };
    }
    return {
      email,
      invitation,
      emailPatch: {
        status: "sent",
        attempts,
        sentAt: attemptAt,
        lastError: null,
        leaseUntil: null,
      },
      invitationPatch: delivery("sent", null),
      outcome: { status: "sent", attempts, at: attemptAt, error: null },
      attempted: true,
    };
  }

  /** Checks a locked email again and composes it: null when it is no longer queued. */
  function prepare(
    tx: StoreTx,
    email: OutboxRow,
    invitation: InvitationRow | null,
    cache: RoundCache,
  ): Promise<Composed | null> {
    return email.status === "queued"
      ? compose(tx, email, invitation, cache)
      : Promise.resolve(null);
  }

  /** What a composed email comes to: its cancellation, or its send. */
  function settle(
    email: OutboxRow,
    invitation: InvitationRow | null,
    composed: Composed,
  ): Promise<Settled> {
    return "cancel" in composed
      ? Promise.resolve(cancelled(email, invitation, composed.cancel))
      : send(email, invitation, composed.message);
  }

  /**
   * Writes what the attempts decided: the emails' and invitations' delivery state in one
   * call, the audit rows in one insert; answers those rows.
   */
  async function write(tx: StoreTx, settled: Settled[]): Promise<AuditRow[]> {
    const { emails, invitations } = deliveryState(settled);
    const events = settled.flatMap(({ email, invitation, outcome }) =>
      outcome && options.record ? options.record(email, invitation, outcome) : [],
    );
    await tx.recordDeliveries(emails, invitations);
    if (events.length > 0) await tx.insertAuditEvents(events);
    return events;
  }

  /** Delivers one claimed email in a transaction of its own, waiting for its locks. */
  function deliverOne(claimed: OutboxRow, cache: RoundCache): Promise<Delivered> {
    return store.transaction(async (tx) => {
      const invitation = claimed.invitationId
        ? await tx.lockInvitation(claimed.invitationId)
        : null;
      const email = await tx.lockEmail(claimed.id);
      const composed = email ? await prepare(tx, email, invitation, cache) : null;
      if (!email || !composed) return { attempted: 0, events: [], done: [claimed.id] };
      const settled = await settle(email, invitation, composed);
      return {
        attempted: settled.attempted ? 1 : 0,
        events: await write(tx, [settled]),
        done: [claimed.id],
      };
    });
  }

  /**
   * Delivers the emails of a chunk it can lock without waiting (one per invitation) in one
   * transaction: every message is composed first, then they go out together over the
   * mailer's connections, and their statuses are written after. `sending` turns true once
   * the first message is handed to the mailer. What it could not lock is left to
   * `deliverOne`.
   */
  function deliverChunk(
    chunk: OutboxRow[],
    cache: RoundCache,
    progress: { sending: boolean },
  ): Promise<Delivered> {
    return store.transaction(async (tx) => {
      const invitations = new Set<string>();
      const locked = (await tx.lockDeliveries(chunk)).filter(({ invitation }) => {
        if (invitations.has(invitation.id)) return false;
        invitations.add(invitation.id);
        return true;
      });
      const composed = await Promise.allSettled(
        locked.map(({ email, invitation }) => prepare(tx, email, invitation, cache)),
      );
      const failed = composed.find((r) => r.status === "rejected");
      // Nothing went out yet: the round delivers the chunk's emails one by one instead.
      if (failed) throw failed.reason;
      progress.sending = true;
      const settled = await Promise.all(
        locked.flatMap(({ email, invitation }, index) => {
          const result = composed[index];
          return result?.status === "fulfilled" && result.value
            ? [settle(email, invitation, result.value)]
            : [];
        }),
      );
      return {
        attempted: settled.filter((s) => s.attempted).length,
        events: await write(tx, settled),
        done: locked.map(({ email }) => email.id),
      };
    });
  }

  /** Runs one delivery; a failure rolls its transaction back, and the lease runs out. */
  async function run(
    ids: string[],
    delivery: () => Promise<Delivered>,
  ): Promise<Delivered & { failed: boolean }> {
    try {
      const delivered = await delivery();
      if (delivered.events.length > 0 && options.emit) await options.emit(delivered.events);
      return { ...delivered, failed: false };
    } catch (error) {
      // The transaction rolled back; the lease runs out and a later round retries.
      logger.error("email delivery round failed", { outboxIds: ids, error: reason(error) });
      return { attempted: 0, events: [], done: ids, failed: true };
    }
  }

  async function round(): Promise<number> {
    const at = now();
    const claimed = await store.claimDueEmails(at, batchSize, new Date(at.getTime() + leaseMs));
    const cache = createRoundCache();
    const size = Math.ceil(claimed.length / concurrency);
    const chunks = Array.from({ length: Math.ceil(claimed.length / size) || 0 }, (_, i) =>
      claimed.slice(i * size, (i + 1) * size),
    );
    const counts = await Promise.all(
      chunks.map(async (chunk) => {
        const progress = { sending: false };
        const ids = chunk.map((email) => email.id);
        const together = await run(ids, () => deliverChunk(chunk, cache, progress));
        let attempted = together.attempted;
        // A chunk that failed before sending anything (an email that cannot be composed)
        // goes one email per transaction, so that email holds back no other; one that failed
        // after its sends waits for its leases, as a crash would.
        const done = new Set(together.failed && !progress.sending ? [] : together.done);
        for (const email of chunk.filter((e) => !done.has(e.id))) {
          attempted += (await run([email.id], () => deliverOne(email, cache))).attempted;
        }
        return attempted;
      }),
    );
    if (options.onRound) await options.onRound();
    return counts.reduce((sum, n) => sum + n, 0);
  }

  return {
    runOnce() {
      // One round at a time per instance; a caller during a round waits for it.
      running ??= round().finally(() => {
        running = null;
      });
      return running;
    },
    start(intervalMs = 1000) {
      if (timer) return;
      timer = setInterval(() => {
        this.runOnce().catch((error: unknown) =>
          logger.error("outbox round failed", { error: reason(error) }),
        );
      }, intervalMs);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      if (running) await running.catch(() => 0);
    },
  };
}
