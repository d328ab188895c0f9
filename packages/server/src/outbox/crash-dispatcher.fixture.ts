// One Foyer dispatcher in a process of its own, for `crash.test.ts` (not a test itself): it
// drains the outbox of PostgreSQL (DATABASE_URL) or a PGlite directory (FOYER_DATA_DIR) into
// the SMTP server at SMTP_URL, with a short lease (FOYER_LEASE_MS) so a successor takes over
// what a killed instance held soon after. Prints `dispatching` once it runs; on SIGTERM it
// stops gracefully (the round in flight finishes) and exits 0.
import { fixtureFoyerOptions, fixtureMailer } from "../fixture-process.ts";
import { createFoyer } from "../foyer.ts";
import { createPostgresStore } from "../pg.ts";
import { createPGliteStore } from "../pglite.ts";

const store = process.env.DATABASE_URL
  ? await createPostgresStore({ connectionString: process.env.DATABASE_URL, max: 6 })
  : await createPGliteStore({ dataDir: process.env.FOYER_DATA_DIR ?? "" });
const mailer = fixtureMailer();
const foyer = createFoyer({
  store,
  ...fixtureFoyerOptions(mailer),
  dispatcher: { leaseMs: Number(process.env.FOYER_LEASE_MS ?? 2000), batchSize: 10 },
  hooks: { authenticate: () => null, createAccount: async () => ({ id: crypto.randomUUID() }) },
});
foyer.dispatcher.start(50);
process.stdout.write("dispatching\n");
process.once("SIGTERM", () => {
  void foyer.dispatcher.stop().then(async () => {
    mailer.close();
    await store.close();
    process.exit(0);
  });
});
