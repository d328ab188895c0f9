import "./demo.css";
import { hasDevMailbox } from "./dev-mailbox.ts";
import { safeReturnUrl } from "./paths.ts";

// The reference app's own sign-in page: posts to `POST /login` (JSON) and goes back to the
// page that sent the person here (`?next=/admin`), on this origin only.

const form = document.querySelector<HTMLFormElement>("#sign-in");
const error = document.querySelector<HTMLParagraphElement>("#sign-in-error");
const resend = document.querySelector<HTMLButtonElement>("#resend-verification");
const resendStatus = document.querySelector<HTMLParagraphElement>("#resend-status");
/** Where Foyer takes resend requests, as the refused sign-in named it (R-LNK-09). */
let resendPath: string | null = null;
const next =
  safeReturnUrl(new URLSearchParams(location.search).get("next"), location.origin) ?? "/admin";

function showError(message: string): void {
  if (!error) return;
  error.textContent = message;
  error.hidden = false;
}

// R-LNK-09: an account that joined through an invite link signs in once its address is
// verified; until then the page offers a new verification email. Foyer answers the same
// whether or not the address waits for one, and so does this page.
resend?.addEventListener("click", async () => {
  if (!form || !resendPath || !resendStatus) return;
  const email = String(new FormData(form).get("email") ?? "").trim();
  resend.setAttribute("aria-disabled", "true");
  try {
    const response = await fetch(resendPath, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email }),
      credentials: "same-origin",
    });
    resendStatus.textContent = response.ok
      ? `If that address is waiting for verification, a new email is on its way.${
          hasDevMailbox ? " In this demo it arrives in the development mailbox (/dev/mailbox)." : ""
        }`
      : "The email could not be sent just now. Wait a minute and try again.";
  } catch {
    resendStatus.textContent = "The server could not be reached. Try again in a moment.";
  }
  resendStatus.hidden = false;
  resend.removeAttribute("aria-disabled");
});

form?.addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const email = String(data.get("email") ?? "").trim();
  const password = String(data.get("password") ?? "");
  if (email === "" || password === "") {
    showError("Enter your email and password.");
    return;
  }
  const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
  button?.setAttribute("aria-disabled", "true");
  if (button) button.textContent = "Signing in…";
  try {
    const response = await fetch("/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
      credentials: "same-origin",
    });
    if (response.ok) {
      location.assign(next);
      return;
    }
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string; details?: { resendPath?: unknown } };
    } | null;
    showError(body?.error?.message ?? "Sign-in failed. Try again.");
    const path = body?.error?.details?.resendPath;
    resendPath =
      body?.error?.code === "EMAIL_NOT_VERIFIED" && typeof path === "string" && path.startsWith("/")
        ? path
        : null;
    if (resend) resend.hidden = resendPath === null;
  } catch {
    showError("The server could not be reached. Check your connection and try again.");
  }
  button?.removeAttribute("aria-disabled");
  if (button) button.textContent = "Sign in";
});

// Accounts created with an identity provider have no password: they sign in there again
// (`/login/sso/<provider>`), and come back here with `?error=…` when that did not work.
const SSO_ERRORS: Record<string, string> = {
  sso_no_account:
    "No account here was created with that sign-in. Join through your invitation or invite link first.",
  sso_unverified: "Verify your email address first: open the link in the verification email.",
  sso_failed: "Signing in with your provider did not complete. Try again.",
  sso_unavailable: "That sign-in option is not available.",
};
const ssoError = SSO_ERRORS[new URLSearchParams(location.search).get("error") ?? ""];
if (ssoError) showError(ssoError);

async function showProviders(): Promise<void> {
  const box = document.querySelector<HTMLDivElement>("#sso");
  if (!box) return;
  const response = await fetch("/login/sso/providers", { credentials: "same-origin" });
  if (!response.ok) return;
  const { providers } = (await response.json()) as { providers: { id: string; name: string }[] };
  for (const provider of providers) {
    const link = document.createElement("a");
    link.className = "button button--block";
    link.href = `/login/sso/${encodeURIComponent(provider.id)}?next=${encodeURIComponent(next)}`;
    link.textContent = `Sign in with ${provider.name}`;
    box.append(link);
  }
  box.hidden = providers.length === 0;
}
void showProviders().catch(() => undefined);

document.querySelector<HTMLInputElement>("#email")?.focus();
