import { toBase64Url } from "../tokens.ts";
import { hmacSha256 } from "./digest.ts";

// Tokens that can be recomputed but are never stored. A token is
// `<kid>.<base64url(HMAC-SHA256(secret[kid], purpose | subject | generation))>`: 256 bits
// that only the holder of the server secret can produce. The store keeps the SHA-256 of
// the token (for lookup), the key id and the generation (to recompute it when an email is
// rendered or a link is copied again). A dump of every table therefore holds nothing that
// previews or accepts anything. HMAC-SHA256 is synchronous (digest.ts): Node's native crypto,
// or @noble/hashes where there is none (the handler also runs in the browser under MSW).

/** What a derived token opens. Part of the MAC input, so a token of one kind opens no other. */
export type TokenPurpose =
  | "invitation"
  | "invite_link"
  | "email_verification"
  | "oidc_verifier"
  | "oidc_nonce";

/**
 * The server secrets tokens are derived from. A string is one key with id `k1`. To rotate,
 * add a key and make it `current`; keep the old one in `keys` for as long as tokens derived
 * with it must be recomputable (the longest invitation expiry, 30 days): lookups go by hash,
 * so an old token keeps opening what it opened, but resending or copying it needs its key.
 * @example { current: "2026-12", keys: { "2026-11": process.env.OLD, "2026-12": process.env.NEW } }
 */
export type TokenSecrets = string | { current: string; keys: Readonly<Record<string, string>> };

/** Derives tokens from the server secrets. */
export interface TokenKeyring {
  /** The key id new tokens are derived with. */
  readonly currentKid: string;
  /** Whether a key id is still in the keyring (so its tokens can be recomputed). */
  has(kid: string): boolean;
  /**
   * The token for a subject and generation under a key (the current one unless given).
   * Throws `TokenKeyRetiredError` when `kid` is no longer in the keyring.
   */
  derive(
    purpose: TokenPurpose,
    subjectId: string,
    generation: number,
    kid?: string,
  ): Promise<string>;
}

/** A token was to be recomputed under a key that has been removed from the keyring. */
export class TokenKeyRetiredError extends Error {
  override readonly name = "TokenKeyRetiredError";
  constructor(readonly kid: string) {
    super(`Token key ${kid} is no longer configured; the token cannot be recomputed.`);
  }
}

const KID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
/** At least 32 characters: a secret is meant to carry 256 bits (e.g. `openssl rand -base64 32`). */
const MIN_SECRET_LENGTH = 32;

function normalise(secrets: TokenSecrets): { current: string; keys: Map<string, string> } {
  const spec = typeof secrets === "string" ? { current: "k1", keys: { k1: secrets } } : secrets;
  const keys = new Map(Object.entries(spec.keys));
  for (const [kid, secret] of keys) {
    if (!KID_PATTERN.test(kid)) {
      throw new Error(`tokenSecrets: key id ${JSON.stringify(kid)} must match ${KID_PATTERN}.`);
    }
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new Error(
        `tokenSecrets: key ${kid} is shorter than ${MIN_SECRET_LENGTH} characters; use 32 random bytes.`,
      );
    }
  }
  if (!keys.has(spec.current)) {
    throw new Error(`tokenSecrets: the current key ${spec.current} is not among the keys.`);
  }
  return { current: spec.current, keys };
}

/**
 * Builds the keyring; throws at start-up on a malformed configuration rather than at the
 * first invitation.
 * @example const keyring = createTokenKeyring(process.env.FOYER_TOKEN_SECRET);
 */
export function createTokenKeyring(secrets: TokenSecrets): TokenKeyring {
  const { current, keys } = normalise(secrets);
  const encoder = new TextEncoder();
  const keyBytes = new Map([...keys].map(([kid, secret]) => [kid, encoder.encode(secret)]));
  return {
    currentKid: current,
    has: (kid) => keys.has(kid),
    async derive(purpose, subjectId, generation, kid = current) {
      if (!Number.isSafeInteger(generation) || generation < 0) {
        throw new Error(`Token generation must be a non-negative integer, not ${generation}.`);
      }
      const secret = keyBytes.get(kid);
      if (secret === undefined) throw new TokenKeyRetiredError(kid);
      // Length-prefixed fields, so no two (purpose, subject, generation) share a MAC input.
      const input = [purpose, subjectId, String(generation)]
        .map((field) => `${field.length}:${field}`)
        .join("|");
      return `${kid}.${toBase64Url(hmacSha256(secret, encoder.encode(input)))}`;
    },
  };
}
