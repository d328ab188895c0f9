import { describe, expect, it } from "vitest";
import { createTestFoyer } from "../../fixtures.ts";
import { createMemoryStore } from "../../store/memory/memory-store.ts";
import { a, foyer, invite, useTestFoyer } from "../test-setups.ts";

useTestFoyer();

// One address, whatever its spelling: core's `emailKey` (normalizeEmail, punycode domain) is
// the form every path stores and compares, members, host users and invitations alike.
describe("email identity", () => {
  it("R-INV-04: inviting Max@Bücher.de when max@bücher.de is a member is refused as already a member", async () => {
    await foyer.admin.addMember({
      tenantId: "acme",
      userId: "max",
      email: "max@bücher.de",
      roleId: "client_user",
    });
    const result = await invite(a.acmeAdmin, { emails: ["Max@Bücher.de"] });
    expect(result.created).toEqual([]);
    expect(result.skipped).toEqual([
      expect.objectContaining({
        input: "Max@Bücher.de",
        email: "max@xn--bcher-kva.de",
        reason: "already_member",
      }),
    ]);
    const [member] = await foyer.store.findMembersByEmails(["max@xn--bcher-kva.de"]);
    expect(member).toMatchObject({ userId: "max", email: "max@xn--bcher-kva.de" });
  });

  it("R-INV-04: a host user found under another spelling of the address is already a member", async () => {
    const hosted = await createTestFoyer(createMemoryStore(), {
      hooks: {
        authenticate: () => null,
        createAccount: async () => ({ id: "unused" }),
        // A host that keeps addresses as typed and compares them its own way.
        async findUsersByEmails(emails) {
          return emails.includes("max@xn--bcher-kva.de")
            ? [{ id: "host-max", email: "MAX@Bücher.DE", active: true }]
            : [];
        },
      },
    });
    const result = await hosted.services.createInvitations(hosted.fixture.actors.acmeAdmin, {
      tenantId: "acme",
      roleId: "client_user",
      delivery: "link",
      emails: ["max@bücher.de"],
    });
    expect(result.created).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual(["already_member"]);
  });

  it("R-INV-04: admin.addMember refuses text that is not an address, naming the field", async () => {
    await expect(
      foyer.admin.addMember({
        tenantId: "acme",
        userId: "nobody",
        email: "not an address",
        roleId: "client_user",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "email" }] });
  });
});
