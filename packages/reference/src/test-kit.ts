import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { expect } from "vitest";
import { createReferenceApp, type ReferenceApp, type ReferenceAppOptions } from "./app.ts";
import { SESSION_COOKIE } from "./sessions.ts";

// Shared by the reference app's test files (not part of the app): starts the app on an
// ephemeral port and speaks HTTP to it the way a browser or curl would.

/** A reference app listening on an ephemeral port. */
export interface RunningApp {
  reference: ReferenceApp;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** Stops listening and closes the app. */
  stop(): Promise<void>;
}

/**
 * Starts the reference app on 127.0.0.1 with an ephemeral port. With `devOidc`, the app's
 * public URL is that port's (the development provider's issuer and callback live on it).
 */
export async function startApp(
  options: Omit<ReferenceAppOptions, "publicBaseUrl" | "sessionSecret" | "tokenSecrets"> &
    Partial<Pick<ReferenceAppOptions, "publicBaseUrl" | "sessionSecret" | "tokenSecrets">>,
): Promise<RunningApp> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
    server.listen(0, "127.0.0.1");
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const reference = await createReferenceApp({
    publicBaseUrl: options.devOidc ? baseUrl : "http://localhost:3000",
    sessionSecret: "test-secret-of-the-reference-app",
    tokenSecrets: "token-secret-of-the-reference-app-tests",
    logger: { info() {}, warn() {}, error() {} },
    // The tests read what the app sends in the development mailbox unless they say otherwise.
    devMailbox: !options.mailer,
    ...options,
  }).catch((error: unknown) => {
    server.close();
    throw error;
  });
  server.on("request", reference.app);
  return {
    reference,
    baseUrl,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await reference.close();
    },
  };
}

export interface TestDatabase {
  /** The connection string of the new database. */
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates a fresh database on the server of `adminUrl` (FOYER_TEST_DATABASE_URL), so runs
 * never see each other's rows (a schema would not do: Kysely's migrator finds migration
 * tables of other schemas in the same database).
 */
export async function createTestDatabase(adminUrl: string, prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

/** A JSON answer. */
export interface JsonAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** Sends a request with an optional JSON body and cookie; parses a JSON answer. */
export async function call<T = unknown>(
  baseUrl: string,
  method: "GET" | "POST",
  path: string,
  options: { body?: unknown; cookie?: string | undefined; headers?: Record<string, string> } = {},
): Promise<JsonAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.cookie) headers.cookie = options.cookie;
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  return {
    status: response.status,
    headers: response.headers,
    body: (type.includes("json") && text.length > 0 ? JSON.parse(text) : text) as T,
  };
}

/** The session cookie (`name=value`) of a `Set-Cookie` answer, if there is one. */
export function sessionCookieFrom(headers: Headers): string | undefined {
  const header = headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return header?.split(";")[0];
}

/** Signs in through `POST /login` and answers the session cookie (`name=value`). */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const answer = await call(baseUrl, "POST", "/login", { body: { email, password } });
  const cookie = sessionCookieFrom(answer.headers);
  if (answer.status !== 200 || !cookie) {
    throw new Error(
      `Sign-in as ${email} answered ${answer.status}: ${JSON.stringify(answer.body)}`,
    );
  }
  return cookie;
}

/** A message of `GET /dev/mailbox`. */
export interface MailboxEntry {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  links: string[];
  sentAt: string;
}

/** The token in an invitation link's fragment (`…#token=…`). */
export function tokenFromLink(link: string): string {
  const token = new URLSearchParams(new URL(link).hash.slice(1)).get("token");
  if (!token) throw new Error(`No token in ${link}`);
  return token;
}

/** Who invites whom in `runInviteAcceptFlow`. */
export interface FlowInput {
  adminEmail: string;
  adminPassword: string;
  tenantId: string;
  roleId: string;
  inviteeEmail: string;
  /** Where the link must point (the tenant's invite base URL or the app's). */
  linkBase: string;
}

/**
 * R-INV-12, R-SDK-03: the whole flow through HTTP, as the README walks it with curl: sign in as
 * an admin, invite, find the email in the dev mailbox, take the token from the link's
 * fragment, preview, accept, sign in as the new user.
 */
