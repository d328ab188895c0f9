import cluster from "node:cluster";
import type { AddressInfo } from "node:net";
import type { Actor } from "@foyer/core";
import express from "express";
import pg from "pg";
import { createTestPasswordHasher, TEST_TOKEN_SECRET } from "../../src/fixtures.ts";
import { createFoyer } from "../../src/foyer.ts";
import { createDevMailbox } from "../../src/mail/dev-mailbox.ts";
import { createPostgresStore } from "../../src/pg.ts";

// A server process for the open-loop part of `pnpm bench:peers`, forked with an IPC channel:
// `foyer` mounts Foyer at /api/foyer over the database the bench seeded (its fixture actors
// authenticate as `Bearer <id>`); `floor` answers the same page query with `pg` and no
// Foyer, validation or session. With `workers` > 1, Node's cluster runs that many processes
// on one port. Sends `{ port }` when listening; on "stop", `{ maxRssMb }` and exits.

const [mode, url, workersArg] = process.argv.slice(2);
const workers = Number(workersArg ?? 1);
if (!url || (mode !== "foyer" && mode !== "floor")) {
  throw new Error("usage: foyer|floor <url> [workers]");
}
const databaseUrl: string = url;

const ACTORS: Actor[] = [
  {
    id: "dana",
    email: "dana@acme.example.com",
    name: "Dana Smith",
    tenantId: "acme",
    roleId: "client_admin",
  },
];

async function app(): Promise<express.Express> {
  const server = express();
  server.disable("x-powered-by");
  server.disable("etag");
  if (mode === "floor") {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    server.get("/floor", async (req, res) => {
      const { rows } = await pool.query(
        `select * from foyer_invitations where tenant_id = $1 and status = 'pending'
          and expires_at > $2 order by sent_at desc, id desc limit $3`,
        [String(req.query.tenantId), new Date(), Number(req.query.limit) + 1],
      );
      res.json(rows);
    });
    return server;
  }
  const { foyerExpress } = await import("../../src/express.ts");
  const byId = new Map(ACTORS.map((actor) => [actor.id, actor]));
  const foyer = createFoyer({
    store: await createPostgresStore({ connectionString: databaseUrl, migrate: false }),
    publicBaseUrl: "https://app.example.com",
    passwordHasher: createTestPasswordHasher(),
    tokenSecrets: TEST_TOKEN_SECRET,
    mailer: createDevMailbox(),
    rateLimiter: null,
    logger: { info() {}, warn() {}, error() {} },
    hooks: {
      authenticate(request) {
        const match = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "");
        return match?.[1] ? (byId.get(match[1]) ?? null) : null;
      },
      findUsersByEmails: async () => [],
      // The list load accepts nobody.
      createAccount() {
        throw new Error("the bench server creates no accounts");
      },
    },
  });
  server.use("/api/foyer", foyerExpress(foyer));
  return server;
}

function maxRssMb(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

if (workers > 1 && cluster.isPrimary) {
  // The primary only forwards: each worker listens on the shared port and reports its RSS.
  const forked = Array.from({ length: workers }, () => cluster.fork());
  let port = 0;
  await Promise.all(
    forked.map(
      (worker) =>
        new Promise<void>((resolve) =>
          worker.once("message", (message: { port: number }) => {
            port = message.port;
            resolve();
          }),
        ),
    ),
  );
  process.send?.({ port });
  process.on("message", async () => {
    const rss = await Promise.all(
      forked.map(
        (worker) =>
          new Promise<number>((resolve) => {
            worker.once("message", (message: { maxRssMb: number }) => resolve(message.maxRssMb));
            worker.send("stop");
          }),
      ),
    );
    process.send?.({ maxRssMb: rss.reduce((sum, value) => sum + value, 0) + maxRssMb() });
    process.exit(0);
  });
} else {
  const server = (await app()).listen(Number(process.env.FOYER_BENCH_PORT ?? 0), "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  process.send?.({ port: (server.address() as AddressInfo).port });
  process.on("message", () => {
    process.send?.({ maxRssMb: maxRssMb() });
    server.closeAllConnections();
    process.exit(0);
  });
}
