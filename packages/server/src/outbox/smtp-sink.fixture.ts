// An SMTP server for the outbox's delivery tests and the drain bench (not a test itself):
// smtp-server in this process, on a port that stays the same across stop and start, so a
// test can take it away (connections refused) and bring it back. It records every message
// it accepts; with `parse` (the default) each is parsed with mailparser.
import type { AddressInfo } from "node:net";
import type { ParsedMail } from "mailparser";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One message the sink accepted. */
export interface SinkMessage {
  /** The Message-ID header, with its angle brackets. */
  messageId: string;
  /** Envelope recipients (RCPT TO). */
  to: string[];
  /** The parsed message, when the sink parses. */
  mail: ParsedMail | null;
  /** When its data had arrived (`Date.now()`), before the sink answered it. */
  at: number;
}

export interface SmtpSinkOptions {
  /** Parse each message with mailparser. @default true */
  parse?: boolean;
  /** A reason makes the server refuse this recipient with `550 <reason>`. */
  refuse?: (address: string) => string | null;
  /** Waits this long after the message's data before answering it. @default 0 */
  dataDelayMs?: number;
}

export interface SmtpSink {
  readonly port: number;
  /** `smtp://127.0.0.1:<port>`, for `createSmtpMailer`. */
  readonly url: string;
  readonly received: SinkMessage[];
  /** Messages whose data arrived, answered or not yet (a sender may die waiting). */
  readonly arrived: number;
  /** Stops listening; open connections get `421` at once. Connections are then refused. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** The Message-ID header of a raw message (headers end at the first empty line). */
function messageIdOf(raw: Buffer): string {
  const end = raw.indexOf("\r\n\r\n");
  const head = raw.subarray(0, end === -1 ? raw.length : end).toString("latin1");
  return /^message-id:\s*(<[^>\r\n]*>)/im.exec(head)?.[1] ?? "";
}

/**
 * Starts a sink; `port` 0 (the default) takes a free one, which every later `start` reuses.
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}, port = 0): Promise<SmtpSink> {
  const received: SinkMessage[] = [];
  const parse = options.parse ?? true;
  let server: SMTPServer | null = null;
  let bound = port;
  let arrived = 0;

  function create(): SMTPServer {
    return new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      closeTimeout: 1,
      onRcptTo(address, _session, callback) {
        const reason = options.refuse?.(address.address) ?? null;
        callback(reason === null ? undefined : smtpError(550, reason));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          arrived += 1;
          const at = Date.now();
          const raw = Buffer.concat(chunks);
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          const answer = async () => {
            const mail = parse ? await simpleParser(raw) : null;
            if (options.dataDelayMs) {
              await new Promise((resolve) => setTimeout(resolve, options.dataDelayMs));
            }
            // Recorded when accepted: a message whose answer never left was not delivered.
            received.push({ messageId: mail?.messageId ?? messageIdOf(raw), to, mail, at });
          };
          answer().then(() => callback(), callback);
        });
      },
    });
  }

  const sink: SmtpSink = {
    get port() {
      return bound;
    },
    get url() {
      return `smtp://127.0.0.1:${bound}`;
    },
    received,
    get arrived() {
      return arrived;
    },
    async start() {
      if (server) return;
      const next = create();
      await new Promise<void>((resolve, reject) => {
        next.server.once("error", reject);
        next.listen(bound, "127.0.0.1", () => resolve());
      });
      // A client that dies mid-session (the crash test kills them) resets its connection.
      next.on("error", () => {});
      next.server.on("connection", (socket) => socket.setNoDelay(true));
      bound = (next.server.address() as AddressInfo).port;
      server = next;
    },
    async stop() {
      const current = server;
      server = null;
      if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
  };
  await sink.start();
  return sink;
}
