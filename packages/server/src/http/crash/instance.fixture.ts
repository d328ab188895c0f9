// One Foyer instance in a process of its own, for `idempotency-crash.test.ts` (not a test itself): Express on an
// ephemeral port over PGlite (FOYER_DATA_DIR) or PostgreSQL (DATABASE_URL). With
// FOYER_HANG=1 its host-user lookup never answers, so a create request stops half-way (its
// Idempotency-Key claimed, nothing written) until the test kills the process. It prints
// `listening <port>` when ready and `hanging` when a request is stuck.
import type { Actor } from "@foyer/core";
import express from "express";
import { foyerExpress } from "../../express.ts";
import { createTestPasswordHasher, TEST_TOKEN_SECRET } from "../../fixtures.ts";
import { createFoyer } from "../../foyer.ts";
import { createPostgresStore } from "../../pg.ts";
import { createPGliteStore } from "../../pglite.ts";

const ADMIN: Actor = {
  id: "crash-admin",
  email: "admin@acme.example.com",
  name: "Crash Admin",
  tenantId: "acme",
  roleId: "crash_admin",
};

const store = process.env.DATABASE_URL
  ? await createPostgresStore({ connectionString: process.env.DATABASE_URL, max: 4 })
  : await createPGliteStore({ dataDir: process.env.FOYER_DATA_DIR ?? "" });
const hang = process.env.FOYER_HANG === "1";

const foyer = createFoyer({
  store,
  publicBaseUrl: "https://app.example.com",
  passwordHasher: createTestPasswordHasher(),
  tokenSecrets: TEST_TOKEN_SECRET,
  logger: { info() {}, warn() {}, error() {} },
  hooks: {
    authenticate: (request) =>
      request.headers.get("authorization") === `Bearer ${ADMIN.id}` ? ADMIN : null,
    async findUsersByEmails() {
      if (hang) {
        process.stdout.write("hanging\n");
        await new Promise<never>(() => {});
      }
      return [];
    },
    createAccount: async () => ({ id: crypto.randomUUID() }),
  },
});
await foyer.admin.upsertTenant({ id: "acme", name: "Acme Corp" });
await foyer.admin.upsertRole({
  id: "crash_admin",
  name: "Admin",
  rank: 100,
  permissions: ["invitations:read", "invitations:create"],
});
await foyer.admin.upsertRole({ id: "crash_member", name: "Member", rank: 10 });

const app = express();
app.use("/api", foyerExpress(foyer));
const server = app.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === "object" && address ? address.port : 0}\n`);
});
process.once("SIGTERM", () => {
  server.close();
  void store.close().then(() => process.exit(0));
});