export async function runInviteAcceptFlow(app: RunningApp, input: FlowInput) {
  const { baseUrl, reference } = app;
  const adminCookie = await signIn(baseUrl, input.adminEmail, input.adminPassword);

  const created = await call<{
    created: { email: string; link: string | null; invitation: { id: string; status: string } }[];
    skipped: unknown[];
  }>(baseUrl, "POST", "/api/foyer/invitations", {
    cookie: adminCookie,
    body: {
      tenantId: input.tenantId,
      emails: [input.inviteeEmail],
      roleId: input.roleId,
      message: "See you <b>inside</b>!",
    },
  });
  expect(created.status).toBe(200);
  expect(created.body.skipped).toEqual([]);
  expect(created.body.created).toHaveLength(1);
  const invitation = created.body.created[0]!.invitation;
  expect(invitation.status).toBe("pending");
  // Delivery by email: the plaintext link is not in the API answer (R-INV-10).
  expect(created.body.created[0]!.link).toBeNull();

  expect(await reference.foyer.dispatcher.runOnce()).toBeGreaterThanOrEqual(1);
  const mailbox = await call<MailboxEntry[]>(baseUrl, "GET", "/dev/mailbox");
  expect(mailbox.status).toBe(200);
  const message = mailbox.body.find((m) => m.to === input.inviteeEmail);
  expect(message).toBeDefined();
  const link = message!.links.find((l) => l.includes("#token="));
  expect(link).toBeDefined();
  expect(link!.startsWith(`${input.linkBase}/accept-invite#token=`)).toBe(true);
  const token = tokenFromLink(link!);
  expect(token.length).toBeGreaterThanOrEqual(43);

  const html = await fetch(`${baseUrl}/dev/mailbox/${encodeURIComponent(message!.id)}`);
  expect(html.status).toBe(200);
  expect(html.headers.get("content-type")).toContain("text/html");
  const htmlText = await html.text();
  expect(htmlText).toContain("&lt;b&gt;inside&lt;/b&gt;");
  expect(htmlText).not.toContain("<b>inside</b>");

  const preview = await call<{ email: string; tenant: { name: string }; role: { name: string } }>(
    baseUrl,
    "POST",
    "/api/foyer/public/invitations/preview",
    { body: { token } },
  );
  expect(preview.status).toBe(200);
  expect(preview.body.email).toBe(input.inviteeEmail);
  expect(preview.headers.get("referrer-policy")).toBe("no-referrer");

  const password = "Violet-Harbor-73!";
  const accepted = await call<{ user: { id: string; email: string }; next: string }>(
    baseUrl,
    "POST",
    "/api/foyer/public/invitations/accept",
    {
      body: {
        token,
        firstName: "Nora",
        lastName: "Quinn",
        password,
        passwordConfirmation: password,
      },
    },
  );
  expect(accepted.status).toBe(200);
  expect(accepted.body.next).toBe("signed_in");
  expect(accepted.body.user.email).toBe(input.inviteeEmail);
  const acceptCookie = sessionCookieFrom(accepted.headers);
  expect(acceptCookie).toBeDefined();

  // The accept signed the invitee in…
  const meAfterAccept = await call<{ user: { email: string } }>(baseUrl, "GET", "/me", {
    cookie: acceptCookie,
  });
  expect(meAfterAccept.status).toBe(200);
  expect(meAfterAccept.body.user.email).toBe(input.inviteeEmail);

  // …and the new password signs in from scratch.
  const userCookie = await signIn(baseUrl, input.inviteeEmail, password);
  const me = await call<{
    user: { email: string; tenantId: string; roleId: string; name: string };
  }>(baseUrl, "GET", "/me", { cookie: userCookie });
  expect(me.body.user).toMatchObject({
    email: input.inviteeEmail,
    tenantId: input.tenantId,
    roleId: input.roleId,
    name: "Nora Quinn",
  });

  const after = await call<{ invitation: { status: string; acceptedUserId: string } }>(
    baseUrl,
    "GET",
    `/api/foyer/invitations/${invitation.id}`,
    { cookie: adminCookie },
  );
  expect(after.body.invitation.status).toBe("accepted");
  expect(after.body.invitation.acceptedUserId).toBe(accepted.body.user.id);

  // Single use: the same link cannot create a second account.
  const again = await call<{ error: { code: string } }>(
    baseUrl,
    "POST",
    "/api/foyer/public/invitations/accept",
    {
      body: {
        token,
        firstName: "Eve",
        lastName: "Other",
        password,
        passwordConfirmation: password,
      },
    },
  );
  expect(again.status).toBe(410);
  expect(again.body.error.code).toBe("INVITATION_ALREADY_USED");

  return { adminCookie, userCookie, acceptCookie: acceptCookie!, userId: accepted.body.user.id };
}
