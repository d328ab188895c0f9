// One Foyer server in a process of its own, for `concurrency.test.ts` (not a test itself):
// Express on an ephemeral port over the PostgreSQL database at DATABASE_URL, with its
// dispatcher draining the outbox into the SMTP server at SMTP_URL, as one of several
// instances behind a load balancer. Requests authenticate with `Bearer race-admin`. Prints
// `listening <port>` when ready; errors its logger records go to stderr. On SIGTERM the
// dispatcher stops gracefully (the round in flight finishes) and the process exits 0.
import type { Actor } from "@foyer/core";
import express from "express";
import { foyerExpress } from "../express.ts";
import { fixtureFoyerOptions, fixtureMailer } from "../fixture-process.ts";
import { createFoyer } from "../foyer.ts";
import { createPostgresStore } from "../pg.ts";

const ADMIN: Actor = {
  id: "race-admin",
  email: "admin@acme.example.com",
  name: "Race Admin",
  tenantId: "acme",
  roleId: "race_admin",
};

const store = await createPostgresStore({
  connectionString: process.env.DATABASE_URL ?? "",
  max: 8,
});
const mailer = fixtureMailer();
const foyer = createFoyer({
  store,
  ...fixtureFoyerOptions(mailer),
  // The race is about locks, not budgets: 24 workers revoke as one admin.
  rateLimiter: null,
  dispatcher: { batchSize: 20, concurrency: 4 },
  hooks: {
    authenticate: (request) =>
      request.headers.get("authorization") === `Bearer ${ADMIN.id}` ? ADMIN : null,
    createAccount: async () => ({ id: crypto.randomUUID() }),
  },
});
await foyer.admin.upsertTenant({ id: "acme", name: "Acme Corp" });
await foyer.admin.upsertRole({
  id: "race_admin",
  name: "Admin",
  rank: 100,
  permissions: ["invitations:read", "invitations:create", "invitations:revoke"],
});
await foyer.admin.upsertRole({ id: "race_member", name: "Member", rank: 10 });

const app = express();
app.use("/api", foyerExpress(foyer));
const server = app.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === "object" && address ? address.port : 0}\n`);
});
foyer.dispatcher.start(20);
process.once("SIGTERM", () => {
  server.close();
  void foyer.dispatcher.stop().then(async () => {
    mailer.close();
    await store.close();
    process.exit(0);
  });
});
