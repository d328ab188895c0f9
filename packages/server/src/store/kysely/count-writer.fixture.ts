import pg from "pg";
import { createPostgresStore } from "../../pg.ts";
import { invitationFixture } from "../conformance/fixtures.ts";

// The child process of `crash-recovery.test.ts`: writes invitations in transactions of
// FOYER_CRASH_BATCH rows (and settles some earlier rows), as fast as it can, until it is killed. It
// prints `begin N` before and `commit N` after each transaction, so the test knows how many
// committed and that one was open when the kill landed.

async function main(): Promise<void> {
  const url = process.env.FOYER_CRASH_DATABASE_URL;
  const batch = Number(process.env.FOYER_CRASH_BATCH);
  if (!url || !(batch > 0)) {
    throw new Error("FOYER_CRASH_DATABASE_URL and FOYER_CRASH_BATCH are needed");
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 2,
    application_name: "foyer-crash-writer",
  });
  const store = await createPostgresStore({ pool });
  const settled: string[] = [];
  for (let n = 1; ; n += 1) {
    process.stdout.write(`begin ${n}\n`);
    await store.transaction(async (tx) => {
      const rows = Array.from({ length: batch }, (_, i) =>
        invitationFixture({ tenantId: `ten_crash_${n % 3}`, email: `w${n}_${i}@example.com` }),
      );
      await tx.insertInvitations(rows);
      for (const id of settled.splice(0, 20)) {
        await tx.updateInvitation(id, { status: n % 2 ? "accepted" : "revoked" });
      }
      settled.push(...rows.slice(0, 20).map((row) => row.id));
    });
    process.stdout.write(`commit ${n}\n`);
  }
}

await main();
