import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";

// SHA-256 and HMAC-SHA256, synchronous everywhere (a batch of 1,000 invitations derives and
// hashes 2,000 tokens; Web Crypto would queue a thread-pool job for each). Node's own crypto
// where the runtime offers it (`process.getBuiltinModule`, Node 20.16 and later): native,
// several times faster than JavaScript. @noble/hashes elsewhere: browsers under MSW, edge
// runtimes. Nothing imports `node:crypto` here, so a browser bundle sees nothing of it; the
// bytes are the same either way (tokens.test.ts checks them against Web Crypto).

interface Digester {
  update(data: Uint8Array): Digester;
  digest(): Uint8Array;
}

interface NativeHashing {
  createHash(algorithm: "sha256"): Digester;
  createHmac(algorithm: "sha256", key: Uint8Array): Digester;
}

const native = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.("node:crypto") as NativeHashing | undefined;

/** SHA-256 of the bytes. */
export function sha256Digest(data: Uint8Array): Uint8Array {
  return native ? native.createHash("sha256").update(data).digest() : sha256(data);
}

/** HMAC-SHA256 of the bytes under the key. */
export function hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array {
  return native ? native.createHmac("sha256", key).update(data).digest() : hmac(sha256, key, data);
}

/** Whether the native implementation is in use (for tests). */
export const nativeDigests: boolean = native !== undefined;
