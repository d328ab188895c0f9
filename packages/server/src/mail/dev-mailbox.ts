import type { Mailer, MailMessage } from "../types.ts";

/** A message the development mailbox received. */
export interface DevMailboxMessage extends MailMessage {
  id: string;
  sentAt: Date;
  /** Every http(s) link found in the text part. */
  links: string[];
}

/** A Mailer that keeps messages in memory, for development and tests (R-EML-03). */
export interface DevMailbox extends Mailer {
  /** Messages, newest first. */
  messages(): DevMailboxMessage[];
  /** The newest message to an address, if any. */
  latestTo(address: string): DevMailboxMessage | undefined;
  clear(): void;
}

/**
 * Creates a development mailbox.
 * @example const mailbox = createDevMailbox(); createFoyer({ …, mailer: mailbox });
 */
export function createDevMailbox(options: { limit?: number } = {}): DevMailbox {
  const limit = options.limit ?? 1000;
  let stored: DevMailboxMessage[] = [];
  let counter = 0;
  return {
    async send(message) {
      counter += 1;
      const links = [...message.text.matchAll(/https?:\/\/[^\s<>"')]+/g)].map((m) => m[0]);
      stored.unshift({ ...message, id: message.id ?? `dev-${counter}`, sentAt: new Date(), links });
      if (stored.length > limit) stored = stored.slice(0, limit);
    },
    messages: () => [...stored],
    latestTo: (address) => stored.find((m) => m.to.toLowerCase() === address.toLowerCase()),
    clear() {
      stored = [];
    },
  };
}
