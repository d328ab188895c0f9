import type { ErrorCode } from "@foyer/core";
import type { Foyer, Store } from "@foyer/server";
import type { Fixture, UserDirectory } from "@foyer/server/testing";

// What scenarios are and the fixed values they store (tokens, ids), apart from the
// scenarios themselves (scenarios.ts) and how they seed (internal/scenario-seeds.ts).

/** The signed-in people a scenario can switch between (the fixture's actors). */
export type ActorKey = keyof Fixture["actors"];

/** The kinds of invitee tokens the token scenarios seed. */
export type TokenKind = "valid" | "expired" | "revoked" | "used";

/**
 * Plaintext tokens the token scenarios store (only their hashes are stored, as on the real
 * server). Fixed, so a story can put one in its args; mock-only, never valid anywhere else.
 * `invalid` is never stored by any scenario: previewing it answers `TOKEN_INVALID`.
 */
export const SCENARIO_TOKENS = {
  valid: "mock-valid-token-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  expired: "mock-expired-token-BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
  revoked: "mock-revoked-token-CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC",
  used: "mock-used-token-DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD",
  invalid: "mock-invalid-token-EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE",
} as const;

/**
 * The plaintext token of Acme's invite link in the link scenarios. Like the server's, it is
 * derived from the (public) test secret, the link's id and its generation; only its hash is
 * stored, and the admin's `getInviteLink` answers the URL that carries it.
 */
export const SCENARIO_LINK_TOKEN = "k1.vgInmmcurVeRHPKxWbNoPm6njV7R88x5zc4r2hySJtw";

/** The id Acme's invite link has in the link scenarios (the token derives from it). */
export const SCENARIO_LINK_ID = "mock-link-acme";

/** The kinds of verification tokens `pendingVerification` seeds. */
export type VerificationKind = "valid" | "expired" | "used";

/** Plaintext verification tokens of `pendingVerification`, derived like the link's. */
export const SCENARIO_VERIFICATION_TOKENS: Record<VerificationKind, string> = {
  valid: "k1.L096046tRw3GVnSQrZXz_cjxp0e8TlZ1OxYhU7D7NZw",
  expired: "k1.IlO63YffC4XI0Up5S9QLl6bKBmKR8XEYOeNEwGPGtRM",
  used: "k1.kGie4a7ayNhY96vu2habdeTK8_4TrC-WdxiC_UxMWnU",
};

/** What a scenario's `seed` receives: the fixture tenant tree is already in the store. */
export interface ScenarioContext {
  foyer: Foyer;
  store: Store;
  /** Tenants (MSP Northwind with Acme and Globex; Guardian apart), roles and actors. */
  fixture: Fixture;
  /** The host's user directory behind `findUserByEmail` and `createAccount`. */
  users: UserDirectory;
  /** The moment seeding started; rows are placed in time relative to it. */
  now: Date;
}

/**
 * A named, seedable state of the mock. Pass one of `scenarios` (or its name) to
 * `createFoyerMsw`, or write your own.
 * @example
 * const oneInvite: Scenario = {
 *   ...scenarios.empty,
 *   name: "one-invite",
 *   async seed(context) { await context.foyer.services.createInvitations(…); },
 * };
 */
export interface Scenario {
  name: string;
  /** One sentence for Storybook docs. */
  description: string;
  /** The tenant the scenario is about (the one a story shows). */
  tenantId: string;
  /** Who is signed in at the start. */
  actor: ActorKey;
  /** Plaintext invitee tokens this scenario stored. */
  tokens: Partial<Record<TokenKind, string>>;
  /** The plaintext token of the invite link this scenario stored, if any. */
  linkToken?: string | undefined;
  /** Plaintext email-verification tokens this scenario stored, if any. */
  verificationTokens?: Partial<Record<VerificationKind, string>> | undefined;
  /** Milliseconds added before every answer; 0 for none. */
  latencyMs: number;
  /** When set, every call answers this error instead of reaching the handler; null for none. */
  failure: ErrorCode | null;
  /** Adds the scenario's data on top of the fixture. */
  seed(context: ScenarioContext): Promise<void>;
}

export const ACME = "acme";
export const GLOBEX = "globex";

/** How many invitations `busy` seeds. */
export const BUSY_INVITATIONS = 10_000;

/** The invitation id each token scenario stores, so tests can look it up. */
export const SCENARIO_INVITATION_IDS: Record<TokenKind, string> = {
  valid: "mock-inv-valid",
  expired: "mock-inv-expired",
  revoked: "mock-inv-revoked",
  used: "mock-inv-used",
};
