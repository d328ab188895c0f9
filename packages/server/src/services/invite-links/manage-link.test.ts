import { describe, expect, it } from "vitest";
import { tokenFromLink } from "../../fixtures.ts";
import { hashToken } from "../../tokens.ts";
import { a, advance, clock, code, foyer, HOUR, useTestFoyer } from "../test-setups.ts";
import { enableLink, join } from "./test-kit.ts";

useTestFoyer();

const INVALID =
  "This invite link is not valid or has been deactivated. Please contact your administrator.";

async function events(tenantId = "acme") {
  return (await foyer.services.listTenantEvents(a.mspAdmin, tenantId, {})).items;
}

describe("managing the link", () => {
  it("R-LNK-01: only invite_links:manage in scope sees or changes the link", async () => {
    expect(await code(foyer.services.getInviteLink(a.acmeUser, "acme"))).toBe("FORBIDDEN");
    expect(await code(foyer.services.getInviteLink(a.technician, "acme"))).toBe("FORBIDDEN");
    expect(
      await code(foyer.services.updateInviteLink(a.acmeUser, "acme", { enabled: false })),
    ).toBe("FORBIDDEN");
    expect(await code(foyer.services.regenerateInviteLink(a.acmeUser, "acme"))).toBe("FORBIDDEN");
    expect(await code(foyer.services.getInviteLink(a.guardianAdmin, "acme"))).toBe(
      "TENANT_NOT_FOUND",
    );
    expect(await code(foyer.services.getInviteLink(a.acmeAdmin, "globex"))).toBe(
      "TENANT_NOT_FOUND",
    );
    // The MSP admin reaches its client tenants.
    expect((await foyer.services.getInviteLink(a.mspAdmin, "acme")).link.tenantId).toBe("acme");
  });

  it("R-LNK-01: a new tenant's link is off without a URL; enabling requires a default role", async () => {
    const { link } = await foyer.services.getInviteLink(a.acmeAdmin, "acme");
    expect(link).toMatchObject({ enabled: false, state: "disabled", url: null, role: null });
    const refused = foyer.services.updateInviteLink(a.acmeAdmin, "acme", { enabled: true });
    await expect(refused).rejects.toMatchObject({
      code: "INVITE_LINK_ROLE_REQUIRED",
      issues: [{ path: "roleId", message: expect.any(String) }],
    });
    expect((await foyer.services.getInviteLink(a.acmeAdmin, "acme")).link.enabled).toBe(false);
    const { link: on } = await enableLink();
    expect(on).toMatchObject({
      enabled: true,
      state: "active",
      role: { id: "client_user", name: "Client user" },
    });
    expect(on.url).toMatch(/^https:\/\/acme\.example\.com\/join#token=k1\.[A-Za-z0-9_-]{43}$/);
  });

  it("R-LNK-01: the default role must be one the actor may grant", async () => {
    // A client role ranked above the client admin's own (R-TEN-04: "never more").
    await foyer.admin.upsertRole({
      id: "client_owner",
      name: "Client owner",
      rank: 60,
      tenantId: "northwind",
    });
    expect(
      await code(
        foyer.services.updateInviteLink(a.acmeAdmin, "acme", {
          enabled: true,
          roleId: "client_owner",
        }),
      ),
    ).toBe("ROLE_NOT_GRANTABLE");
    expect(
      await code(
        foyer.services.updateInviteLink(a.acmeAdmin, "acme", { roleId: "guardian_standard" }),
      ),
    ).toBe("ROLE_NOT_FOUND");
    // A role an MSP admin set cannot be switched on by a client admin who could not grant it.
    await foyer.services.updateInviteLink(a.mspAdmin, "acme", { roleId: "client_owner" });
    expect(
      await code(foyer.services.updateInviteLink(a.acmeAdmin, "acme", { enabled: true })),
    ).toBe("ROLE_NOT_GRANTABLE");
    await expect(
      foyer.services.updateInviteLink(a.mspAdmin, "acme", { enabled: true }),
    ).resolves.toMatchObject({ link: { state: "active", role: { id: "client_owner" } } });
  });

  it("R-LNK-01: the URL can be copied any time, yet only the token's hash is stored", async () => {
    const { url, token } = await enableLink();
    expect((await foyer.services.getInviteLink(a.acmeAdmin, "acme")).link.url).toBe(url);
    expect((await foyer.services.getInviteLink(a.mspAdmin, "acme")).link.url).toBe(url);
    const row = await foyer.store.getInviteLink("acme");
    expect(row?.tokenHash).toBe(await hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token.split(".")[1]);
    // The audit trail names the change but holds no token either.
    const trail = JSON.stringify(await events());
    expect(trail).toContain("link_enabled");
    expect(trail).not.toContain(token.split(".")[1]);
  });

  it("R-LNK-02: toggling off kills the link at once; toggling on restores the same URL", async () => {
    const { url, token } = await enableLink();
    await foyer.services.updateInviteLink(a.acmeAdmin, "acme", { enabled: false });
    const off = await foyer.services.previewInviteLink(token);
    expect(off).toMatchObject({
      joinable: false,
      error: { code: "INVITE_LINK_INVALID", message: INVALID },
      tenant: { name: "Acme Corp" },
      role: null,
    });
    expect(await code(join(token, "off@acme.com"))).toBe("INVITE_LINK_INVALID");
    expect((await foyer.services.getInviteLink(a.acmeAdmin, "acme")).link).toMatchObject({
      enabled: false,
      state: "disabled",
      url,
    });

    const { link } = await foyer.services.updateInviteLink(a.acmeAdmin, "acme", { enabled: true });
    expect(link.url).toBe(url);
    expect((await foyer.services.previewInviteLink(token)).joinable).toBe(true);
    await expect(join(token, "on@acme.com")).resolves.toMatchObject({ next: "verify_email" });
  });

  it("R-LNK-02: a role change keeps the URL and applies only to later joins", async () => {
    const { url, token } = await enableLink();
    const first = await join(token, "first@acme.com");
    const { link } = await foyer.services.updateInviteLink(a.acmeAdmin, "acme", {
      roleId: "client_admin",
    });
    expect(link.url).toBe(url);
    expect(link.role).toEqual({ id: "client_admin", name: "Client admin" });
    const second = await join(token, "second@acme.com");
    const members = await foyer.store.findMembersByEmails(["first@acme.com", "second@acme.com"]);
    const roleOf = (userId: string) => members.find((m) => m.userId === userId)?.roleId;
    expect(roleOf(first.user.id)).toBe("client_user");
    expect(roleOf(second.user.id)).toBe("client_admin");
    expect(foyer.users.users.get("first@acme.com")?.roleId).toBe("client_user");
    expect(foyer.users.users.get("second@acme.com")?.roleId).toBe("client_admin");
  });

  it("R-LNK-02: a domain change keeps the URL and applies to the next join", async () => {
    const { url, token } = await enableLink({ allowedDomains: ["acme.com"] });
    expect(await code(join(token, "eve@partner.example"))).toBe("EMAIL_DOMAIN_NOT_ALLOWED");
    const { link } = await foyer.services.updateInviteLink(a.acmeAdmin, "acme", {
      allowedDomains: ["acme.com", "partner.example"],
    });
    expect(link.url).toBe(url);
    await expect(join(token, "eve@partner.example")).resolves.toMatchObject({ tenantId: "acme" });
    await foyer.services.updateInviteLink(a.acmeAdmin, "acme", { allowedDomains: [] });
    await expect(join(token, "any@elsewhere.example")).resolves.toMatchObject({ tenantId: "acme" });
  });

  it("R-LNK-03: revoke & generate kills the old URL for good and issues a new one", async () => {
    const { url: oldUrl, token: oldToken } = await enableLink();
    const { link } = await foyer.services.regenerateInviteLink(a.acmeAdmin, "acme");
    expect(link.url).not.toBe(oldUrl);
    expect(link).toMatchObject({ enabled: true, state: "active" });
    const newToken = tokenFromLink(link.url ?? "");

    expect(await foyer.services.previewInviteLink(oldToken)).toMatchObject({
      joinable: false,
      error: { message: INVALID },
      tenant: null,
    });
    expect(await code(join(oldToken, "late@acme.com"))).toBe("INVITE_LINK_INVALID");
    await expect(join(newToken, "new@acme.com")).resolves.toMatchObject({ tenantId: "acme" });

    // Off and on again brings the new URL back, never the old one.
    await foyer.services.updateInviteLink(a.acmeAdmin, "acme", { enabled: false });
    const again = await foyer.services.updateInviteLink(a.acmeAdmin, "acme", { enabled: true });
    expect(again.link.url).toBe(link.url);
    expect(await code(join(oldToken, "later@acme.com"))).toBe("INVITE_LINK_INVALID");
    expect((await events()).map((e) => e.action)).toContain("link_regenerated");
  });

  it("R-LNK-04: up to 50 domains, normalised from commas and newlines; 51 are refused", async () => {
    const { link } = await foyer.services.updateInviteLink(a.acmeAdmin, "acme", {
      allowedDomains: [" ACME.com., Bücher.de\npartner.example;acme.com", "@mail.acme.com"],
    });
    expect(link.allowedDomains).toEqual([
      "acme.com",
      "xn--bcher-kva.de",
      "partner.example",
      "mail.acme.com",
    ]);
    const fifty = Array.from({ length: 50 }, (_, i) => `d${i}.example`);
    const ok = await foyer.services.updateInviteLink(a.acmeAdmin, "acme", {
      allowedDomains: [fifty.join("\n")],
    });
    expect(ok.link.allowedDomains).toHaveLength(50);
    const refused = foyer.services.updateInviteLink(a.acmeAdmin, "acme", {
      allowedDomains: [...fifty, "d50.example"],
    });
    await expect(refused).rejects.toMatchObject({
      code: "TOO_MANY_DOMAINS",
      details: { count: 51, max: 50 },
      issues: [{ path: "allowedDomains" }],
    });
    expect((await foyer.services.getInviteLink(a.acmeAdmin, "acme")).link.allowedDomains).toEqual(
      fifty,
    );
    await expect(
      foyer.services.updateInviteLink(a.acmeAdmin, "acme", {
        allowedDomains: ["acme.com", "not a domain", "localhost"],
      }),
    ).rejects.toMatchObject({
      code: "DOMAIN_INVALID",
      details: { invalid: ["not", "a", "domain", "localhost"] },
    });
  });

  it("R-LNK-04: a domain a sibling tenant of the same MSP allows is refused, naming it", async () => {
    await foyer.services.updateInviteLink(a.acmeAdmin, "acme", {
      allowedDomains: ["acme.com", "shared.example"],
    });
    const refused = foyer.services.updateInviteLink(a.mspAdmin, "globex", {
      allowedDomains: ["globex.com", "SHARED.example"],
    });
    await expect(refused).rejects.toMatchObject({
      code: "DOMAIN_IN_USE",
      details: { domains: ["shared.example"] },
      issues: [{ path: "allowedDomains", message: expect.stringContaining("shared.example") }],
    });
    expect((await foyer.services.getInviteLink(a.mspAdmin, "globex")).link.allowedDomains).toEqual(
      [],
    );
    // A tenant outside the MSP may use it; the owner may save it again; once freed, it moves.
    await expect(
      foyer.services.updateInviteLink(a.guardianAdmin, "guardian", {
        allowedDomains: ["shared.example"],
      }),
    ).resolves.toBeDefined();
    await expect(
      foyer.services.updateInviteLink(a.acmeAdmin, "acme", {
        allowedDomains: ["shared.example", "acme.com"],
      }),
    ).resolves.toBeDefined();
    await foyer.services.updateInviteLink(a.acmeAdmin, "acme", { allowedDomains: ["acme.com"] });
    await expect(
      foyer.services.updateInviteLink(a.mspAdmin, "globex", { allowedDomains: ["shared.example"] }),
    ).resolves.toMatchObject({ link: { allowedDomains: ["shared.example"] } });
  });

  it("R-LNK-04: domain bypass attempts are refused; case and trailing dots normalise correctly", async () => {
    const { token } = await enableLink({ allowedDomains: ["acme.com"] });
    const refused: Array<[string, string]> = [
      ["eve@evil.test", "EMAIL_DOMAIN_NOT_ALLOWED"],
      ["eve@sub.acme.com", "EMAIL_DOMAIN_NOT_ALLOWED"],
      ["eve@acme.com.evil.test", "EMAIL_DOMAIN_NOT_ALLOWED"],
      ["eve@acme.co", "EMAIL_DOMAIN_NOT_ALLOWED"],
      ["eve@acmecom", "VALIDATION_FAILED"],
      ["eve@notacme.com", "EMAIL_DOMAIN_NOT_ALLOWED"],
      ["user@acme.com@evil.test", "VALIDATION_FAILED"],
      ['"user@acme.com"@evil.test', "VALIDATION_FAILED"],
      ['"user"@acme.com', "VALIDATION_FAILED"],
      // Cyrillic "а" in place of Latin "a": punycode, a different domain.
      ["eve@\u0430cme.com", "EMAIL_DOMAIN_NOT_ALLOWED"],
      ["eve@xn--cme-8cd.com", "EMAIL_DOMAIN_NOT_ALLOWED"],
      // A Greek omicron for the "o" (fullwidth letters, below, map to ASCII under IDNA).
      ["eve@acme.c\u03bfm", "EMAIL_DOMAIN_NOT_ALLOWED"],
      ["eve@acme.com%00.evil.test", "VALIDATION_FAILED"],
      ["eve@[127.0.0.1]", "VALIDATION_FAILED"],
      ["eve@acme.com\nbcc@evil.test", "VALIDATION_FAILED"],
    ];
    for (const [email, expected] of refused) {
      expect(await code(join(token, email)), email).toBe(expected);
    }
    expect([...foyer.users.users.values()].filter((u) => u.tenantId === "acme")).toHaveLength(2);

    const normalised: Array<[string, string]> = [
      ["Ann@ACME.COM", "ann@acme.com"],
      ["bob@acme.com.", "bob@acme.com"],
      ["  cy@Acme.Com  ", "cy@acme.com"],
      // Fullwidth letters are acme.com itself under IDNA: the same mailbox, not a bypass.
      ["dee@ａｃｍｅ.com", "dee@acme.com"],
    ];
    for (const [email, stored] of normalised) {
      const result = await join(token, email);
      expect(result.user.email, email).toBe(stored);
      expect(foyer.users.users.get(stored)?.id).toBe(result.user.id);
    }
  });

  it("R-LNK-05: an SSO tenant cannot enable its link; turning SSO on disables an active one", async () => {
    const globex = await foyer.services.getInviteLink(a.mspAdmin, "globex");
    expect(globex.link).toMatchObject({ ssoEnabled: true, state: "sso", enabled: false });
    const refused = foyer.services.updateInviteLink(a.mspAdmin, "globex", {
      enabled: true,
      roleId: "client_user",
    });
    await expect(refused).rejects.toMatchObject({
      code: "INVITE_LINK_SSO_ENABLED",
      message: "Not available - SSO is configured for this tenant.",
    });
    // Settings other than the toggle can still be prepared.
    await expect(
      foyer.services.updateInviteLink(a.mspAdmin, "globex", { roleId: "client_user" }),
    ).resolves.toMatchObject({ link: { enabled: false, state: "sso" } });

    const { url, token } = await enableLink();
    const acme = await foyer.store.getTenant("acme");
    if (!acme) throw new Error("no acme");
    await foyer.admin.upsertTenant({ ...acme, ssoEnabled: true });
    expect((await foyer.services.getInviteLink(a.acmeAdmin, "acme")).link).toMatchObject({
      enabled: false,
      state: "sso",
      url,
    });
    expect(await code(join(token, "sso@acme.com"))).toBe("INVITE_LINK_INVALID");
    const disabled = (await events()).find((e) => e.action === "link_disabled");
    expect(disabled).toMatchObject({
      source: "system",
      actor: null,
      data: { reason: "sso_enabled" },
    });

    await foyer.admin.upsertTenant({ ...acme, ssoEnabled: false });
    const back = await foyer.services.updateInviteLink(a.acmeAdmin, "acme", { enabled: true });
    expect(back.link.url).toBe(url);
  });

  it("R-LNK-10: an expiry date stops joins when it passes; past dates are refused", async () => {
    const at = new Date(clock.getTime() + 2 * HOUR).toISOString();
    const { token, link } = await enableLink({ expiresAt: at });
    expect(link.expiresAt).toBe(at);
    await expect(join(token, "early@acme.com")).resolves.toBeDefined();
    advance(2 * HOUR);
    expect((await foyer.services.getInviteLink(a.acmeAdmin, "acme")).link.state).toBe("expired");
    expect(await code(join(token, "late@acme.com"))).toBe("INVITE_LINK_INVALID");
    expect((await foyer.services.previewInviteLink(token)).error?.message).toBe(INVALID);
    await expect(
      foyer.services.updateInviteLink(a.acmeAdmin, "acme", { expiresAt: clock.toISOString() }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "expiresAt" }] });
    await foyer.services.updateInviteLink(a.acmeAdmin, "acme", { expiresAt: null });
    await expect(join(token, "late@acme.com")).resolves.toBeDefined();
  });

  it("R-LNK-10: a join limit stops joins when reached; a new token counts afresh", async () => {
    const { token } = await enableLink({ maxJoins: 2 });
    await join(token, "one@acme.com");
    await join(token, "two@acme.com");
    expect(await code(join(token, "three@acme.com"))).toBe("INVITE_LINK_INVALID");
    expect((await foyer.services.getInviteLink(a.acmeAdmin, "acme")).link).toMatchObject({
      state: "full",
      joinCount: 2,
      joinsSinceRegenerated: 2,
      maxJoins: 2,
    });
    const { link } = await foyer.services.regenerateInviteLink(a.acmeAdmin, "acme");
    expect(link).toMatchObject({ state: "active", joinCount: 2, joinsSinceRegenerated: 0 });
    await expect(join(tokenFromLink(link.url ?? ""), "three@acme.com")).resolves.toBeDefined();
    await expect(
      foyer.services.updateInviteLink(a.acmeAdmin, "acme", { maxJoins: 0 }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "maxJoins" }] });
  });

  it("R-LNK-10: every change is audited with actor and source; an unchanged save records nothing", async () => {
    await enableLink({ allowedDomains: ["acme.com"] });
    await foyer.services.updateInviteLink(a.acmeAdmin, "acme", {
      roleId: "client_admin",
      maxJoins: 10,
    });
    const before = (await events()).length;
    await foyer.services.updateInviteLink(a.acmeAdmin, "acme", { roleId: "client_admin" });
    const trail = await events();
    expect(trail).toHaveLength(before);
    const updated = trail.find(
      (e) => e.action === "link_updated" && "maxJoins" in (e.data.changes as object),
    );
    expect(updated).toMatchObject({
      source: "link",
      actor: { id: a.acmeAdmin.id },
      data: {
        changes: {
          roleId: { from: "client_user", to: "client_admin" },
          maxJoins: { from: null, to: 10 },
        },
      },
    });
    expect(trail.map((e) => e.action)).toEqual(
      expect.arrayContaining(["link_enabled", "link_updated"]),
    );
  });
});
