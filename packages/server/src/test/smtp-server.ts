import type { AddressInfo } from "node:net";
import type { ParsedMail } from "mailparser";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

// A real SMTP server for tests (smtp-server), parsing what arrives with mailparser.

/** A message the test server accepted. */
export interface Received {
  mail: ParsedMail;
  envelopeFrom: string;
  envelopeTo: string[];
}

/** The reply a test server gives: accept, or refuse at RCPT TO or after DATA. */
export type Behaviour = "accept" | { rcpt: number } | { data: number };

function smtpError(code: number): Error {
  return Object.assign(new Error(code >= 500 ? "mailbox unavailable" : "try again later"), {
    responseCode: code,
  });
}

/** A running test server; `close` stops it. */
export interface TestSmtpServer {
  port: number;
  received: Received[];
  close(): Promise<void>;
}

/** Starts an SMTP server on a free local port. */
export async function startSmtpServer(behaviour: Behaviour = "accept"): Promise<TestSmtpServer> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (typeof behaviour === "object" && "rcpt" in behaviour) {
        callback(smtpError(behaviour.rcpt));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (typeof behaviour === "object" && "data" in behaviour) {
          callback(smtpError(behaviour.data));
          return;
        }
        void simpleParser(Buffer.concat(chunks)).then((mail) => {
          const envelopeFrom = session.envelope.mailFrom;
          received.push({
            mail,
            envelopeFrom: envelopeFrom ? envelopeFrom.address : "",
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
