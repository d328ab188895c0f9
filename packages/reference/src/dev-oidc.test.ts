import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createScryptHasher } from "@foyer/server/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceApp, type ReferenceApp } from "./app.ts";
import { readEnvConfig } from "./config.ts";
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
  /** Signs up from the join page's "Continue with Dev SSO" as `email`; answers the last redirect. */
  async function continueWithDevSso(token: string, email: string): Promise<string> {
    const started = await request("/api/foyer/public/invite-links/identity/start", {
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

  it("R-LNK-06: an address the provider did not verify goes back to the join page with the error", async () => {
    const { token } = await acmeLink();
    const landed = await browser().continueWithDevSso(token, "kim+unverified@acme.example");
    // Back to the join page on this app (where the callback is), with the link's token.
    expect(landed).toBe(`${baseUrl}/join#token=${token}&error=IDENTITY_EMAIL_NOT_VERIFIED`);
    expect(await findUserByEmail(reference.db, "kim+unverified@acme.example")).toBeNull();
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
