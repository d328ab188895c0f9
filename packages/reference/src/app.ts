import { randomBytes } from "node:crypto";
import { ERROR_CODES, type ErrorCode } from "@foyer/core";
import {
  createFoyer,
  createMemoryRateLimiter,
  createOpenApiDocument,
  type DevMailbox,
  type Foyer,
  type FoyerHooks,
  type Logger,
  type Mailer,
  type PasswordHasher,
  type RateLimiter,
  type RateLimits,
  type TokenSecrets,
} from "@foyer/server";
import {
  DEFAULT_DISCARD_LIMITS,
  discardRequestBody,
  foyerExpress,
  refuseCrossSiteWrites,
} from "@foyer/server/express";
import { createScryptHasher } from "@foyer/server/node";
import { createOidcSignUp, type OidcProviderConfig } from "@foyer/server/oidc";
import { createPostgresRateLimiter } from "@foyer/server/pg";
import { createKyselyStore } from "@foyer/server/pglite";
import cookieParser from "cookie-parser";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { type Kysely, sql } from "kysely";
import { createApiDocsRouter } from "./api-docs.ts";
import { createApiKeys } from "./api-keys.ts";
import { createApiRouter } from "./api-routes.ts";
import { openDatabase, type ReferenceDatabase } from "./database.ts";
import { createDevMailboxRouter, type EmailMode, resolveEmail } from "./dev-mailbox.ts";
import { createDevOidc, DEV_OIDC_PATH, OIDC_CALLBACK_PATH } from "./dev-oidc.ts";
import { type HomePageUser, renderHomePage } from "./home-page.ts";
import { createReferenceHooks } from "./hooks.ts";
import { errorBody, publicUser, sendError } from "./http-answers.ts";
import { migrateReference } from "./migrations.ts";
import { createPasswordSignIn } from "./password-sign-in.ts";
import { type SeededSignIn, type SeedResult, seedDemoData } from "./seed.ts";
import { createSessions, SESSION_COOKIE } from "./sessions.ts";
import { createSsoSignIn } from "./sso-sign-in.ts";
import { displayName, findUserById } from "./users.ts";
import { createWebRouter } from "./web.ts";

/** Options of `createReferenceApp`. */
export interface ReferenceAppOptions {
  /** PostgreSQL URL; when set, PostgreSQL holds everything (several instances may share it). */
  databaseUrl?: string | undefined;
  /** PGlite directory, used without `databaseUrl`. */
  dataDir?: string | undefined;
  /** An in-memory PGlite database (tests); used without `databaseUrl`. */
  inMemory?: boolean | undefined;
  /**
   * Where people reach the app; invitation links and the cookie's `Secure` flag follow it.
   * @example "http://localhost:3000"
   */
  publicBaseUrl: string;
  /** Signs the session cookie. Every instance behind one load balancer needs the same one. */
  sessionSecret: string;
  /** What Foyer derives tokens from (`createFoyer`'s `tokenSecrets`); the same on every instance. */
  tokenSecrets: TokenSecrets;
  /** Delivers email (SMTP: `createSmtpMailer`). Without one, see `devMailbox`. */
  mailer?: Mailer | undefined;
  /**
   * Development only (R-EML-03): keep email in memory and show it at `/dev/mailbox`, public
   * and listing every link. Refused when `nodeEnv` is `production` and together with
   * `mailer`. Without either, no email is delivered: each fails at once with a reason the
   * invitation shows (`EMAIL_OFF_REASON`). @default false
   */
  devMailbox?: boolean | undefined;
  /** Where `devMailbox` is refused. @default process.env.NODE_ENV */
  nodeEnv?: string | undefined;
  /** @default createScryptHasher() (OWASP scrypt) */
  passwordHasher?: PasswordHasher | undefined;
  /** Seed the demo tenants, roles, users and invitations. @default false */
  seed?: boolean | undefined;
  /** Run Foyer's and the app's migrations at start. @default true */
  migrate?: boolean | undefined;
  /** Sign-in attempts per client address. @default { points: 20, durationSeconds: 60 } */
  loginRateLimit?: { points: number; durationSeconds: number } | undefined;
  /**
   * Failed sign-ins per client address, per account and across all clients (R-SEC-03).
   * @default Foyer's DEFAULT_RATE_LIMITS (20 per address and 10 per account in 15 minutes,
   * 30 per minute across all clients)
   */
  loginFailureLimits?:
    | Partial<Pick<RateLimits, "failedPerAddress" | "failedPerAccount" | "failedGlobal">>
    | undefined;
  /** Foyer's rate limiter. @default in memory on PGlite, shared through PostgreSQL otherwise */
  rateLimiter?: RateLimiter | null | undefined;
  /** @default JSON lines on the console */
  logger?: Logger | undefined;
  /**
   * The built demo pages (`/admin`, `/admin/api-keys`, `/accept-invite`, `/login`).
   * @default packages/reference/web/dist, written by `pnpm start` (vite build)
   */
  webDir?: string | undefined;
  /**
   * OpenID Connect providers for sign-up on /join (R-LNK-06) and "Accept with …" on the
   * accept page (Microsoft Entra ID from the environment, see `config.ts`). Their callback is
   * served at `/auth/oidc/callback`, which must be registered at each.
   */
  oidcProviders?: readonly OidcProviderConfig[] | undefined;
  /**
   * Runs a development OpenID provider at /dev/oidc and offers it as "Dev SSO" (any email
   * address, any password) beside `oidcProviders`. Development only.
   * @default false
   */
  devOidc?: boolean | undefined;
}

