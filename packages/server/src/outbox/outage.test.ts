import type { AuditEvent, Invitation } from "@foyer/core";
import { afterEach, describe, expect, it } from "vitest";
import { createTestFoyer, type TestFoyer, tokenFromLink } from "../fixtures.ts";
import { createPostgresStore } from "../pg.ts";
import { createPGliteStore } from "../pglite.ts";
import { createSmtpMailer } from "../smtp.ts";
import type { Store } from "../store/types.ts";
import { createOwnDatabase } from "./own-database.fixture.ts";
import { startSmtpSink } from "./smtp-sink.fixture.ts";

// R-EML-02 over real SMTP: the mail server is down while invitations are created through
// the HTTP API, the dispatcher keeps trying with back-off, the server comes back, and every
// email arrives exactly once for its invitation's token; one recipient the server refuses
// for good (550) ends failed with the server's reason, in the list and the audit trail.
// On PGlite, and on PostgreSQL (a database of its own) when FOYER_TEST_DATABASE_URL is set.

const postgresUrl = process.env.FOYER_TEST_DATABASE_URL || undefined;
const REFUSAL = "5.1.1 <bounce@acme.com>: Recipient address rejected: User unknown";
const cleanups: (() => Promise<unknown> | unknown)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openStore(kind: "PGlite" | "PostgreSQL"): Promise<Store> {
  if (kind === "PGlite") {
    const store = await createPGliteStore();
    cleanups.push(() => store.close());
    return store;
  }
  const database = await createOwnDatabase(postgresUrl!, "foyer_outage");
  cleanups.push(() => database.drop());
  const store = await createPostgresStore({ connectionString: database.url, max: 6 });
  cleanups.push(() => store.close());
  return store;
}

type Api = (method: "GET" | "POST", path: string, body?: unknown) => Promise<unknown>;

