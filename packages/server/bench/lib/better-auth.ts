import { betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import { organization } from "better-auth/plugins/organization";
import { type Dialect, Kysely, sql } from "kysely";

// Better Auth's organization plugin, the peer of `pnpm bench:peers`: on the same database as
// Foyer (its own tables beside Foyer's), reached through its Fetch handler as Foyer is.

/** One Better Auth instance with a signed-in organization owner. */
export interface BetterAuthPeer {
  /** Sends a request to `/api/auth<path>` as the owner; answers status and body text. */
  call(
    method: "GET" | "POST",
    path: string,
    body?: unknown,
  ): Promise<{ status: number; text: string }>;
  /** Organization ids by name. */
  orgs: Record<string, string>;
  ownerId: string;
  /** The number of SQL statements `work` sends (statements are recorded only meanwhile). */
  countStatements(work: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}

/** Creates the schema, an owner and one organization per name. */
export async function createBetterAuthPeer(
  dialect: Dialect,
  orgNames: readonly string[],
): Promise<BetterAuthPeer> {
  let statements: string[] | null = null;
  const db = new Kysely<Record<string, Record<string, unknown>>>({
    dialect,
    log(event) {
      if (event.level === "query") statements?.push(event.query.sql);
    },
  });
  const auth = betterAuth({
    baseURL: "http://peer.invalid",
    secret: "foyer-bench-better-auth-secret-0123456789abcdef",
    database: { db, type: "postgres" },
    emailAndPassword: { enabled: true },
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { disabled: true },
    plugins: [
      organization({
        // The peer sends no email; Foyer's figure includes rendering and queueing its email.
        async sendInvitationEmail() {},
        invitationLimit: 10_000_000,
      }),
    ],
  });
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();

  let cookie = "";
  const call: BetterAuthPeer["call"] = async (method, path, body) => {
    const headers: Record<string, string> = { origin: "http://peer.invalid" };
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await auth.handler(
      new Request(`http://peer.invalid/api/auth${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    const setCookie = response.headers.getSetCookie();
    if (setCookie.length > 0) cookie = setCookie.map((c) => c.split(";")[0]).join("; ");
    return { status: response.status, text: await response.text() };
  };
  const signUp = await call("POST", "/sign-up/email", {
    email: "owner@peer.example.com",
    password: "Tr1cky-Lantern!",
    name: "Olga Owner",
  });
  if (signUp.status !== 200) throw new Error(`Better Auth sign-up: ${signUp.text}`);
  const ownerId = String((JSON.parse(signUp.text) as { user: { id: string } }).user.id);
  const orgs: Record<string, string> = {};
  for (const name of orgNames) {
    const created = await call("POST", "/organization/create", { name, slug: name });
    if (created.status !== 200) throw new Error(`Better Auth organization: ${created.text}`);
    orgs[name] = String((JSON.parse(created.text) as { id: string }).id);
  }
  // The owner's active organization does not matter: every call names its organization.
  return {
    call,
    orgs,
    ownerId,
    async countStatements(work) {
      statements = [];
      try {
        await work();
        return statements.length;
      } finally {
        statements = null;
      }
    },
    close: () => db.destroy(),
  };
}

/**
 * `count` pending (and some accepted / canceled) invitations of an organization, written in
 * one statement inside the database.
 */
export async function seedBetterAuthInvitations(
  dialect: Dialect,
  organizationId: string,
  inviterId: string,
  count: number,
): Promise<void> {
  const db = new Kysely<Record<string, Record<string, unknown>>>({ dialect });
  try {
    await sql`insert into invitation
      (id, "organizationId", email, role, status, "expiresAt", "inviterId", "createdAt")
      select 'bainv_' || ${organizationId} || '_' || n, ${organizationId},
        'peer' || n || '@example.com', 'member',
        case when n % 10 < 7 then 'pending' when n % 10 < 9 then 'accepted' else 'canceled' end,
        now() + interval '7 days' - (n || ' seconds')::interval, ${inviterId},
        now() - (n || ' seconds')::interval
      from generate_series(1, ${count}) as n`.execute(db);
    await sql`analyze invitation`.execute(db);
  } finally {
    await db.destroy();
  }
}
