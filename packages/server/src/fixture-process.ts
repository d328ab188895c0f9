// Starting a `*.fixture.ts` file in a process of its own, for the tests that need a second
// instance, a kill or a crash, and what such a process sets up alike (not part of the
// package). The child runs the TypeScript source through tsx, as the tests do.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { createTestPasswordHasher, TEST_TOKEN_SECRET } from "./fixtures.ts";
import { createSmtpMailer } from "./smtp.ts";
import type { Logger } from "./types.ts";

const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));

export interface FixtureProcess {
  child: ChildProcess;
  /** The match of the ready pattern in the child's standard output. */
  ready: RegExpExecArray;
  /** Everything the child wrote to stdout and stderr so far. */
  output(): string;
  /** What it wrote to stdout so far. */
  stdout(): string;
  /** What it wrote to stderr, chunk by chunk (a fixture's logger errors go there). */
  stderr: string[];
}

/**
 * Spawns `file` (relative to the package) with `env` added to this process's environment
 * and waits until its standard output matches `ready`. Rejects with everything it wrote if
 * it exits first or is not ready within `timeoutMs` (then it is killed).
 */
export async function startFixture(
  file: string,
  env: Record<string, string>,
  ready: RegExp,
  timeoutMs = 90_000,
): Promise<FixtureProcess> {
  const child = spawn(process.execPath, ["--conditions=@foyer/source", "--import", "tsx", file], {
    cwd: PACKAGE_DIR,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let stdout = "";
  const stderr: string[] = [];
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${file} not ready in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.stdout?.on("data", (data: Buffer) => {
      output += data.toString();
      stdout += data.toString();
      const found = ready.exec(stdout);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.stderr?.on("data", (data: Buffer) => {
      output += data.toString();
      stderr.push(data.toString());
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${file} exited with ${code}:\n${output}`));
    });
  });
  return { child, ready: match, output: () => output, stdout: () => stdout, stderr };
}

/** Sends `signal` unless the child has already ended, and resolves with its exit code. */
export async function stopFixture(
  child: ChildProcess,
  signal: NodeJS.Signals = "SIGTERM",
): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, "exit") as Promise<[number | null]>;
  child.kill(signal);
  return (await exited)[0];
}

// Inside a fixture process.

/** The mailer of a fixture process: SMTP to the server at SMTP_URL, from Acme's sender. */
export function fixtureMailer() {
  return createSmtpMailer({
    url: process.env.SMTP_URL ?? "",
    from: "Acme Team <no-reply@acme.test>",
    timeoutMs: 5000,
  });
}

/** A fixture process's logger: errors go to stderr, where its test reads them. */
export const fixtureLogger: Logger = {
  info() {},
  warn() {},
  error: (message, data) => process.stderr.write(`error: ${message} ${JSON.stringify(data)}\n`),
};

/** What every fixture server is made with: its public URL, secrets, hasher, mailer, logger. */
export function fixtureFoyerOptions(mailer: ReturnType<typeof fixtureMailer>) {
  return {
    publicBaseUrl: "https://app.example.com",
    passwordHasher: createTestPasswordHasher(),
    tokenSecrets: TEST_TOKEN_SECRET,
    mailer,
    logger: fixtureLogger,
  };
}
