import { beforeEach, describe, expect, it } from "vitest";
import { createTestFoyer, type TestFoyer, tokenFromLink } from "../fixtures.ts";
import { createMemoryStore } from "../store/memory/memory-store.ts";

// R-EML-04: CR/LF in names, addresses and the message, through the HTTP API. Names are
// refused with a field error; addresses are skipped as invalid; the message (a body-only,
// multi-line text) is kept but never reaches a header; and a name that came in another way
// (the host's actor) is made one line before any mailer sees it.

let foyer: TestFoyer;

beforeEach(async () => {
  foyer = await createTestFoyer(createMemoryStore());
});

async function post(path: string, body: unknown, actorId?: string) {
  const response = await foyer.handler(
    new Request(`https://app.example.com${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(actorId ? { authorization: `Bearer ${actorId}` } : {}),
      },
      body: JSON.stringify(body),
    }),
  );
  return { status: response.status, body: await response.json() };
}

const invite = (body: Record<string, unknown>) =>
  post("/invitations", { tenantId: "acme", roleId: "client_user", ...body }, "dana");

describe("header injection", () => {
  it("R-EML-04: a name, names entry, department or team with CR/LF is refused with a field error", async () => {
    const hostile = "Evil\r\nBcc: victim@example.com";
    for (const [field, extra] of [
      ["name", { name: hostile }],
      ["names.ana@acme.com", { names: { "ana@acme.com": hostile } }],
      ["department", { department: "Sales\nBcc: x@y.z" }],
      ["teams.0", { teams: ["north\r"] }],
    ] as const) {
      const answer = await invite({ emails: ["ana@acme.com"], ...extra });
      expect(answer.status, field).toBe(400);
      expect(answer.body.error.code).toBe("VALIDATION_FAILED");
      expect(answer.body.error.issues[0].path).toBe(field);
      expect(answer.body.error.issues[0].message).toContain("single line");
    }
    expect(await foyer.store.listEmails({})).toEqual([]);
  });

  it("R-EML-04: an address with CR/LF inside is skipped as invalid; a trailing newline is trimmed away", async () => {
    const answer = await invite({
      emails: ["ana@acme.com\r\nBcc: victim@example.com", "bob@acme.com\r\n"],
      delivery: "email",
    });
    expect(answer.status).toBe(200);
    expect(answer.body.skipped).toEqual([expect.objectContaining({ reason: "invalid_email" })]);
    expect(answer.body.created.map((c: { email: string }) => c.email)).toEqual(["bob@acme.com"]);
    await foyer.dispatcher.runOnce();
    expect(foyer.mailbox.messages().map((m) => m.to)).toEqual(["bob@acme.com"]);
  });

  it("R-EML-04: the accept form refuses a first or last name with CR/LF", async () => {
    const created = await invite({ emails: ["ana@acme.com"], delivery: "link" });
    const token = tokenFromLink(created.body.created[0].link);
    for (const field of ["firstName", "lastName"]) {
      const answer = await post("/public/invitations/accept", {
        token,
        firstName: "Ana",
        lastName: "Lima",
        [field]: "Evil\r\nBcc: victim@example.com",
        password: "Tr1cky-Lantern!",
        passwordConfirmation: "Tr1cky-Lantern!",
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error.issues[0].path).toBe(field);
    }
    expect((await foyer.store.listEmails({})).length).toBe(0);
  });

  it("R-EML-04: a multi-line message stays in the body, and a host's actor name with CR/LF reaches the subject as one line", async () => {
    const dana = foyer.actorsById.get("dana")!;
    foyer.actorsById.set("dana", { ...dana, name: "Dana\r\nBcc: victim@example.com" });
    const answer = await invite({
      emails: ["ana@acme.com"],
      delivery: "email",
      message: "Hello\r\nBcc: victim@example.com\r\n\r\nSee you",
    });
    expect(answer.status).toBe(200);
    await foyer.dispatcher.runOnce();
    const [mail] = foyer.mailbox.messages();
    expect(mail?.to).toBe("ana@acme.com");
    expect(mail?.subject).toBe("Dana Bcc: victim@example.com invited you to join Acme Corp");
    expect(mail?.subject).not.toMatch(/[\r\n]/);
    expect(mail?.text).toContain("See you");
  });
});
