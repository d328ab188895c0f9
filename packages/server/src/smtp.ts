// A Mailer over a real SMTP server (R-EML-03), built on nodemailer. Node only.
import { createTransport } from "nodemailer";
import { headerName, oneLine } from "./mail/headers.ts";
import { PermanentMailError } from "./outbox/dispatcher.ts";
import type { Mailer, MailMessage } from "./types.ts";

export { PermanentMailError } from "./outbox/dispatcher.ts";

/** Options of `createSmtpMailer`. */
export interface SmtpMailerOptions {
  /**
   * The server as a connection URL: `smtp://user:pass@host:587` (STARTTLS when offered) or
   * `smtps://user:pass@host:465` (TLS from the start). Query parameters are nodemailer's.
   */
  url: string;
  /** The From header, e.g. `Acme <no-reply@acme.test>`. */
  from: string;
  /**
   * Right-hand side of the Message-ID (`<outbox-id@domain>`).
   * @default the domain of the `from` address
   */
  messageIdDomain?: string;
  /** Connections kept open to the server at most. @default 4 (the dispatcher's concurrency) */
  maxConnections?: number;
  /**
   * Longest wait for the connection, the greeting and each socket read, so a hung server
   * fails the attempt (to be retried) well within the dispatcher's lease. @default 15000
   */
  timeoutMs?: number;
}

/** A send that may succeed later: an SMTP 4xx reply, or no usable connection. */
export class TransientMailError extends Error {
  override readonly name = "TransientMailError";
  /** The server's reply code, when it answered. */
  readonly responseCode: number | undefined;
  constructor(message: string, options: { cause: unknown; responseCode?: number | undefined }) {
    super(message, { cause: options.cause });
    this.responseCode = options.responseCode;
  }
}

/** An SMTP Mailer; `close` ends its pooled connections (call it on shutdown). */
export interface SmtpMailer extends Mailer {
  /** Connects and authenticates once; rejects with the reason when that fails. */
  verify(): Promise<void>;
  close(): void;
}

function domainOf(from: string): string {
  const match = /@([^\s>@]+)>?\s*$/.exec(from);
  return match?.[1] ?? "foyer.invalid";
}

/** The id as a Message-ID local part: only atext characters, so no header can be forged. */
function messageIdPart(id: string): string {
  return id.replace(/[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]/g, "-");
}

/**
 * Maps nodemailer's error to the dispatcher's contract (R-EML-02): a 5xx reply fails the
 * email for good (`PermanentMailError`), as does an address nodemailer cannot use; a 4xx
 * reply, a refused or dropped connection, a timeout or a failed login is retried with
 * back-off (`TransientMailError`). A login failure is retried, not final: it is the
 * sender's configuration, and every queued email would otherwise fail with it.
 */
function mapError(error: unknown): Error {
  const code: unknown = typeof error === "object" && error ? Reflect.get(error, "code") : null;
  const responseCode: unknown =
    typeof error === "object" && error ? Reflect.get(error, "responseCode") : null;
  const text = oneLine(error instanceof Error ? error.message : String(error));
  if (code !== "EAUTH") {
    if (typeof responseCode === "number" && responseCode >= 500 && responseCode < 600) {
      return new PermanentMailError(text, { cause: error });
    }
    if (typeof responseCode !== "number" && code === "EENVELOPE") {
      return new PermanentMailError(text, { cause: error });
    }
  }
  return new TransientMailError(text, {
    cause: error,
    responseCode: typeof responseCode === "number" ? responseCode : undefined,
  });
}

/**
 * R-EML-03: a Mailer that delivers over SMTP through a small connection pool. Each message
 * goes out with an HTML and a text part and a Message-ID made from its outbox id, so a
 * retried send of the same email carries the same Message-ID (R-EML-05). Header values are
 * put on one line first (R-EML-04). Errors follow the dispatcher's contract: SMTP 5xx
 * throws `PermanentMailError`, anything else `TransientMailError` (retried).
 * @example createFoyer({ …, mailer: createSmtpMailer({ url: process.env.SMTP_URL, from: "Acme <no-reply@acme.test>" }) })
 */
export function createSmtpMailer(options: SmtpMailerOptions): SmtpMailer {
  const from = oneLine(options.from);
  const domain = messageIdPart(options.messageIdDomain ?? domainOf(from));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const transport = createTransport({
    url: options.url,
    pool: true,
    maxConnections: Math.max(1, options.maxConnections ?? 4),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(message: MailMessage): Promise<void> {
      const mail = {
        from,
        to: oneLine(message.to),
        subject: headerName(message.subject) ?? "",
        text: message.text,
        html: message.html,
        ...(message.id ? { messageId: `<${messageIdPart(message.id)}@${domain}>` } : {}),
      };
      try {
        await transport.sendMail(mail);
      } catch (error) {
        throw mapError(error);
      }
    },
    async verify(): Promise<void> {
      try {
        await transport.verify();
      } catch (error) {
        throw mapError(error);
      }
    },
    close(): void {
      transport.close();
    },
  };
}
