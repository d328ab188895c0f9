import {
  BatchResultSchema,
  ErrorBodySchema,
  InvitationPageSchema,
  SessionContextSchema,
} from "@foyer/core";
import { setupServer } from "msw/node";
import { afterEach, describe, expect, it } from "vitest";
import { createFoyerMsw, type FoyerMsw } from "./create-foyer-msw.ts";
import { scenarios } from "./scenarios.ts";

const BASE = "http://foyer.test/api/foyer";

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
});

/** Starts an MSW server with the mock's handlers; unmatched requests fail the test. */
async function start(mock: FoyerMsw): Promise<FoyerMsw> {
  const server = setupServer(...mock.handlers);
  server.listen({ onUnhandledRequest: "error" });
  stop = () => server.close();
  await mock.ready;
  return mock;
}

async function call(path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${BASE}${path}`, {
    method: init.method ?? "GET",
    ...(init.body === undefined
      ? {}
      : { body: JSON.stringify(init.body), headers: { "content-type": "application/json" } }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as unknown,
  };
}

describe("createFoyerMsw", () => {
  it("R-SDK-02: answers through the real Foyer handler as the scenario's signed-in actor", async () => {
    const mock = await start(createFoyerMsw({ baseUrl: BASE }));
    const { status, body } = await call("/context");
    expect(status).toBe(200);
    const context = SessionContextSchema.parse(body);
    expect(context.actor).toEqual(mock.fixture.actors.mspAdmin);
    expect(context.tenants.map((t) => t.tenant.id).sort()).toEqual(["acme", "globex", "northwind"]);
  });

  it("R-SDK-02: setActor switches who is signed in, and null signs everyone out (401)", async () => {
    const mock = await start(createFoyerMsw({ baseUrl: BASE, actor: "acmeAdmin" }));
    const acme = SessionContextSchema.parse((await call("/context")).body);
    expect(acme.actor.id).toBe(mock.fixture.actors.acmeAdmin.id);
    expect(acme.tenants.map((t) => t.tenant.id)).toEqual(["acme"]);

    mock.setActor("guardianAdmin");
    expect(mock.actor?.id).toBe(mock.fixture.actors.guardianAdmin.id);
    const guardian = SessionContextSchema.parse((await call("/context")).body);
    expect(guardian.tenants.map((t) => t.tenant.id)).toEqual(["guardian"]);

    mock.setActor(null);
    const anonymous = await call("/context");
    expect(anonymous.status).toBe(401);
    expect(ErrorBodySchema.parse(anonymous.body).error.code).toBe("UNAUTHENTICATED");
  });

  it("R-SDK-02: validation, routing and authorisation come from the real handler", async () => {
    const mock = await start(createFoyerMsw({ baseUrl: BASE, actor: "acmeUser" }));
    const invalid = await call("/invitations", {
      method: "POST",
      body: { tenantId: "acme", roleId: "client_user", emails: [] },
    });
    expect(invalid.status).toBe(400);
    const error = ErrorBodySchema.parse(invalid.body).error;
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.issues?.map((issue) => issue.path)).toContain("emails");

    const missing = await call("/no-such-endpoint");
    expect(missing.status).toBe(404);
    expect(ErrorBodySchema.parse(missing.body).error.code).toBe("NOT_FOUND");

    // A plain user of Acme holds no invitation permission (R-TEN-03).
    const forbidden = await call("/invitations?tenantId=acme");
    expect(forbidden.status).toBe(403);
    expect(ErrorBodySchema.parse(forbidden.body).error.code).toBe("FORBIDDEN");
    mock.setActor("acmeAdmin");
    expect((await call("/invitations?tenantId=acme")).status).toBe(200);
  });

  it("R-SDK-02: created invitations are delivered to the in-memory mailbox and show as sent", async () => {
    const mock = await start(createFoyerMsw({ baseUrl: BASE }));
    const created = await call("/invitations", {
      method: "POST",
      body: { tenantId: "acme", roleId: "client_user", emails: ["new.person@example.com"] },
    });
    expect(created.status).toBe(200);
    expect(BatchResultSchema.parse(created.body).created).toHaveLength(1);
    expect(mock.mailbox.latestTo("new.person@example.com")?.subject).toContain("Acme Corp");

    const list = InvitationPageSchema.parse((await call("/invitations?tenantId=acme")).body);
    expect(list.items.map((i) => [i.email, i.delivery.status])).toEqual([
      ["new.person@example.com", "sent"],
    ]);
  });

  it("R-SDK-02: reset() throws changes away, reseeds the scenario, and the handlers keep working", async () => {
    const mock = await start(createFoyerMsw({ baseUrl: BASE }));
    const before = mock.store;
    await call("/invitations", {
      method: "POST",
      body: { tenantId: "acme", roleId: "client_user", emails: ["temp@example.com"] },
    });
    mock.setActor("acmeAdmin");
    await mock.reset();
    expect(mock.store).not.toBe(before);
    expect(mock.mailbox.messages()).toEqual([]);
    const list = InvitationPageSchema.parse(
      (await call("/invitations?tenantId=acme&status=all&counts=true")).body,
    );
    expect(list.counts?.all).toBe(0);
    // The signed-in actor survives a reset.
    expect(SessionContextSchema.parse((await call("/context")).body).actor.id).toBe("dana");
  });

  it("R-SDK-02: latencyMs delays every answer and overrides the scenario's", async () => {
    await start(createFoyerMsw({ baseUrl: BASE, latencyMs: 120 }));
    const started = performance.now();
    expect((await call("/context")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);

    stop?.();
    await start(createFoyerMsw({ baseUrl: BASE, scenario: "slowNetwork", latencyMs: 0 }));
    const quick = performance.now();
    await call("/context");
    expect(performance.now() - quick).toBeLessThan(1000);
  });

  it("R-SDK-02: a custom Scenario object seeds through the real services", async () => {
    const mock = await start(
      createFoyerMsw({
        baseUrl: BASE,
        scenario: {
          ...scenarios.empty,
          name: "oneInvite",
          async seed({ foyer, fixture }) {
            await foyer.services.createInvitations(fixture.actors.acmeAdmin, {
              tenantId: fixture.tenants.acme,
              roleId: fixture.roles.clientUser,
              emails: ["custom@example.com"],
            });
          },
        },
      }),
    );
    expect(mock.scenario.name).toBe("oneInvite");
    const list = InvitationPageSchema.parse((await call("/invitations?tenantId=acme")).body);
    expect(list.items.map((i) => i.email)).toEqual(["custom@example.com"]);
  });

  it("R-SDK-02: seeding waits for first use, so unused mocks in a story file cost nothing", async () => {
    const mock = createFoyerMsw({ baseUrl: BASE, scenario: "busy" });
    expect(await mock.store.getTenant("acme")).toBeNull();
    await start(mock);
    expect((await mock.store.getTenant("acme"))?.name).toBe("Acme Corp");
  });

  it("R-SDK-02: only requests below baseUrl are answered", async () => {
    const mock = createFoyerMsw({ baseUrl: `${BASE}/` });
    const server = setupServer(...mock.handlers);
    server.listen({ onUnhandledRequest: "error" });
    stop = () => server.close();
    await mock.ready;
    expect((await call("/context")).status).toBe(200);
    await expect(fetch("http://foyer.test/api/other/context")).rejects.toThrow();
  });
});