function apiOf(foyer: TestFoyer): Api {
  const actor = foyer.fixture.actors.acmeAdmin.id;
  return async (method, path, body) => {
    const response = await foyer.handler(
      new Request(`https://app.example.com${path}`, {
        method,
        headers: {
          authorization: `Bearer ${actor}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    const answer: unknown = await response.json();
    expect(response.status, JSON.stringify(answer)).toBe(200);
    return answer;
  };
}

/** The list API's invitations to these addresses, by address. */
async function listed(api: Api, emails: string[]): Promise<Map<string, Invitation>> {
  const page = (await api("GET", "/invitations?tenantId=acme&status=all&limit=100")) as {
    items: Invitation[];
  };
  const found = new Map(page.items.map((item) => [item.email, item]));
  return new Map(emails.map((email) => [email, found.get(email)!]));
}

describe.each(["PGlite", "PostgreSQL"] as const)("an SMTP outage on %s", (kind) => {
  it.runIf(kind === "PGlite" || postgresUrl !== undefined)(
    `R-EML-02: ${kind}: emails queued during an outage all arrive once it ends, once per token; a 550 fails with the server's reason`,
    async () => {
      const sink = await startSmtpSink({
        refuse: (address) => (address === "bounce@acme.com" ? REFUSAL : null),
      });
      cleanups.push(() => sink.stop());
      await sink.stop(); // the outage: connections to its port are refused from now on
      const mailer = createSmtpMailer({
        url: sink.url,
        from: "Acme Team <no-reply@acme.test>",
        timeoutMs: 5000,
      });
      cleanups.push(() => mailer.close());
      let offset = 0;
      const hostEvents: AuditEvent[] = [];
      const foyer = await createTestFoyer(await openStore(kind), {
        mailer,
        now: () => new Date(Date.now() + offset),
        dispatcher: { baseDelayMs: 60_000 },
        hooks: { onEvent: (event) => void hostEvents.push(event) },
      });
      const api = apiOf(foyer);
      const invite = (emails: string[]) =>
        api("POST", "/invitations", {
          tenantId: "acme",
          roleId: "client_user",
          emails,
          delivery: "email",
        });
      const early = ["ana@acme.com", "ben@acme.com", "cy@acme.com", "bounce@acme.com"];
      const late = ["dee@acme.com", "eli@acme.com", "fay@acme.com"];
      const all = [...early, ...late];

      await invite(early);
      expect(await foyer.dispatcher.runOnce()).toBe(4);
      for (const invitation of (await listed(api, early)).values()) {
        expect(invitation.delivery).toMatchObject({ status: "queued", attempts: 1 });
        expect(invitation.delivery.error).toMatch(/ECONNREFUSED/);
      }
      // Not due again before its back-off has passed.
      expect(await foyer.dispatcher.runOnce()).toBe(0);
      offset += 3_600_000;
      expect(await foyer.dispatcher.runOnce()).toBe(4);
      // More invitations while the server is still down.
      await invite(late);
      offset += 3_600_000;
      expect(await foyer.dispatcher.runOnce()).toBe(7);
      for (const invitation of (await listed(api, all)).values()) {
        expect(invitation.delivery.status).toBe("queued");
      }

      await sink.start();
      offset += 3_600_000;
      let rounds = 0;
      while ((await foyer.dispatcher.runOnce()) > 0) rounds += 1;
      expect(rounds).toBe(1);

      // Every email arrived once, to its one recipient, with a link for its own invitation.
      const delivered = all.filter((email) => email !== "bounce@acme.com");
      expect(sink.received.map((message) => message.to).sort()).toEqual(
        delivered.map((email) => [email]).sort(),
      );
      const tokens = new Set<string>();
      for (const message of sink.received) {
        const link = /https:\/\/\S+#token=\S+/.exec(message.mail?.text ?? "")?.[0];
        expect(link, message.mail?.text).toBeDefined();
        const token = tokenFromLink(link!);
        tokens.add(token);
        expect((await foyer.services.previewInvitation(token)).email).toBe(message.to[0]);
      }
      expect(tokens.size).toBe(delivered.length);
      expect(new Set(sink.received.map((message) => message.messageId)).size).toBe(
        delivered.length,
      );

      // queued → sent in the list, with the attempts it took; the refusal failed for good.
      const after = await listed(api, all);
      for (const email of delivered) {
        expect(after.get(email)?.delivery).toMatchObject({
          status: "sent",
          error: null,
          attempts: early.includes(email) ? 4 : 2,
        });
      }
      const bounced = after.get("bounce@acme.com")!;
      expect(bounced.delivery).toMatchObject({ status: "failed", attempts: 4 });
      expect(bounced.delivery.error).toContain(REFUSAL);

      // The audit trail says the same, and the host heard it through onEvent.
      const trail = (await api("GET", `/invitations/${bounced.id}/events`)) as {
        items: AuditEvent[];
      };
      expect(trail.items.map((event) => event.action)).toEqual(["email_failed", "created"]);
      expect(trail.items[0]).toMatchObject({ source: "system", subjectEmail: "bounce@acme.com" });
      expect(trail.items[0]?.data).toMatchObject({ kind: "invitation", attempts: 4 });
      expect(String(trail.items[0]?.data.reason)).toContain(REFUSAL);
      const sent = (await api("GET", `/invitations/${after.get("ana@acme.com")!.id}/events`)) as {
        items: AuditEvent[];
      };
      expect(sent.items.map((event) => event.action)).toEqual(["email_sent", "created"]);
      expect(sent.items[0]?.data).toMatchObject({ attempts: 4 });
      expect(hostEvents.filter((event) => event.action === "email_sent")).toHaveLength(6);
      expect(hostEvents.filter((event) => event.action === "email_failed")).toHaveLength(1);

      // Nothing is left to send, however long one waits.
      offset += 86_400_000;
      expect(await foyer.dispatcher.runOnce()).toBe(0);
      expect(sink.received).toHaveLength(delivered.length);
    },
    240_000,
  );
});
