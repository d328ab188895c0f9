import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createScryptHasher } from "@foyer/server/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceApp, type ReferenceApp } from "./app.ts";
import { readEntraConfig, readEnvConfig } from "./config.ts";
import { SEEDED_SIGN_INS } from "./seed.ts";
import { call, signIn } from "./test-kit.ts";
import { findUserByEmail } from "./users.ts";

// "Continue with Dev SSO" on /join (R-LNK-06) through the reference app over HTTP, as a
// browser does it: the start call, the development provider's login form at /dev/oidc, the
// callback at /auth/oidc/callback, and the session it leaves.

const morgan = SEEDED_SIGN_INS.find((s) => s.roleId === "msp_admin")!;
let server: Server;
let baseUrl: string;
let reference: ReferenceApp;

beforeAll(async () => {
  // The provider's issuer is the app's own URL, so the port is known before the app is made.
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  reference = await createReferenceApp({
    publicBaseUrl: baseUrl,
    sessionSecret: "test-secret-of-the-reference-app",
    tokenSecrets: "token-secret-of-the-reference-app-tests",
    logger: { info() {}, warn() {}, error() {} },
    inMemory: true,
    seed: true,
    devOidc: true,
    passwordHasher: createScryptHasher({ N: 2 ** 14 }),
  });
  server.on("request", reference.app);
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await reference?.close();
});

/** A browser: one cookie jar, redirects followed by hand (to see each one). */
function browser() {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  async function request(
    url: string,
    init: { method?: string; body?: URLSearchParams | string; type?: string } = {},
  ) {
    const response = await fetch(new URL(url, baseUrl), {
      method: init.method ?? "GET",
      redirect: "manual",
      headers: {
        cookie: cookie(),
        ...(init.type ? { "content-type": init.type, origin: baseUrl } : {}),
      },
      ...(init.body ? { body: init.body } : {}),
    });
    for (const set of response.headers.getSetCookie()) {
      const [pair = ""] = set.split(";");
      const at = pair.indexOf("=");
      const value = pair.slice(at + 1);
      if (value === "" || /max-age=0/i.test(set)) jar.delete(pair.slice(0, at));
      else jar.set(pair.slice(0, at), value);
    }
    return response;
  }
  /**
   * Signs up from the join page's "Continue with Dev SSO" (or accepts from the accept page's
   * "Accept with Dev SSO", `path` its start route) as `email`; answers the last redirect.
   */
  async function continueWithDevSso(
    token: string,
    email: string,
    path = "/api/foyer/public/invite-links/identity/start",
  ): Promise<string> {
    const started = await request(path, {
      method: "POST",
      type: "application/json",
      body: JSON.stringify({ token, providerId: "dev" }),
    });
    expect(started.status).toBe(200);
    let url = ((await started.json()) as { authorizationUrl: string }).authorizationUrl;
    expect(url.startsWith(`${baseUrl}/dev/oidc/`)).toBe(true);
    let form: URLSearchParams | undefined;
    for (let hops = 0; hops < 10; hops += 1) {
      const response = await request(url, form ? { method: "POST", body: form } : {});
      form = undefined;
      const location = response.headers.get("location");
      if (new URL(url).pathname === "/auth/oidc/callback") return location ?? "";
      if (location) {
        url = new URL(location, url).href;
        continue;
      }
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('name="login"');
      form = new URLSearchParams({ prompt: "login", login: email, password: "anything" });
    }
    throw new Error("The flow did not come back to the callback.");
  }
  return { request, continueWithDevSso, cookie };
}