/** A running reference app. */
export interface ReferenceApp {
  app: Express;
  foyer: Foyer;
  db: Kysely<ReferenceDatabase>;
  /** Which engine holds the data. */
  databaseKind: "pglite" | "postgres";
  /** Where the data lives, for start-up output (passwords redacted). */
  databaseLocation: string;
  /** How email leaves: the given mailer, the development mailbox, or not at all. */
  emailMode: EmailMode;
  /** The development mailbox, or null unless `devMailbox` is on. */
  mailbox: DevMailbox | null;
  /** The seeded sign-ins (empty without `seed`). */
  signIns: readonly SeededSignIn[];
  /** Runs the (idempotent) demo seed again. */
  seed(): Promise<SeedResult>;
  /** Stops the dispatcher and closes the database. */
  close(): Promise<void>;
}

/** Advisory lock key that serialises seeding across instances ("foyer" in ASCII, then 1). */
const SEED_LOCK_KEY = 0x666f796572_01;

/** The JSON body limit of the app's own endpoints (Foyer's router enforces its own). */
const JSON_LIMIT_BYTES = 16 * 1024;

const consoleLogger: Logger = {
  info: (message, data) => console.info(JSON.stringify({ level: "info", message, ...data })),
  warn: (message, data) => console.warn(JSON.stringify({ level: "warn", message, ...data })),
  error: (message, data) => console.error(JSON.stringify({ level: "error", message, ...data })),
};

/**
 * Creates the reference Express backend: its own users and cookie sessions, Foyer mounted at
 * `/api/foyer` over the same database, sign-in, the OpenAPI document and, in development, a
 * mailbox.
 * @example
 * const { app, foyer } = await createReferenceApp({
 *   dataDir: ".foyer-data",
 *   publicBaseUrl: "http://localhost:3000",
 *   sessionSecret: process.env.SESSION_SECRET,
 *   tokenSecrets: process.env.FOYER_TOKEN_SECRET,
 *   seed: true,
 * });
 * app.listen(3000);
 * foyer.dispatcher.start(500);
 */
