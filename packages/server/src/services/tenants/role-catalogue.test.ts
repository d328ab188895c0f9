import { describe, expect, it } from "vitest";
import { newInvitationRow } from "../../store/new-invitation-row.ts";
import { hashToken } from "../../tokens.ts";
import { a, accept, clock, code, foyer, HOUR, invite, useTestFoyer } from "../test-setups.ts";

useTestFoyer();

const MSP_ROLES = ["msp_admin", "msp_technician"];

/** An invitation to `roleId` in Acme as an older Foyer could have stored it; answers its token. */
async function storedInvitation(roleId: string): Promise<string> {
  const token = `stored-token-${roleId}-0123456789abcdefghijklmnopqrstuvwxyz`;
  const row = newInvitationRow(
    {
      id: `inv_${roleId}`,
      tenantId: "acme",
      email: `${roleId}@acme.com`,
      roleId,
      sentAt: clock,
      expiresAt: new Date(clock.getTime() + 72 * HOUR),
    },
    a.mspAdmin,
  );
  await foyer.store.insertInvitations([row]);
  await foyer.store.insertTokens([
    { hash: await hashToken(token), invitationId: row.id, createdAt: clock, supersededAt: null },
  ]);
  return token;
}

describe("role catalogues by tenant kind (R-TEN-05)", () => {
  it("R-TEN-05: client tenants list no MSP staff role; the MSP tenant lists them", async () => {
    for (const tenantId of ["acme", "globex"]) {
      const { roles } = await foyer.services.listTenantRoles(a.mspAdmin, tenantId);
      expect(roles.map((r) => r.role.id)).toEqual(["client_admin", "client_user"]);
    }
    const northwind = await foyer.services.listTenantRoles(a.mspAdmin, "northwind");
    expect(northwind.roles.map((r) => r.role.id)).toEqual(expect.arrayContaining(MSP_ROLES));
    expect(northwind.roles.find((r) => r.role.id === "msp_admin")?.grantable).toBe(true);
  });

  it("R-TEN-05: an MSP admin cannot invite anyone into a client tenant with an MSP staff role", async () => {
    for (const roleId of MSP_ROLES) {
      const refused = invite(a.mspAdmin, { tenantId: "acme", emails: ["x@acme.com"], roleId });
      await expect(refused).rejects.toMatchObject({
        code: "ROLE_NOT_FOUND",
        issues: [{ path: "roleId" }],
      });
    }
    expect(await foyer.store.findOpenInvitations("acme", ["x@acme.com"])).toEqual([]);
    const staff = await invite(a.mspAdmin, {
      tenantId: "northwind",
      emails: ["new.tech@northwind.com"],
      roleId: "msp_technician",
    });
    expect(staff.created).toHaveLength(1);
  });

  it("R-TEN-05: an invitation to an MSP staff role in a client tenant, stored earlier, opens nothing", async () => {
    const token = await storedInvitation("msp_admin");
    expect(await code(foyer.services.previewInvitation(token))).toBe("TOKEN_INVALID");
    expect(await code(accept(token))).toBe("TOKEN_INVALID");
    expect(await foyer.store.findMembersByEmails(["msp_admin@acme.com"])).toEqual([]);
    expect(foyer.users.users.has("msp_admin@acme.com")).toBe(false);
  });

  it("R-TEN-05: a client-tenant member holding an MSP staff role acts with nothing", async () => {
    // As an older Foyer could have added them.
    await foyer.store.insertMember({
      id: "member_rogue",
      tenantId: "acme",
      userId: "rogue",
      email: "rogue@acme.com",
      roleId: "msp_admin",
      status: "active",
      source: "manual",
      createdAt: clock,
    });
    const rogue = {
      id: "rogue",
      email: "rogue@acme.com",
      name: null,
      tenantId: "acme",
      roleId: "msp_admin",
    };
    expect(await code(foyer.services.getContext(rogue))).toBe("FORBIDDEN");
    expect(await code(invite(rogue, { emails: ["more@acme.com"], roleId: "client_user" }))).toBe(
      "FORBIDDEN",
    );
  });

  it("R-TEN-05: admin.addMember refuses an MSP staff role in a client tenant, naming the field", async () => {
    await expect(
      foyer.admin.addMember({
        tenantId: "globex",
        userId: "gus",
        email: "gus@globex.com",
        roleId: "msp_technician",
      }),
    ).rejects.toMatchObject({ code: "ROLE_NOT_FOUND", issues: [{ path: "roleId" }] });
    expect(await foyer.store.findMembersByEmails(["gus@globex.com"])).toEqual([]);
  });
});
