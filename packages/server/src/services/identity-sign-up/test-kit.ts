import { afterAll, beforeAll, beforeEach } from "vitest";
import { createTestFoyer, type TestFoyer } from "../../fixtures.ts";
import { createOidcSignUp, type OidcProviderConfig } from "../../oidc.ts";
import { type DevProvider, startDevProvider } from "../../oidc-dev-provider.fixture.ts";
import { createMemoryStore } from "../../store/memory/memory-store.ts";

// The identity-provider tests' setup: a real OpenID provider (oidc-provider) on a local port,
// a Foyer whose `identitySignUp` points at it, and the browser's steps: Foyer's start route,
// the provider's login, the callback with the browser's cookie.

export const REDIRECT = "https://app.example.com/auth/oidc/callback";
export const AFTER = "https://app.example.com/welcome";

/** What the tests share, set up anew before each test (the provider once per file). */
export const env = {} as {
  provider: DevProvider;
  foyer: TestFoyer;
  /** Foyer's clock (the provider keeps real time for its tokens). */
  clock: Date;
};

/**
 * Starts the provider with its accounts (ana verified at acme.com, eve at evil.test, una
 * unverified at acme.com, ed verified by Entra's `xms_edov` only, nil with no claim at all) and builds a Foyer for each test. `configure` adjusts the
 * provider's configuration in Foyer (its tenants, say).
 */
export function useIdentityFoyer(
  configure: (config: OidcProviderConfig) => OidcProviderConfig = (config) => config,
): void {
  beforeAll(async () => {
    env.provider = await startDevProvider(REDIRECT);
    const accounts = env.provider.accounts;
    accounts.set("ana", {
      email: "Ana@Acme.com",
      email_verified: true,
      given_name: "Ana",
      family_name: "Lopez",
    });
    accounts.set("eve", { email: "eve@evil.test", email_verified: true });
    accounts.set("una", { email: "una@acme.com", email_verified: false });
    accounts.set("ed", { email: "ed@acme.com", xms_edov: true });
    accounts.set("nil", { email: "nil@acme.com" });
  });
  afterAll(() => env.provider.close());

  beforeEach(async () => {
    const identitySignUp = createOidcSignUp({
      redirectUri: REDIRECT,
      afterSignUpUrl: AFTER,
      providers: [
        configure({
          id: "dev",
          name: "Dev SSO",
          issuer: env.provider.issuer,
          clientId: env.provider.clientId,
          clientSecret: env.provider.clientSecret,
          allowInsecureRequests: true,
        }),
      ],
    });
    env.clock = new Date();
    env.foyer = await createTestFoyer(createMemoryStore(), {
      identitySignUp,
      now: () => new Date(env.clock),
      hooks: {
        signIn: (user) => ({ "Set-Cookie": `session=${user.id}; Path=/; HttpOnly` }),
      },
    });
  });
}

/** POSTs a start route as the page does; answers the JSON and the state cookie. */
export async function startAt(path: string, token: string, providerId = "dev") {
  const response = await env.foyer.handler(
    new Request(`https://app.example.com${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "https://app.example.com" },
      body: JSON.stringify({ token, providerId }),
    }),
  );
  const body = (await response.json()) as {
    authorizationUrl?: string;
    error?: { code: string; message: string; issues?: unknown };
  };
  const setCookie = response.headers.get("set-cookie") ?? "";
  return { status: response.status, body, setCookie, cookie: setCookie.split(";")[0] ?? "" };
}

/** The provider sends the browser back: the callback route with the browser's cookie. */
export async function callback(url: URL, cookie: string | null) {
  const response = await env.foyer.identityCallback(
    new Request(url, { headers: cookie ? { cookie } : {} }),
  );
  return {
    status: response.status,
    location: response.headers.get("location") ?? "",
    cookies: response.headers.getSetCookie(),
  };
}

/** The error code a refused flow's redirect carries. */
export const errorIn = (location: string) => new URL(location).hash.match(/error=([A-Z_]+)$/)?.[1];
