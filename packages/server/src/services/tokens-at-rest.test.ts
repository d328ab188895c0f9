import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestFoyer, type TestFoyer, tokenFromLink } from "../fixtures.ts";
import { createPGliteStore } from "../pglite.ts";
import { FOYER_TABLES } from "../store/schema.ts";
import { STRONG } from "./test-setups.ts";

// R-EML-04: after invitations of every kind were created, resent, replaced, revoked,
// accepted and their emails sent, nothing in any table previews or accepts anything.

let foyer: TestFoyer;

beforeAll(async () => {
  foyer = await createTestFoyer(await createPGliteStore());
});

afterAll(async () => {
  await foyer.store.close();
});

/** Every string in a value, JSON included. */
function strings(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === "string") {
    into.add(value);
    if (/^[[{]/.test(value)) {
      try {
        strings(JSON.parse(value), into);
      } catch {}
    }
  } else if (Array.isArray(value)) for (const item of value) strings(item, into);
  else if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const item of Object.values(value)) strings(item, into);
  }
  return into;
}

describe("no usable token at rest", () => {
  it("R-EML-04: a dump of every table holds no token, and no stored string previews or accepts an invitation", async () => {
    const dana = foyer.fixture.actors.acmeAdmin;
    const tokens = new Set<string>();
    const create = async (emails: string[], delivery: "email" | "link" | "both", extra = {}) => {
      const result = await foyer.services.createInvitations(dana, {
        tenantId: "acme",
        roleId: "client_user",
        emails,
        delivery,
        message: "Welcome aboard",
        ...extra,
      });
      for (const entry of result.created) if (entry.link) tokens.add(tokenFromLink(entry.link));
      return result.created.map((entry) => entry.invitation!.id);
    };
    const [emailed] = await create(["emailed@acme.com"], "email");
    const [linked] = await create(["linked@acme.com"], "link");
    const [both] = await create(["both@acme.com"], "both");
    const [toRevoke] = await create(["revoked@acme.com"], "both");
    await create(["replaced@acme.com"], "both");
    await create(["replaced@acme.com"], "both", { ifPending: "replace" });
    await create(["accepted@acme.com"], "link");
    const acceptToken = [...tokens].at(-1)!;
    await foyer.dispatcher.runOnce();
    for (const id of [emailed!, linked!, both!]) {
      const resent = await foyer.services.resendInvitation(dana, id, { delivery: "both" });
      if (resent.link) tokens.add(tokenFromLink(resent.link));
    }
    await foyer.services.revokeInvitation(dana, toRevoke!);
    await foyer.dispatcher.runOnce();
    for (const message of foyer.mailbox.messages()) {
      for (const link of message.links) tokens.add(tokenFromLink(link));
    }
    expect((await foyer.services.previewInvitation(acceptToken)).email).toBe("accepted@acme.com");
    await foyer.services.acceptInvitation({
      token: acceptToken,
      firstName: "Ada",
      lastName: "Lovelace",
      password: STRONG,
      passwordConfirmation: STRONG,
    });
    // 6 links at creation, 3 at resend, and the first email of the email-only invitation.
    expect(tokens.size).toBe(10);

    const dump = await foyer.store.transaction(async (tx) => {
      const db = tx.raw as Kysely<unknown>;
      const rows: unknown[] = [];
      for (const table of FOYER_TABLES) {
        const result = await sql`select * from ${sql.table(table)}`.execute(db);
        rows.push(...result.rows);
      }
      return rows;
    });
    const text = JSON.stringify(dump);
    expect(text).toContain("emailed@acme.com");
    for (const token of tokens) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(token.split(".")[1]);
    }
    // Not even a string the test did not think of opens anything.
    const candidates = [...strings(dump, new Set())].filter((value) => value.length >= 16);
    expect(candidates.length).toBeGreaterThan(20);
    for (const candidate of candidates) {
      await expect(foyer.services.previewInvitation(candidate)).rejects.toMatchObject({
        code: "TOKEN_INVALID",
      });
    }
  });
});
