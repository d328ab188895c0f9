import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

// A real OpenID provider (panva's oidc-provider) on a random local port, for the identity
// sign-up tests (not exported from the package). Accounts are what `accounts` holds; its
// development login form takes any account id with any password, and consent is granted
// by itself (a first-party client), so a test signs in with one form post.

export interface DevAccount {
  email: string;
  /** Absent: the ID token carries no `email_verified` claim. */
  email_verified?: boolean;
  /** Microsoft Entra ID's "email domain owner verified" claim. */
  xms_edov?: boolean;
  given_name?: string;
  family_name?: string;
}

export interface DevProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, DevAccount>;
  /**
   * Follows the browser from the authorization URL through the login form, as `accountId`,
   * back to the client: answers the callback URL (with `code` and `state`) it redirects to.
   */
  signIn(authorizationUrl: string, accountId: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startDevProvider(redirectUri: string): Promise<DevProvider> {
  const accounts = new Map<string, DevAccount>();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "foyer-test";
  const clientSecret = "test-client-secret-that-is-long-enough";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    cookies: { keys: ["dev-provider-cookie-key"] },
    pkce: { required: () => true },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified", "xms_edov"],
      profile: ["given_name", "family_name"],
    },
    async findAccount(_ctx: KoaContextWithOIDC, id: string) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({
        clientId: client.clientId,
        accountId: session.accountId,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  server.on("request", provider.callback());

  async function signIn(authorizationUrl: string, accountId: string): Promise<URL> {
    const jar = new Map<string, string>();
    const remember = (response: Response) => {
      for (const cookie of response.headers.getSetCookie()) {
        const [pair = ""] = cookie.split(";");
        const at = pair.indexOf("=");
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
    };
    const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
    let url = new URL(authorizationUrl);
    let body: URLSearchParams | null = null;
    for (let hops = 0; hops < 10; hops += 1) {
      if (url.href.startsWith(redirectUri)) return url;
      const response = await fetch(url, {
        method: body ? "POST" : "GET",
        redirect: "manual",
        headers: { cookie: cookie() },
        ...(body ? { body } : {}),
      });
      remember(response);
      body = null;
      const location = response.headers.get("location");
      if (location) {
        url = new URL(location, url);
        continue;
      }
      // The development login form: post the account id.
      if (response.status === 200 && url.pathname.startsWith("/interaction/")) {
        await response.text();
        body = new URLSearchParams({ prompt: "login", login: accountId, password: "any" });
        continue;
      }
      throw new Error(
        `The provider answered ${response.status} at ${url.pathname}: ${await response.text()}`,
      );
    }
    throw new Error("Too many redirects at the provider.");
  }

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    signIn,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
