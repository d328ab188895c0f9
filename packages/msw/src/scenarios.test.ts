import {
  AcceptResultSchema,
  BatchResultSchema,
  ErrorBodySchema,
  InvitationPageSchema,
  InvitationPreviewSchema,
  InviteLinkPreviewSchema,
  InviteLinkResultSchema,
  JoinResultSchema,
  SessionContextSchema,
  VerifyEmailResultSchema,
} from "@foyer/core";
import { setupServer } from "msw/node";
import { afterEach, describe, expect, it } from "vitest";
import { createFoyerMsw, type FoyerMsw, type FoyerMswOptions } from "./create-foyer-msw.ts";
import {
  BUSY_INVITATIONS,
  SCENARIO_LINK_TOKEN,
  SCENARIO_TOKENS,
  SCENARIO_VERIFICATION_TOKENS,
  type ScenarioName,
  scenarioNames,
  scenarios,
  type TokenKind,
} from "./scenarios.ts";

const BASE = "http://foyer.test/api/foyer";

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
});

async function start(options: FoyerMswOptions): Promise<FoyerMsw> {
  const mock = createFoyerMsw({ baseUrl: BASE, ...options });
  const server = setupServer(...mock.handlers);
  server.listen({ onUnhandledRequest: "error" });
  stop = () => server.close();
  await mock.ready;
  return mock;
}

