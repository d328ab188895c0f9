import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { OidcProviderConfig } from "@foyer/server/oidc";

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
   * Unset, it goes to the development mailbox when that is on, and nowhere otherwise.
   */
  smtpUrl: string | undefined;
  /**
   * `FOYER_DEV_MAILBOX=1` (or the `--dev-mailbox` flag, which `pnpm start` passes): keep email
   * in the development mailbox at `/dev/mailbox`, public and listing every link (R-EML-03).
   * Off by default, refused when `NODE_ENV=production`, and off when `SMTP_URL` is set.
   */
  devMailbox: boolean;
  /** `MAIL_FROM`, the From header of every email; required with `SMTP_URL`. */
  mailFrom: string | undefined;
  /**
   * `FOYER_DEV_OIDC=1` (or the `--dev-oidc` flag, which `pnpm start` passes): a development OpenID provider at /dev/oidc, offered on /join as
   * "Continue with Dev SSO". Refused when `NODE_ENV` is `production`.
   */
  devOidc: boolean;
  /**
   * Microsoft Entra ID, offered as "Continue with Microsoft" on /join and "Accept with
   * Microsoft" on the accept page, when `ENTRA_TENANT_ID`, `ENTRA_CLIENT_ID` and
   * `ENTRA_CLIENT_SECRET` are set (all three or none). `ENTRA_FOYER_TENANTS` (comma-separated
   * Foyer tenant ids) limits it to those tenants; on one with SSO, invitees then accept with
   * Microsoft only. Register `<PUBLIC_BASE_URL>/auth/oidc/callback` as its redirect URI.
   */
  entra: OidcProviderConfig | undefined;
}

/**
 * Microsoft Entra ID from the environment, or undefined when none of its variables is set.
 * A directory's own issuer (its tenant id or domain) vouches for the addresses its
 * administrators manage; the multi-tenant ones (`common`, `organizations`, `consumers`)
 * let anyone's directory claim any address, so there an address counts as verified only
 * with Entra's `xms_edov` claim.
 */
export function readEntraConfig(env: NodeJS.ProcessEnv): OidcProviderConfig | undefined {
  const names = ["ENTRA_TENANT_ID", "ENTRA_CLIENT_ID", "ENTRA_CLIENT_SECRET"] as const;
  const set = names.filter((name) => (env[name] ?? "").trim() !== "");
  if (set.length === 0) return undefined;
  if (set.length < names.length) {
    const missing = names.filter((name) => !set.includes(name));
    throw new Error(
      `Microsoft Entra ID needs ${missing.join(" and ")} too (set all three or none).`,
    );
  }
  const directory = (env.ENTRA_TENANT_ID ?? "").trim();
  if (!/^[A-Za-z0-9.-]{1,100}$/.test(directory)) {
    throw new Error(
      `ENTRA_TENANT_ID must be a directory id or domain, not ${JSON.stringify(directory)}.`,
    );
  }
  const tenantIds = (env.ENTRA_FOYER_TENANTS ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  return {
    id: "microsoft",
    name: "Microsoft",
    issuer: `https://login.microsoftonline.com/${directory}/v2.0`,
    clientId: (env.ENTRA_CLIENT_ID ?? "").trim(),
    clientSecret: (env.ENTRA_CLIENT_SECRET ?? "").trim(),
    // Someone back with the wrong account picks another instead of being signed in again.
    prompt: "select_account",
    trustEmailAddresses: !["common", "organizations", "consumers"].includes(
      directory.toLowerCase(),
    ),
    ...(tenantIds.length > 0 ? { tenantIds } : {}),
  };
}

/** A flag such as `FOYER_DEV_MAILBOX`: `1`/`true` on, `0`/`false`/unset off, anything else refused. */
function readFlag(name: string, value: string | undefined): boolean {
  const text = (value ?? "").trim().toLowerCase();
  if (text === "" || text === "0" || text === "false") return false;
  if (text === "1" || text === "true") return true;
  throw new Error(`${name} must be 1 or 0, not ${JSON.stringify(value)}.`);
}

/**
 * Reads the configuration from environment variables and the command line (`--dev-mailbox`,
 * `--dev-oidc`).
 */
export function readEnvConfig(
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv.slice(2),
): EnvConfig {
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
  const devMailboxAsked =
    argv.includes("--dev-mailbox") || readFlag("FOYER_DEV_MAILBOX", env.FOYER_DEV_MAILBOX);
  const devMailbox = devMailboxAsked && !smtpUrl;
  if (devMailbox && env.NODE_ENV === "production") {
    throw new Error(
      "The development mailbox is refused with NODE_ENV=production: it shows every email and its link to anyone. Set SMTP_URL and MAIL_FROM instead.",
    );
  }
  const devOidc = argv.includes("--dev-oidc") || readFlag("FOYER_DEV_OIDC", env.FOYER_DEV_OIDC);
  if (devOidc && env.NODE_ENV === "production") {
    throw new Error(
      "FOYER_DEV_OIDC runs a development identity provider that signs anyone in: it is refused with NODE_ENV=production.",
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
    devMailbox,
    devOidc,
    entra: readEntraConfig(env),
  };
}
