import "@foyer/react/styles.css";
import "./demo.css";
import type { IdentityProvider } from "@foyer/core";
import { AcceptInvitePage, FoyerProvider } from "@foyer/react";
import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { cspNonce, foyerClient } from "./foyer-client.ts";
import { takeFromHash, takeTokenFromHash } from "./invitee-token.ts";

// `/accept-invite#token=…`: the invitee's page. The token travels in the fragment (see
// invitee-token.ts). Where an identity provider serves the tenant, "Accept with …" starts
// its flow; a refusal comes back here as `&error=CODE`.

/** No token at all (the page was opened without a link): say so in the component's card. */
function MissingToken() {
  return (
    <div className="foyer-root foyer-accept" data-state="invalid">
      <div className="foyer-accept__card">
        <div className="foyer-accept__message" data-state="error">
          <h1 className="foyer-accept__title">Open the link from your invitation email</h1>
          <p>
            This page needs the invitation link itself. Open it again from the email, or ask your
            administrator to send a new one.
          </p>
          <a className="foyer-button foyer-button--primary foyer-accept__action" href="/login">
            Sign in instead
          </a>
        </div>
      </div>
    </div>
  );
}

function InviteePage({
  initialToken,
  callbackError,
}: {
  initialToken: string;
  callbackError: string;
}) {
  const [token, setToken] = useState(initialToken);
  const [providerError, setProviderError] = useState<unknown>(callbackError || undefined);
  const continueWith = async (provider: IdentityProvider, invitationToken: string) => {
    setProviderError(undefined);
    try {
      const { authorizationUrl } = await foyerClient.startIdentityAccept({
        token: invitationToken,
        providerId: provider.id,
      });
      window.location.assign(authorizationUrl);
    } catch (error) {
      setProviderError(error);
    }
  };
  // A second link pasted into the same tab changes only the fragment: take that token too.
  useEffect(() => {
    const onHashChange = () => {
      const next = takeTokenFromHash();
      if (next !== "") {
        setProviderError(undefined);
        setToken(next);
      }
    };
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, []);
  return (
    <FoyerProvider client={foyerClient} nonce={cspNonce}>
      {token === "" ? (
        <MissingToken />
      ) : (
        // The accept signs the new member in; `/` then greets them by name.
        <AcceptInvitePage
          key={token}
          token={token}
          signInUrl="/login"
          redirectTo="/"
          onContinueWith={continueWith}
          providerError={providerError}
        />
      )}
    </FoyerProvider>
  );
}

// Read before anything renders, so the token never sits in the address bar while the page loads.
const { token: initialToken, error: callbackError } = takeFromHash();

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <main className="invitee-page">
        <InviteePage initialToken={initialToken} callbackError={callbackError} />
      </main>
    </StrictMode>,
  );
}
