import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import type { ParsedMail } from "mailparser";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { isPermanentFailure } from "./outbox/dispatcher.ts";
import type { SmtpMailer } from "./smtp.ts";
import { createSmtpMailer, PermanentMailError, TransientMailError } from "./smtp.ts";

interface Received {
  mail: ParsedMail;
  envelopeFrom: string;
  envelopeTo: string[];
}

/** The reply a test server gives: accept, or refuse at RCPT TO or after DATA. */
type Behaviour = "accept" | { rcpt: number } | { data: number };

function smtpError(code: number): Error {
  return Object.assign(new Error(code >= 500 ? "mailbox unavailable" : "try again later"), {
    responseCode: code,
  });
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startServer(behaviour: Behaviour): Promise<{ port: number; received: Received[] }> {
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
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.server.address() as AddressInfo;
  return { port, received };
}

function mailer(port: number): SmtpMailer {
  const created = createSmtpMailer({
    url: `smtp://127.0.0.1:${port}`,
    from: "Acme Team <no-reply@acme.test>",
    timeoutMs: 5000,
  });
  cleanups.push(() => created.close());
  return created;
}

const message = {
  id: "0190c2a4-7d1e-7000-8000-000000000001",
  to: "ada@example.test",
  subject: "Grace invited you to Acme",
  html: "<p>Join <strong>Acme</strong></p>",
  text: "Join Acme",
};

describe("createSmtpMailer", () => {
  it("R-EML-03: a message arrives with its HTML and text parts, subject, From and To", async () => {
    const { port, received } = await startServer("accept");
    await mailer(port).send(message);
    expect(received).toHaveLength(1);
    const [first] = received;
    expect(first?.envelopeFrom).toBe("no-reply@acme.test");
    expect(first?.envelopeTo).toEqual(["ada@example.test"]);
    expect(first?.mail.subject).toBe("Grace invited you to Acme");
    expect(first?.mail.from?.value).toEqual([{ address: "no-reply@acme.test", name: "Acme Team" }]);
    expect(first?.mail.to).toMatchObject({
      value: [{ address: "ada@example.test" }],
    });
    expect(first?.mail.html).toBe("<p>Join <strong>Acme</strong></p>");
    expect(first?.mail.text?.trim()).toBe("Join Acme");
  });

  it("R-EML-04: CR/LF in the subject cannot add a header", async () => {
    const { port, received } = await startServer("accept");
    await mailer(port).send({
      ...message,
      subject: "Hello\r\nBcc: eve@evil.test",
    });
    const mail = received[0]?.mail;
    expect(mail?.subject).toBe("Hello Bcc: eve@evil.test");
    expect(mail?.bcc).toBeUndefined();
    expect(received[0]?.envelopeTo).toEqual(["ada@example.test"]);
  });

  it("R-EML-05: two sends of the same outbox email carry the same Message-ID", async () => {
    const { port, received } = await startServer("accept");
    const smtp = mailer(port);
    await smtp.send(message);
    await smtp.send(message);
    await smtp.send({ ...message, id: "0190c2a4-7d1e-7000-8000-000000000002" });
    expect(received.map((r) => r.mail.messageId)).toEqual([
      "<0190c2a4-7d1e-7000-8000-000000000001@acme.test>",
      "<0190c2a4-7d1e-7000-8000-000000000001@acme.test>",
      "<0190c2a4-7d1e-7000-8000-000000000002@acme.test>",
    ]);
  });

  it("R-EML-02: a 550 reply throws PermanentMailError, which the dispatcher treats as final", async () => {
    const { port, received } = await startServer({ rcpt: 550 });
    const error: unknown = await mailer(port)
      .send(message)
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(PermanentMailError);
    expect(isPermanentFailure(error)).toBe(true);
    expect(received).toHaveLength(0);
  });

  it("R-EML-02: a 451 reply throws a retryable error", async () => {
    const { port, received } = await startServer({ data: 451 });
    const error: unknown = await mailer(port)
      .send(message)
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(TransientMailError);
    expect(error).toMatchObject({ responseCode: 451 });
    expect(isPermanentFailure(error)).toBe(false);
    expect(received).toHaveLength(0);
  });

  it("R-EML-02: a refused connection throws a retryable error", async () => {
    // A port that was free a moment ago and has nothing listening now.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const error: unknown = await mailer(port)
      .send(message)
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(TransientMailError);
    expect(isPermanentFailure(error)).toBe(false);
  });
});
