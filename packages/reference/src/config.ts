import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (three levels above this file: packages/reference/src). */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Settings read from the environment by `main.ts` and `migrate.ts`. */
export interface EnvConfig {
  port: number;
  /** PostgreSQL URL (`DATABASE_URL`); PGlite when unset. */
  databaseUrl: string | undefined;
  /** PGlite directory (`FOYER_DATA_DIR`). @default `<repo>/.foyer-data` */
  dataDir: string;
  /** `PUBLIC_BASE_URL`. @default `http://localhost:<port>` */
  publicBaseUrl: string;
  /** `SESSION_SECRET`; a random one per process when unset (sessions end at restart). */
  sessionSecret: string;
  sessionSecretGenerated: boolean;
  /**
   * `FOYER_TOKEN_SECRET`: what invitation and invite-link tokens are derived from. A random
   * one per process when unset: links already sent keep working (only their hashes are
   * stored), but they cannot be copied or emailed again after a restart.
   */
  tokenSecret: string;
  tokenSecretGenerated: boolean;
  /**
   * `SMTP_URL` (`smtp://user:pass@host:587` or `smtps://…:465`): email goes out over SMTP.
   * Unset, it stays in the development mailbox at `/dev/mailbox`.
   */
  smtpUrl: string | undefined;
  /** `MAIL_FROM`, the From header of every email; required with `SMTP_URL`. */
  mailFrom: string | undefined;
  /**
   * `FOYER_DEV_OIDC=1`: a development OpenID provider at /dev/oidc, offered on /join as
   * "Continue with Dev SSO". Refused when `NODE_ENV` is `production`.
   */
  devOidc: boolean;
}

/** Reads the configuration from environment variables. */
export function readEnvConfig(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be a port number, not ${env.PORT}.`);
  }
  const secret = env.SESSION_SECRET;
  const smtpUrl = env.SMTP_URL || undefined;
  const mailFrom = env.MAIL_FROM || undefined;
  if (smtpUrl && !mailFrom) {
    throw new Error(
      'SMTP_URL is set but MAIL_FROM is not: set it, e.g. "Acme <no-reply@acme.test>".',
    );
  }
  const devOidc = env.FOYER_DEV_OIDC === "1";
  if (devOidc && env.NODE_ENV === "production") {
    throw new Error(
      "FOYER_DEV_OIDC=1 runs a development identity provider that signs anyone in: it is refused when NODE_ENV=production.",
    );
  }
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.FOYER_DATA_DIR || resolve(REPO_ROOT, ".foyer-data")),
    publicBaseUrl: env.PUBLIC_BASE_URL || `http://localhost:${port}`,
    sessionSecret: secret || randomBytes(32).toString("base64url"),
    sessionSecretGenerated: !secret,
    tokenSecret: env.FOYER_TOKEN_SECRET || randomBytes(32).toString("base64url"),
    tokenSecretGenerated: !env.FOYER_TOKEN_SECRET,
    smtpUrl,
    mailFrom,
    devOidc,
  };
}
