// The drain bench's SMTP server in a worker thread of its own, as a mail server would run
// beside the application rather than on its event loop. Posts `{ url }` once listening;
// answers "ids" with the Message-IDs of what it accepted; "stop" closes it.
import { parentPort } from "node:worker_threads";
import { startSmtpSink } from "../../src/outbox/smtp-sink.fixture.ts";

const port = parentPort;
if (!port) throw new Error("sink-worker.ts runs in a worker thread");
const sink = await startSmtpSink({ parse: false });
port.on("message", (message: "ids" | "stop") => {
  if (message === "ids") port.postMessage({ ids: sink.received.map((m) => m.messageId) });
  else void sink.stop().then(() => port.close());
});
port.postMessage({ url: sink.url });
