import { sha256Digest } from "./tokens/digest.ts";

// R-INV-11: tokens carry 256 bits from the platform CSPRNG (Web Crypto, so the same code
// runs in Node, browsers and edge runtimes), travel URL-safe, and are stored only as a
// SHA-256 hash. Lookups go by hash through a unique index, so no comparison of secret
// bytes happens in application code and nothing leaks through timing.

const TOKEN_BYTES = 32;

/** A fresh URL-safe token with 256 bits of entropy (43 base64url characters). */
export function generateToken(): string {
  const bytes = new Uint8Array(TOKEN_BYTES);
  crypto.getRandomValues(bytes);
  return toBase64Url(bytes);
}

/** The SHA-256 hash (hex) under which a token is stored. */
export async function hashToken(token: string): Promise<string> {
  // Synchronous (see tokens/digest.ts): the same digest as Web Crypto's, without a job on
  // the thread pool per token.
  return toHex(sha256Digest(new TextEncoder().encode(token)));
}

/** Base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Decodes base64url (with or without padding); throws on characters outside the alphabet. */
export function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/** Lower-case hex. */
export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
  return out;
}

/** A random id for rows (UUID v4). */
export function newId(): string {
  return crypto.randomUUID();
}
