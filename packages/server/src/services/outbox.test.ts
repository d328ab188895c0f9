import { describe, expect, it } from "vitest";
import { createTestFoyer, tokenFromLink } from "../fixtures.ts";
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
      /^https:\/\/acme\.example\.com\/accept-invite#token=[A-Za-z0-9_-]{43}$/,
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
      (await flaky.services.getInvitation(flaky.fixture.actors.acmeAdmin, id)).invitation.delivery
        .status,
    ).toBe("sent");
  });

  it("R-EML-02: a revoked invitation's queued email is never sent", async () => {
    const created = await invite(a.acmeAdmin, { emails: ["ana@acme.com"], delivery: "email" });
    await foyer.services.revokeInvitation(a.acmeAdmin, created.created[0]!.invitation!.id);
    expect(await foyer.dispatcher.runOnce()).toBe(0);
    expect(foyer.mailbox.messages()).toHaveLength(0);
  });
});
