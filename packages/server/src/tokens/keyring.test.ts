import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { describe, expect, it } from "vitest";
import { hashToken, toBase64Url } from "../tokens.ts";
import { hmacSha256, nativeDigests, sha256Digest } from "./digest.ts";
import { createTokenKeyring, TokenKeyRetiredError } from "./keyring.ts";

const A = "a".repeat(32);
const B = "b".repeat(32);

describe("token keyring", () => {
  it("R-EML-04: derives the same URL-safe 256-bit token for the same subject and generation", async () => {
    const keyring = createTokenKeyring(A);
    const first = await keyring.derive("invitation", "inv_1", 0);
    expect(first).toBe(await keyring.derive("invitation", "inv_1", 0));
    expect(first).toMatch(/^k1\.[A-Za-z0-9_-]{43}$/);
  });

  it("R-EML-04: a new generation, another subject or another purpose gives another token", async () => {
    const keyring = createTokenKeyring(A);
    const base = await keyring.derive("invitation", "inv_1", 0);
    const others = await Promise.all([
      keyring.derive("invitation", "inv_1", 1),
      keyring.derive("invitation", "inv_2", 0),
      keyring.derive("invite_link", "inv_1", 0),
      // Field boundaries are length-prefixed: "inv_1" + "10" never collides with "inv_11" + "0".
      keyring.derive("invitation", "inv_11", 0),
    ]);
    expect(new Set([base, ...others]).size).toBe(5);
  });

  it("R-EML-04: another secret derives another token; rotation keeps old keys recomputable", async () => {
    const before = createTokenKeyring({ current: "old", keys: { old: A } });
    const rotated = createTokenKeyring({ current: "new", keys: { old: A, new: B } });
    const oldToken = await before.derive("invitation", "inv_1", 3);
    expect(await rotated.derive("invitation", "inv_1", 3, "old")).toBe(oldToken);
    const newToken = await rotated.derive("invitation", "inv_1", 3);
    expect(newToken.startsWith("new.")).toBe(true);
    expect(newToken.slice(4)).not.toBe(oldToken.slice(4));
  });

  it("R-EML-04: tokens and their hashes are the HMAC-SHA256 and SHA-256 Web Crypto computes, so tokens issued before keep working", async () => {
    const secret = `${"s".repeat(31)}é-ünïcode`;
    const keyring = createTokenKeyring({ current: "2026-12", keys: { "2026-12": secret } });
    const key = await crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    for (const [purpose, subject, generation] of [
      ["invitation", "inv_01JDX", 1],
      ["invite_link", "ten_ä", 7],
      ["email_verification", "ver_|:|", 0],
    ] as const) {
      const input = `${purpose.length}:${purpose}|${subject.length}:${subject}|${String(generation).length}:${generation}`;
      const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(input));
      const token = await keyring.derive(purpose, subject, generation);
      expect(token).toBe(`2026-12.${toBase64Url(new Uint8Array(mac))}`);
      const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
      expect(await hashToken(token)).toBe(
        [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join(""),
      );
    }
  });

  it("R-EML-04: Node's native digests and the JavaScript ones browsers use give the same bytes", () => {
    expect(nativeDigests).toBe(true);
    const encoder = new TextEncoder();
    for (const [key, data] of [
      ["k".repeat(32), ""],
      [`${"s".repeat(31)}é-ünïcode`, "12:invite_link|5:ten_ä|1:7"],
      ["x".repeat(200), "a".repeat(10_000)],
    ] as const) {
      const keyBytes = encoder.encode(key);
      const bytes = encoder.encode(data);
      expect([...hmacSha256(keyBytes, bytes)]).toEqual([...hmac(sha256, keyBytes, bytes)]);
      expect([...sha256Digest(bytes)]).toEqual([...sha256(bytes)]);
    }
  });

  it("R-EML-04: recomputing under a retired key fails with TokenKeyRetiredError", async () => {
    const keyring = createTokenKeyring({ current: "new", keys: { new: B } });
    expect(keyring.has("old")).toBe(false);
    await expect(keyring.derive("invitation", "inv_1", 0, "old")).rejects.toBeInstanceOf(
      TokenKeyRetiredError,
    );
  });

  it("refuses short secrets, odd key ids and a current key that is missing, at start-up", () => {
    expect(() => createTokenKeyring("short")).toThrow(/shorter than 32/);
    expect(() => createTokenKeyring({ current: "a.b", keys: { "a.b": A } })).toThrow(/key id/);
    expect(() => createTokenKeyring({ current: "k2", keys: { k1: A } })).toThrow(/current key/);
  });
});