async function call(path: string, body?: unknown) {
  const response = await fetch(`${BASE}${path}`, {
    method: body === undefined ? "GET" : "POST",
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

const preview = (token: string) => call("/public/invitations/preview", { token });

describe("scenarios", () => {
  it("R-SDK-02: every built-in scenario is named after its key and seeds without error", async () => {
    expect(scenarioNames).toEqual([
      "empty",
      "busy",
      "validToken",
      "expiredToken",
      "revokedToken",
      "usedToken",
      "seatLimitReached",
      "ssoTenant",
      "slowNetwork",
      "serverError",
      "linkEnabled",
      "linkDisabled",
      "linkDomainRestricted",
      "linkFull",
      "linkExpired",
      "pendingVerification",
    ]);
    for (const name of scenarioNames) {
      expect(scenarios[name].name).toBe(name);
      const mock = createFoyerMsw({ baseUrl: BASE, scenario: name });
      await expect(mock.ready).resolves.toBeUndefined();
      expect(mock.scenario).toBe(scenarios[name]);
    }
  });

  it("R-SDK-02: empty has the MSP tree, a role catalog and no invitations", async () => {
    await start({ scenario: "empty" });
    const context = SessionContextSchema.parse((await call("/context")).body);
    const acme = context.tenants.find((t) => t.tenant.id === "acme");
    expect(acme?.tenant.parentId).toBe("northwind");
    const roles = (await call("/tenants/acme/roles")).body as { roles: unknown[] };
    expect(roles.roles.length).toBeGreaterThanOrEqual(2);
    const list = InvitationPageSchema.parse(
      (await call("/invitations?tenantId=acme&status=all&counts=true")).body,
    );
    expect(list.counts).toEqual({
      pending: 0,
      accepted: 0,
      expired: 0,
      revoked: 0,
      history: 0,
      all: 0,
    });
  });

  it("R-SDK-02: busy seeds 10,000 invitations in every state, varied", async () => {
    const mock = createFoyerMsw({ baseUrl: BASE, scenario: "busy" });
    await mock.ready;

    const server = setupServer(...mock.handlers);
    server.listen({ onUnhandledRequest: "error" });
    stop = () => server.close();
    const first = InvitationPageSchema.parse(
      (await call("/invitations?tenantId=acme&status=all&counts=true&limit=100")).body,
    );
    const counts = first.counts!;
    expect(counts.all).toBe(BUSY_INVITATIONS);
    expect(counts.pending + counts.accepted + counts.expired + counts.revoked).toBe(
      BUSY_INVITATIONS,
    );
    for (const status of ["pending", "accepted", "expired", "revoked"] as const) {
      expect(counts[status]).toBeGreaterThan(BUSY_INVITATIONS / 10);
    }
    const items = first.items;
    expect(new Set(items.map((i) => i.role.id)).size).toBeGreaterThan(1);
    expect(new Set(items.map((i) => i.invitedBy?.id)).size).toBeGreaterThan(1);
    expect(new Set(items.map((i) => i.delivery.status)).size).toBeGreaterThan(1);
    const oldest = InvitationPageSchema.parse(
      (await call("/invitations?tenantId=acme&status=all&order=asc&limit=1")).body,
    ).items[0]!;
    const spread = Date.parse(items[0]!.sentAt) - Date.parse(oldest.sentAt);
    expect(spread).toBeGreaterThan(60 * 86_400_000);

    // Seeded rows carry the audit trail the services would have written.
    const accepted = items.find((i) => i.status === "accepted")!;
    const events = (await call(`/invitations/${accepted.id}/events`)).body as {
      items: Array<{ action: string }>;
    };
    expect(events.items.map((e) => e.action)).toEqual(["accepted", "created"]);

    // Every pending row is still valid and every expired one ran out (derived at read time).
    const pending = InvitationPageSchema.parse(
      (await call("/invitations?tenantId=acme&status=pending&limit=100")).body,
    );
    expect(pending.items.every((i) => Date.parse(i.expiresAt) > Date.now())).toBe(true);
    expect(pending.nextCursor).not.toBeNull();
    const expired = InvitationPageSchema.parse(
      (await call("/invitations?tenantId=acme&status=expired&limit=100")).body,
    );
    expect(expired.items.every((i) => i.status === "expired")).toBe(true);
  });

  it.each([
    ["validToken", "valid", null],
    ["expiredToken", "expired", "INVITATION_EXPIRED"],
    ["revokedToken", "revoked", "INVITATION_REVOKED"],
    ["usedToken", "used", "INVITATION_ALREADY_USED"],
  ] as const)(
    "R-SDK-02 / R-INV-13: %s exposes its token, and previewing it answers %s",
    async (name: ScenarioName, kind: TokenKind, code) => {
      const mock = await start({ scenario: name });
      const token = mock.scenario.tokens[kind];
      expect(token).toBe(SCENARIO_TOKENS[kind]);
      const answer = await preview(token!);
      if (code === null) {
        expect(answer.status).toBe(200);
        expect(InvitationPreviewSchema.parse(answer.body)).toMatchObject({
          email: "valid.invitee@acme.example.com",
          tenant: { name: "Acme Corp" },
        });
      } else {
        expect(answer.status).toBe(410);
        expect(ErrorBodySchema.parse(answer.body).error.code).toBe(code);
      }
      const invalid = await preview(SCENARIO_TOKENS.invalid);
      expect(ErrorBodySchema.parse(invalid.body).error.code).toBe("TOKEN_INVALID");
    },
  );

  it("R-SDK-02: validToken can be accepted once through the real accept flow", async () => {
    const mock = await start({ scenario: "validToken" });
    const body = {
      token: mock.scenario.tokens.valid,
      firstName: "Jordan",
      lastName: "Example",
      password: "Harbour-Lantern-47!",
      passwordConfirmation: "Harbour-Lantern-47!",
    };
    const accepted = await call("/public/invitations/accept", body);
    expect(accepted.status).toBe(200);
    expect(AcceptResultSchema.parse(accepted.body).tenantId).toBe("acme");
    expect(mock.users.users.get("valid.invitee@acme.example.com")?.passwordHash).toMatch(
      /^pbkdf2\$/,
    );
    const replay = await call("/public/invitations/accept", body);
    expect(ErrorBodySchema.parse(replay.body).error.code).toBe("INVITATION_ALREADY_USED");
  });

  it("R-SDK-02 / R-INV-05: seatLimitReached skips every new address for the seat limit", async () => {
    await start({ scenario: "seatLimitReached" });
    const answer = await call("/invitations", {
      tenantId: "acme",
      roleId: "client_user",
      emails: ["one.more@example.com"],
    });
    expect(answer.status).toBe(200);
    const result = BatchResultSchema.parse(answer.body);
    expect(result.created).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual(["seat_limit"]);
    expect(result.seatsLeft).toBe(0);
  });

  it("R-SDK-02: ssoTenant is about a tenant with SSO on", async () => {
    const mock = await start({ scenario: "ssoTenant" });
    const context = SessionContextSchema.parse((await call("/context")).body);
    const tenant = context.tenants.find((t) => t.tenant.id === mock.scenario.tenantId);
    expect(tenant?.tenant.ssoEnabled).toBe(true);
  });

  it("R-SDK-02: slowNetwork delays every answer", async () => {
    const mock = await start({ scenario: "slowNetwork" });
    expect(mock.scenario.latencyMs).toBeGreaterThanOrEqual(1000);
    const started = performance.now();
    const answer = await preview(mock.scenario.tokens.valid!);
    expect(answer.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(mock.scenario.latencyMs - 10);
  });

  it("R-SDK-02: serverError answers every call with 500 INTERNAL in the error body shape", async () => {
    await start({ scenario: "serverError" });
    for (const answer of [
      await call("/context"),
      await call("/invitations?tenantId=acme"),
      await preview(SCENARIO_TOKENS.valid),
    ]) {
      expect(answer.status).toBe(500);
      expect(ErrorBodySchema.parse(answer.body).error.code).toBe("INTERNAL");
    }
  });
});

describe("link scenarios", () => {
  const INVALID =
    "This invite link is not valid or has been deactivated. Please contact your administrator.";
  const linkPreview = (token: string) => call("/public/invite-links/preview", { token });
  const join = (email: string) =>
    call("/public/invite-links/join", {
      token: SCENARIO_LINK_TOKEN,
      firstName: "Jo",
      lastName: "Iner",
      email,
      password: "Harbour-Lantern-47!",
      passwordConfirmation: "Harbour-Lantern-47!",
      acceptTerms: true,
    });

  it("R-SDK-02 / R-LNK-01: the admin's URL carries the scenario's link token, derived as the server does", async () => {
    const mock = await start({ scenario: "linkEnabled" });
    expect(mock.scenario.linkToken).toBe(SCENARIO_LINK_TOKEN);
    const { link } = InviteLinkResultSchema.parse((await call("/tenants/acme/invite-link")).body);
    expect(link).toMatchObject({ enabled: true, state: "active", role: { id: "client_user" } });
    expect(link.url).toBe(`https://acme.example.com/join#token=${SCENARIO_LINK_TOKEN}`);
    const preview = InviteLinkPreviewSchema.parse((await linkPreview(SCENARIO_LINK_TOKEN)).body);
    expect(preview).toMatchObject({
      joinable: true,
      tenant: { name: "Acme Corp" },
      termsUrl: "https://app.example.com/terms",
    });
    const joined = await join("new.joiner@acme.example.com");
    expect(joined.status).toBe(201);
    expect(JoinResultSchema.parse(joined.body).next).toBe("verify_email");
    // The verification email went to the mailbox.
    expect(mock.mailbox.latestTo("new.joiner@acme.example.com")?.links[0]).toMatch(
      /\/verify-email#token=k1\./,
    );
  });

  it.each([
    ["linkDisabled", "disabled"],
    ["linkFull", "full"],
    ["linkExpired", "expired"],
  ] as const)(
    "R-SDK-02 / R-LNK-07: %s previews as not joinable with the exact text and refuses joins",
    async (name, state) => {
      await start({ scenario: name });
      const { link } = InviteLinkResultSchema.parse((await call("/tenants/acme/invite-link")).body);
      expect(link.state).toBe(state);
      expect(link.url).toContain(SCENARIO_LINK_TOKEN);
      const preview = InviteLinkPreviewSchema.parse((await linkPreview(SCENARIO_LINK_TOKEN)).body);
      expect(preview).toMatchObject({
        joinable: false,
        error: { code: "INVITE_LINK_INVALID", message: INVALID },
        tenant: { name: "Acme Corp" },
      });
      const refused = await join("late@acme.example.com");
      expect(refused.status).toBe(404);
      expect(ErrorBodySchema.parse(refused.body).error.message).toBe(INVALID);
    },
  );

  it("R-SDK-02 / R-LNK-04: linkDomainRestricted refuses other domains and a sibling's domain", async () => {
    await start({ scenario: "linkDomainRestricted" });
    const outside = await join("eve@elsewhere.example");
    expect(ErrorBodySchema.parse(outside.body).error.code).toBe("EMAIL_DOMAIN_NOT_ALLOWED");
    expect((await join("ana@acme.example")).status).toBe(201);
    const conflict = await call("/tenants/acme/invite-link", {
      allowedDomains: ["acme.example.com", "globex.example.com"],
    });
    expect(conflict.status).toBe(409);
    expect(ErrorBodySchema.parse(conflict.body).error).toMatchObject({
      code: "DOMAIN_IN_USE",
      details: { domains: ["globex.example.com"] },
    });
  });

  it("R-SDK-02 / R-LNK-05: ssoTenant's link cannot be turned on", async () => {
    await start({ scenario: "ssoTenant" });
    const { link } = InviteLinkResultSchema.parse((await call("/tenants/globex/invite-link")).body);
    expect(link).toMatchObject({ state: "sso", ssoEnabled: true });
    const refused = await call("/tenants/globex/invite-link", {
      enabled: true,
      roleId: "client_user",
    });
    expect(ErrorBodySchema.parse(refused.body).error.message).toBe(
      "Not available - SSO is configured for this tenant.",
    );
  });

  it("R-SDK-02 / R-LNK-09: pendingVerification's tokens verify, have expired, or were used", async () => {
    const mock = await start({ scenario: "pendingVerification" });
    expect(mock.scenario.verificationTokens).toEqual(SCENARIO_VERIFICATION_TOKENS);
    const verify = (token: string) => call("/public/email-verification/verify", { token });
    const ok = await verify(SCENARIO_VERIFICATION_TOKENS.valid);
    expect(VerifyEmailResultSchema.parse(ok.body).user.email).toBe("valid.joiner@acme.example.com");
    expect(mock.users.users.get("valid.joiner@acme.example.com")?.emailVerified).toBe(true);
    const expired = await verify(SCENARIO_VERIFICATION_TOKENS.expired);
    expect(ErrorBodySchema.parse(expired.body).error.code).toBe("VERIFICATION_LINK_EXPIRED");
    const used = await verify(SCENARIO_VERIFICATION_TOKENS.used);
    expect(ErrorBodySchema.parse(used.body).error.code).toBe("VERIFICATION_LINK_USED");
  });
});
