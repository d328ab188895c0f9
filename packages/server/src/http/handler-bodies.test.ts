import { describe, expect, it } from "vitest";
import { CREATE_BODY, setup, streamOf } from "./test-setups.ts";

describe("createFoyerHandler: request bodies", () => {
  it("R-SDK-06: a non-JSON body answers 415 UNSUPPORTED_MEDIA_TYPE", async () => {
    const { send, calls } = setup();
    const text = await send("POST", "/invitations", {
      raw: JSON.stringify(CREATE_BODY),
      headers: { "content-type": "text/plain" },
    });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const latin1 = await send("POST", "/invitations", {
      raw: JSON.stringify(CREATE_BODY),
      headers: { "content-type": "application/json; charset=iso-8859-1" },
    });
    expect(latin1.status).toBe(415);
    const missing = await send("POST", "/invitations", { raw: JSON.stringify(CREATE_BODY) });
    expect(missing.status).toBe(415);
    expect(calls).toEqual([]);
  });

  it("R-SDK-06: JSON with a charset parameter and an upper-case type is accepted", async () => {
    const { send } = setup();
    const ok = await send("POST", "/invitations", {
      json: CREATE_BODY,
      headers: { "content-type": "Application/JSON; charset=UTF-8" },
    });
    expect(ok.status).toBe(200);
  });

  it("R-SDK-06: an empty body counts as {} whatever its Content-Type", async () => {
    const { send, calls } = setup();
    const revoked = await send("POST", "/invitations/inv-1/revoke", {
      raw: "",
      headers: { "content-type": "text/plain" },
    });
    expect(revoked.status).toBe(200);
    expect(calls).toEqual([{ method: "revokeInvitation", args: ["inv-1"] }]);
    const resend = await send("POST", "/invitations/inv-1/resend");
    expect(resend.status).toBe(200);
    // No `delivery`: the service keeps the invitation's own (a link-only one stays link-only).
    expect(calls.at(-1)?.args[1]).toEqual({});
  });

  it("R-SDK-06: a body over maxBodyBytes answers 413 when Content-Length says so", async () => {
    const { send, calls } = setup({ maxBodyBytes: 100 });
    const big = await send("POST", "/invitations", {
      json: { ...CREATE_BODY, message: "x".repeat(200) },
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(calls).toEqual([]);
  });

  it("R-SDK-06: a body over maxBodyBytes answers 413 when Content-Length is absent", async () => {
    const { send, calls } = setup({ maxBodyBytes: 2048 });
    const streamed = await send("POST", "/invitations", {
      raw: streamOf(1_000_000),
      headers: { "content-type": "application/json" },
    });
    expect(streamed.status).toBe(413);
    expect(calls).toEqual([]);
  });

  it("R-SDK-06: a body over maxBodyBytes answers 413 when Content-Length lies", async () => {
    const { send, calls } = setup({ maxBodyBytes: 2048 });
    const lying = await send("POST", "/invitations", {
      raw: JSON.stringify({ ...CREATE_BODY, message: "x".repeat(5000) }),
      headers: { "content-type": "application/json", "content-length": "20" },
    });
    expect(lying.status).toBe(413);
    expect(calls).toEqual([]);
  });

  it("R-SDK-06: a body exactly at maxBodyBytes is read", async () => {
    const json = JSON.stringify(CREATE_BODY);
    const { send } = setup({ maxBodyBytes: new TextEncoder().encode(json).byteLength });
    const ok = await send("POST", "/invitations", {
      raw: json,
      headers: { "content-type": "application/json" },
    });
    expect(ok.status).toBe(200);
  });

  it("R-SDK-06: broken JSON and invalid UTF-8 answer 400 MALFORMED_JSON", async () => {
    const { send, calls } = setup();
    const broken = await send("POST", "/invitations", {
      raw: '{"emails": [',
      headers: { "content-type": "application/json" },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe("MALFORMED_JSON");
    const bytes = await send("POST", "/public/invitations/preview", {
      raw: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      headers: { "content-type": "application/json" },
    });
    expect(bytes.status).toBe(400);
    expect(bytes.body.error.code).toBe("MALFORMED_JSON");
    expect(calls).toEqual([]);
  });

  it("R-SDK-06: VALIDATION_FAILED names each field (emails, roleId) in issues", async () => {
    const { send, calls } = setup();
    const { status, body } = await send("POST", "/invitations", {
      json: { tenantId: "acme", roleId: 7 },
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe("VALIDATION_FAILED");
    const byPath = Object.fromEntries(
      body.error.issues.map((issue: { path: string; message: string }) => [
        issue.path,
        issue.message,
      ]),
    );
    expect(byPath.emails).toContain("emails");
    expect(byPath.roleId).toContain("roleId");
    expect(calls).toEqual([]);
  });

  it("R-SDK-06: mass-assigned fields (status, token) in a create body are rejected by name", async () => {
    const { send, calls } = setup();
    const { status, body } = await send("POST", "/invitations", {
      json: { ...CREATE_BODY, status: "accepted", token: "chosen" },
    });
    expect(status).toBe(400);
    expect(body.error.issues).toEqual(
      expect.arrayContaining([
        { path: "status", message: expect.stringContaining("status") },
        { path: "token", message: expect.stringContaining("token") },
      ]),
    );
    expect(calls).toEqual([]);
  });

  it("R-SDK-06: a body that is not an object (array, null, number, string) answers 400", async () => {
    const { send } = setup();
    for (const raw of ["[]", "null", "42", '"x"', "true"]) {
      const { status, body } = await send("POST", "/public/invitations/preview", {
        raw,
        headers: { "content-type": "application/json" },
      });
      expect(status, raw).toBe(400);
      expect(body.error.code).toBe("VALIDATION_FAILED");
    }
  });

  it("R-SDK-06: __proto__ and NUL characters in a body are refused, not used", async () => {
    const { send, calls } = setup();
    const proto = await send("POST", "/public/invitations/preview", {
      raw: '{"token":"t","__proto__":{"isAdmin":true}}',
      headers: { "content-type": "application/json" },
    });
    expect(proto.status).toBe(400);
    expect(proto.body.error.issues[0].path).toBe("__proto__");
    const nul = await send("POST", "/public/invitations/preview", { json: { token: "a\u0000b" } });
    expect(nul.status).toBe(400);
    expect(nul.body.error.issues[0]).toEqual({
      path: "token",
      message: "token must not contain NUL characters.",
    });
    expect(calls).toEqual([]);
  });

  it("R-SDK-06: a deeply nested body answers 400 without exhausting the stack", async () => {
    const { send } = setup({ maxBodyBytes: 1_000_000 });
    const depth = 200_000;
    const nested = await send("POST", "/invitations", {
      raw: `{"emails":${"[".repeat(depth)}${"]".repeat(depth)}}`,
      headers: { "content-type": "application/json" },
    });
    expect(nested.status).toBe(400);
    expect(nested.body.error.code).toBe("VALIDATION_FAILED");
  });
});

describe("createFoyerHandler: no request content produces a 500", () => {
  it("R-SDK-06: odd bodies, paths, methods and queries all answer 2xx or 4xx", async () => {
    const { send, logger } = setup({ maxBodyBytes: 65_536 });
    const bodies: string[] = [
      "",
      " ",
      "{}",
      "[]",
      "null",
      "0",
      "-1e999",
      "1e309",
      '"\\ud800"',
      "\ufeff{}",
      '{"token":"\\ud800\\udfff"}',
      '{"token":{"toString":1}}',
      '{"constructor":{"prototype":{"x":1}}}',
      '{"__proto__":null}',
      '{"emails":null,"tenantId":[],"roleId":{}}',
      `{"emails":[${'"a@b.co",'.repeat(1200)}"a@b.co"],"tenantId":"t","roleId":"r"}`,
      '{"tenantId":"t","roleId":"r","emails":["x"],"expiresIn":"999d"}',
      '{"tenantId":"t","roleId":"r","emails":["x"],"teams":[""]}',
      '{"token":"t","firstName":"","lastName":"  ","password":1,"passwordConfirmation":null}',
      `{"a":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}`,
      '{"token":"t"',
      "\u0000",
      '{"token":"t"}\u0000',
    ];
    const posts = [
      "/invitations",
      "/invitations/inv-1/resend",
      "/invitations/inv-1/revoke",
      "/public/invitations/preview",
      "/public/invitations/accept",
    ];
    const statuses: number[] = [];
    for (const path of posts) {
      for (const raw of bodies) {
        const { status } = await send("POST", path, {
          raw,
          headers: { "content-type": "application/json" },
        });
        statuses.push(status);
      }
    }
    const paths = [
      "/invitations/%",
      "/invitations/%ZZ",
      "/invitations/%C0%AF",
      "/invitations/%ED%A0%80",
      "/invitations/..%2F..%2Fetc",
      `/invitations/${"a".repeat(5000)}`,
      "/tenants/%00/roles",
      "/invitations?limit=-1",
      "/invitations?limit=1e400",
      "/invitations?limit=0x10",
      "/invitations?sort=__proto__",
      "/invitations?cursor=%FF%FE",
      `/invitations?q=${"%".repeat(300)}`,
      "/invitations?tenantId=",
      "/invitations?counts=maybe",
      "/tenants/acme/events?limit=201",
      "/invitations/inv-1/events?cursor=&limit=",
      "//invitations",
      "/public/invitations/preview/..",
      "/%2e%2e/context",
    ];
    for (const path of paths) {
      for (const method of ["GET", "POST", "PUT", "HEAD", "OPTIONS"]) {
        const response = await send(method, path, method === "POST" ? { json: {} } : {}).catch(
          () => null,
        );
        // HEAD answers carry no body to parse; send() then throws, which is fine here.
        if (response) statuses.push(response.status);
      }
    }
    expect(statuses.length).toBeGreaterThan(200);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(logger.lines.filter((line) => line.level === "error")).toEqual([]);
  });
});
