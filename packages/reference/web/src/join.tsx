import "@foyer/react/styles.css";
import "./demo.css";
import { FoyerProvider, JoinPage } from "@foyer/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { cspNonce, foyerClient } from "./foyer-client.ts";
import { takeTokenFromHash } from "./invitee-token.ts";

// `/join#token=…`: the page a tenant's invite link opens (R-LNK-06). New members verify their
// address from the email it sends (the development mailbox in this demo) before they sign in.

const token = takeTokenFromHash();

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
          {token === "" ? (
            <MissingToken />
          ) : (
            <JoinPage
              token={token}
              signInUrl="/login"
              termsUrl="/terms"
              privacyUrl="/privacy"
              redirectTo="/"
            />
          )}
        </FoyerProvider>
      </main>
    </StrictMode>,
  );
}
