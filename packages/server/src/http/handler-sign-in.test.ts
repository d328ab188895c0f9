import { describe, expect, it } from "vitest";
import { setup } from "./test-setups.ts";

describe("createFoyerHandler: accept and sign-in", () => {
  const ACCEPT = {
    token: "t",
    firstName: " Ann ",
    lastName: "Lee",
    password: "Secret-123!",
    passwordConfirmation: "Secret-123!",
  };

  it("R-INV-12: after an accept, signIn's headers are appended and several Set-Cookie survive", async () => {
    const signedIn: unknown[] = [];
    const { send, calls } = setup({
      signIn(user) {
        signedIn.push(user);
        return [
          ["Set-Cookie", "session=abc; HttpOnly; Path=/"],
          ["Set-Cookie", "csrf=def; Path=/"],
          ["Content-Type", "text/html"],
        ];
      },
    });
    const { status, response } = await send("POST", "/public/invitations/accept", {
      json: ACCEPT,
      actor: null,
    });
    expect(status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([
      "session=abc; HttpOnly; Path=/",
      "csrf=def; Path=/",
    ]);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(signedIn).toEqual([{ id: "user-9", email: "new@acme.example.com", tenantId: "acme" }]);
    expect(calls[0]?.args[0]).toMatchObject({ firstName: "Ann" });
  });

  it("R-INV-12: an accept that asks for email verification does not sign in", async () => {
    let signIns = 0;
    const { send } = setup({
      override: {
        async acceptInvitation() {
          return {
            user: { id: "u", email: "e@x.example.com", firstName: "A", lastName: "B" },
            tenantId: "acme",
            next: "verify_email",
          };
        },
      },
      signIn() {
        signIns += 1;
        return { "Set-Cookie": "session=1" };
      },
    });
    const { status, response } = await send("POST", "/public/invitations/accept", { json: ACCEPT });
    expect(status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(signIns).toBe(0);
  });

  it("R-INV-12: a failing signIn hook still answers the completed accept, and is logged", async () => {
    const { send, logger } = setup({
      signIn() {
        throw new Error("session store down");
      },
    });
    const { status, body } = await send("POST", "/public/invitations/accept", { json: ACCEPT });
    expect(status).toBe(200);
    expect(body.user.id).toBe("user-9");
    expect(logger.lines).toEqual([
      {
        level: "error",
        message: "Foyer signIn hook failed",
        data: { method: "POST", route: "acceptInvitation" },
      },
    ]);
  });
});
