import type {
  AcceptResult,
  Actor,
  AuditPage,
  BatchResult,
  Invitation,
  InvitationPage,
  InvitationPreview,
  InviteLink,
  JoinResult,
} from "@foyer/core";
import type { FoyerServices, Logger } from "../types.ts";

// Test doubles for the HTTP layer's unit tests (not exported from the package): services
// that record their calls and answer schema-valid data, and a logger that keeps its lines.

/** An actor the fake `authenticate` recognises by `Authorization: Bearer <id>`. */
export const testActor: Actor = {
  id: "actor-1",
  email: "dana@acme.example.com",
  name: "Dana",
  tenantId: "acme",
  roleId: "client_admin",
};

/** A schema-valid invite link. */
export function sampleInviteLink(tenantId = "acme"): InviteLink {
  return {
    tenantId,
    enabled: true,
    state: "active",
    url: "https://app.example.com/join#token=k1.link-secret",
    role: { id: "client_user", name: "Client user" },
    allowedDomains: ["acme.example.com"],
    expiresAt: null,
    maxJoins: null,
    joinCount: 0,
    joinsSinceRegenerated: 0,
    ssoEnabled: false,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    regeneratedAt: null,
    updatedBy: { id: testActor.id, email: testActor.email, name: testActor.name },
  };
}

/** A schema-valid invitation. */
export function sampleInvitation(id = "inv-1"): Invitation {
  return {
    id,
    tenantId: "acme",
    tenantName: "Acme Corp",
    email: "new@acme.example.com",
    name: null,
    role: { id: "client_user", name: "Client user" },
    department: null,
    teams: [],
    message: null,
    status: "pending",
    invitedBy: { id: testActor.id, email: testActor.email, name: testActor.name },
    sentAt: "2026-01-01T00:00:00.000Z",
    expiresAt: "2026-01-08T00:00:00.000Z",
    acceptedAt: null,
    acceptedUserId: null,
    revokedAt: null,
    revokedBy: null,
    resendCount: 0,
    delivery: { status: "queued", error: null, updatedAt: null, attempts: 0, lastAttemptAt: null },
    reminderSentAt: null,
  };
}

/** One recorded service call: the method and the arguments after the actor. */
export interface ServiceCall {
  method: keyof FoyerServices;
  args: unknown[];
}

