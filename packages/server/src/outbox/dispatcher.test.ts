import { describe, expect, it } from "vitest";
import {
  emailFixture,
  invitationFixture,
  minutes,
  NOW,
  tenantFixture,
} from "../store/conformance/fixtures.ts";
import { createMemoryStore } from "../store/memory/memory-store.ts";
import type { Store } from "../store/types.ts";
import type { MailMessage } from "../types.ts";
import { createDispatcher } from "./dispatcher.ts";

const quiet = { info() {}, warn() {}, error() {} };

/** `count` queued invitation emails, each with its own pending invitation. */
async function queued(store: Store, count: number) {
  const tenant = tenantFixture();
  await store.upsertTenant(tenant);
  const invitations = Array.from({ length: count }, (_, i) =>
    invitationFixture({ tenantId: tenant.id, email: `p${i}@example.com` }),
  );
  await store.insertInvitations(invitations);
  const emails = invitations.map((invitation) =>
    emailFixture({
      tenantId: tenant.id,
      invitationId: invitation.id,
      to: invitation.email,
      nextAttemptAt: minutes(-1),
    }),
  );
  await store.enqueueEmails(emails);
  return emails;
}

describe("outbox dispatcher", () => {
  it("R-EML-05: an email that cannot be composed holds back no other email of its round, and none goes out twice", async () => {
    const store = createMemoryStore();
    const emails = await queued(store, 4);
    const poison = emails[1]!.id;
    const sent: string[] = [];
    const dispatcher = createDispatcher({
      store,
      logger: quiet,
      now: () => NOW,
      // One chunk holds the whole round.
      concurrency: 1,
      mailer: {
        async send(message: MailMessage) {
          sent.push(message.id ?? "");
        },
      },
      async compose(_tx, email) {
        if (email.id === poison) throw new Error("template broke");
        return {
          message: { id: email.id, to: email.to, subject: "Hi", html: "<p>Hi</p>", text: "Hi" },
        };
      },
    });

    expect(await dispatcher.runOnce()).toBe(3);
    expect(sent.sort()).toEqual(
      emails
        .map((e) => e.id)
        .filter((id) => id !== poison)
        .sort(),
    );
    const rows = await store.listEmails({});
    expect(rows.filter((row) => row.status === "sent")).toHaveLength(3);
    // The email that failed to compose stays queued under its lease, for a later round.
    expect(rows.find((row) => row.id === poison)).toMatchObject({ status: "queued", attempts: 0 });
    expect(await dispatcher.runOnce()).toBe(0);
    expect(sent).toHaveLength(3);
  });

  it("R-EML-02: a chunk's emails go out together and each one's status is written with its invitation's", async () => {
    const store = createMemoryStore();
    const emails = await queued(store, 6);
    let inFlight = 0;
    let most = 0;
    const dispatcher = createDispatcher({
      store,
      logger: quiet,
      now: () => NOW,
      concurrency: 2,
      mailer: {
        async send(message: MailMessage) {
          inFlight += 1;
          most = Math.max(most, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight -= 1;
          if (message.to === "p4@example.com") throw new Error("452 mailbox full");
        },
      },
      async compose(_tx, email) {
        return {
          message: { id: email.id, to: email.to, subject: "Hi", html: "<p>Hi</p>", text: "Hi" },
        };
      },
    });

    expect(await dispatcher.runOnce()).toBe(6);
    // The memory store runs one transaction at a time: three sends of a chunk overlapped.
    expect(most).toBe(3);
    for (const email of emails) {
      const invitation = await store.getInvitation(email.invitationId!);
      const failed = email.to === "p4@example.com";
      expect(invitation).toMatchObject({
        deliveryStatus: failed ? "queued" : "sent",
        deliveryAttempts: 1,
        deliveryError: failed ? "452 mailbox full" : null,
      });
    }
  });
});