/** Acme's link as the admin copies it, and its token. */
async function acmeLink(): Promise<{ url: string; token: string }> {
  const cookie = await signIn(baseUrl, morgan.email, morgan.password);
  const answer = await call<{ link: { url: string } }>(
    baseUrl,
    "GET",
    "/api/foyer/tenants/acme/invite-link",
    { cookie },
  );
  const { url } = answer.body.link;
  return { url, token: new URL(url).hash.replace(/^#token=/, "") };
}

describe("Dev SSO in the reference app", () => {
  it("R-LNK-06: /join offers Dev SSO; signing up there creates a verified account without a password and signs it in", async () => {
    const { token } = await acmeLink();
    const preview = await call<{ identityProviders: unknown[] }>(
      baseUrl,
      "POST",
      "/api/foyer/public/invite-links/preview",
      { body: { token } },
    );
    expect(preview.body.identityProviders).toEqual([{ id: "dev", name: "Dev SSO" }]);

    const visitor = browser();
    const landed = await visitor.continueWithDevSso(token, "sam.sso@acme.example");
    expect(landed).toBe(`${baseUrl}/`);
    const me = await visitor.request("/me");
    expect(await me.json()).toMatchObject({ user: { email: "sam.sso@acme.example" } });
    const user = await findUserByEmail(reference.db, "sam.sso@acme.example");
    expect(user).toMatchObject({
      first_name: "Sam",
      last_name: "Sso",
      tenant_id: "acme",
      email_verified: true,
      password_hash: null,
    });
    // No password: password sign-in is refused like a wrong password.
    const login = await call(baseUrl, "POST", "/login", {
      body: { email: "sam.sso@acme.example", password: "anything" },
    });
    expect(login.status).toBe(401);
  });

  it("R-LNK-06/09: an address the provider did not verify gets an unverified account and the join page's 'check your email' step", async () => {
    const { token } = await acmeLink();
    const visitor = browser();
    const landed = await visitor.continueWithDevSso(token, "kim+unverified@acme.example");
    // Back to the join page on this app (where the callback is), with the link's token.
    expect(landed).toBe(
      `${baseUrl}/join#token=${token}&verify_email=kim%2Bunverified%40acme.example`,
    );
    expect(await findUserByEmail(reference.db, "kim+unverified@acme.example")).toMatchObject({
      email_verified: false,
      password_hash: null,
    });
    expect((await visitor.request("/me")).status).toBe(401);
  });

  it("R-INV-12: Globex (SSO) invitees accept with Dev SSO only: the invited address joins, another is refused", async () => {
    const cookie = await signIn(baseUrl, morgan.email, morgan.password);
    const created = await call<{ created: Array<{ link: string }> }>(
      baseUrl,
      "POST",
      "/api/foyer/invitations",
      {
        cookie,
        body: {
          tenantId: "globex",
          emails: ["sso.invitee@globex.example"],
          roleId: "client_user",
          delivery: "link",
        },
      },
    );
    const link = created.body.created[0]?.link ?? "";
    const token = new URL(link).hash.replace(/^#token=/, "");
    const preview = await call<{ identityProviders: unknown[]; passwordAllowed: boolean }>(
      baseUrl,
      "POST",
      "/api/foyer/public/invitations/preview",
      { body: { token } },
    );
    expect(preview.body).toMatchObject({
      identityProviders: [{ id: "dev", name: "Dev SSO" }],
      passwordAllowed: false,
    });
    const start = "/api/foyer/public/invitations/identity/start";
    const wrong = await browser().continueWithDevSso(token, "someone@globex.example", start);
    expect(wrong).toBe(`${baseUrl}/accept-invite#token=${token}&error=IDENTITY_EMAIL_MISMATCH`);

    const invitee = browser();
    expect(await invitee.continueWithDevSso(token, "sso.invitee@globex.example", start)).toBe(
      `${baseUrl}/`,
    );
    expect(await (await invitee.request("/me")).json()).toMatchObject({
      user: { email: "sso.invitee@globex.example" },
    });
    expect(await findUserByEmail(reference.db, "sso.invitee@globex.example")).toMatchObject({
      tenant_id: "globex",
      email_verified: true,
      password_hash: null,
    });
  });

  it("R-LNK-04: an address outside Acme's domain is refused", async () => {
    const { token } = await acmeLink();
    const landed = await browser().continueWithDevSso(token, "lee@elsewhere.example");
    expect(landed).toBe(`${baseUrl}/join#token=${token}&error=EMAIL_DOMAIN_NOT_ALLOWED`);
  });

  it("FOYER_DEV_OIDC is refused in production", () => {
    expect(readEnvConfig({ FOYER_DEV_OIDC: "1" }, []).devOidc).toBe(true);
    expect(readEnvConfig({}, ["--dev-oidc"]).devOidc).toBe(true);
    expect(readEnvConfig({}, []).devOidc).toBe(false);
    expect(() => readEnvConfig({ FOYER_DEV_OIDC: "1", NODE_ENV: "production" }, [])).toThrow(
      /production/,
    );
  });
});

describe("Microsoft Entra ID from the environment", () => {
  const entra = {
    ENTRA_TENANT_ID: "0b1e5c3a-1111-4222-8333-944455556666",
    ENTRA_CLIENT_ID: "client-id",
    ENTRA_CLIENT_SECRET: "client-secret",
  };

  it("R-LNK-06: the three variables make the Microsoft provider, trusted for its own directory, limited to the listed tenants", () => {
    expect(readEntraConfig({})).toBeUndefined();
    expect(readEntraConfig({ ...entra, ENTRA_FOYER_TENANTS: " globex, acme " })).toEqual({
      id: "microsoft",
      name: "Microsoft",
      issuer: `https://login.microsoftonline.com/${entra.ENTRA_TENANT_ID}/v2.0`,
      clientId: "client-id",
      clientSecret: "client-secret",
      prompt: "select_account",
      trustEmailAddresses: true,
      tenantIds: ["globex", "acme"],
    });
    expect(readEnvConfig({ ...entra }, []).entra?.tenantIds).toBeUndefined();
  });

  it("R-LNK-06: a multi-tenant issuer is not trusted for addresses; a partial or odd setting is refused by name", () => {
    expect(readEntraConfig({ ...entra, ENTRA_TENANT_ID: "organizations" })).toMatchObject({
      trustEmailAddresses: false,
    });
    expect(() => readEntraConfig({ ENTRA_TENANT_ID: "contoso.onmicrosoft.com" })).toThrow(
      "ENTRA_CLIENT_ID and ENTRA_CLIENT_SECRET",
    );
    expect(() => readEntraConfig({ ...entra, ENTRA_TENANT_ID: "x/../evil" })).toThrow(
      /ENTRA_TENANT_ID/,
    );
  });
});