export async function createReferenceApp(options: ReferenceAppOptions): Promise<ReferenceApp> {
  if (options.sessionSecret.length < 16) {
    throw new Error("sessionSecret must be at least 16 characters.");
  }
  const publicBaseUrl = new URL(options.publicBaseUrl).origin;
  const secure = publicBaseUrl.startsWith("https:");
  const logger = options.logger ?? consoleLogger;
  const passwordHasher = options.passwordHasher ?? createScryptHasher();
  const mail = resolveEmail({
    mailer: options.mailer,
    devMailbox: options.devMailbox,
    nodeEnv: options.nodeEnv ?? process.env.NODE_ENV,
  });
  const { mailer, mailbox } = mail;

  const database = await openDatabase(options);
  const { db } = database;
  try {
    const store = await createKyselyStore({
      db,
      kind: database.kind,
      migrate: options.migrate ?? true,
      // Foyer holds one watched session of the pool, so other instances learn at once when
      // this process dies and reclaim the Idempotency-Keys it left in progress (R-SDK-07).
      ...(database.pool ? { pool: database.pool } : {}),
    });
    if (options.migrate ?? true) await migrateReference(db);

    const sessions = createSessions({ db, secret: options.sessionSecret, secure });
    const apiKeys = createApiKeys({ db });
    const hooks: FoyerHooks = createReferenceHooks({ db, sessions, apiKeys });
    const rateLimiter =
      options.rateLimiter !== undefined
        ? options.rateLimiter
        : database.pool
          ? createPostgresRateLimiter({ pool: database.pool })
          : createMemoryRateLimiter();
    const loginLimits: Partial<RateLimits> = {
      public: options.loginRateLimit ?? { points: 20, durationSeconds: 60 },
      ...options.loginFailureLimits,
    };
    const loginLimiter = database.pool
      ? createPostgresRateLimiter({
          pool: database.pool,
          tableName: "ref_login_rate_limits",
          limits: loginLimits,
        })
      : createMemoryRateLimiter(loginLimits);

    const devOidc = options.devOidc ? createDevOidc(publicBaseUrl, options.sessionSecret) : null;
    const oidcProviders = [
      ...(devOidc ? [devOidc.provider] : []),
      ...(options.oidcProviders ?? []),
    ];
    const identitySignUp =
      oidcProviders.length > 0
        ? createOidcSignUp({
            redirectUri: `${publicBaseUrl}${OIDC_CALLBACK_PATH}`,
            afterSignUpUrl: `${publicBaseUrl}/`,
            providers: oidcProviders,
          })
        : undefined;
    const foyerAt = (now?: Date): Foyer =>
      createFoyer({
        store,
        hooks,
        publicBaseUrl,
        mailer,
        passwordHasher,
        tokenSecrets: options.tokenSecrets,
        rateLimiter,
        logger,
        productName: "Foyer demo",
        // R-LNK-06: the join page's terms checkbox and "Already have an account?" link.
        joinPage: {
          termsUrl: `${publicBaseUrl}/terms`,
          privacyUrl: `${publicBaseUrl}/privacy`,
          signInUrl: `${publicBaseUrl}/login`,
        },
        ...(identitySignUp ? { identitySignUp } : {}),
        ...(now ? { now: () => now } : {}),
      });
    const foyer = foyerAt();

    const seedOnce = () => seedDemoData({ foyer, db, passwordHasher, foyerAt });
    // Instances that start together on one PostgreSQL take turns: the first seeds, the others
    // find everything in place. (A PGlite directory has one process by construction.)
    const seed = (): Promise<SeedResult> =>
      database.kind === "postgres"
        ? db.connection().execute(async (connection) => {
            await sql`select pg_advisory_lock(${SEED_LOCK_KEY})`.execute(connection);
            try {
              return await seedOnce();
            } finally {
              await sql`select pg_advisory_unlock(${SEED_LOCK_KEY})`.execute(connection);
            }
          })
        : seedOnce();
    let signIns: readonly SeededSignIn[] = [];
    if (options.seed) signIns = (await seed()).signIns;

    // A hash to verify against when the address is unknown, so a failed sign-in takes as
    // long whether or not the account exists. Made once at start: made on demand, it would
    // queue every unknown-address sign-in behind it, and a refusal by a full hasher would stick.
    const decoyHash = await passwordHasher.hash(randomBytes(18).toString("base64url"));

    const app = express();
    app.disable("x-powered-by");
    app.use((_req, res, next) => {
      res.setHeader("Referrer-Policy", "no-referrer");
      res.setHeader("X-Content-Type-Options", "nosniff");
      next();
    });
    app.use(cookieParser(options.sessionSecret));

    // Foyer's router reads its own bodies (with its own limit); mount it before any parser.
    app.use("/api/foyer", foyerExpress(foyer));
    // R-LNK-06: the identity provider sends the browser back here (a redirect, not JSON).
    app.use(OIDC_CALLBACK_PATH, foyerExpress({ handler: foyer.identityCallback }));
    if (devOidc) app.use(DEV_OIDC_PATH, devOidc.handler);
    // Accounts made through a provider sign in again there ("Sign in with …" on /login).
    app.use(
      createSsoSignIn({
        providers: oidcProviders,
        publicBaseUrl,
        secret: options.sessionSecret,
        sessions,
        db,
      }),
    );

    const json = express.json({ limit: JSON_LIMIT_BYTES });
    // body-parser reads a refused body to its very end before it answers. A declared length
    // over the limit is answered at once (the rest is discarded within bounds), and a body
    // without one may run past the limit only by the discard bound before the connection
    // is closed.
    const boundedBody = (req: Request, res: Response, next: NextFunction) => {
      const declared = req.headers["content-length"];
      if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > JSON_LIMIT_BYTES) {
        discardRequestBody(req);
        return sendError(res, "PAYLOAD_TOO_LARGE");
      }
      let seen = 0;
      const count = (chunk: Buffer) => {
        seen += chunk.byteLength;
        if (seen > JSON_LIMIT_BYTES + DEFAULT_DISCARD_LIMITS.maxBytes) req.socket.destroy();
      };
      req.on("data", count);
      req.once("end", () => req.off("data", count));
      next();
    };
    // R-SEC-01: the app's own state changes follow the rule Foyer's router applies to its
    // routes: JSON only (empty bodies included) and from this app's pages only.
    const sameOrigin = refuseCrossSiteWrites({ trustedOrigins: [publicBaseUrl] });
    const noStore = (_req: Request, res: Response, next: NextFunction) => {
      res.setHeader("Cache-Control", "no-store");
      next();
    };

    app.use(
      createPasswordSignIn({
        db,
        sessions,
        passwordHasher,
        limiter: loginLimiter,
        decoyHash,
        guards: [noStore, sameOrigin, boundedBody, json],
      }),
    );

    /** The active user of the request's session, or null. */
    const currentUser = async (req: Request) => {
      const sessionId: unknown = req.signedCookies[SESSION_COOKIE];
      const userId =
        typeof sessionId === "string" ? await sessions.userIdFromSessionId(sessionId) : null;
      const user = userId ? await findUserById(db, userId) : null;
      return user?.active ? user : null;
    };

    app.get("/me", noStore, async (req, res) => {
      const user = await currentUser(req);
      if (!user) return sendError(res, "UNAUTHENTICATED");
      res.json({ user: publicUser(user) });
    });

    app.use(
      createApiRouter({
        foyer,
        apiKeys,
        currentUser,
        guards: [sameOrigin, boundedBody],
        json,
        refuse: (res, code, message, issues) => {
          const body = errorBody(code, message);
          res
            .status(ERROR_CODES[code].status)
            .json(issues ? { error: { ...body.error, issues } } : body);
        },
      }),
    );

    const openApi = createOpenApiDocument({ serverUrl: `${publicBaseUrl}/api/foyer` });
    app.get("/openapi.json", (_req, res) => {
      res.json(openApi);
    });
    // R-SDK-05: the reference page of that document, rendered offline.
    app.use(createApiDocsRouter());

    if (mailbox) app.use(createDevMailboxRouter(mailbox));

    app.use(
      createWebRouter({
        webDir: options.webDir,
        isSignedIn: async (req) => (await currentUser(req)) !== null,
        devMailbox: mailbox !== null,
      }),
    );

    app.get("/", noStore, async (req, res) => {
      const user = await currentUser(req);
      let signedIn: HomePageUser | null = null;
      if (user) {
        const [tenant, roles] = await Promise.all([
          foyer.store.getTenant(user.tenant_id),
          foyer.store.listRoles(),
        ]);
        signedIn = {
          name: displayName(user),
          email: user.email,
          tenantName: tenant?.name ?? user.tenant_id,
          roleName: roles.find((r) => r.id === user.role_id)?.name ?? user.role_id,
          canManageInvitations:
            roles.find((r) => r.id === user.role_id)?.permissions.includes("invitations:read") ??
            false,
        };
      }
      const page = renderHomePage({
        publicBaseUrl,
        signIns,
        email: mail.mode,
        database: database.location,
        user: signedIn,
        devOidc: devOidc !== null,
      });
      res.setHeader("Content-Security-Policy", page.csp);
      res.type("html").send(page.html);
    });

    app.use((_req, res) => sendError(res, "NOT_FOUND"));
    // Errors answer in Foyer's shape and never echo the request (no bodies, no tokens in logs).
    app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
      // Whatever the body parser left unread is read and thrown away (within bounds), so the
      // client gets this answer rather than a connection reset.
      discardRequestBody(req);
      const refusal = bodyParserRefusal(error);
      if (refusal) return sendError(res, refusal.code, refusal.message);
      logger.error("Request failed", {
        method: req.method,
        path: req.path,
        error: error instanceof Error ? error.name : "unknown",
      });
      if (!res.headersSent) sendError(res, "INTERNAL");
    });

    let closed = false;
    return {
      app,
      foyer,
      db,
      databaseKind: database.kind,
      databaseLocation: database.location,
      emailMode: mail.mode,
      mailbox,
      signIns,
      seed,
      async close() {
        if (closed) return;
        closed = true;
        await foyer.dispatcher.stop();
        // Ends the store's own session (it leaves the shared database to us).
        await store.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * The answer to a body parser's error (R-SDK-06): every one of them is the client's doing
 * (a body too large, a charset or Content-Encoding it cannot read, corrupt gzip, broken
 * JSON, a connection aborted mid-body), so each becomes a 4xx in Foyer's error shape. Errors
 * without a client status stay for the 500 path.
 */
export function bodyParserRefusal(error: unknown): { code: ErrorCode; message?: string } | null {
  if (typeof error !== "object" || error === null) return null;
  const type = "type" in error && typeof error.type === "string" ? error.type : "";
  const raw = "status" in error ? error.status : "statusCode" in error ? error.statusCode : null;
  const status = typeof raw === "number" ? raw : 0;
  if (type === "entity.too.large" || status === 413) return { code: "PAYLOAD_TOO_LARGE" };
  if (type === "charset.unsupported") {
    return { code: "UNSUPPORTED_MEDIA_TYPE", message: "Send the body as UTF-8 JSON." };
  }
  if (type === "encoding.unsupported") {
    return {
      code: "UNSUPPORTED_MEDIA_TYPE",
      message: "The body's Content-Encoding is not supported (use gzip, deflate, br or none).",
    };
  }
  if (status === 415) return { code: "UNSUPPORTED_MEDIA_TYPE" };
  if (type === "entity.parse.failed") return { code: "MALFORMED_JSON" };
  if (status >= 400 && status < 500) {
    return { code: "MALFORMED_JSON", message: "The request body could not be read." };
  }
  return null;
}
