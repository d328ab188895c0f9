// The cookie that binds an identity sign-up's state to the browser that started it
// (R-LNK-06): set by the start route, required by the callback, cleared by it. HttpOnly, and
// SameSite=Lax so it comes along on the provider's top-level redirect back to the callback.

/** The cookie's name. */
export const STATE_COOKIE = "foyer_oidc_state";

/** `Set-Cookie` for a started flow. */
export function stateCookie(
  state: string,
  options: { secure: boolean; maxAgeSeconds: number },
): string {
  const secure = options.secure ? "; Secure" : "";
  return `${STATE_COOKIE}=${state}; Path=/; Max-Age=${options.maxAgeSeconds}; HttpOnly; SameSite=Lax${secure}`;
}

/** `Set-Cookie` that removes it. */
export function clearStateCookie(secure: boolean): string {
  return `${STATE_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The state the request's `Cookie` header carries, or null. */
export function readStateCookie(cookieHeader: string | null): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === STATE_COOKIE) return value.join("=") || null;
  }
  return null;
}
