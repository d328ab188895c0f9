import type { Store } from "../store/types.ts";
import type { Logger, Mailer } from "../types.ts";

/** Options of the outbox dispatcher. */
export interface DispatcherOptions {
  store: Store;
  mailer: Mailer;
  logger: Logger;
  now: () => Date;
  /** Emails claimed per round. @default 50 */
  batchSize?: number;
  /** Attempts before an email is marked failed for good. @default 8 */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt, capped at one hour. @default 30000 */
  baseDelayMs?: number;
  /** Called every round after delivery, e.g. to record expirations. */
  onRound?: () => Promise<unknown>;
}

/** Drains the transactional outbox into a Mailer (R-EML-02). */
export interface Dispatcher {
  /** Delivers what is due now; answers how many emails were attempted. */
  runOnce(): Promise<number>;
  /** Runs `runOnce` every `intervalMs` until `stop`. @default 1000 */
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 500);
}

/**
 * Creates the outbox dispatcher. Each round claims due emails with `FOR UPDATE SKIP LOCKED`
 * (several instances share the work without sending twice), sends them, and records the
 * delivery status per email and per invitation; failures retry with exponential back-off.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { store, mailer, logger, now } = options;
  const batchSize = options.batchSize ?? 50;
  const maxAttempts = options.maxAttempts ?? 8;
  const baseDelayMs = options.baseDelayMs ?? 30_000;
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<number> | null = null;

  async function round(): Promise<number> {
    const attempted = await store.transaction(async (tx) => {
      const at = now();
      const due = await tx.claimDueEmails(at, batchSize);
      for (const email of due) {
        const attempts = email.attempts + 1;
        try {
          await mailer.send({
            id: email.id,
            to: email.to,
            subject: email.subject,
            html: email.html,
            text: email.text,
          });
          const sentAt = now();
          await tx.updateEmail(email.id, { status: "sent", attempts, sentAt, lastError: null });
          if (email.invitationId) {
            await tx.updateInvitation(email.invitationId, {
              deliveryStatus: "sent",
              deliveryError: null,
              deliveryUpdatedAt: sentAt,
            });
          }
        } catch (error) {
          const final = attempts >= maxAttempts;
          const delay = Math.min(baseDelayMs * 2 ** (attempts - 1), 3_600_000);
          await tx.updateEmail(email.id, {
            status: final ? "failed" : "queued",
            attempts,
            lastError: reason(error),
            nextAttemptAt: new Date(at.getTime() + delay),
          });
          if (email.invitationId) {
            await tx.updateInvitation(email.invitationId, {
              deliveryStatus: final ? "failed" : "queued",
              deliveryError: reason(error),
              deliveryUpdatedAt: now(),
            });
          }
          logger.warn("email delivery failed", { outboxId: email.id, attempts, final });
        }
      }
      return due.length;
    });
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
