import type { AddressInfo } from "node:net";
import { createSmtpMailer } from "@foyer/server/smtp";
import { createReferenceApp } from "./app.ts";
import { readEnvConfig } from "./config.ts";

// `pnpm start`: the reference app on http://localhost:3000 (PORT), PGlite in `.foyer-data/`
// at the repository root (FOYER_DATA_DIR), or PostgreSQL when DATABASE_URL is set. Email
// goes out over SMTP when SMTP_URL is set (From: MAIL_FROM); else to the development mailbox
// when FOYER_DEV_MAILBOX=1 or --dev-mailbox (`pnpm start` passes it; refused in production);
// else nowhere, and the start-up output says so.

const config = readEnvConfig();
const smtp =
  config.smtpUrl && config.mailFrom
    ? createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom })
    : null;
const started = Date.now();
const reference = await createReferenceApp({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  publicBaseUrl: config.publicBaseUrl,
  sessionSecret: config.sessionSecret,
  tokenSecrets: config.tokenSecret,
  seed: true,
  devOidc: config.devOidc,
  ...(config.entra ? { oidcProviders: [config.entra] } : {}),
  ...(smtp ? { mailer: smtp } : { devMailbox: config.devMailbox }),
});

const server = reference.app.listen(config.port);
await new Promise<void>((resolve, reject) => {
  server.once("listening", resolve);
  server.once("error", reject);
});
reference.foyer.dispatcher.start(500);

const port = (server.address() as AddressInfo).port;
const base = config.publicBaseUrl;
const lines = [
  "",
  `Foyer reference app ready in ${((Date.now() - started) / 1000).toFixed(
    1,
  )} s, listening on port ${port}`,
  `  Data:            ${reference.databaseLocation}`,
  `  Home:            ${base}/`,
  `  Team (admins):   ${base}/admin`,
  `  Invitee page:    ${base}/accept-invite#token=… (${
    smtp
      ? "links in the emails sent"
      : reference.mailbox
        ? "links in the dev mailbox"
        : "links from Copy link in a row's menu"
  })`,
  `  Foyer API:       ${base}/api/foyer`,
  `  OpenAPI:         ${base}/openapi.json`,
  ...(reference.mailbox ? [`  Dev mailbox:     ${base}/dev/mailbox`] : []),
  ...(config.devOidc
    ? [
        `  Dev SSO:         ${base}/dev/oidc ("Continue with Dev SSO" on /join and "Accept with Dev SSO"; any email, any password)`,
      ]
    : []),
  ...(config.entra
    ? [`  Microsoft:       Entra ID (${config.entra.issuer}), callback ${base}/auth/oidc/callback`]
    : []),
  ...(smtp ? [`  Email:           SMTP as ${config.mailFrom ?? ""}`] : []),
  ...(reference.emailMode === "off"
    ? [
        "  Email:           NOT DELIVERED: no SMTP_URL is set and the development mailbox is off.",
        "                   Every email fails with that reason; set SMTP_URL and MAIL_FROM, or",
        "                   FOYER_DEV_MAILBOX=1 in development.",
      ]
    : []),
  `  Sign in:         POST ${base}/login {"email","password"}`,
  "",
  "Seeded sign-ins (demo passwords):",
  ...reference.signIns.map((s) => `  ${s.email.padEnd(26)} ${s.password.padEnd(22)} ${s.note}`),
  ...(config.sessionSecretGenerated
    ? ["", "SESSION_SECRET is not set: a random one is used, so sessions end at restart."]
    : []),
  ...(config.tokenSecretGenerated
    ? [
        "FOYER_TOKEN_SECRET is not set: a random one is used, so links sent before a restart",
        "still work but cannot be copied or emailed again.",
      ]
    : []),
  "",
];
console.log(lines.join("\n"));

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  const timer = setTimeout(() => {
    console.error("Shutdown took longer than 10 s; exiting.");
    process.exit(1);
  }, 10_000);
  timer.unref();
  server.close();
  server.closeAllConnections();
  await reference.close();
  smtp?.close();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