/** Fake services plus the calls they received; `override` replaces single methods. */
export function createFakeServices(override: Partial<FoyerServices> = {}): {
  services: FoyerServices;
  calls: ServiceCall[];
} {
  const calls: ServiceCall[] = [];
  const record = (method: keyof FoyerServices, args: unknown[]) => calls.push({ method, args });
  const emptyAudit: AuditPage = { items: [], nextCursor: null };
  const services: FoyerServices = {
    async getContext(actor) {
      record("getContext", []);
      return {
        actor,
        role: {
          id: actor.roleId,
          name: "Client admin",
          description: null,
          rank: 50,
          permissions: ["invitations:read"],
          mspStaff: false,
          tenantId: null,
        },
        tenants: [],
      };
    },
    async listTenantRoles(_actor, tenantId) {
      record("listTenantRoles", [tenantId]);
      return { roles: [] };
    },
    async listInvitations(_actor, query) {
      record("listInvitations", [query]);
      const page: InvitationPage = { items: [sampleInvitation()], nextCursor: null, counts: null };
      return page;
    },
    async createInvitations(_actor, body) {
      record("createInvitations", [body]);
      const count = calls.filter((call) => call.method === "createInvitations").length;
      const result: BatchResult = {
        dryRun: false,
        created: body.emails.map((email, index) => ({
          email,
          invitation: sampleInvitation(`inv-${count}-${index}`),
          link:
            body.delivery === "link"
              ? `https://app.example.com/accept-invite#token=secret-${count}`
              : null,
          replacedId: null,
        })),
        skipped: [],
        seatsLeft: null,
      };
      return result;
    },
    async getInvitation(_actor, invitationId) {
      record("getInvitation", [invitationId]);
      return { invitation: sampleInvitation(invitationId) };
    },
    async resendInvitation(_actor, invitationId, body) {
      record("resendInvitation", [invitationId, body]);
      return { invitation: sampleInvitation(invitationId), link: null };
    },
    async revokeInvitation(_actor, invitationId) {
      record("revokeInvitation", [invitationId]);
      return { invitation: { ...sampleInvitation(invitationId), status: "revoked" } };
    },
    async copyInvitationLink(_actor, invitationId) {
      record("copyInvitationLink", [invitationId]);
      return {
        link: "https://app.example.com/accept-invite#token=k1.sample",
        invitation: sampleInvitation(invitationId),
      };
    },
    async listInvitationEvents(_actor, invitationId, query) {
      record("listInvitationEvents", [invitationId, query]);
      return emptyAudit;
    },
    async listTenantEvents(_actor, tenantId, query) {
      record("listTenantEvents", [tenantId, query]);
      return emptyAudit;
    },
    async previewInvitation(token) {
      record("previewInvitation", [token]);
      const preview: InvitationPreview = {
        email: "new@acme.example.com",
        name: null,
        expiresAt: "2026-01-08T00:00:00.000Z",
        tenant: { name: "Acme Corp", logoUrl: null, accentColor: null },
        role: { name: "Client user" },
        invitedBy: null,
        identityProviders: [],
        passwordAllowed: true,
      };
      return preview;
    },
    async acceptInvitation(body) {
      record("acceptInvitation", [body]);
      const result: AcceptResult = {
        user: { id: "user-9", email: "new@acme.example.com", firstName: "N", lastName: "E" },
        tenantId: "acme",
        next: "signed_in",
      };
      return result;
    },
    async recordExpirations() {
      record("recordExpirations", []);
      return 0;
    },
    async sendReminders() {
      record("sendReminders", []);
      return 0;
    },
    async getInviteLink(_actor, tenantId) {
      record("getInviteLink", [tenantId]);
      return { link: sampleInviteLink(tenantId) };
    },
    async updateInviteLink(_actor, tenantId, body) {
      record("updateInviteLink", [tenantId, body]);
      return { link: sampleInviteLink(tenantId) };
    },
    async regenerateInviteLink(_actor, tenantId) {
      record("regenerateInviteLink", [tenantId]);
      return { link: sampleInviteLink(tenantId) };
    },
    async previewInviteLink(token) {
      record("previewInviteLink", [token]);
      return {
        joinable: true,
        error: null,
        tenant: { name: "Acme Corp", logoUrl: null, accentColor: null },
        role: { name: "Client user" },
        allowedDomains: [],
        termsUrl: null,
        privacyUrl: null,
        signInUrl: null,
        identityProviders: [],
      };
    },
    async joinWithInviteLink(body) {
      record("joinWithInviteLink", [body]);
      const result: JoinResult = {
        user: { id: "user-10", email: "joiner@acme.example.com", firstName: "J", lastName: "O" },
        tenantId: "acme",
        next: "verify_email",
      };
      return result;
    },
    async startIdentityJoin(body) {
      record("startIdentityJoin", [body]);
      return {
        authorizationUrl: "https://id.example.com/authorize?state=s",
        state: "state-1",
        maxAgeSeconds: 600,
        secureCookie: true,
      };
    },
    async startIdentityAccept(body) {
      record("startIdentityAccept", [body]);
      return {
        authorizationUrl: "https://id.example.com/authorize?state=a",
        state: "state-2",
        maxAgeSeconds: 600,
        secureCookie: true,
      };
    },
    async completeIdentityFlow(input) {
      record("completeIdentityFlow", [input]);
      const result: JoinResult = {
        user: { id: "user-11", email: "sso@acme.example.com", firstName: "S", lastName: "O" },
        tenantId: "acme",
        next: "signed_in",
      };
      return { ok: true, purpose: "join", result, returnUrl: null };
    },
    async verifyEmail(token) {
      record("verifyEmail", [token]);
      return {
        user: { id: "user-10", email: "joiner@acme.example.com" },
        tenantId: "acme",
        next: "sign_in",
      };
    },
    async resendVerificationEmail(body) {
      record("resendVerificationEmail", [body]);
      return { accepted: true };
    },
    ...override,
  };
  return { services, calls };
}

/** A logger that keeps every line, to check what was (and was not) logged. */
export function createRecordingLogger(): Logger & {
  lines: Array<{ level: string; message: string; data?: Record<string, unknown> }>;
} {
  const lines: Array<{ level: string; message: string; data?: Record<string, unknown> }> = [];
  const push = (level: string) => (message: string, data?: Record<string, unknown>) => {
    lines.push(data ? { level, message, data } : { level, message });
  };
  return { lines, info: push("info"), warn: push("warn"), error: push("error") };
}
