import type { VerifiedIdentity } from "../../types.ts";

/** Constant-time equality of two strings (the state in the URL and in the cookie). */
export function sameString(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The names of the account: the provider's given and family names, else its full name. */
export function personNames(identity: VerifiedIdentity, email: string) {
  const clean = (value: string | null) => (value ?? "").trim().slice(0, 100);
  const given = clean(identity.givenName);
  const family = clean(identity.familyName);
  if (given !== "" || family !== "") return { firstName: given, lastName: family };
  const [first = "", ...rest] = clean(identity.name).split(/\s+/);
  if (first !== "") return { firstName: first, lastName: rest.join(" ") };
  return { firstName: email.slice(0, email.indexOf("@")).slice(0, 100), lastName: "" };
}

/** What the account records of the provider. */
export function identityRef(providerId: string, identity: VerifiedIdentity) {
  return { providerId, issuer: identity.issuer, subject: identity.subject };
}
