import { describe, expect, it } from "vitest";
import { a, accept, code, foyer, invite, inviteOne, useTestFoyer } from "../test-setups.ts";

useTestFoyer();

describe("tenancy and permissions", () => {
  it("R-TEN-01: an MSP admin's scope is its tenant and its children; a client admin's only its own", async () => {
    const msp = await foyer.services.getContext(a.mspAdmin);
    expect(msp.tenants.map((t) => t.tenant.id).sort()).toEqual(["acme", "globex", "northwind"]);
    const client = await foyer.services.getContext(a.acmeAdmin);
    expect(client.tenants.map((t) => t.tenant.id)).toEqual(["acme"]);
    expect(client.tenants[0]?.tenant).toMatchObject({
      name: "Acme Corp",
      logoUrl: "https://acme.example.com/logo.png",
      accentColor: "#4f46e5",
      inviteBaseUrl: "https://acme.example.com",
    });
    const globex = msp.tenants.find((t) => t.tenant.id === "globex")?.tenant;
    expect(globex).toMatchObject({ ssoEnabled: true, seatLimit: 5, status: "active" });
  });

  it("R-TEN-01: a tenant's logo must be https and its accent colour a CSS hex colour", async () => {
    await expect(
      foyer.admin.upsertTenant({ id: "x", name: "X", logoUrl: "http://x.example.com/l.png" }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "logoUrl" }] });
    await expect(
      foyer.admin.upsertTenant({ id: "x", name: "X", accentColor: "red; background:url(x)" }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "accentColor" }] });
  });

  it("R-TEN-01: a cancelled tenant's invitations stop working and it takes no new ones", async () => {
    const { token } = await inviteOne();
    await foyer.admin.upsertTenant({
      ...(await foyer.store.getTenant("acme"))!,
      status: "cancelled",
    });
    expect(await code(foyer.services.previewInvitation(token))).toBe("TENANT_INACTIVE");
    expect(await code(accept(token))).toBe("TENANT_INACTIVE");
    expect(await code(invite(a.mspAdmin, { emails: ["new@acme.com"] }))).toBe("TENANT_INACTIVE");
  });

  it("R-TEN-02: roles are the host's data, offered per tenant tree", async () => {
    const northwind = await foyer.services.listTenantRoles(a.mspAdmin, "northwind");
    expect(northwind.roles.map((r) => r.role.id)).toEqual([
      "msp_admin",
      "msp_technician",
      "client_admin",
      "client_user",
    ]);
    // The client tenant inherits its MSP's catalogue, less the MSP staff roles (R-TEN-05).
    const acme = await foyer.services.listTenantRoles(a.mspAdmin, "acme");
    expect(acme.roles.map((r) => r.role.id)).toEqual(["client_admin", "client_user"]);
    const guardian = await foyer.services.listTenantRoles(a.guardianAdmin, "guardian");
    expect(guardian.roles.map((r) => r.role.id)).toEqual(["guardian_admin", "guardian_standard"]);
  });

  it("R-TEN-03: every admin call needs its permission and stays inside the actor's scope", async () => {
    const { invitation } = await inviteOne();
    expect(await code(invite(a.acmeUser, { emails: ["x@acme.com"] }))).toBe("FORBIDDEN");
    expect(await code(foyer.services.listInvitations(a.acmeUser, { tenantId: "acme" }))).toBe(
      "FORBIDDEN",
    );
    expect(await code(foyer.services.revokeInvitation(a.technician, invitation.id))).toBe(
      "FORBIDDEN",
    );
    // Another tenant's data answers 404, so its existence does not leak.
    expect(await code(foyer.services.listInvitations(a.globexAdmin, { tenantId: "acme" }))).toBe(
      "TENANT_NOT_FOUND",
    );
    expect(await code(foyer.services.getInvitation(a.globexAdmin, invitation.id))).toBe(
      "INVITATION_NOT_FOUND",
    );
    expect(await code(foyer.services.revokeInvitation(a.guardianAdmin, invitation.id))).toBe(
      "INVITATION_NOT_FOUND",
    );
    expect(await code(foyer.services.resendInvitation(a.guardianAdmin, invitation.id, {}))).toBe(
      "INVITATION_NOT_FOUND",
    );
    expect(await code(foyer.services.listInvitationEvents(a.globexAdmin, invitation.id, {}))).toBe(
      "INVITATION_NOT_FOUND",
    );
    expect(await code(invite(a.globexAdmin, { emails: ["x@acme.com"] }))).toBe("TENANT_NOT_FOUND");
    // The MSP admin reaches its child tenant.
    const ok = await foyer.services.revokeInvitation(a.mspAdmin, invitation.id);
    expect(ok.invitation.status).toBe("revoked");
  });

  it("R-TEN-03: a list of the actor's own tenant, read while the access resolves, is handed out only when the access allows", async () => {
    await inviteOne();
    // A refused actor learns nothing, not even that its cursor was malformed.
    expect(
      await code(foyer.services.listInvitations(a.acmeUser, { tenantId: "acme", cursor: "x" })),
    ).toBe("FORBIDDEN");
    expect(
      await code(foyer.services.listInvitations(a.acmeAdmin, { tenantId: "acme", cursor: "x" })),
    ).toBe("VALIDATION_FAILED");
    const before = await foyer.services.listInvitations(a.acmeAdmin, {
      tenantId: "acme",
      counts: "true",
    });
    expect(before.items).toHaveLength(1);
    expect(before.counts?.pending).toBe(1);
    await foyer.admin.upsertTenant({
      ...(await foyer.store.getTenant("acme"))!,
      status: "cancelled",
    });
    expect(
      await code(foyer.services.listInvitations(a.acmeAdmin, { tenantId: "acme", counts: "true" })),
    ).toBe("FORBIDDEN");
  });

  it("R-TEN-04: an inviter grants only roles up to its own rank, and MSP staff roles only as MSP staff", async () => {
    // In a client tenant an MSP staff role is not even there to grant (R-TEN-05).
    expect(
      await code(invite(a.acmeAdmin, { emails: ["x@acme.com"], roleId: "msp_technician" })),
    ).toBe("ROLE_NOT_FOUND");
    expect(
      await code(
        invite(a.technician, { tenantId: "northwind", emails: ["x@nw.com"], roleId: "msp_admin" }),
      ),
    ).toBe("ROLE_NOT_GRANTABLE");
    const ok = await invite(a.acmeAdmin, { emails: ["x@acme.com"], roleId: "client_admin" });
    expect(ok.created).toHaveLength(1);
    const roles = await foyer.services.listTenantRoles(a.acmeAdmin, "acme");
    expect(roles.roles.filter((r) => r.grantable).map((r) => r.role.id)).toEqual([
      "client_admin",
      "client_user",
    ]);
    expect(
      await code(invite(a.acmeAdmin, { emails: ["x2@acme.com"], roleId: "guardian_admin" })),
    ).toBe("ROLE_NOT_FOUND");
  });
});
