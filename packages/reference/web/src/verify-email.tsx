import "@foyer/react/styles.css";
import "./demo.css";
import { FoyerProvider, VerifyEmailPage } from "@foyer/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { cspNonce, foyerClient } from "./foyer-client.ts";
import { takeTokenFromHash } from "./invitee-token.ts";

// `/verify-email#token=…`: where a verification email's link lands (R-LNK-09). Verified, the
// new member signs in (or, when the server signed them in, goes on to `/`).

const token = takeTokenFromHash();

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <main className="invitee-page">
        <FoyerProvider client={foyerClient} nonce={cspNonce}>
          <VerifyEmailPage token={token} signInUrl="/login" redirectTo="/" />
        </FoyerProvider>
      </main>
    </StrictMode>,
  );
}
