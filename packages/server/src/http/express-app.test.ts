import { describe, expect, it } from "vitest";
import { tokenFromLink } from "../fixtures.ts";
import { DAY, hostApps } from "./test-setups.ts";

const startApp = hostApps();

describe("foyerExpress in a host Express 5 app", () => {
  it("R-SDK-03: mounts under a path in a few lines, next to the host's own routes", async () => {
    const { api, origin, a } = await startApp();
    const context = await api("GET", "/context", { actor: a.acmeAdmin });
    expect(context.status).toBe(200);
    expect(context.body.actor.id).toBe(a.acmeAdmin.id);
    expect(context.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(context.headers.get("connection")).not.toBe("close");
    expect(await (await fetch(`${origin}/health`)).json()).toEqual({ ok: true });
    const unknown = await api("GET", "/no-such-thing");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("NOT_FOUND");
    const doc = await api("GET", "/openapi.json");
    expect(Object.keys(doc.body.paths)).toContain("/invitations");
  });

  it("R-TEN-03: an admin of one tenant gets 403 or 404 for every call on another tenant's invitations", async () => {
    const { api, a, inviteOne } = await startApp();
    const target = await inviteOne("victim@acme.com");
    const before = await api("GET", `/invitations/${target.id}`, { actor: a.acmeAdmin });
    for (const outsider of [a.guardianAdmin, a.globexAdmin]) {
      const calls = [
        api("GET", "/invitations?tenantId=acme&status=all", { actor: outsider }),
        api("GET", `/invitations/${target.id}`, { actor: outsider }),
        api("GET", `/invitations/${target.id}/events`, { actor: outsider }),
        api("GET", "/tenants/acme/events", { actor: outsider }),
        api("GET", "/tenants/acme/roles", { actor: outsider }),
        api("POST", `/invitations/${target.id}/resend`, { actor: outsider, json: {} }),
        api("POST", `/invitations/${target.id}/revoke`, { actor: outsider, json: {} }),
        api("POST", "/invitations", {
          actor: outsider,
          json: { tenantId: "acme", emails: ["x@acme.com"], roleId: "client_user" },
        }),
      ];
      for (const { status, body, text } of await Promise.all(calls)) {
        expect([403, 404], text).toContain(status);
        expect(body.error.code).toMatch(/FORBIDDEN|NOT_FOUND/);
        expect(text).not.toContain("victim@acme.com");
      }
    }
    const after = await api("GET", `/invitations/${target.id}`, { actor: a.acmeAdmin });
    expect(after.body).toEqual(before.body);
    const list = await api("GET", "/invitations?tenantId=acme&status=all", { actor: a.acmeAdmin });
    expect(list.body.items).toHaveLength(1);
  });

  it("R-TEN-03: the MSP admin reaches a child tenant's invitations", async () => {
    const { api, a, inviteOne } = await startApp();
    const target = await inviteOne("child@acme.com");
    const got = await api("GET", `/invitations/${target.id}`, { actor: a.mspAdmin });
    expect(got.status).toBe(200);
  });

  it("R-TEN-04: an inviter cannot grant a role above its own rank", async () => {
    const { api, a } = await startApp();
    const { status, body } = await api("POST", "/invitations", {
      actor: a.technician,
      json: { tenantId: "northwind", emails: ["climber@northwind.com"], roleId: "msp_admin" },
    });
    expect(status).toBe(403);
    expect(body.error.code).toBe("ROLE_NOT_GRANTABLE");
    const list = await api("GET", "/invitations?tenantId=northwind&status=all", {
      actor: a.mspAdmin,
    });
    expect(list.body.items).toEqual([]);
    const roles = await api("GET", "/tenants/northwind/roles", { actor: a.technician });
    const grantable = Object.fromEntries(
      roles.body.roles.map((entry: { role: { id: string }; grantable: boolean }) => [
        entry.role.id,
        entry.grantable,
      ]),
    );
    expect(grantable).toEqual({
      msp_admin: false,
      msp_technician: true,
      client_admin: true,
      client_user: true,
    });
  });

  it("R-TEN-05: a client tenant neither lists nor grants MSP staff roles, whoever asks", async () => {
    const { api, a } = await startApp();
    for (const [actor, roleId] of [
      [a.mspAdmin, "msp_admin"],
      [a.mspAdmin, "msp_technician"],
      [a.acmeAdmin, "msp_admin"],
      [a.acmeAdmin, "msp_technician"],
    ] as const) {
      const { status, body } = await api("POST", "/invitations", {
        actor,
        json: { tenantId: "acme", emails: ["climber@acme.com"], roleId },
      });
      expect(status, `${actor.id} → ${roleId}`).toBe(400);
      expect(body.error.code).toBe("ROLE_NOT_FOUND");
      expect(body.error.issues).toEqual([expect.objectContaining({ path: "roleId" })]);
    }
    const list = await api("GET", "/invitations?tenantId=acme&status=all", { actor: a.mspAdmin });
    expect(list.body.items).toEqual([]);
    const ids = async (tenantId: string) => {
      const answer = await api("GET", `/tenants/${tenantId}/roles`, { actor: a.mspAdmin });
      expect(answer.status).toBe(200);
      return answer.body.roles.map((entry: { role: { id: string } }) => entry.role.id);
    };
    expect(await ids("acme")).toEqual(["client_admin", "client_user"]);
    expect(await ids("globex")).toEqual(["client_admin", "client_user"]);
    expect(await ids("northwind")).toEqual(expect.arrayContaining(["msp_admin", "msp_technician"]));
  });

  it("R-SDK-06: mass-assigned fields are rejected with VALIDATION_FAILED and change nothing", async () => {
    const { api, a, inviteOne } = await startApp();
    const create = await api("POST", "/invitations", {
      actor: a.acmeAdmin,
      json: {
        tenantId: "acme",
        emails: ["mass@acme.com"],
        roleId: "client_user",
        status: "accepted",
        token: "chosen-token",
        expiresAt: "2099-01-01T00:00:00.000Z",
        invitedBy: { id: "someone-else" },
      },
    });
    expect(create.status).toBe(400);
    expect(create.body.error.code).toBe("VALIDATION_FAILED");
    const paths = create.body.error.issues.map((issue: { path: string }) => issue.path);
    expect(paths.sort()).toEqual(["expiresAt", "invitedBy", "status", "token"]);

    const target = await inviteOne("keep@acme.com");
    const before = await api("GET", `/invitations/${target.id}`, { actor: a.acmeAdmin });
    const forged = {
      tenantId: "guardian",
      status: "accepted",
      token: "chosen",
      expiresAt: "2099-01-01T00:00:00.000Z",
    };
    for (const action of ["resend", "revoke"]) {
      const { status, body } = await api("POST", `/invitations/${target.id}/${action}`, {
        actor: a.acmeAdmin,
        json: forged,
      });
      expect(status, action).toBe(400);
      expect(body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(
        Object.keys(forged).sort(),
      );
    }
    const after = await api("GET", `/invitations/${target.id}`, { actor: a.acmeAdmin });
    expect(after.body).toEqual(before.body);
    const list = await api("GET", "/invitations?tenantId=acme&status=all", { actor: a.acmeAdmin });
    expect(list.body.items.map((item: { email: string }) => item.email)).toEqual(["keep@acme.com"]);
  });

  it("R-INV-13: used, expired, revoked and resent-away tokens each get their own code; unknown ones TOKEN_INVALID", async () => {
    const { api, a, inviteOne, acceptBody, advance } = await startApp();
    const accept = (token: string) =>
      api("POST", "/public/invitations/accept", { json: acceptBody(token) });
    const preview = (token: string) =>
      api("POST", "/public/invitations/preview", { json: { token } });

    const used = await inviteOne("used@acme.com");
    expect((await accept(used.token)).status).toBe(200);
    const resent = await inviteOne("resent@acme.com");
    expect(
      (await api("POST", `/invitations/${resent.id}/resend`, { actor: a.acmeAdmin, json: {} }))
        .status,
    ).toBe(200);
    const revoked = await inviteOne("revoked@acme.com");
    expect(
      (await api("POST", `/invitations/${revoked.id}/revoke`, { actor: a.acmeAdmin })).status,
    ).toBe(200);
    const expired = await inviteOne("expired@acme.com");
    advance(8 * DAY);

    const cases: Array<[string, string, number]> = [
      [used.token, "INVITATION_ALREADY_USED", 410],
      [resent.token, "INVITATION_SUPERSEDED", 410],
      [revoked.token, "INVITATION_REVOKED", 410],
      [expired.token, "INVITATION_EXPIRED", 410],
      ["x".repeat(43), "TOKEN_INVALID", 404],
    ];
    for (const [token, code, status] of cases) {
      for (const answer of [await accept(token), await preview(token)]) {
        expect(answer.status, code).toBe(status);
        expect(answer.body.error.code).toBe(code);
        expect(answer.headers.get("referrer-policy")).toBe("no-referrer");
      }
    }
  });

  it("R-INV-12: accept through Express signs the invitee in with every Set-Cookie of the host", async () => {
    const { api, a, foyer, acceptBody } = await startApp({
      foyer: {
        hooks: {
          authenticate: () => null,
          createAccount: async () => ({ id: "new-user" }),
          signIn: (user) => [
            ["Set-Cookie", `session=${user.id}; HttpOnly; Path=/; SameSite=Lax`],
            ["Set-Cookie", "csrf=abc; Path=/"],
          ],
        },
      },
    });
    // This host's authenticate lets nobody in, so the invitation is made by a service call.
    const created = await foyer.services.createInvitations(a.acmeAdmin, {
      tenantId: "acme",
      emails: ["cookie@acme.com"],
      roleId: "client_user",
      delivery: "link",
    });
    const token = tokenFromLink(created.created[0]?.link ?? "");
    const { status, body, headers } = await api("POST", "/public/invitations/accept", {
      json: acceptBody(token),
    });
    expect(status).toBe(200);
    expect(body.next).toBe("signed_in");
    expect(headers.getSetCookie()).toEqual([
      "session=new-user; HttpOnly; Path=/; SameSite=Lax",
      "csrf=abc; Path=/",
    ]);
  });

  it("R-SDK-06: malformed, oversized and non-JSON bodies get 4xx through Express", async () => {
    const { api, a } = await startApp();
    const malformed = await api("POST", "/invitations", {
      actor: a.acmeAdmin,
      raw: '{"tenantId": "acme", "emails": [',
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("MALFORMED_JSON");
    const oversized = await api("POST", "/invitations", {
      actor: a.acmeAdmin,
      json: {
        tenantId: "acme",
        emails: ["a@acme.com"],
        roleId: "client_user",
        message: "x".repeat(300_000),
      },
    });
    expect(oversized.status).toBe(413);
    expect(oversized.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    // The unread rest of the body is read and thrown away (within bounds) rather than left
    // to reset the connection, which then stays usable.
    expect(oversized.headers.get("connection")).not.toBe("close");
    let sent = 0;
    const chunked = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 400_000) return controller.close();
        sent += 16_384;
        controller.enqueue(new TextEncoder().encode(" ".repeat(16_384)));
      },
    });
    const streamed = await api("POST", "/public/invitations/preview", {
      raw: chunked,
      headers: { "content-type": "application/json" },
    });
    expect(streamed.status).toBe(413);
    const text = await api("POST", "/public/invitations/preview", {
      raw: "token=abc",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(text.status).toBe(415);
    // The server still answers normally after refusing bodies.
    expect((await api("GET", "/context", { actor: a.acmeAdmin })).status).toBe(200);
  });

  it("R-SDK-06: with express.json() mounted before Foyer, bodies are re-read and still checked", async () => {
    const { api, a } = await startApp({ jsonFirst: true, foyer: { maxBodyBytes: 4096 } });
    const created = await api("POST", "/invitations", {
      actor: a.acmeAdmin,
      json: { tenantId: "acme", emails: ["parsed@acme.com"], roleId: "client_user" },
    });
    expect(created.status).toBe(200);
    expect(created.body.created[0].email).toBe("parsed@acme.com");
    const overFoyerLimit = await api("POST", "/invitations", {
      actor: a.acmeAdmin,
      json: {
        tenantId: "acme",
        emails: ["a@acme.com"],
        roleId: "client_user",
        message: "x".repeat(8000),
      },
    });
    expect(overFoyerLimit.status).toBe(413);
    expect(overFoyerLimit.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    const invalid = await api("POST", "/invitations", {
      actor: a.acmeAdmin,
      json: { tenantId: "acme", emails: [], roleId: "client_user", status: "accepted" },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      "emails",
      "status",
    ]);
    // express.json() refuses these itself, before Foyer runs: still a 4xx, never a 500.
    const malformed = await api("POST", "/invitations", {
      actor: a.acmeAdmin,
      raw: "{nope",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    const overExpressLimit = await api("POST", "/invitations", {
      actor: a.acmeAdmin,
      raw: JSON.stringify({ message: "x".repeat(200_000) }),
      headers: { "content-type": "application/json" },
    });
    expect(overExpressLimit.status).toBe(413);
    // Bodies express.json() does not parse reach Foyer as a stream and get Foyer's answer.
    const form = await api("POST", "/invitations", {
      actor: a.acmeAdmin,
      raw: "tenantId=acme",
      headers: { "content-type": "text/plain" },
    });
    expect(form.status).toBe(415);
    const emptyRevoke = await api(
      "POST",
      `/invitations/${created.body.created[0].invitation.id}/revoke`,
      {
        actor: a.acmeAdmin,
      },
    );
    expect(emptyRevoke.status).toBe(200);
  });
});
