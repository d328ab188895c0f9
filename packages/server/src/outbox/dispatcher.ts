import { oneLine } from "../mail/headers.ts";
import type { AuditRow, InvitationRow, OutboxRow, Store, StoreTx } from "../store/types.ts";
import type { Logger, Mailer, MailMessage } from "../types.ts";

/** What to do with a claimed email at send time: send this message, or cancel it. */
export type Composed = { message: MailMessage } | { cancel: string };

/**
 * What the emails of one dispatcher round share: each value is loaded once per round (by
 * the first email that asks, in its transaction) and reused by the others, so a round of
 * fifty emails to one tenant reads the tenant and the roles once. A load that fails is
 * forgotten, so the next email loads it again.
 */
export interface RoundCache {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/** A cache that lives as long as one round. */
export function createRoundCache(): RoundCache {
  const values = new Map<string, Promise<unknown>>();
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const known = values.get(key) as Promise<T> | undefined;
      if (known) return known;
      const loading = load();
      values.set(key, loading);
      loading.catch(() => values.delete(key));
      return loading;
    },
  };
}

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
 * Writes a final outcome into the delivery transaction (the audit trail, R-EML-02) and
 * answers the rows to hand to `emit` once that transaction committed.
 */
export type RecordDelivery = (
  tx: StoreTx,
  email: OutboxRow,
  invitation: InvitationRow | null,
  outcome: DeliveryOutcome,
) => Promise<AuditRow[]>;

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

/**
 * Creates the outbox dispatcher (R-EML-05). A round leases due emails in one statement that
 * locks outbox rows only and skips what another instance holds. Each email is then
 * delivered in a transaction of its own that locks its invitation first and the email
 * second, the order every other path (revoke, resend, replace, accept, expiry) uses too,
 * so no two transactions ever wait on each other in a cycle. Under those locks the email is
 * checked again (a revoke that came first has cancelled it), composed, sent, and its status
 * written with the invitation's; a revoke that comes during the send waits for it and then
 * finds the email sent. A crash mid-send rolls the transaction back: the lease runs out and
 * another instance sends the email again under the same Message-ID.
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

  /** Delivers one claimed email; answers whether a send was attempted and what it recorded. */
  function deliver(
    claimed: OutboxRow,
    cache: RoundCache,
  ): Promise<{ attempted: boolean; events: AuditRow[] }> {
    const skipped = { attempted: false, events: [] };
    return store.transaction(async (tx) => {
      const invitation = claimed.invitationId
        ? await tx.lockInvitation(claimed.invitationId)
        : null;
      const email = await tx.lockEmail(claimed.id);
      if (email?.status !== "queued") return skipped;
      const composed = await compose(tx, email, invitation, cache);
      if ("cancel" in composed) {
        await tx.updateEmail(email.id, { status: "cancelled", lastError: composed.cancel });
        if (invitation && email.kind === "invitation" && invitation.deliveryStatus === "queued") {
          await tx.updateInvitation(invitation.id, {
            deliveryStatus: "cancelled",
            deliveryError: composed.cancel,
            deliveryUpdatedAt: now(),
          });
        }
        return skipped;
      }
      const attempts = email.attempts + 1;
      const attemptAt = now();
      // Reminders leave the invitation's status alone unless they fail for good.
      const tracks = invitation !== null && email.kind === "invitation";
      // Recorded after the try, so a failing record cannot pass for a failed send.
      let outcome: DeliveryOutcome | null = null;
      try {
        const { message } = composed;
        await mailer.send({
          ...message,
          to: oneLine(message.to),
          subject: oneLine(message.subject),
        });
        await tx.updateEmail(email.id, {
          status: "sent",
          attempts,
          sentAt: attemptAt,
          lastError: null,
          leaseUntil: null,
        });
        if (tracks) {
          await tx.updateInvitation(invitation.id, {
            deliveryStatus: "sent",
            deliveryError: null,
            deliveryUpdatedAt: attemptAt,
            deliveryAttempts: attempts,
            deliveryLastAttemptAt: attemptAt,
          });
        }
        outcome = { status: "sent", attempts, at: attemptAt, error: null };
      } catch (error) {
        const why = reason(error);
        const final =
          isPermanentFailure(error) ||
          attempts >= maxAttempts ||
          attemptAt.getTime() - email.createdAt.getTime() >= maxAgeMs;
        await tx.updateEmail(email.id, {
          status: final ? "failed" : "queued",
          attempts,
          lastError: why,
          nextAttemptAt: new Date(attemptAt.getTime() + delayFor(attempts)),
          leaseUntil: null,
        });
        if (tracks) {
          await tx.updateInvitation(invitation.id, {
            deliveryStatus: final ? "failed" : "queued",
            deliveryError: why,
            deliveryUpdatedAt: attemptAt,
            deliveryAttempts: attempts,
            deliveryLastAttemptAt: attemptAt,
          });
        }
        if (final) outcome = { status: "failed", attempts, at: attemptAt, error: why };
        logger.warn("email delivery failed", { outboxId: email.id, attempts, final });
      }
      const events =
        outcome && options.record ? await options.record(tx, email, invitation, outcome) : [];
      return { attempted: true, events };
    });
  }

  async function round(): Promise<number> {
    const at = now();
    const claimed = await store.claimDueEmails(at, batchSize, new Date(at.getTime() + leaseMs));
    const cache = createRoundCache();
    let attempted = 0;
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const email = claimed[next++]!;
        try {
          const { attempted: tried, events } = await deliver(email, cache);
          if (tried) attempted += 1;
          if (events.length > 0 && options.emit) await options.emit(events);
        } catch (error) {
          // The transaction rolled back; the lease runs out and a later round retries.
          logger.error("email delivery round failed", { outboxId: email.id, error: reason(error) });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
    if (options.onRound) await options.onRound();
    return attempted;
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
