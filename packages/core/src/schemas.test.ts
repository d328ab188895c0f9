import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { formatIssues } from "./issues.ts";
import { routes } from "./routes.ts";
import {
  CreateInvitationsBodySchema,
  InvitationPreviewSchema,
  InvitationSchema,
  ListInvitationsQuerySchema,
  LogoUrlSchema,
} from "./schemas.ts";

describe("contract", () => {
  it("R-INV-11: neither the admin view nor the public preview has a place for a token or hash", () => {
    for (const schema of [InvitationSchema, InvitationPreviewSchema]) {
      const keys = JSON.stringify(z.toJSONSchema(schema));
      expect(keys).not.toMatch(/token|hash/i);
    }
  });

  it("R-INV-11: no API path carries a token; tokens travel in bodies", () => {
    for (const route of Object.values(routes)) expect(route.path).not.toMatch(/token/i);
    expect(routes.acceptInvitation.method).toBe("POST");
    expect(routes.previewInvitation.method).toBe("POST");
  });

  it("R-SDK-06: request bodies are strict, so mass-assigned fields are refused by name", () => {
    const result = CreateInvitationsBodySchema.safeParse({
      tenantId: "t",
      roleId: "r",
      emails: ["a@b.co"],
      status: "accepted",
      expiresAt: "2099-01-01T00:00:00Z",
    });
    expect(result.success).toBe(false);
    const issues = formatIssues(result.error?.issues ?? []);
    expect(issues.map((i) => i.path).sort()).toEqual(["expiresAt", "status"]);
    expect(issues[0]?.message).toMatch(/is not an accepted field/);
  });

  it("R-SDK-06: issue messages name the field", () => {
    const result = CreateInvitationsBodySchema.safeParse({ tenantId: "t", emails: [], message: 3 });
    const issues = formatIssues(result.error?.issues ?? []);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: "roleId", message: "roleId is required and must be a string." },
        { path: "emails", message: "emails must be at least 1 items." },
      ]),
    );
  });

  it("R-INV-09: list queries default to pending, newest first, 50 a page, and coerce the limit", () => {
    expect(ListInvitationsQuerySchema.parse({ limit: "20" })).toMatchObject({
      status: "pending",
      sort: "sentAt",
      order: "desc",
      limit: 20,
    });
    expect(ListInvitationsQuerySchema.safeParse({ limit: "500" }).success).toBe(false);
  });
});

describe("batch names and logos", () => {
  it("R-INV-02: a batch may carry a name per address, keyed by the address as sent", () => {
    const parsed = CreateInvitationsBodySchema.parse({
      tenantId: "acme",
      roleId: "r",
      emails: ["ana@acme.com", "ben@acme.com"],
      names: { "ana@acme.com": "Ana Lima", "ben@acme.com": null },
    });
    expect(parsed.names).toEqual({ "ana@acme.com": "Ana Lima", "ben@acme.com": null });
    const tooLong = CreateInvitationsBodySchema.safeParse({
      tenantId: "acme",
      roleId: "r",
      emails: ["ana@acme.com"],
      names: { "ana@acme.com": "x".repeat(201) },
    });
    expect(tooLong.success).toBe(false);
  });

  it("R-TEN-01: a tenant logo may be an https URL, a path the host serves or an image data URL", () => {
    expect(LogoUrlSchema.safeParse("/logos/acme.svg").success).toBe(true);
    expect(LogoUrlSchema.safeParse("https://cdn.acme.example/logo.png").success).toBe(true);
    expect(LogoUrlSchema.safeParse("http://acme.example/logo.png").success).toBe(false);
  });
});
