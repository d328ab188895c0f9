import type { IdentitySignUp } from "@foyer/server";

/**
 * The mock's identity provider: "Microsoft", serving Globex (the SSO tenant), so its
 * invitees see "Accept with Microsoft" and no password form. Starting a flow answers a
 * provider URL as the real server does (a story's `onContinueWith` decides what happens
 * next); there is no provider behind it, so a callback never completes in the mock.
 */
export const mockIdentitySignUp: IdentitySignUp = {
  providers: [{ id: "microsoft", name: "Microsoft", tenantIds: ["globex"] }],
  redirectUri: "https://app.example.com/auth/oidc/callback",
  afterSignUpUrl: "https://app.example.com/",
  async authorizationUrl(_providerId, checks) {
    const url = new URL("https://login.microsoftonline.example/authorize");
    url.searchParams.set("state", checks.state);
    url.searchParams.set("nonce", checks.nonce);
    return url.href;
  },
  async verifyCallback() {
    throw new Error("The mock has no identity provider behind its authorization URL.");
  },
};
