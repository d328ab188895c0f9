import "./demo.css";
import { safeReturnUrl } from "./paths.ts";

// The reference app's own sign-in page: posts to `POST /login` (JSON) and goes back to the
// page that sent the person here (`?next=/admin`), on this origin only.

const form = document.querySelector<HTMLFormElement>("#sign-in");
const error = document.querySelector<HTMLParagraphElement>("#sign-in-error");
const next =
  safeReturnUrl(new URLSearchParams(location.search).get("next"), location.origin) ?? "/admin";

function showError(message: string): void {
  if (!error) return;
  error.textContent = message;
  error.hidden = false;
}

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
      error?: { message?: string };
    } | null;
    showError(body?.error?.message ?? "Sign-in failed. Try again.");
  } catch {
    showError("The server could not be reached. Check your connection and try again.");
  }
  button?.removeAttribute("aria-disabled");
  if (button) button.textContent = "Sign in";
});

document.querySelector<HTMLInputElement>("#email")?.focus();
