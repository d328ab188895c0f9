import type { FoyerAdmin } from "@foyer/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFoyerError } from "../errors/foyer-error.ts";
import type { FoyerClient } from "../types.ts";

// Not exported from the package: the one client suite that runs against the MSW mock and the
// real Express server (R-SDK-02: "one client test suite passes against both"). If the mock
// drifted from the server, one of the two runs would fail.

/** A fresh tenant for one case, so cases never see each other's invitations. */
export interface ContractTenant {
  tenantId: string;
  /** The tenant's display name, as previews show it. */
  name: string;
  /** A role the signed-in actor may grant in this tenant. */
  roleId: string;
}

/**
 * How the suite seeds a target. Both targets implement it with `createContractSeed` over
 * their own `FoyerAdmin`, so both hold the same data: the fixture tree (MSP Northwind and
 * its roles) plus one new client tenant of Northwind per case, with the MSP admin signed in.
 */
export interface ContractSeed {
  tenant(): Promise<ContractTenant>;
}

/** What a target's setup gives the suite. */
export interface ContractTarget {
  /** A client whose calls reach the target as the fixture's MSP admin. */
  client: FoyerClient;
  seed: ContractSeed;
  /** Delivers queued emails and answers the links of the newest one to `to` (none: []). */
  linksTo(to: string): Promise<string[]>;
  /** Releases servers and stores. */
  close?(): Promise<void>;
}

/** The fixture's MSP tenant and a client role it may grant (see `@foyer/server/testing`). */
const MSP_TENANT = "northwind";
const CLIENT_ROLE = "client_user";

/** The seeding both targets share: the same tenants, in the same order, through `admin`. */
export function createContractSeed(admin: Pick<FoyerAdmin, "upsertTenant">): ContractSeed {
  let count = 0;
  return {
    async tenant() {
      count += 1;
      const tenantId = `contract-${count}`;
      const name = `Contract Client ${count}`;
      await admin.upsertTenant({ id: tenantId, name, parentId: MSP_TENANT });
      return { tenantId, name, roleId: CLIENT_ROLE };
    },
  };
}

const STRONG_PASSWORD = "Harbour-Lantern-47!";

