import { describe, expect, it } from "vitest";
import { createTestFoyer, tokenFromLink } from "../fixtures.ts";
import { PermanentMailError } from "../outbox/dispatcher.ts";
import { createMemoryStore } from "../store/memory/memory-store.ts";
import { a, advance, clock, foyer, invite, useTestFoyer } from "./test-setups.ts";

useTestFoyer();

describe("email outbox", () => {
  it("R-EML-02: the email is queued with the change and the dispatcher records delivery per invitation", async () => {
    const created = await invite(a.acmeAdmin, {
      emails: ["ana@acme.com"],
      delivery: "email",
      message: "Hi <script>",
    });
    const id = created.created[0]!.invitation!.id;
    expect((await foyer.services.getInvitation(a.acmeAdmin, id)).invitation.delivery.status).toBe(
      "queued",
    );
    expect(await foyer.dispatcher.runOnce()).toBe(1);
    const mail = foyer.mailbox.latestTo("ana@acme.com");
    expect(mail?.subject).toBe("Dana Smith invited you to join Acme Corp");
    expect(mail?.html).toContain("Hi &lt;script&gt;");
    expect(mail?.html).not.toContain("<script>");
    expect(mail?.text).toContain("as Client user");
    expect(mail?.links[0]).toMatch(
      /^https:\/\/acme\.example\.com\/accept-invite#token=k1\.[A-Za-z0-9_-]{43}$/,
    );
    expect((await foyer.services.previewInvitation(tokenFromLink(mail!.links[0]!))).email).toBe(
      "ana@acme.com",
    );
    expect((await foyer.services.getInvitation(a.acmeAdmin, id)).invitation.delivery.status).toBe(
      "sent",
    );
    expect(await foyer.dispatcher.runOnce()).toBe(0);
  });

  it("R-EML-02: a failing mailer loses nothing: the email retries with back-off and reports its reason", async () => {
    let fail = true;
    const flaky = await createTestFoyer(createMemoryStore(), {
      now: () => new Date(clock),
      mailer: {
        async send() {
          if (fail) throw new Error("452 mailbox full");
        },
      },
    });
    const created = await flaky.services.createInvitations(flaky.fixture.actors.acmeAdmin, {
      tenantId: "acme",
      roleId: "client_user",
      emails: ["ana@acme.com"],
    });
    const id = created.created[0]!.invitation!.id;
    expect(await flaky.dispatcher.runOnce()).toBe(1);
    const afterFailure = (await flaky.services.getInvitation(flaky.fixture.actors.acmeAdmin, id))
      .invitation.delivery;
    expect(afterFailure).toMatchObject({ status: "queued", error: "452 mailbox full" });
    expect(await flaky.dispatcher.runOnce()).toBe(0);
    advance(31_000);
    fail = false;
    expect(await flaky.dispatcher.runOnce()).toBe(1);
    expect(
      (await flaky.services.getInvitation(flaky.fixture.actors.acmeAdmin, id)).invitation.delivery,
    ).toMatchObject({ status: "sent", attempts: 2, error: null });
  });

  it("R-EML-02: a permanent failure fails at once with the server's reason", async () => {
    const bounced = await createTestFoyer(createMemoryStore(), {
      now: () => new Date(clock),
      mailer: {
        async send() {
          throw new PermanentMailError("550 5.1.1 mailbox unknown");
        },
      },
    });
    const created = await bounced.services.createInvitations(bounced.fixture.actors.acmeAdmin, {
      tenantId: "acme",
      roleId: "client_user",
      emails: ["ana@acme.com"],
    });
    expect(await bounced.dispatcher.runOnce()).toBe(1);
    const id = created.created[0]!.invitation!.id;
    expect(
      (await bounced.services.getInvitation(bounced.fixture.actors.acmeAdmin, id)).invitation
        .delivery,
    ).toMatchObject({ status: "failed", error: "550 5.1.1 mailbox unknown", attempts: 1 });
    advance(86_400_000);
    expect(await bounced.dispatcher.runOnce()).toBe(0);
  });

  it("R-EML-05: a revoked invitation's queued email is cancelled and never sent", async () => {
    const created = await invite(a.acmeAdmin, { emails: ["ana@acme.com"], delivery: "email" });
    const id = created.created[0]!.invitation!.id;
    const revoked = await foyer.services.revokeInvitation(a.acmeAdmin, id);
    expect(revoked.invitation.delivery).toMatchObject({
      status: "cancelled",
      error: "Invitation revoked",
    });
    expect(await foyer.dispatcher.runOnce()).toBe(0);
    expect(foyer.mailbox.messages()).toHaveLength(0);
    expect((await foyer.store.listEmails({ invitationId: id })).map((e) => e.status)).toEqual([
      "cancelled",
    ]);
  });

  it("R-EML-05: a replaced invitation's email is cancelled; a revoke after sending keeps it sent", async () => {
    const first = await invite(a.acmeAdmin, { emails: ["ana@acme.com"], delivery: "email" });
    const replaced = first.created[0]!.invitation!.id;
    const second = await invite(a.acmeAdmin, {
      emails: ["ana@acme.com"],
      delivery: "email",
      ifPending: "replace",
    });
    expect(
      (await foyer.services.getInvitation(a.acmeAdmin, replaced)).invitation.delivery.status,
    ).toBe("cancelled");
    expect(await foyer.dispatcher.runOnce()).toBe(1);
    expect(foyer.mailbox.messages()).toHaveLength(1);
    const current = second.created[0]!.invitation!.id;
    const afterSend = await foyer.services.revokeInvitation(a.acmeAdmin, current);
    expect(afterSend.invitation.delivery).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("R-EML-05: an email whose invitation expired before it went out is cancelled, not sent", async () => {
    await invite(a.acmeAdmin, { emails: ["ana@acme.com"], delivery: "email", expiresIn: "24h" });
    advance(25 * 3_600_000);
    expect(await foyer.dispatcher.runOnce()).toBe(0);
    expect(foyer.mailbox.messages()).toHaveLength(0);
    const [email] = await foyer.store.listEmails({});
    expect(email).toMatchObject({ status: "cancelled", lastError: "The invitation is expired" });
  });
});
