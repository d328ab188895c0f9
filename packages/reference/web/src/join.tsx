import "@foyer/react/styles.css";
import "./demo.css";
import type { IdentityProvider } from "@foyer/core";
import { FoyerProvider, JoinPage } from "@foyer/react";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { cspNonce, foyerClient } from "./foyer-client.ts";
import { takeFromHash } from "./invitee-token.ts";

// `/join#token=…`: the page a tenant's invite link opens (R-LNK-06). New members verify their
// address from the email it sends (the development mailbox in this demo) before they sign in.
// "Continue with …" (R-LNK-06) starts the provider's sign-up and leaves for the provider; when
// it sends the browser back with a refusal, the callback returns here with `&error=CODE`; after
// a sign-up whose address the provider did not verify, with `&verify_email=…` ("check your
// email").

const { token, error: callbackError, verifyEmail } = takeFromHash();

function Join() {
  const [providerError, setProviderError] = useState<unknown>(callbackError || undefined);
  const continueWith = async (provider: IdentityProvider, linkToken: string) => {
    setProviderError(undefined);
    try {
      const { authorizationUrl } = await foyerClient.startIdentityJoin({
        token: linkToken,
        providerId: provider.id,
      });
      window.location.assign(authorizationUrl);
    } catch (error) {
      setProviderError(error);
    }
  };
  return (
    <JoinPage
      token={token}
      signInUrl="/login"
      termsUrl="/terms"
      privacyUrl="/privacy"
      redirectTo="/"
      onContinueWith={continueWith}
      providerError={providerError}
      verificationSentTo={verifyEmail || undefined}
    />
  );
}

function MissingToken() {
  return (
    <div className="foyer-root foyer-accept" data-state="invalid">
      <div className="foyer-accept__card">
        <div className="foyer-accept__message" data-state="error">
          <h1 className="foyer-accept__title">Open the invite link you were given</h1>
          <p>This page needs the invite link itself. Ask your administrator for it.</p>
          <a className="foyer-button foyer-button--primary foyer-accept__action" href="/login">
            Sign in instead
          </a>
        </div>
      </div>
    </div>
  );
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <main className="invitee-page">
        <FoyerProvider client={foyerClient} nonce={cspNonce}>
          {token === "" ? <MissingToken /> : <Join />}
        </FoyerProvider>
      </main>
    </StrictMode>,
  );
}