function tokenOf(link: string | null): string {
  if (!link) throw new Error("Expected a link in the answer");
  const token = new URL(link).hash.replace(/^#token=/, "");
  if (!token) throw new Error(`No token in ${link}`);
  return token;
}

/** Resolves to the error a call rejected with, failing the test when it did not reject. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected the call to fail");
}

/**
 * Registers the client contract cases against one target.
 * @example
 * describeClientContract("MSW handlers", async () => {
 *   const mock = createFoyerMsw({ baseUrl: BASE });
 *   …
 *   return { client, seed: createContractSeed(mock.foyer.admin) };
 * });
 */
export function describeClientContract(name: string, setup: () => Promise<ContractTarget>): void {
  describe(`client contract: ${name}`, () => {
    let target: ContractTarget;
    let client: FoyerClient;

    beforeAll(async () => {
      target = await setup();
      client = target.client;
    });
    afterAll(async () => {
      await target?.close?.();
    });

    /** Creates invitations with plaintext links and answers their ids and tokens. */
    async function invite(tenant: ContractTenant, emails: string[]) {
      const result = await client.createInvitations({
        tenantId: tenant.tenantId,
        roleId: tenant.roleId,
        emails,
        delivery: "link",
      });
      expect(result.skipped).toEqual([]);
      return result.created.map((created) => ({
        id: created.invitation!.id,
        email: created.email,
        token: tokenOf(created.link),
      }));
    }

    it("R-SDK-01 / R-SDK-02: getContext and listTenantRoles describe the signed-in admin", async () => {
      const tenant = await target.seed.tenant();
      const context = await client.getContext();
      expect(context.actor.tenantId).toBe(MSP_TENANT);
      expect(context.tenants.map((t) => t.tenant.id)).toContain(tenant.tenantId);
      const roles = await client.listTenantRoles(tenant.tenantId);
      const role = roles.roles.find((r) => r.role.id === tenant.roleId);
      expect(role?.grantable).toBe(true);
    });

    it("R-SDK-01 / R-SDK-02: lists invitations with counts and cursor pages", async () => {
      const tenant = await target.seed.tenant();
      const emails = ["p1", "p2", "p3", "p4", "p5"].map(
        (p) => `${p}.${tenant.tenantId}@example.com`,
      );
      await invite(tenant, emails);
      const revoked = await invite(tenant, [`gone.${tenant.tenantId}@example.com`]);
      await client.revokeInvitation(revoked[0]!.id);

      const first = await client.listInvitations({
        tenantId: tenant.tenantId,
        status: "pending",
        limit: 2,
        counts: "true",
      });
      expect(first.counts).toEqual({
        pending: 5,
        accepted: 0,
        expired: 0,
        revoked: 1,
        history: 1,
        all: 6,
      });
      expect(first.items).toHaveLength(2);
      expect(first.nextCursor).not.toBeNull();

      const seen = first.items.map((i) => i.email);
      let cursor = first.nextCursor;
      let pages = 1;
      while (cursor) {
        const page = await client.listInvitations({
          tenantId: tenant.tenantId,
          status: "pending",
          limit: 2,
          cursor,
        });
        expect(page.counts).toBeNull();
        seen.push(...page.items.map((i) => i.email));
        cursor = page.nextCursor;
        pages += 1;
      }
      expect(pages).toBe(3);
      expect([...seen].sort()).toEqual([...emails].sort());

      const history = await client.listInvitations({
        tenantId: tenant.tenantId,
        status: "history",
      });
      expect(history.items.map((i) => [i.email, i.status])).toEqual([
        [`gone.${tenant.tenantId}@example.com`, "revoked"],
      ]);
      const search = await client.listInvitations({ tenantId: tenant.tenantId, q: "p3." });
      expect(search.items.map((i) => i.email)).toEqual([emails[2]]);
    });

    it("R-SDK-01 / R-SDK-02 / R-INV-02: a batch with one invalid address creates the rest and skips it with a reason", async () => {
      const tenant = await target.seed.tenant();
      const good = [`a.${tenant.tenantId}@example.com`, `b.${tenant.tenantId}@example.com`];
      const result = await client.createInvitations({
        tenantId: tenant.tenantId,
        roleId: tenant.roleId,
        emails: [good[0]!, "not-an-address", good[1]!],
      });
      expect(result.dryRun).toBe(false);
      expect(result.created.map((c) => c.email)).toEqual(good);
      expect(result.created.every((c) => c.invitation?.status === "pending")).toBe(true);
      expect(result.created.every((c) => c.link === null)).toBe(true);
      expect(result.skipped).toHaveLength(1);
      expect(result.skipped[0]).toMatchObject({ input: "not-an-address", reason: "invalid_email" });
      expect(result.skipped[0]!.message.length).toBeGreaterThan(0);
    });

    it("R-SDK-01 / R-SDK-02 / R-INV-16: a dry run reports what would happen and creates nothing", async () => {
      const tenant = await target.seed.tenant();
      const email = `dry.${tenant.tenantId}@example.com`;
      const result = await client.createInvitations({
        tenantId: tenant.tenantId,
        roleId: tenant.roleId,
        emails: [email, email, "nope"],
        dryRun: true,
      });
      expect(result.dryRun).toBe(true);
      expect(result.created).toEqual([{ email, invitation: null, link: null, replacedId: null }]);
      expect(result.skipped.map((s) => s.reason).sort()).toEqual([
        "duplicate_in_batch",
        "invalid_email",
      ]);
      const list = await client.listInvitations({
        tenantId: tenant.tenantId,
        status: "all",
        counts: "true",
      });
      expect(list.items).toEqual([]);
      expect(list.counts?.all).toBe(0);
    });

    it("R-SDK-01 / R-SDK-02 / R-INV-07: resend issues a new token and the old one answers INVITATION_SUPERSEDED", async () => {
      const tenant = await target.seed.tenant();
      const [first] = await invite(tenant, [`resend.${tenant.tenantId}@example.com`]);
      const resent = await client.resendInvitation(first!.id, { delivery: "link" });
      const newToken = tokenOf(resent.link);
      expect(newToken).not.toBe(first!.token);
      expect(resent.invitation.resendCount).toBe(1);
      expect(resent.invitation.status).toBe("pending");

      const error = await failure(client.previewInvitation(first!.token));
      expect(isFoyerError(error)).toBe(true);
      expect(error).toMatchObject({ code: "INVITATION_SUPERSEDED", status: 410 });

      const preview = await client.previewInvitation(newToken);
      expect(preview.email).toBe(first!.email);
      expect(preview.tenant.name).toBe(tenant.name);
    });

    it("R-SDK-01 / R-INV-10: copy link answers the pending invitation's current link; a revoked one answers INVITATION_LINK_UNAVAILABLE", async () => {
      const tenant = await target.seed.tenant();
      const [sent] = await invite(tenant, [`copy.${tenant.tenantId}@example.com`]);
      const copied = await client.copyInvitationLink(sent!.id);
      expect(tokenOf(copied.link)).toBe(sent!.token);
      expect(copied.invitation.id).toBe(sent!.id);
      await client.revokeInvitation(sent!.id);
      const error = await failure(client.copyInvitationLink(sent!.id));
      expect(error).toMatchObject({ code: "INVITATION_LINK_UNAVAILABLE", status: 409 });
    });

    it("R-SDK-01 / R-SDK-02 / R-INV-08: revoke, then the link answers INVITATION_REVOKED", async () => {
      const tenant = await target.seed.tenant();
      const [sent] = await invite(tenant, [`revoke.${tenant.tenantId}@example.com`]);
      const revoked = await client.revokeInvitation(sent!.id);
      expect(revoked.invitation.status).toBe("revoked");
      expect(revoked.invitation.revokedBy?.id).toBe((await client.getContext()).actor.id);

      const error = await failure(client.previewInvitation(sent!.token));
      expect(error).toMatchObject({ name: "FoyerError", code: "INVITATION_REVOKED", status: 410 });
      const again = await failure(client.revokeInvitation(sent!.id));
      expect(again).toMatchObject({ code: "INVITATION_NOT_REVOCABLE", status: 409 });
      const fetched = await client.getInvitation(sent!.id);
      expect(fetched.invitation.status).toBe("revoked");
    });

    it("R-SDK-01 / R-SDK-02 / R-PWD-01: accept with a weak password answers PASSWORD_TOO_WEAK with issues", async () => {
      const tenant = await target.seed.tenant();
      const [sent] = await invite(tenant, [`weak.${tenant.tenantId}@example.com`]);
      const error = await failure(
        client.acceptInvitation({
          token: sent!.token,
          firstName: "Wei",
          lastName: "Kestrel",
          password: "password",
          passwordConfirmation: "password",
        }),
      );
      expect(isFoyerError(error)).toBe(true);
      if (!isFoyerError(error)) return;
      expect(error.code).toBe("PASSWORD_TOO_WEAK");
      expect(error.status).toBe(400);
      expect(error.issues.length).toBeGreaterThan(0);
      expect(error.issues.every((issue) => issue.path === "password")).toBe(true);
      // A refused password consumes nothing: the invitation is still pending.
      expect((await client.getInvitation(sent!.id)).invitation.status).toBe("pending");
    });

    it("R-SDK-01 / R-SDK-02 / R-INV-12: accept creates the account once; a replay answers INVITATION_ALREADY_USED", async () => {
      const tenant = await target.seed.tenant();
      const [sent] = await invite(tenant, [`accept.${tenant.tenantId}@example.com`]);
      const preview = await client.previewInvitation(sent!.token);
      expect(preview).toMatchObject({ email: sent!.email, role: { name: "Client user" } });

      const body = {
        token: sent!.token,
        firstName: "Ada",
        lastName: "Quill",
        password: STRONG_PASSWORD,
        passwordConfirmation: STRONG_PASSWORD,
      };
      const accepted = await client.acceptInvitation(body);
      expect(accepted).toMatchObject({
        user: { email: sent!.email, firstName: "Ada", lastName: "Quill" },
        tenantId: tenant.tenantId,
        next: "signed_in",
      });
      const replay = await failure(client.acceptInvitation(body));
      expect(replay).toMatchObject({ code: "INVITATION_ALREADY_USED", status: 410 });
      const fetched = await client.getInvitation(sent!.id);
      expect(fetched.invitation).toMatchObject({
        status: "accepted",
        acceptedUserId: accepted.user.id,
      });
    });

    it("R-SDK-01 / R-SDK-02 / R-SDK-06: a validation error carries issues naming the field", async () => {
      const tenant = await target.seed.tenant();
      const error = await failure(
        client.createInvitations({ tenantId: tenant.tenantId, roleId: tenant.roleId, emails: [] }),
      );
      expect(error).toMatchObject({ code: "VALIDATION_FAILED", status: 400 });
      if (!isFoyerError(error)) throw error;
      expect(error.issues.map((issue) => issue.path)).toContain("emails");
      expect(error.issues.find((issue) => issue.path === "emails")?.message).toMatch(/emails/);

      const query = await failure(
        client.listInvitations({ tenantId: tenant.tenantId, limit: 500 }),
      );
      expect(query).toMatchObject({ code: "VALIDATION_FAILED" });
      if (!isFoyerError(query)) throw query;
      expect(query.issues.map((issue) => issue.path)).toContain("limit");
    });

    it("R-SDK-01 / R-SDK-02 / R-INV-14: event lists show created, resent, revoked and accepted", async () => {
      const tenant = await target.seed.tenant();
      const [kept, dropped] = await invite(tenant, [
        `events.kept.${tenant.tenantId}@example.com`,
        `events.dropped.${tenant.tenantId}@example.com`,
      ]);
      const resent = await client.resendInvitation(kept!.id, { delivery: "link" });
      await client.acceptInvitation({
        token: tokenOf(resent.link),
        firstName: "Eve",
        lastName: "Ledger",
        password: STRONG_PASSWORD,
        passwordConfirmation: STRONG_PASSWORD,
      });
      await client.revokeInvitation(dropped!.id);

      const keptEvents = await client.listInvitationEvents(kept!.id);
      expect(keptEvents.items.map((e) => e.action)).toEqual(["accepted", "resent", "created"]);
      expect(keptEvents.items.every((e) => e.invitationId === kept!.id)).toBe(true);

      const tenantEvents = await client.listTenantEvents(tenant.tenantId, { limit: 3 });
      expect(tenantEvents.items).toHaveLength(3);
      expect(tenantEvents.nextCursor).not.toBeNull();
      const rest = await client.listTenantEvents(tenant.tenantId, {
        cursor: tenantEvents.nextCursor!,
      });
      const actions = [...tenantEvents.items, ...rest.items].map((e) => e.action);
      expect(actions.sort()).toEqual(["accepted", "created", "created", "resent", "revoked"]);
      expect(rest.nextCursor).toBeNull();
    });

    it("R-SDK-01 / R-SDK-02 / R-SDK-08: a retried creation with the same Idempotency-Key creates nothing twice", async () => {
      const tenant = await target.seed.tenant();
      const body = {
        tenantId: tenant.tenantId,
        roleId: tenant.roleId,
        emails: [`idem.${tenant.tenantId}@example.com`],
      };
      const key = `key-${tenant.tenantId}`;
      const first = await client.createInvitations(body, { idempotencyKey: key });
      const second = await client.createInvitations(body, { idempotencyKey: key });
      expect(second).toEqual(first);
      const list = await client.listInvitations({ tenantId: tenant.tenantId, counts: "true" });
      expect(list.counts?.pending).toBe(1);
    });

    it("R-SDK-01 / R-SDK-02 / R-INV-13: unknown ids and tokens answer their own codes", async () => {
      await target.seed.tenant();
      const missing = await failure(client.getInvitation("no-such-invitation"));
      expect(missing).toMatchObject({ code: "INVITATION_NOT_FOUND", status: 404 });
      const invalid = await failure(client.previewInvitation("no-such-token"));
      expect(invalid).toMatchObject({ code: "TOKEN_INVALID", status: 404 });
    });

    it("R-SDK-01 / R-SDK-02 / R-LNK-01 / R-LNK-02 / R-LNK-03: enable, copy, toggle and regenerate the link", async () => {
      const tenant = await target.seed.tenant();
      const fresh = await client.getInviteLink(tenant.tenantId);
      expect(fresh.link).toMatchObject({ enabled: false, state: "disabled", url: null });
      const refused = await failure(client.updateInviteLink(tenant.tenantId, { enabled: true }));
      expect(refused).toMatchObject({ code: "INVITE_LINK_ROLE_REQUIRED", status: 400 });
      const { link } = await client.updateInviteLink(tenant.tenantId, {
        enabled: true,
        roleId: tenant.roleId,
      });
      expect(link).toMatchObject({ enabled: true, state: "active" });
      const url = link.url;
      expect(url).toMatch(/\/join#token=/);
      expect((await client.getInviteLink(tenant.tenantId)).link.url).toBe(url);

      await client.updateInviteLink(tenant.tenantId, { enabled: false });
      const off = await client.previewInviteLink(tokenOf(url));
      expect(off).toMatchObject({ joinable: false, tenant: { name: tenant.name } });
      expect(off.error?.message).toBe(
        "This invite link is not valid or has been deactivated. Please contact your administrator.",
      );
      const on = await client.updateInviteLink(tenant.tenantId, { enabled: true });
      expect(on.link.url).toBe(url);

      const regenerated = await client.regenerateInviteLink(tenant.tenantId);
      expect(regenerated.link.url).not.toBe(url);
      expect(await client.previewInviteLink(tokenOf(url))).toMatchObject({
        joinable: false,
        tenant: null,
      });
      expect((await client.previewInviteLink(tokenOf(regenerated.link.url))).joinable).toBe(true);
    });

    it("R-SDK-01 / R-SDK-02 / R-LNK-04: domains are normalised and a sibling's domain is refused", async () => {
      const tenant = await target.seed.tenant();
      const sibling = await target.seed.tenant();
      const domain = `${tenant.tenantId}.example`;
      const { link } = await client.updateInviteLink(tenant.tenantId, {
        enabled: true,
        roleId: tenant.roleId,
        allowedDomains: [`${domain.toUpperCase()}.\n`],
      });
      expect(link.allowedDomains).toEqual([domain]);
      const conflict = await failure(
        client.updateInviteLink(sibling.tenantId, { allowedDomains: [domain] }),
      );
      expect(conflict).toMatchObject({
        code: "DOMAIN_IN_USE",
        status: 409,
        details: { domains: [domain] },
      });
      const outside = await failure(
        client.joinWithInviteLink({
          token: tokenOf(link.url),
          firstName: "Eve",
          lastName: "Outside",
          email: `eve@other-${domain}`,
          password: STRONG_PASSWORD,
          passwordConfirmation: STRONG_PASSWORD,
          acceptTerms: true,
        }),
      );
      expect(outside).toMatchObject({ code: "EMAIL_DOMAIN_NOT_ALLOWED", status: 403 });
    });

    it("R-SDK-01 / R-SDK-02 / R-LNK-07 / R-LNK-09: join, verify from the email, and the errors on the way", async () => {
      const tenant = await target.seed.tenant();
      const { link } = await client.updateInviteLink(tenant.tenantId, {
        enabled: true,
        roleId: tenant.roleId,
      });
      const token = tokenOf(link.url);
      const email = `joiner.${tenant.tenantId}@example.com`;
      const body = {
        token,
        firstName: "Jo",
        lastName: "Iner",
        email,
        password: STRONG_PASSWORD,
        passwordConfirmation: STRONG_PASSWORD,
        acceptTerms: true,
      };
      const preview = await client.previewInviteLink(token);
      expect(preview).toMatchObject({ joinable: true, tenant: { name: tenant.name } });
      const weak = await failure(
        client.joinWithInviteLink({ ...body, password: "weak", passwordConfirmation: "weak" }),
      );
      expect(weak).toMatchObject({ code: "PASSWORD_TOO_WEAK", status: 400 });
      const terms = await failure(client.joinWithInviteLink({ ...body, acceptTerms: false }));
      expect(terms).toMatchObject({ code: "TERMS_NOT_ACCEPTED", status: 400 });

      const joined = await client.joinWithInviteLink(body);
      expect(joined).toMatchObject({ tenantId: tenant.tenantId, next: "verify_email" });
      const again = await failure(client.joinWithInviteLink(body));
      expect(again).toMatchObject({ code: "USER_ALREADY_EXISTS", status: 409 });
      expect((again as Error).message).toMatch(/: User already registered\.$/);

      expect(await client.resendVerificationEmail("nobody@example.com")).toEqual({
        accepted: true,
      });
      const verifyLink = (await target.linksTo(email)).find((l) => l.includes("/verify-email#"));
      const verified = await client.verifyEmail(tokenOf(verifyLink ?? null));
      expect(verified).toMatchObject({ user: { id: joined.user.id, email }, next: "sign_in" });
      const used = await failure(client.verifyEmail(tokenOf(verifyLink ?? null)));
      expect(used).toMatchObject({ code: "VERIFICATION_LINK_USED", status: 410 });
    });

    it("R-LNK-06: starting an identity sign-up refuses a provider the server does not offer, naming the field", async () => {
      const tenant = await target.seed.tenant();
      const { link } = await client.updateInviteLink(tenant.tenantId, {
        enabled: true,
        roleId: tenant.roleId,
      });
      const token = tokenOf(link.url);
      // Neither target configures a provider: the preview offers none, and none starts.
      expect((await client.previewInviteLink(token)).identityProviders).toEqual([]);
      const unknown = await failure(client.startIdentityJoin({ token, providerId: "nope" }));
      expect(unknown).toMatchObject({
        code: "IDENTITY_PROVIDER_NOT_FOUND",
        status: 404,
        issues: [{ path: "providerId" }],
      });
      const empty = await failure(client.startIdentityJoin({ token, providerId: "" }));
      expect(empty).toMatchObject({ code: "VALIDATION_FAILED", status: 400 });
    });
  });
}
